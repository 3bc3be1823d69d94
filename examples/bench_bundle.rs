//! Bundles at 100k people: a bundle written (summed in a first pass, then streamed into
//! a staged file, summed again, synced) and read back (parsed as it is hashed), plain
//! and sealed with a passphrase, beside the baseline in the same run: the same records
//! serialised once into memory and written atomically (`io::write_atomic`), and read
//! whole into memory and parsed (`serde_json::from_slice`), with no checksum.
//! Run: `cargo run --release --example bench_bundle`.

use std::time::{Duration, Instant};

#[path = "../tests/common/fixtures.rs"]
mod fixtures;

use lunxun::demo::generate_register;
use lunxun::domain::attendance::{AttendanceEvent, EventKind, Source};
use lunxun::domain::bundle::{Contents, Scope};
use lunxun::domain::cohort::Enrolment;
use lunxun::domain::{CheckInStatus, Session, SlotKind};
use lunxun::io::bundle::{self, Header};

const PEOPLE: usize = 100_000;
const RUNS: usize = 3;

fn contents() -> Contents {
    let now = fixtures::at("2015-03-16T08:35:00+08:00");
    let people = generate_register(PEOPLE, 7);
    let cohort = fixtures::cohort("2015-01");
    let enrolments = people
        .iter()
        .map(|p| Enrolment {
            cohort: cohort.code.clone(),
            person: p.id.clone(),
            enrolled_at: now,
            walk_in: false,
        })
        .collect();
    let events = people
        .iter()
        .map(|p| AttendanceEvent {
            id: ulid::Ulid::generate().to_string(),
            cohort: cohort.code.clone(),
            person: p.id.clone(),
            session: Session::new(1, SlotKind::Am),
            kind: EventKind::CheckIn {
                status: CheckInStatus::Present,
                reason: None,
            },
            at: now,
            desk: "desk-BENCH1".into(),
            source: Source::Desk,
            entered_at: None,
        })
        .collect();
    Contents {
        cohorts: vec![cohort],
        people,
        enrolments,
        events,
        ..Contents::default()
    }
}

fn main() {
    let contents = contents();
    let dir = tempfile::tempdir().expect("temp dir");
    let header = Header::new(
        "desk-BENCH1",
        "1号台",
        fixtures::at("2015-03-16T08:35:00+08:00"),
        Scope::All,
        &contents,
    );
    let (plain, sealed, base) = (
        dir.path().join("p.lxb"),
        dir.path().join("s.lxb"),
        dir.path().join("b.json"),
    );
    let mut rows: Vec<(&str, Vec<Duration>)> = Vec::new();
    let mut time = |name: &'static str, f: &mut dyn FnMut()| {
        let mut samples = Vec::new();
        for _ in 0..RUNS {
            let start = Instant::now();
            f();
            samples.push(start.elapsed());
        }
        samples.sort();
        rows.push((name, samples));
    };
    time("baseline write: to_vec + write_atomic", &mut || {
        let bytes = serde_json::to_vec(&contents).expect("serialises");
        lunxun::io::write_atomic(&base, &bytes).expect("written");
    });
    time("bundle write, plain", &mut || {
        bundle::write(&plain, &header, &contents, None).expect("written");
    });
    time("bundle write, sealed (passphrase)", &mut || {
        bundle::write(&sealed, &header, &contents, Some("县委组织部 2026")).expect("written");
    });
    time("baseline read: fs::read + from_slice", &mut || {
        let bytes = std::fs::read(&base).expect("read");
        let back: Contents = serde_json::from_slice(&bytes).expect("parses");
        assert_eq!(back.people.len(), PEOPLE);
    });
    time("bundle read, plain", &mut || {
        let back = bundle::read(&plain, None).expect("read");
        assert_eq!(back.contents.people.len(), PEOPLE);
    });
    time("bundle read, sealed", &mut || {
        let back = bundle::read(&sealed, Some("县委组织部 2026")).expect("read");
        assert_eq!(back.contents.people.len(), PEOPLE);
    });
    let size = |p: &std::path::Path| std::fs::metadata(p).expect("file").len() as f64 / 1e6;
    println!(
        "{PEOPLE} people, {PEOPLE} enrolments, {PEOPLE} check-ins; baseline {:.1} MB, bundle {:.1} MB, sealed {:.1} MB; median of {RUNS} (max)",
        size(&base),
        size(&plain),
        size(&sealed)
    );
    println!("| step | median | max |\n|---|---:|---:|");
    for (name, samples) in rows {
        let ms = |d: &Duration| d.as_secs_f64() * 1000.0;
        println!(
            "| {name} | {:.0} ms | {:.0} ms |",
            ms(&samples[RUNS / 2]),
            ms(&samples[RUNS - 1])
        );
    }
}
