//! What `✓` promises, proved so that breaking it fails a test:
//! - the desk, SIGKILLed at random moments right after it drew `✓`, never loses the
//!   check-in: each one reached the operating system (sled's `flush()` and the journal's
//!   write) before `✓`, since sled's own buffers die with the process;
//! - `✓`, on the command line and in the desk, comes only after the fsyncs of sled's data
//!   file, the journal and `lunxun.seq` (traced by the debug-only `LUNXUN_TRACE_SYNC`).
//!
//! Power cuts themselves are not simulated here.
#![cfg(unix)]

mod common;

use std::collections::HashMap;
use std::path::Path;
use std::time::{Duration, Instant};

use common::desk::{self, Desk};
use common::keys::Keys;
use common::kills::{Lcg, assert_kept_for_a_restore, opening_copies, reopened_holding, soak};
use lunxun::domain::{PersonId, Session, SlotKind};

const NOW: &str = "2015-03-16T08:20:00+08:00";
const DAYS: u16 = 10;
const SLOTS: [SlotKind; 3] = [SlotKind::Am, SlotKind::Pm, SlotKind::Eve];
const SURNAMES: &str = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张";
const GIVEN: &str = "春夏秋冬梅兰竹菊松柏山水云雨风雷金木火土日月星辰江河湖海天地玄黄宇宙洪荒光明正大林森石泉田野桥亭";

/// 24 three-character names, no character shared, so typing a whole name picks that
/// person and no other.
fn names() -> Vec<String> {
    let given: Vec<char> = GIVEN.chars().collect();
    SURNAMES
        .chars()
        .enumerate()
        .map(|(i, s)| format!("{s}{}{}", given[2 * i], given[2 * i + 1]))
        .collect()
}

/// A cohort (2015-01, ten days of am, pm and evening sessions) with the 24 people of
/// [`names`] enrolled; returns each name's person id.
fn cohort(dir: &Path) -> HashMap<String, PersonId> {
    let run = |args: &[&str]| common::ok(&common::lunxun_at(dir, args, "C", NOW));
    let days = DAYS.to_string();
    let mut new = common::cohort_new("轮训班", &days);
    new.extend(["--slots", "am,pm,eve"]);
    run(&new);
    let mut roster = String::from("姓名,单位\n");
    for (i, name) in names().iter().enumerate() {
        roster.push_str(&format!("{name},{}号村\n", i + 1));
    }
    let file = dir.join("roster.csv");
    std::fs::write(&file, roster).unwrap();
    run(&["import", file.to_str().unwrap(), "--cohort", "2015-01"]);
    let listed: Vec<serde_json::Value> =
        serde_json::from_str(&run(&["roster", "--cohort", "2015-01", "--json"])).unwrap();
    listed
        .iter()
        .map(|p| {
            let id = PersonId(p["person_id"].as_str().unwrap().to_string());
            (p["name"].as_str().unwrap().to_string(), id)
        })
        .collect()
}

/// The `n`th session of the cohort and a moment five minutes after it starts.
fn session(n: usize) -> (Session, String) {
    let slot = SLOTS[n % SLOTS.len()];
    let day = (n / SLOTS.len()) as u16 % DAYS + 1;
    let hour = match slot {
        SlotKind::Am => "08",
        SlotKind::Pm => "14",
        SlotKind::Eve => "19",
    };
    let now = format!("2015-03-{}T{hour}:35:00+08:00", 15 + day);
    (Session::new(day, slot), now)
}

/// The desk on `dir` in a pseudo-terminal at `now`, shown and ready for a name.
fn desk_at(dir: &Path, now: &str, env: &[(&str, &Path)]) -> Desk {
    let mut cmd = desk::command(dir, &[], "C", now);
    for (key, value) in env {
        cmd.env(key, value);
    }
    let desk = Desk::spawn(cmd);
    desk.wait_until_shown(&format!("/{} · late", names().len()));
    desk
}

/// Types a whole name and Enter, and waits for the desk's `✓` line for that person.
fn check_in(desk: &mut Desk, name: &str) {
    desk.send(&format!("{name}\r"));
    desk.wait_until_shown(&format!("✓ {name} ·"));
}

