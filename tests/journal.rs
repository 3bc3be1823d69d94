//! The journal: every commit since the last automatic backup is also appended to
//! `lunxun.journal` (and synced) before it is acknowledged, so a database damaged after
//! a burst of check-ins comes back whole from the newest backup plus the journal.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

fn lunxun(dir: &Path, at: &str, args: &[&str]) -> Output {
    common::lunxun_at(dir, args, "C", &format!("2015-03-16T{at}:00+08:00"))
}

fn text(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr)
}

fn roster(dir: &Path) -> Vec<String> {
    let out = lunxun(dir, "08:30", &["roster", "--cohort", "2015-02", "--json"]);
    let people: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    people
        .iter()
        .map(|p| p["person_id"].as_str().unwrap().to_string())
        .collect()
}

/// Checks `person` in for 2:am (today, in the demo's cohort in progress); the check-in
/// must be acknowledged.
fn check_in(dir: &Path, person: &str) {
    let args = [
        "checkin",
        "--cohort",
        "2015-02",
        "--person",
        person,
        "--session",
        "2:am",
    ];
    let out = lunxun(dir, "08:35", &args);
    assert!(text(&out).starts_with('✓'), "{}", text(&out));
}

/// Names of the people checked in (present or late) for 2:am. The demo, loaded at
/// 07:30, has no one there yet: these are the test's check-ins.
fn checked_in(dir: &Path) -> Vec<String> {
    let out = lunxun(
        dir,
        "09:00",
        &["export", "attendance", "--cohort", "2015-02"],
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut names: Vec<String> = json["attendees"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| {
            let marks = a["attendance"].as_array().unwrap();
            let today = marks.iter().find(|m| m["day"] == 2 && m["slot"] == "am");
            ["present", "late"].contains(&today.unwrap()["status"].as_str().unwrap())
        })
        .map(|a| a["name"].as_str().unwrap().to_string())
        .collect();
    names.sort();
    names
}

fn automatic_backup(dir: &Path, at: &str) -> PathBuf {
    assert!(lunxun(dir, at, &["backup"]).status.success());
    let mut backups: Vec<PathBuf> = std::fs::read_dir(dir.join("backups"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    backups.sort();
    backups.pop().unwrap()
}

fn damage(dir: &Path) {
    let file = dir.join("sled").join("db");
    let mut bytes = std::fs::read(&file).unwrap();
    for i in (1000..bytes.len()).step_by(4099) {
        bytes[i] ^= 0xFF;
    }
    std::fs::write(&file, bytes).unwrap();
}

#[test]
fn a_damaged_database_comes_back_whole_from_the_newest_backup_and_the_journal() {
    let base = tempfile::tempdir().unwrap();
    let dir = base.path().join("desk");
    assert!(lunxun(&dir, "07:30", &["demo"]).status.success());
    let backup = automatic_backup(&dir, "08:10");
    let people = roster(&dir);
    for person in &people[..5] {
        check_in(&dir, person);
    }
    // A walk-in: a new person enrolled, then checked in.
    let add = [
        "person",
        "add",
        "--name",
        "王新来",
        "--unit",
        "新墙镇清水村",
        "--cohort",
        "2015-02",
    ];
    let added = lunxun(&dir, "08:36", &add);
    let walk_in = String::from_utf8_lossy(&added.stdout)
        .lines()
        .last()
        .unwrap()
        .trim()
        .to_string();
    check_in(&dir, &walk_in);
    let before = checked_in(&dir);
    assert_eq!(before.len(), 6);

    damage(&dir);
    let refused = lunxun(&dir, "09:00", &["cohort", "list"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        text(&refused).contains("lunxun.journal"),
        "{}",
        text(&refused)
    );

    let restored = base.path().join("restored");
    let out = lunxun(&restored, "09:05", &["restore", backup.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("replayed 7 commits"), "{}", text(&out));
    assert_eq!(checked_in(&restored), before, "every check-in is back");

    let alone = base.path().join("alone");
    let args = ["restore", backup.to_str().unwrap(), "--no-journal"];
    assert!(lunxun(&alone, "09:06", &args).status.success());
    assert!(
        checked_in(&alone).is_empty(),
        "the backup alone predates them"
    );
}

#[test]
fn a_journal_that_starts_after_the_backup_is_refused_and_nothing_is_written() {
    let base = tempfile::tempdir().unwrap();
    let dir = base.path().join("desk");
    assert!(lunxun(&dir, "07:30", &["demo"]).status.success());
    let people = roster(&dir);
    let older = automatic_backup(&dir, "08:10");
    check_in(&dir, &people[0]);
    let newer = automatic_backup(&dir, "08:20");
    check_in(&dir, &people[1]);

    let restored = base.path().join("from-older");
    let out = lunxun(&restored, "09:00", &["restore", older.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(text(&out).contains("starts after commit"), "{}", text(&out));
    let listed = lunxun(&restored, "09:00", &["cohort", "list", "--json"]);
    assert_eq!(String::from_utf8_lossy(&listed.stdout).trim(), "[]");

    let restored = base.path().join("from-newer");
    let out = lunxun(&restored, "09:00", &["restore", newer.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(checked_in(&restored).len(), 2);
}

#[test]
fn a_torn_end_of_the_journal_is_reported_and_the_rest_replayed() {
    let base = tempfile::tempdir().unwrap();
    let dir = base.path().join("desk");
    assert!(lunxun(&dir, "07:30", &["demo"]).status.success());
    let people = roster(&dir);
    let backup = automatic_backup(&dir, "08:10");
    check_in(&dir, &people[0]);
    check_in(&dir, &people[1]);
    let journal = dir.join("lunxun.journal");
    let len = std::fs::metadata(&journal).unwrap().len();
    let file = std::fs::OpenOptions::new()
        .write(true)
        .open(&journal)
        .unwrap();
    file.set_len(len - 3).unwrap();

    let restored = base.path().join("restored");
    let out = lunxun(&restored, "09:00", &["restore", backup.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("replayed 1 commits"), "{}", text(&out));
    assert!(
        text(&out).contains("bytes could not be read"),
        "{}",
        text(&out)
    );
    assert_eq!(checked_in(&restored).len(), 1);
}

/// A kill during the very first start can leave sled's data file empty: the next start
/// opens it as a new database (it once failed for good on a check that tried to write).
#[test]
fn an_empty_data_file_left_by_a_kill_at_first_start_opens() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("sled")).unwrap();
    std::fs::write(dir.path().join("sled").join("db"), b"").unwrap();
    let store = lunxun::store::Store::open(dir.path()).expect("opens as new");
    store.close();
    lunxun::store::Store::open(dir.path()).expect("and again");
}

/// A journal made anew beside a database that already holds commits (it was deleted, or
/// its header was unreadable) lacks them: the next command makes a backup first, so the
/// newest backup and the journal still give back everything.
#[test]
fn a_journal_made_anew_beside_old_commits_is_behind_until_a_backup() {
    let base = tempfile::tempdir().unwrap();
    let dir = base.path().join("desk");
    assert!(lunxun(&dir, "07:30", &["demo"]).status.success());
    let people = roster(&dir);
    check_in(&dir, &people[0]);
    std::fs::remove_file(dir.join("lunxun.journal")).unwrap();
    check_in(&dir, &people[1]);
    let newest = std::fs::read_dir(dir.join("backups"))
        .expect("a backup was made")
        .map(|e| e.unwrap().path())
        .max()
        .unwrap();
    damage(&dir);
    let restored = base.path().join("restored");
    let out = lunxun(&restored, "09:00", &["restore", newest.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(checked_in(&restored).len(), 2, "{}", text(&out));
}

/// Twelve backups in one fixed-clock millisecond: the newest is never the one pruned,
/// so the newest backup and the journal still give back every check-in.
#[test]
fn many_backups_in_one_millisecond_keep_the_newest() {
    let base = tempfile::tempdir().unwrap();
    let dir = base.path().join("desk");
    assert!(lunxun(&dir, "07:30", &["demo"]).status.success());
    let people = roster(&dir);
    for person in &people[..12] {
        check_in(&dir, person);
        automatic_backup(&dir, "08:30");
    }
    check_in(&dir, &people[12]);
    check_in(&dir, &people[13]);
    let newest = automatic_backup(&dir, "08:30");
    check_in(&dir, &people[14]);
    damage(&dir);
    let restored = base.path().join("restored");
    let out = lunxun(&restored, "09:00", &["restore", newest.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(checked_in(&restored).len(), 15, "{}", text(&out));
}

/// A folder that never made a backup (only commands, no desk): its journal holds every
/// commit from the start, and the refusal says how to rebuild from it alone.
#[test]
fn a_folder_without_backups_is_rebuilt_from_its_journal() {
    let base = tempfile::tempdir().unwrap();
    let dir = base.path().join("desk");
    assert!(lunxun(&dir, "07:30", &["demo"]).status.success());
    let people = roster(&dir);
    for person in &people[..5] {
        check_in(&dir, person);
    }
    assert!(!dir.join("backups").exists(), "no backup was made");
    damage(&dir);
    let refused = lunxun(&dir, "09:00", &["cohort", "list"]);
    let journal = dir.join("lunxun.journal");
    let hint = format!("lunxun restore --journal {}", journal.display());
    assert!(text(&refused).contains(&hint), "{}", text(&refused));
    let restored = base.path().join("restored");
    let args = ["restore", "--journal", journal.to_str().unwrap()];
    let out = lunxun(&restored, "09:05", &args);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(checked_in(&restored).len(), 5, "{}", text(&out));
    assert_eq!(roster(&restored).len(), people.len());
    assert!(
        std::fs::read_dir(restored.join("backups")).unwrap().count() == 1,
        "the restored folder starts with a backup"
    );
}
