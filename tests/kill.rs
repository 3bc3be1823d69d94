//! Kill test: check-ins run in child processes that print `✓` as soon as the durable
//! commit returns, before closing the store; each child is killed with SIGKILL at a
//! random moment (many during start-up and open), every fourth the moment its `✓`
//! arrives (so a commit that left its records in sled's buffers, for the close to
//! flush, loses them). Afterwards every acknowledged check-in
//! must be in the store and the store must pass the integrity check. `LUNXUN_SOAK=N`
//! runs N kills instead of 120. (The desk killed right after `✓`: tests/acknowledge.rs.)
#![cfg(unix)]

mod common;

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use common::kills::{Lcg, assert_kept_for_a_restore, opening_copies, reopened_holding, soak};
use lunxun::domain::{PersonId, Session, SlotKind};

const NOW: &str = "2015-03-16T08:20:00+08:00";

fn lunxun(dir: &Path, args: &[&str]) -> Command {
    common::lunxun_command(dir, args, "C", NOW)
}

#[test]
fn every_acknowledged_check_in_survives_sigkill() {
    let kills = soak("LUNXUN_SOAK", 120);
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
    let started = std::time::Instant::now();
    let out = lunxun(dir.path(), &["roster", "--cohort", "2015-02", "--json"])
        .output()
        .unwrap();
    // A check-in takes a little longer than this, more after a kill (the open copies
    // sled's folder first): kills land up to twice this late, at least 200 ms, so that on
    // a loaded machine too some land during start-up, the open, the commit, and after.
    let latest = (started.elapsed() * 2).max(Duration::from_millis(200));
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
        let mut stdout = child.stdout.take().unwrap();
        let mut out = Vec::new();
        if i % 4 == 3 {
            // The moment the first bytes of `✓` arrive: the store is not closed yet, so
            // only the commit itself made the check-in durable.
            let mut first = [0u8; 1];
            let n = stdout.read(&mut first).unwrap();
            out.extend_from_slice(&first[..n]);
        } else {
            std::thread::sleep(Duration::from_micros(rng.below(latest.as_micros() as u64)));
        }
        let _ = child.kill();
        let status = child.wait().unwrap();
        stdout.read_to_end(&mut out).unwrap();
        let out = String::from_utf8(out).unwrap();
        if out.starts_with('✓') {
            // Its open completed: it removed the copies a killed open left and its own,
            // and nothing has opened the folder since.
            let copies = opening_copies(dir.path());
            assert!(
                copies.is_empty(),
                "seed {seed}, kill {i}: copies made before opening are removed once a store opens: {copies:?}"
            );
            acknowledged.push((person.clone(), session));
        } else if !status.success() {
            killed_early += 1;
        }
    }
    let context = format!("seed {seed}");
    let (_store, events) = reopened_holding(dir.path(), "2015-02", &acknowledged, &context);
    // The second copy, what a restore gives back if sled's files are damaged: the
    // newest backup (made when a start finds the journal behind) plus the journal,
    // readable to its end (an entry torn by a kill is cut off when the store opens).
    assert_kept_for_a_restore(dir.path(), &acknowledged, &context);
    eprintln!(
        "kills: {kills} (0–{latest:?} after start), acknowledged before the kill: {}, killed before acknowledging: {killed_early}, events: {events}",
        acknowledged.len()
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

/// A cohort of `people` enrolled (one of them checked in) in a new data folder.
fn large_cohort(people: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| common::ok(&lunxun(dir.path(), args).output().unwrap());
    run(&common::cohort_new("轮训班", "4"));
    let mut roster = String::from("姓名,单位,县市区,职务\n");
    for i in 0..people {
        roster.push_str(&format!("学员{i},第{i}村,岳阳县,村党组织书记\n"));
    }
    let file = dir.path().join("roster.csv");
    std::fs::write(&file, roster).unwrap();
    run(&["import", file.to_str().unwrap(), "--cohort", "2015-01"]);
    dir
}

/// What is in `folder` (names, and each file's length and modification time).
fn listing(folder: &Path) -> Vec<(String, u64, std::time::SystemTime)> {
    let mut found: Vec<_> = std::fs::read_dir(folder)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let meta = e.metadata().ok()?;
            let name = e.file_name().to_string_lossy().into_owned();
            Some((name, meta.len(), meta.modified().ok()?))
        })
        .collect();
    found.sort();
    found
}