#[test]
fn every_check_in_the_desk_acknowledged_survives_a_sigkill_right_after() {
    let kills = soak("LUNXUN_SOAK_DESK", 50);
    let dir = tempfile::tempdir().unwrap();
    let ids = cohort(dir.path());
    let names = names();
    let seed = 0x5eed + kills as u64;
    let mut rng = Lcg(seed);
    let sessions = DAYS as usize * SLOTS.len();
    assert!(
        kills * 3 <= sessions * names.len(),
        "LUNXUN_SOAK_DESK too big"
    );
    let mut next = vec![0usize; sessions];
    let mut acknowledged: Vec<(PersonId, Session)> = Vec::new();
    let started = Instant::now();
    for run in 0..kills {
        let (session, now) = session(run);
        let mut desk = desk_at(dir.path(), &now, &[]);
        for _ in 0..=rng.below(3) {
            let name = &names[next[run % sessions]];
            next[run % sessions] += 1;
            check_in(&mut desk, name);
            acknowledged.push((ids[name].clone(), session));
        }
        // 0–50 ms after the `✓` appeared: sled writes its buffers out on its own only
        // every 500 ms, so a check-in that relied on that would be lost.
        std::thread::sleep(Duration::from_micros(rng.below(50_000)));
        desk.kill_9();
        let copies = opening_copies(dir.path());
        assert!(
            copies.is_empty(),
            "seed {seed}, run {run}: a desk that started removes the copies made before opening: {copies:?}"
        );
        let context = format!("seed {seed}, run {run}");
        assert_kept_for_a_restore(dir.path(), &acknowledged, &context);
    }
    let elapsed = started.elapsed();
    let context = format!("seed {seed}");
    let (_, events) = reopened_holding(dir.path(), "2015-01", &acknowledged, &context);
    assert_eq!(events, acknowledged.len(), "nothing more, nothing less");
    eprintln!(
        "desk kills: {kills} in {elapsed:.1?}, acknowledged check-ins: {}, lost: 0",
        acknowledged.len()
    );
}

/// The fsyncs missing before each acknowledgement in the trace: `ack N` needs `sled N`,
/// `journal N` and `seq N` on earlier lines.
fn unsynced_acknowledgements(trace: &str) -> Vec<String> {
    let mut synced: Vec<&str> = Vec::new();
    let mut problems = Vec::new();
    for line in trace.lines() {
        match line.split_once(' ') {
            Some(("ack", seq)) => {
                for file in ["sled", "journal", "seq"] {
                    if !synced.contains(&format!("{file} {seq}").as_str()) {
                        problems.push(format!("ack {seq} before the {file} fsync"));
                    }
                }
            }
            _ => synced.push(line),
        }
    }
    problems
}

#[test]
fn the_check_mark_comes_only_after_sled_the_journal_and_the_commit_count_are_synced() {
    let dir = tempfile::tempdir().unwrap();
    let ids = cohort(dir.path());
    let names = names();
    let traced = tempfile::tempdir().unwrap();
    let trace = traced.path().join("syncs");
    let (session, now) = session(0);
    for name in &names[..3] {
        let (person, code) = (ids[name].as_str(), session.code());
        let args = [
            "checkin",
            "--cohort",
            "2015-01",
            "--person",
            person,
            "--session",
            &code,
        ];
        let trace = ("LUNXUN_TRACE_SYNC", trace.to_str().unwrap());
        let out = common::lunxun_env(dir.path(), &args, "C", &now, &[trace]);
        assert!(common::ok(&out).starts_with('✓'));
    }
    let mut desk = desk_at(dir.path(), &now, &[("LUNXUN_TRACE_SYNC", &trace)]);
    for name in &names[3..6] {
        check_in(&mut desk, name);
    }
    desk.ctrl('q');
    assert_eq!(desk.exit_code(), 0);
    let trace = std::fs::read_to_string(&trace).unwrap();
    let acks = trace.lines().filter(|l| l.starts_with("ack ")).count();
    assert_eq!(
        acks, 6,
        "three on the command line, three in the desk:\n{trace}"
    );
    let problems = unsynced_acknowledgements(&trace);
    assert!(problems.is_empty(), "{problems:?} in the trace:\n{trace}");
}
