//! Store benchmark: durable check-in commit latency, and opening a 100k register and
//! building the search index. Run: `cargo run --release --example bench_store`.
//!
//! Baselines in the same run: a plain sled insert (not durable) and a sled insert +
//! `flush()` (sync_file_range only on Linux), beside our commit (transaction + flush +
//! fsync of the data file) and a whole check-in (status read + rules + commit).

use std::time::{Duration, Instant};

/// The tests' cohort fixture (tests/common/fixtures.rs), so the benchmark's cohort is the
/// one the tests know.
#[path = "../tests/common/fixtures.rs"]
mod fixtures;

use chrono::{DateTime, FixedOffset};
use lunxun::demo::generate_register;
use lunxun::domain::{CheckInStatus, Cohort, Session, SlotKind};
use lunxun::search::SearchIndex;
use lunxun::store::{Batch, DeskRequest, Store};

const CHECK_INS: usize = 400;
const REGISTER: usize = 100_000;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() == 3 && args[1] == "--open" {
        return measure_open(std::path::Path::new(&args[2]));
    }
    println!("## Durable commit ({CHECK_INS} writes each)\n");
    println!("| operation | p50 | p99 | max |");
    println!("|---|---|---|---|");
    sled_baselines();
    durable_check_ins();
    println!();
    open_and_index();
}

fn row(label: &str, mut samples: Vec<Duration>) {
    samples.sort();
    let pick = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
    let ms = |d: Duration| format!("{:.3} ms", d.as_secs_f64() * 1000.0);
    let max = *samples.last().expect("samples");
    println!(
        "| {label} | {} | {} | {} |",
        ms(pick(0.5)),
        ms(pick(0.99)),
        ms(max)
    );
}

fn sled_baselines() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = sled::open(dir.path()).expect("sled opens");
    let value = vec![b'x'; 300];
    let time = |f: &dyn Fn(usize)| -> Vec<Duration> {
        (0..CHECK_INS)
            .map(|i| {
                let start = Instant::now();
                f(i);
                start.elapsed()
            })
            .collect()
    };
    row(
        "baseline: sled insert, not durable",
        time(&|i| {
            db.insert(format!("a{i}"), value.as_slice())
                .expect("insert");
        }),
    );
    let file = dir.path().join("flush-probe");
    let mut probe = std::fs::File::create(&file).expect("probe file");
    row(
        "baseline: 16-byte overwrite + fdatasync (one device cache flush)",
        time(&|i| {
            use std::io::{Seek, Write};
            let mut f = &probe;
            f.seek(std::io::SeekFrom::Start(0)).expect("seek");
            f.write_all(&(i as u128).to_be_bytes()).expect("write");
            f.sync_data().expect("sync");
        }),
    );
    let _ = &mut probe;
    row(
        "baseline: sled insert + flush (no fsync)",
        time(&|i| {
            db.insert(format!("b{i}"), value.as_slice())
                .expect("insert");
            db.flush().expect("flush");
        }),
    );
}

fn durable_check_ins() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("store opens");
    let people = generate_register(CHECK_INS, 3);
    let mut batch = Batch::default();
    Store::stage_cohort(&mut batch, &cohort());
    for p in &people {
        Store::stage_person(&mut batch, p);
        Store::stage_enrolment(&mut batch, "2015-01", &p.id, now(), false);
    }
    store.commit(batch).expect("seed");
    let mut commits = Vec::new();
    let mut check_ins = Vec::new();
    for (i, p) in people.iter().enumerate() {
        let mut batch = Batch::default();
        Store::stage_meta(&mut batch, "bench", &i.to_string());
        let start = Instant::now();
        store.commit(batch).expect("commit");
        commits.push(start.elapsed());
        let request = DeskRequest {
            cohort: "2015-01",
            person: &p.id,
            session: Session::new(1, SlotKind::Am),
            at: now(),
        };
        let start = Instant::now();
        store
            .check_in(&request, CheckInStatus::Present, None)
            .expect("check-in");
        check_ins.push(start.elapsed());
    }
    row("lunxun commit: transaction + flush + fsync", commits);
    row(
        "lunxun check-in: status read + rules + durable commit",
        check_ins,
    );
}

/// Builds a 100k register, then measures opening it in a fresh process (so the
/// peak RSS is the app's, not this generator's).
fn open_and_index() {
    let dir = tempfile::tempdir().expect("temp dir");
    {
        let store = Store::open(dir.path()).expect("store opens");
        for chunk in generate_register(REGISTER, 11).chunks(10_000) {
            let mut batch = Batch::default();
            chunk
                .iter()
                .for_each(|p| Store::stage_person(&mut batch, p));
            store.commit(batch).expect("seed");
        }
        store.close();
    }
    println!(
        "## Open a {REGISTER}-person register and build the search index (fresh process, median of 5)\n"
    );
    println!("| step | time |");
    println!("|---|---|");
    let runs = open_runs(dir.path(), false);
    let unclean = open_runs(dir.path(), true);
    let median = |runs: &[[f64; 4]], i: usize| {
        let mut v: Vec<f64> = runs.iter().map(|r| r[i]).collect();
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    println!(
        "| open store (lock, sled recovery, schema) | {:.1} ms |",
        median(&runs, 0)
    );
    println!(
        "| read and decode {REGISTER} people | {:.1} ms |",
        median(&runs, 1)
    );
    println!("| build search index | {:.1} ms |", median(&runs, 2));
    println!(
        "| **total** | **{:.1} ms** |",
        median(&runs, 0) + median(&runs, 1) + median(&runs, 2)
    );
    println!(
        "| peak RSS of the process | {:.0} MB |",
        median(&runs, 3) / 1024.0
    );
    println!(
        "| open store after an unclean stop (sled's folder copied aside first) | {:.1} ms |",
        median(&unclean, 0)
    );
}

/// Five fresh processes open the store; `unclean` removes the clean-close fingerprint
/// first, as a kill would leave it, so each open copies sled's folder aside.
fn open_runs(dir: &std::path::Path, unclean: bool) -> Vec<[f64; 4]> {
    let exe = std::env::current_exe().expect("own path");
    (0..5)
        .map(|_| {
            if unclean {
                let _ = std::fs::remove_file(dir.join("lunxun.closed"));
            }
            let out = std::process::Command::new(&exe)
                .arg("--open")
                .arg(dir)
                .output()
                .expect("child runs");
            let text = String::from_utf8_lossy(&out.stdout);
            let numbers: Vec<f64> = text
                .split_whitespace()
                .filter_map(|w| w.parse().ok())
                .collect();
            [numbers[0], numbers[1], numbers[2], numbers[3]]
        })
        .collect()
}

/// The child: open, load, index; print the three times in ms and the peak RSS in kB.
fn measure_open(dir: &std::path::Path) {
    let start = Instant::now();
    let store = Store::open(dir).expect("store opens");
    let opened = start.elapsed();
    let people = store.people().expect("people");
    let loaded = start.elapsed();
    let index = SearchIndex::build(&people);
    let built = start.elapsed();
    assert_eq!(index.len(), REGISTER);
    store.close();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let rss = peak_rss().trim_end_matches(" kB").to_string();
    println!(
        "{} {} {} {rss}",
        ms(opened),
        ms(loaded - opened),
        ms(built - loaded)
    );
}

/// VmHWM from /proc on Linux; elsewhere not measured.
fn peak_rss() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(str::to_string)
        })
        .map(|l| l.trim_start_matches("VmHWM:").trim().to_string())
        .unwrap_or_else(|| "n/a".to_string())
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
