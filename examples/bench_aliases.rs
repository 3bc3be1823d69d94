//! Check-in cost with aliases (同一人): one check-in through `ops::checkin::check_in`
//! (the desk's and the command line's path, a durable commit) on a folder whose
//! register changes hold 30,000 records (edits, certificates) and 200 joins, side by
//! side with the read it replaced. Run: `cargo run --release --example bench_aliases`.
//!
//! - `register_facts_of`: the old check-in's one pass over the changes (the person's
//!   records and the undos decoded);
//! - `person_facts`: the new pass (also the joins decoded, the aliases folded);
//! - `check_in`: the whole check-in now, for a person with no other record and for a
//!   person joined to another (a second pass over the changes and the other record's
//!   thread read).

use std::time::{Duration, Instant};

#[path = "../tests/common/fixtures.rs"]
mod fixtures;

use lunxun::domain::register::{Change, MatchRule, PersonField};
use lunxun::domain::{Cohort, Person, PersonId, Session, SlotKind};
use lunxun::ops::checkin::{self, CheckIn, Where};
use lunxun::store::{Batch, Store};

const PEOPLE: usize = 2_000;
const CHANGES: usize = 30_000;
const JOINS: usize = 200;
const SAMPLES: usize = 300;
const NOW: &str = "2015-03-16T08:35:00+08:00";

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("store opens");
    let cohort = fixtures::cohort("2015-01");
    let people = seed(&store, &cohort);
    let plain: Vec<&Person> = people[2 * JOINS..].iter().take(SAMPLES).collect();
    let joined: Vec<&Person> = people[..2 * JOINS].iter().skip(1).step_by(2).collect();
    let (mut old, mut new) = (Vec::new(), Vec::new());
    for p in &plain {
        old.push(time(|| {
            drop(store.register_facts_of(&p.id).expect("reads"))
        }));
        new.push(time(|| drop(store.person_facts(&p.id).expect("reads"))));
    }
    let at = |s: u16| Where {
        cohort: &cohort,
        session: Session::new(s, SlotKind::Am),
    };
    let check_in = |p: &Person, s: u16| {
        let input = CheckIn {
            at: at(s),
            person: p,
            status: None,
            reason: None,
            walk_in: false,
        };
        time(|| drop(checkin::check_in(&store, fixtures::at(NOW), input).expect("checked in")))
    };
    let whole: Vec<Duration> = plain.iter().map(|p| check_in(p, 1)).collect();
    let aliased: Vec<Duration> = joined.iter().map(|p| check_in(p, 2)).collect();
    println!("## One check-in, {CHANGES} register changes and {JOINS} joins\n");
    println!("| what | p50 | p99 |");
    println!("|---|---|---|");
    row("old read: register_facts_of", old);
    row("new read: person_facts", new);
    row("check_in, no other record", whole);
    row("check_in, a joined record", aliased);
}

/// PEOPLE enrolled; CHANGES edits of them; JOINS joins of pairs among the first 2*JOINS.
fn seed(store: &Store, cohort: &Cohort) -> Vec<Person> {
    let people: Vec<Person> = (0..PEOPLE)
        .map(|i| {
            let id = PersonId(ulid::Ulid::generate().to_string());
            Person::named(id, format!("人员{i}"))
        })
        .collect();
    let mut batch = Batch::default();
    Store::stage_cohort(&mut batch, cohort);
    for p in &people {
        Store::stage_person(&mut batch, p);
        Store::stage_enrolment(&mut batch, &cohort.code, &p.id, fixtures::at(NOW), false);
    }
    store.commit(batch).expect("register");
    let edits = (0..CHANGES).map(|i| Change::PersonEdited {
        person: people[i % PEOPLE].id.clone(),
        field: PersonField::Notes,
        old: None,
        new: Some(format!("备注{i}")),
    });
    let joins = (0..JOINS).map(|i| Change::PersonsJoined {
        kept: people[2 * i].id.clone(),
        joined: people[2 * i + 1].id.clone(),
        rule: MatchRule::Manual,
    });
    let changes: Vec<Change> = edits.chain(joins).collect();
    for chunk in changes.chunks(5_000) {
        let events = store
            .new_changes(fixtures::at(NOW), "bench", chunk.iter().cloned())
            .expect("changes");
        let mut batch = Batch::default();
        events
            .iter()
            .for_each(|e| Store::stage_change(&mut batch, e));
        store.commit(batch).expect("changes");
    }
    people
}

fn time(f: impl FnOnce()) -> Duration {
    let start = Instant::now();
    f();
    start.elapsed()
}

fn row(label: &str, mut samples: Vec<Duration>) {
    samples.sort();
    let pick = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
    let ms = |d: Duration| format!("{:.2} ms", d.as_secs_f64() * 1000.0);
    println!("| {label} | {} | {} |", ms(pick(0.5)), ms(pick(0.99)));
}