/// An export to a file that is killed while it writes leaves the file as it was or
/// whole, never a part: it is written beside and renamed over (`io::write_atomic`).
/// Each export is killed at a random moment after it starts writing (its folder
/// changes): from at once to about 30 ms later, spread evenly over the scales (1 µs,
/// 10 µs, … 10 ms), so kills land in the write, the fsync, the rename and after.
#[test]
fn a_killed_export_leaves_the_old_file_or_the_new_one_never_a_part() {
    let dir = large_cohort(1500);
    let export = |to: &Path| {
        let mut cmd = lunxun(dir.path(), &["export", "attendance", "--cohort", "2015-01"]);
        cmd.arg("-o").arg(to);
        cmd
    };
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("attendance.json");
    assert!(export(&target).output().unwrap().status.success());
    let old = std::fs::read(&target).unwrap();
    let roster = common::ok(
        &lunxun(dir.path(), &["roster", "--cohort", "2015-01", "--json"])
            .output()
            .unwrap(),
    );
    let first: Vec<serde_json::Value> = serde_json::from_str(&roster).unwrap();
    let person = first[0]["person_id"].as_str().unwrap();
    let checkin = ["checkin", "--cohort", "2015-01", "--person", person];
    common::ok(&lunxun(dir.path(), &checkin).output().unwrap());
    let whole = tempfile::tempdir().unwrap();
    assert!(
        export(&whole.path().join("new.json"))
            .output()
            .unwrap()
            .status
            .success()
    );
    let new = std::fs::read(whole.path().join("new.json")).unwrap();
    assert_ne!(old, new, "the check-in changes the export");
    let mut rng = Lcg(11);
    let (mut kept_old, mut got_new) = (0, 0);
    for trial in 0..16 {
        std::fs::write(&target, &old).unwrap();
        let before = listing(out.path());
        let mut child = export(&target)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        while listing(out.path()) == before && child.try_wait().unwrap().is_none() {
            std::thread::sleep(Duration::from_micros(50));
        }
        let scale = 10u64.pow(rng.below(5) as u32);
        std::thread::sleep(Duration::from_micros(rng.below(3 * scale)));
        let _ = child.kill();
        child.wait().unwrap();
        let found = std::fs::read(&target).unwrap();
        if found == old {
            kept_old += 1;
        } else if found == new {
            got_new += 1;
        } else {
            panic!(
                "trial {trial}: the killed export left {} bytes, neither the old file ({}) nor the new one ({})",
                found.len(),
                old.len(),
                new.len()
            );
        }
    }
    eprintln!(
        "exports of {} bytes killed while writing: 16, the old file kept: {kept_old}, the new one whole: {got_new}",
        new.len()
    );
}

/// A roster of `people` rows: the first 40 are the people `earlier` imported (now with
/// another position), the rest new.
fn roster_file(dir: &Path, name: &str, people: usize, position: &str) -> std::path::PathBuf {
    let mut roster = String::from("姓名,单位,县市区,职务\n");
    for i in 0..people {
        roster.push_str(&format!("学员{i},第{i}村,岳阳县,{position}\n"));
    }
    let file = dir.join(name);
    std::fs::write(&file, roster).unwrap();
    file
}

/// The register and the cohort's roster, read in this process (only once no child runs).
fn register_and_roster(dir: &Path) -> (Vec<lunxun::domain::Person>, usize) {
    let store = lunxun::store::Store::open(dir).unwrap();
    store
        .check_integrity()
        .expect("the store passes the integrity check");
    let people = store.people().unwrap();
    let enrolled = store.enrolments("2015-01").unwrap().len();
    store.close();
    (people, enrolled)
}

/// An import killed after some of its chunks were committed imports nothing: the next
/// open removes the people and enrolments it added and puts back the people it changed,
/// in journaled commits (a restore from the journal gives the same register); the same
/// import run again then imports everything. Chunks of 100 records (debug builds read
/// `LUNXUN_IMPORT_CHUNK`); the kill comes once the sync trace shows five commits (the
/// open commits nothing in a folder used before), and before the import's last.
#[test]
fn a_killed_import_imports_nothing_and_running_it_again_imports_everything() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| common::ok(&lunxun(dir.path(), args).output().unwrap());
    run(&common::cohort_new("轮训班", "4"));
    let earlier = roster_file(dir.path(), "earlier.csv", 40, "村委委员");
    run(&["import", earlier.to_str().unwrap()]);
    let (before, enrolled_before) = register_and_roster(dir.path());
    assert_eq!((before.len(), enrolled_before), (40, 0));
    let file = roster_file(dir.path(), "roster.csv", 3000, "村党组织书记");
    let args = ["import", file.to_str().unwrap(), "--cohort", "2015-01"];
    let trace = dir.path().join("trace");
    let mut child = lunxun(dir.path(), &args)
        .env("LUNXUN_TRACE_SYNC", &trace)
        .env("LUNXUN_IMPORT_CHUNK", "100")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let commits = || {
        let text = std::fs::read_to_string(&trace).unwrap_or_default();
        text.lines().filter(|l| l.starts_with("seq ")).count()
    };
    while commits() < 5 {
        assert!(
            child.try_wait().unwrap().is_none(),
            "the import ended first"
        );
        std::thread::sleep(Duration::from_millis(1));
    }
    let _ = child.kill();
    let status = child.wait().unwrap();
    assert!(!status.success(), "killed before its last chunk");
    let made = commits();
    assert!(made < 60, "the import has 60 chunks; {made} commits seen");
    let (after, enrolled) = register_and_roster(dir.path());
    // The import writes the 40 changed people in its first chunk.
    assert!(
        after == before,
        "the register is as before the killed import: {} people, {} changed",
        after.len(),
        after.iter().filter(|p| !before.contains(p)).count()
    );
    assert_eq!(enrolled, 0, "nobody stays enrolled by the killed import");
    // The rollback is in the journal: rebuilt from it alone, the folder is the same.
    let restored = dir.path().join("restored");
    let journal = dir.path().join(lunxun::store::JOURNAL_FILE);
    let out = lunxun(
        &restored,
        &["restore", "--journal", journal.to_str().unwrap()],
    )
    .output()
    .unwrap();
    common::ok(&out);
    let (rebuilt, rebuilt_enrolled) = register_and_roster(&restored);
    assert_eq!((rebuilt, rebuilt_enrolled), (before.clone(), 0));
    run(&args);
    let (imported, enrolled) = register_and_roster(dir.path());
    assert_eq!((imported.len(), enrolled), (3000, 3000));
    let changed = imported.iter().find(|p| p.id == before[0].id).unwrap();
    assert_eq!(
        changed.position, "村党组织书记",
        "the earlier people are updated"
    );
}
