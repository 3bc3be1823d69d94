//! Backups: every record kind round-trips through a backup file into a new folder;
//! automatic backups keep the last ten; restore refuses a folder that holds records.

use std::path::Path;
use std::process::Command;

use chrono::{DateTime, Duration, FixedOffset};
use lunxun::domain::{CheckInStatus, Person, PersonId, Session, SlotKind};
use lunxun::io::backup;
use lunxun::store::{Batch, CheckInOutcome, DeskRequest, Store};

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2015-03-16T08:35:00+08:00").unwrap()
}

/// The demo's cohort in progress (2015-01 is the closed one earlier in the year).
const DEMO: &str = "2015-02";

/// How many attendance events the demo itself makes at `now()` (the same every time:
/// it follows the clock).
fn demo_events() -> usize {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    lunxun::demo::install(&store, now()).unwrap();
    let cohorts = store.cohorts().unwrap();
    cohorts
        .iter()
        .map(|c| store.events(&c.code).unwrap().len())
        .sum()
}

/// The demo plus every kind of attendance record: present, late, leave with reason,
/// an undo, a walk-in, a closed session (today's, where the demo leaves the showcase
/// names to check in).
fn seeded(dir: &Path) -> Store {
    let store = Store::open(dir).unwrap();
    lunxun::demo::install(&store, now()).unwrap();
    let roster = store.roster(DEMO).unwrap();
    let am = Session::new(2, SlotKind::Am);
    let req = |name: &str| DeskRequest {
        cohort: DEMO,
        person: &roster.iter().find(|x| x.name == name).unwrap().id,
        session: am,
        at: now(),
    };
    let recorded = |outcome| assert!(matches!(outcome, CheckInOutcome::Recorded(_)));
    recorded(
        store
            .check_in(&req("李雅婷"), CheckInStatus::Present, None)
            .unwrap(),
    );
    recorded(
        store
            .check_in(&req("曾强"), CheckInStatus::Late, None)
            .unwrap(),
    );
    recorded(
        store
            .check_in(&req("单丽"), CheckInStatus::Leave, Some("生病".into()))
            .unwrap(),
    );
    recorded(
        store
            .check_in(&req("欧阳娜"), CheckInStatus::Present, None)
            .unwrap(),
    );
    recorded(store.undo(&req("欧阳娜")).unwrap());
    let mut walk_in = Person::named(PersonId("01WALKIN0000000000000000AA".into()), "王新来");
    walk_in.unit = "新墙镇清水村".into();
    let mut extra = Batch::default();
    Store::stage_person(&mut extra, &walk_in);
    Store::stage_enrolment(&mut extra, DEMO, &walk_in.id, now(), true);
    let request = DeskRequest {
        cohort: DEMO,
        person: &walk_in.id,
        session: am,
        at: now(),
    };
    store
        .check_in_with(&request, CheckInStatus::Present, None, extra)
        .unwrap();
    let mut cohort = store.cohort(DEMO).unwrap().unwrap();
    cohort.closed_sessions.push(am);
    let mut batch = Batch::default();
    Store::stage_cohort(&mut batch, &cohort);
    store.commit(batch).unwrap();
    store
}

