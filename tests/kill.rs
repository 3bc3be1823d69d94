//! Kill test: check-ins run in child processes that print `✓` only after the durable
//! commit; each child is killed with SIGKILL at a random moment (many during start-up
//! and open). Afterwards every acknowledged check-in must be in the store and the store
//! must pass the integrity check. `LUNXUN_SOAK=N` runs N kills instead of 120.
#![cfg(unix)]

mod common;

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use lunxun::domain::{PersonId, Session, SlotKind};
use lunxun::store::Store;

const NOW: &str = "2015-03-16T08:20:00+08:00";

fn lunxun(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_lunxun"));
    cmd.args(args)
        .arg("--db")
        .arg(dir)
        .env("LUNXUN_NOW", NOW)
        .env("LANG", "C");
    cmd
}

/// A small deterministic generator, so a failure can be replayed from its seed.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

#[test]
fn every_acknowledged_check_in_survives_sigkill() {
    let kills: usize = std::env::var("LUNXUN_SOAK")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(120);
    let dir = tempfile::tempdir().unwrap();
    assert!(
        lunxun(dir.path(), &["demo"])
            .output()
            .unwrap()
            .status
            .success()
    );
    // The roster comes from the command line: this process opens the store only at the
    // end, after every child is dead (a store dropped in-process keeps sled's threads
    // busy for a moment, which would put a second writer beside the children).
    let out = lunxun(dir.path(), &["roster", "--cohort", "2015-02", "--json"])
        .output()
        .unwrap();
    let roster: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let roster: Vec<PersonId> = roster
        .iter()
        .map(|p| PersonId(p["person_id"].as_str().unwrap().to_string()))
        .collect();
    // Days 3 and 4 of the demo's cohort in progress (2015-02): the demo has check-ins of
    // its own on days 1 and 2, which would be refused as already there.
    let sessions: Vec<Session> = (3..=4u16)
        .flat_map(|d| [Session::new(d, SlotKind::Am), Session::new(d, SlotKind::Pm)])
        .collect();
    let seed = 0x1u64 + kills as u64;
    let mut rng = Lcg(seed);
    let mut acknowledged: Vec<(PersonId, Session)> = Vec::new();
    let mut killed_early = 0;
    for i in 0..kills {
        let person = &roster[i % roster.len()];
        let session = sessions[(i / roster.len()) % sessions.len()];
        let mut child = lunxun(
            dir.path(),
            &[
                "checkin",
                "--cohort",
                "2015-02",
                "--person",
                person.as_str(),
                "--session",
                &session.code(),
            ],
        )
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
        // 0–200 ms: a check-in takes about 50–150 ms end to end, so kills land during
        // start-up, while opening the store, while committing, and after.
        std::thread::sleep(Duration::from_micros(rng.below(200_000)));
        let _ = child.kill();
        let status = child.wait().unwrap();
        let mut out = String::new();
        child
            .stdout
            .take()
            .unwrap()
            .read_to_string(&mut out)
            .unwrap();
        if out.starts_with('✓') {
            acknowledged.push((person.clone(), session));
        } else if !status.success() {
            killed_early += 1;
        }
    }
    let store = Store::open(dir.path()).expect("the store opens after every kill");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("sled-opening-"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "copies made before opening are removed once a store opens: {leftovers:?}"
    );
    let integrity = store
        .check_integrity()
        .expect("the store passes the integrity check");
    // The second copy, what a restore gives back if sled's files are damaged: the
    // newest backup (made when a start finds the journal behind) plus the journal,
    // readable to its end (an entry torn by a kill is cut off when the store opens).
    let journaled = common::kept_for_a_restore(dir.path());
    for (person, session) in &acknowledged {
        let status = store.status("2015-02", person, *session).unwrap();
        assert!(
            status.is_some(),
            "seed {seed}: acknowledged check-in of {person} in {session} lost"
        );
        assert!(
            journaled
                .iter()
                .any(|e| e.person == *person && e.session == *session),
            "seed {seed}: acknowledged check-in of {person} in {session} not in the backup or journal"
        );
    }
    eprintln!(
        "kills: {kills}, acknowledged before the kill: {}, killed before acknowledging: {killed_early}, events: {}",
        acknowledged.len(),
        integrity.events
    );
    assert!(
        killed_early > 0,
        "some kills must land before the acknowledgement"
    );
    assert!(
        !acknowledged.is_empty(),
        "some check-ins must be acknowledged before the kill"
    );
}

/// A kill in the very first start of a new folder (sled has made its files, the first
/// commit may be half-written) must never leave a folder that cannot open: it once did,
/// when the check of the copy tried to write.
#[test]
fn a_kill_during_the_first_start_leaves_a_folder_that_opens() {
    let mut rng = Lcg(7);
    let base = tempfile::tempdir().unwrap();
    for trial in 0..40 {
        let dir = base.path().join(format!("new-{trial}"));
        let mut child = lunxun(&dir, &["cohort", "list"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(rng.below(60_000)));
        let _ = child.kill();
        child.wait().unwrap();
        let out = lunxun(&dir, &["cohort", "list"]).output().unwrap();
        assert!(
            out.status.success(),
            "trial {trial}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
