//! Automatic backups at 100k people: what the caller waits for when the backup blocks
//! (`io::backup::automatic`, what the desk did before its first frame and every 30
//! minutes) beside what it waits for when the backup is written in the background
//! (`io::backup::start`: a thread copies the records under the commit lock, writes the
//! file and drops from the journal what it holds), the commit lock's hold alone
//! (`Store::snapshot`), and check-ins committed during the copy and during the write.
//! Run: `cargo run --release --example bench_backup`.

use std::time::{Duration, Instant};

#[path = "../tests/common/fixtures.rs"]
mod fixtures;

use chrono::{DateTime, FixedOffset};
use lunxun::demo::generate_register;
use lunxun::domain::{CheckInStatus, Cohort, Person, Session, SlotKind};
use lunxun::io::backup;
use lunxun::store::{Batch, DeskRequest, Store};

const REGISTER: usize = 100_000;
const RUNS: usize = 5;

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let people = seed(dir.path());
    // Reopened, as the desk finds it: the journal holds the whole import.
    let store = std::sync::Arc::new(Store::open(dir.path()).expect("store opens"));
    let mut samples: [Vec<Duration>; 7] = Default::default();
    let mut next = people.iter().enumerate();
    let mut check_in = |store: &Store| {
        let (i, p) = next.next().expect("people left");
        let request = DeskRequest {
            cohort: "2015-01",
            person: &p.id,
            session: Session::new(1 + (i / 1000) as u16 % 4, SlotKind::Am),
            at: now(),
        };
        let start = Instant::now();
        store
            .check_in(&request, CheckInStatus::Present, None)
            .expect("check-in");
        start.elapsed()
    };
    for _ in 0..RUNS {
        check_in(&store);
        let start = Instant::now();
        backup::automatic(&store, now()).expect("blocking backup");
        samples[0].push(start.elapsed());

        check_in(&store);
        let start = Instant::now();
        drop(store.snapshot().expect("snapshot"));
        samples[1].push(start.elapsed());

        check_in(&store);
        let begun = Instant::now();
        let mut writing = backup::start(&store, now()).expect("background backup");
        samples[2].push(begun.elapsed());
        writing.seq().expect("copied");
        samples[3].push(begun.elapsed());
        samples[4].push(check_in(&store));
        assert!(
            !writing.is_finished(),
            "the check-in came while it was written"
        );
        while !writing.is_finished() {
            std::thread::sleep(Duration::from_millis(1));
        }
        samples[5].push(begun.elapsed());
        writing.finish().expect("finish");
        samples[6].push(check_in(&store));
    }
    let size = std::fs::read_dir(backup::folder(dir.path()))
        .expect("backups")
        .filter_map(|e| e.ok()?.metadata().ok())
        .map(|m| m.len())
        .max()
        .unwrap_or(0);
    println!(
        "## Automatic backup of a {REGISTER}-person register ({} MB; median of {RUNS}, max)\n",
        size / 1_000_000
    );
    println!("| step | median | max |");
    println!("|---|---|---|");
    let labels = [
        "blocking backup (`automatic`): the caller waits for all of it",
        "commit lock held: copying every record (`Store::snapshot`)",
        "background backup (`start`): the caller waits (folder and name only)",
        "background backup: from start until the copy is taken (a check-in then waits)",
        "a check-in committed while the background backup is written",
        "background backup: from start until written and the journal dropped",
        "a check-in with no backup running",
    ];
    for (label, samples) in labels.iter().zip(samples) {
        row(label, samples);
    }
}

fn row(label: &str, mut samples: Vec<Duration>) {
    samples.sort();
    let ms = |d: Duration| format!("{:.1} ms", d.as_secs_f64() * 1000.0);
    let max = *samples.last().expect("samples");
    println!(
        "| {label} | {} | {} |",
        ms(samples[samples.len() / 2]),
        ms(max)
    );
}

/// A register enrolled in one cohort, committed in chunks as an import would, then
/// closed.
fn seed(dir: &std::path::Path) -> Vec<Person> {
    let store = Store::open(dir).expect("store opens");
    let people = generate_register(REGISTER, 11);
    let mut batch = Batch::default();
    Store::stage_cohort(&mut batch, &cohort());
    store.commit(batch).expect("cohort");
    for chunk in people.chunks(10_000) {
        let mut batch = Batch::default();
        for p in chunk {
            Store::stage_person(&mut batch, p);
            Store::stage_enrolment(&mut batch, "2015-01", &p.id, now(), false);
        }
        store.commit(batch).expect("seed");
    }
    store.close();
    people
}

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2015-03-16T08:20:00+08:00").expect("constant time")
}

fn cohort() -> Cohort {
    Cohort {
        name: "bench".into(),
        days: 4,
        created_at: now(),
        ..fixtures::cohort("2015-01")
    }
}