#[test]
fn every_record_kind_round_trips_through_a_backup() {
    let from = tempfile::tempdir().unwrap();
    let to = tempfile::tempdir().unwrap();
    let file = from.path().join("b.json");
    let original = seeded(from.path());
    let saved = backup::write(&original, &file, now()).unwrap();
    let restored = Store::open(to.path()).unwrap();
    restored
        .restore(&backup::read(&file).unwrap(), &[])
        .unwrap();
    assert_eq!(restored.people().unwrap(), original.people().unwrap());
    assert_eq!(restored.cohorts().unwrap(), original.cohorts().unwrap());
    for code in ["2015-01", DEMO] {
        assert_eq!(
            restored.enrolments(code).unwrap(),
            original.enrolments(code).unwrap()
        );
        assert_eq!(
            restored.events(code).unwrap(),
            original.events(code).unwrap()
        );
        assert_eq!(
            restored.activity_events(code).unwrap(),
            original.activity_events(code).unwrap()
        );
    }
    assert_eq!(restored.bases().unwrap(), original.bases().unwrap());
    assert_ne!(
        restored.desk(),
        original.desk(),
        "the new folder keeps its own desk id"
    );
    assert_eq!(
        restored.check_integrity().unwrap(),
        original.check_integrity().unwrap()
    );
    let mut again = restored.backup(&now().to_rfc3339()).unwrap();
    let mut saved = saved;
    for b in [&mut again, &mut saved] {
        b.trees
            .get_mut("meta")
            .unwrap()
            .retain(|r| r.key != "desk" && r.key != "commit_seq");
    }
    assert_eq!(
        serde_json::to_value(&again.trees).unwrap(),
        serde_json::to_value(&saved.trees).unwrap()
    );
    assert_eq!(
        saved.counts()["events"],
        demo_events() + 6,
        "the demo's, and 4 check-ins, 1 undo, 1 walk-in"
    );
}

#[test]
fn automatic_backups_keep_the_last_ten() {
    let dir = tempfile::tempdir().unwrap();
    let store = seeded(dir.path());
    // Left by a process killed while writing a backup: removed with the old ones.
    let half_written = backup::folder(dir.path()).join(".lunxun-20150316-083000.000.json.tmp-99");
    std::fs::create_dir_all(backup::folder(dir.path())).unwrap();
    std::fs::write(&half_written, b"{\"format\":").unwrap();
    for minute in 0..12 {
        backup::automatic(&store, now() + Duration::minutes(minute)).unwrap();
    }
    let mut names: Vec<String> = std::fs::read_dir(backup::folder(dir.path()))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 10, "{names:?}");
    assert!(!half_written.exists());
    assert_eq!(
        names[0], "lunxun-20150316-083700.000.json",
        "the two oldest were removed"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let path = backup::folder(dir.path()).join(&names[0]);
        assert_eq!(
            std::fs::metadata(path).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
}

/// A fixed clock puts a start and an exit backup in one millisecond: both are kept, in
/// order, the second named `…_01.json`.
#[test]
fn two_backups_in_one_millisecond_are_both_kept_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let store = seeded(dir.path());
    let first = backup::automatic(&store, now()).unwrap();
    let second = backup::automatic(&store, now()).unwrap();
    assert_ne!(first, second);
    assert!(second.to_string_lossy().ends_with("083500.000_01.json"));
    assert!(first < second, "names sort by the order they were made");
    assert!(first.exists() && second.exists());
}

fn lunxun(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_lunxun"))
        .args(args)
        .arg("--db")
        .arg(dir)
        .env("LANG", "C")
        .env("LUNXUN_NOW", "2015-03-16T08:35:00+08:00")
        .output()
        .unwrap()
}

#[test]
fn backup_and_restore_from_the_command_line() {
    let from = tempfile::tempdir().unwrap();
    drop(seeded(from.path()));
    let file = from.path().join("b.json");
    let out = lunxun(from.path(), &["backup", "-o", file.to_str().unwrap()]);
    assert!(out.status.success());
    let counts = format!(
        "2001 people, 2 cohorts, 109 enrolments, {} attendance events",
        demo_events() + 6
    );
    assert!(
        String::from_utf8_lossy(&out.stdout).contains(&counts),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let to = tempfile::tempdir().unwrap();
    let target = to.path().join("new");
    let out = lunxun(&target, &["restore", file.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("restored and verified"));
    let again = lunxun(&target, &["restore", file.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already holds records"));
    let garbage = to.path().join("garbage.json");
    std::fs::write(&garbage, b"{not json").unwrap();
    let bad = lunxun(
        &to.path().join("other"),
        &["restore", garbage.to_str().unwrap()],
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("is not a lunxun backup"));
}
