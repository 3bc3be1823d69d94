//! Credit benchmark: what the desk does after each change it commits — the open
//! cohort's 学时 and standings computed again from what it holds in memory — beside,
//! in the same run, what each change already cost before (deriving every status, and
//! the durable check-in commit the desk waits for), and the same credit loaded from
//! the store as a command does, and one person's training record as the lookup reads it
//! when the selection moves. At the demo's size and at 200 people × 10 sessions.
//! Run: `cargo run --release --example bench_credit`.

use std::hint::black_box;
use std::time::{Duration, Instant};

#[path = "../tests/common/fixtures.rs"]
mod fixtures;

use chrono::{DateTime, Duration as Minutes, FixedOffset};
use lunxun::domain::attendance::derive_all;
use lunxun::domain::credit::{CreditInput, cohort_credit};
use lunxun::domain::{AttendanceEvent, CheckInStatus, Cohort, EventKind, Person, PersonId};
use lunxun::ops::checkin::{CheckIn, Where, check_in};
use lunxun::store::{Batch, Store};

const NOW: &str = "2015-03-16T08:35:00+08:00";
/// Runs of each in-memory computation; the median and the 99th percentile are shown.
const RUNS: usize = 400;
/// Durable check-ins timed (each a commit).
const COMMITS: usize = 30;

fn main() {
    println!("## Credit at the desk: computed again after each commit\n");
    println!(
        "| cohort | credit (desk, in memory) p50 / p99 | baseline: every status derived p50 | \
         baseline: durable check-in p50 | credit loaded from the store (ops::credit) p50 | \
         one person's training record (ops::record, the lookup) p50 |"
    );
    println!("|---|---|---|---|---|---|");
    let demo = tempfile::tempdir().expect("temp dir");
    let store = Store::open(demo.path()).expect("store opens");
    lunxun::demo::install(&store, fixtures::at(NOW)).expect("demo");
    let cohort = store
        .cohorts()
        .expect("cohorts")
        .into_iter()
        .find(|c| c.open)
        .expect("the demo's open cohort");
    measure("demo", &store, &cohort);

    let big = tempfile::tempdir().expect("temp dir");
    let store = Store::open(big.path()).expect("store opens");
    let cohort = seed(&store, 200, 5);
    measure("200 people × 10 sessions", &store, &cohort);
}

fn measure(label: &str, store: &Store, cohort: &Cohort) {
    let people = store.roster(&cohort.code).expect("roster");
    let roster: Vec<PersonId> = people.iter().map(|p| p.id.clone()).collect();
    let events = store.events(&cohort.code).expect("events");
    let activities = store.activities(&cohort.code).expect("activities");
    let facts = store.register_facts().expect("register facts");
    let credit = timed(RUNS, || {
        black_box(cohort_credit(CreditInput {
            cohort,
            roster: &roster,
            events: &events,
            activities: &activities,
            facts: &facts,
        }));
    });
    let statuses = timed(RUNS, || {
        black_box(derive_all(&events));
    });
    let loaded = timed(RUNS / 10, || {
        black_box(lunxun::ops::credit::cohort_credit(store, cohort).expect("credit"));
    });
    let record = timed(RUNS / 10, || {
        black_box(lunxun::ops::record::training_record(store, &roster[0]).expect("record"));
    });
    let commits = durable_check_ins(store, cohort, &people);
    println!(
        "| {label} ({} people, {} sessions, {} events) | {} / {} | {} | {} | {} | {} |",
        roster.len(),
        cohort.sessions().len(),
        events.len(),
        ms(percentile(&credit, 50)),
        ms(percentile(&credit, 99)),
        ms(percentile(&statuses, 50)),
        ms(percentile(&commits, 50)),
        ms(percentile(&loaded, 50)),
        ms(percentile(&record, 50)),
    );
}

/// Leave recorded for COMMITS people in the cohort's last session, each one commit.
fn durable_check_ins(store: &Store, cohort: &Cohort, people: &[Person]) -> Vec<Duration> {
    let last = *cohort.sessions().last().expect("a session");
    people
        .iter()
        .take(COMMITS)
        .map(|person| {
            let input = CheckIn {
                at: Where {
                    cohort,
                    session: last,
                },
                person,
                status: Some(CheckInStatus::Leave),
                reason: Some("事假".into()),
                walk_in: false,
            };
            let start = Instant::now();
            check_in(store, fixtures::at(NOW), input).expect("a durable leave");
            start.elapsed()
        })
        .collect()
}

/// A cohort of `people` over `days` days (morning and afternoon), attendance in every
/// session but the last two, the first six closed: most on time, every 7th person 40
/// minutes late once, every 11th on leave once, every 13th absent once.
fn seed(store: &Store, people: usize, days: u16) -> Cohort {
    let cohort = Cohort {
        code: "2015-01".into(),
        days,
        closed_sessions: Vec::new(),
        ..fixtures::cohort("2015-01")
    };
    let sessions = cohort.sessions();
    let register = lunxun::demo::generate_register(people, 7);
    let mut batch = Batch::default();
    Store::stage_cohort(
        &mut batch,
        &Cohort {
            closed_sessions: sessions.iter().take(6).copied().collect(),
            ..cohort.clone()
        },
    );
    let mut id = 0u64;
    for (i, person) in register.iter().enumerate() {
        Store::stage_person(&mut batch, person);
        Store::stage_enrolment(&mut batch, &cohort.code, &person.id, at(NOW), false);
        for (s, session) in sessions.iter().take(sessions.len() - 2).enumerate() {
            let start = cohort.starts_at(*session).expect("a slot");
            let arrive = at(&format!("{}+08:00", start.format("%Y-%m-%dT%H:%M:%S")));
            let (status, late) = match (i % 7, i % 11, i % 13) {
                (0, _, _) if s == 1 => (CheckInStatus::Late, 40),
                (_, 0, _) if s == 2 => (CheckInStatus::Leave, 0),
                (_, _, 0) if s == 3 => continue,
                _ => (CheckInStatus::Present, 5),
            };
            id += 1;
            let event = AttendanceEvent {
                source: Default::default(),
                entered_at: None,
                id: format!("{id:026}"),
                cohort: cohort.code.clone(),
                person: person.id.clone(),
                session: *session,
                kind: EventKind::CheckIn {
                    status,
                    reason: None,
                },
                at: arrive + Minutes::minutes(late),
                desk: "bench".into(),
            };
            Store::stage_event(&mut batch, &event);
        }
    }
    store.commit(batch).expect("seed");
    store.cohort(&cohort.code).expect("read").expect("stored")
}

fn at(text: &str) -> DateTime<FixedOffset> {
    fixtures::at(text)
}

fn timed(runs: usize, mut f: impl FnMut()) -> Vec<Duration> {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect()
}

fn percentile(samples: &[Duration], p: usize) -> Duration {
    let mut sorted = samples.to_vec();
    sorted.sort();
    sorted[(sorted.len() - 1) * p / 100]
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1000.0)
}
