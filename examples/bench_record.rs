//! Training records and the 学时登记表 on a large register. Run:
//! `cargo run --release --example bench_record`.
//!
//! A 100k register, 40 cohorts of the year of 60 people each (8 sessions, everyone
//! checked in every session: 19,200 events) and 2,000 hours recorded from elsewhere.
//! Side by side in the same run:
//! - baseline: the year report's figures without the coverage matrix (what the desk's
//!   dashboard reads: register, cohorts, enrolments, events);
//! - `report hours` (ops::record::hours_report): each cohort's credit computed once;
//! - one person's record (ops::record::training_record: `person show`, the desk's lookup);
//! - what a per-person register would cost: that record for each of 200 enrolled people
//!   (measured, not extrapolated), beside the one-pass report.

use std::time::{Duration, Instant};

#[path = "../tests/common/fixtures.rs"]
mod fixtures;

use chrono::{Duration as Days, NaiveDate};
use lunxun::demo::generate_register;
use lunxun::domain::register::Change;
use lunxun::domain::{AttendanceEvent, CheckInStatus, Cohort, EventKind, Level, PersonId};
use lunxun::ops::record::{HoursQuery, hours_report, training_record};
use lunxun::ops::year::{Year, report};
use lunxun::store::{Batch, Store};

const REGISTER: usize = 100_000;
const COHORTS: usize = 40;
const PER_COHORT: usize = 60;
const OUTSIDE: usize = 2_000;
const RUNS: usize = 5;

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("store opens");
    let people = generate_register(REGISTER, 7);
    let started = Instant::now();
    seed(&store, &people);
    println!(
        "seeded {REGISTER} people, {COHORTS} cohorts × {PER_COHORT}, {} events, {OUTSIDE} outside hours in {:.1} s\n",
        COHORTS * PER_COHORT * 8,
        started.elapsed().as_secs_f64()
    );
    println!("| operation | median of {RUNS} | min |");
    println!("|---|---|---|");
    let year = Year {
        year: 2015,
        today: NaiveDate::from_ymd_opt(2015, 12, 31).expect("date"),
        quota_percent: 15.0,
        generated_at: "",
        include_sensitive: false,
        coverage: false,
    };
    row("baseline: year report figures (no coverage)", || {
        report(&store, year).expect("year report");
    });
    let query = HoursQuery {
        year: 2015,
        target: 56,
        county: None,
        today: NaiveDate::from_ymd_opt(2015, 12, 31).expect("date"),
        generated_at: "",
    };
    row(
        "report hours (every person, credit once per cohort)",
        || {
            let r = hours_report(&store, query).expect("hours report");
            assert_eq!(r.people, REGISTER);
        },
    );
    let one = people[0].id.clone();
    row("one person's record (person show / lookup)", || {
        let r = training_record(&store, &one).expect("record");
        assert_eq!(r.cohorts.len(), 1);
    });
    row("  of which: the register's changes (facts)", || {
        store.register_facts().expect("facts");
    });
    let first = store.cohorts().expect("cohorts").remove(0);
    row(
        "  of which: one cohort's credit (60 people, 8 sessions)",
        || {
            lunxun::ops::credit::cohort_credit(&store, &first).expect("credit");
        },
    );
    let some: Vec<PersonId> = people[..200].iter().map(|p| p.id.clone()).collect();
    row("per person: 200 records one by one", || {
        for id in &some {
            training_record(&store, id).expect("record");
        }
    });
}

fn row(label: &str, mut f: impl FnMut()) {
    let mut samples: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    samples.sort();
    let ms = |d: Duration| format!("{:.1} ms", d.as_secs_f64() * 1000.0);
    println!(
        "| {label} | {} | {} |",
        ms(samples[RUNS / 2]),
        ms(samples[0])
    );
}

fn seed(store: &Store, people: &[lunxun::domain::Person]) {
    let mut batch = Batch::default();
    for p in people {
        Store::stage_person(&mut batch, p);
    }
    store.commit(batch).expect("register");
    let start = NaiveDate::from_ymd_opt(2015, 3, 16).expect("date");
    for c in 0..COHORTS {
        let cohort = Cohort {
            name: format!("第{}期", c + 1),
            level: [Level::Province, Level::City, Level::County][c % 3],
            start: start + Days::days(7 * c as i64),
            days: 4,
            open: false,
            ..fixtures::cohort(&format!("2015-{:02}", c + 1))
        };
        let mut batch = Batch::default();
        Store::stage_cohort(&mut batch, &cohort);
        let roster = &people[c * PER_COHORT..(c + 1) * PER_COHORT];
        for p in roster {
            let at = fixtures::at("2015-03-01T08:00:00+08:00");
            Store::stage_enrolment(&mut batch, &cohort.code, &p.id, at, false);
            for session in cohort.sessions() {
                let when = cohort.starts_at(session).expect("a session");
                let event = AttendanceEvent {
                    source: Default::default(),
                    entered_at: None,
                    id: ulid::Ulid::generate().to_string(),
                    cohort: cohort.code.clone(),
                    person: p.id.clone(),
                    session,
                    kind: EventKind::CheckIn {
                        status: CheckInStatus::Present,
                        reason: None,
                    },
                    at: fixtures::at(&format!("{}+08:00", when.format("%Y-%m-%dT%H:%M:%S"))),
                    desk: "bench".into(),
                };
                Store::stage_event(&mut batch, &event);
            }
        }
        store.commit(batch).expect("cohort");
    }
    let mut batch = Batch::default();
    let at = fixtures::at("2015-06-01T08:00:00+08:00");
    for p in people.iter().step_by(REGISTER / OUTSIDE) {
        let change = Change::OutsideHours {
            person: p.id.clone(),
            tenths: 80,
            source: "网络培训".into(),
            date: start,
            level: None,
        };
        let event = store.new_change(at, "bench", change).expect("change");
        Store::stage_change(&mut batch, &event);
    }
    store.commit(batch).expect("outside hours");
}
