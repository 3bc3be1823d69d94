//! A data folder written at schema 1 (before 学时 rules) is upgraded to schema 2 when
//! lunxun opens it, after an automatic backup of the folder as it was; its cohorts keep
//! their old completion rule (no credit rules) and their records.
//!
//! The schema-1 folder is made the way an organiser would carry one over: a backup
//! written at schema 1 (a cohort without rules or slot end times, the schema version 1)
//! restored into a new folder with `lunxun restore`.

use std::path::{Path, PathBuf};

use lunxun::store::{SCHEMA_VERSION, Store};
use serde_json::{Value, json};

mod common;
use common::{NOW, last_line, ok, text_of};

fn run(dir: &Path, args: &[&str], lang: &str) -> std::process::Output {
    common::lunxun_at(dir, args, lang, NOW)
}

/// A backup of a folder with one cohort, one person checked in, rewritten as schema 1
/// wrote it.
fn schema_1_backup(dir: &Path) -> PathBuf {
    let old = dir.join("old");
    let code = last_line(&ok(&run(&old, &common::cohort_new("旧班", "2"), "C")));
    let add = common::person_add("张伟", "甲村");
    let mut add = add.clone();
    add.extend(["--cohort", &code]);
    let id = last_line(&ok(&run(&old, &add, "C")));
    ok(&run(
        &old,
        &["checkin", "--cohort", &code, "--person", &id],
        "C",
    ));
    let file = dir.join("schema1.json");
    ok(&run(&old, &["backup", "-o", file.to_str().unwrap()], "C"));
    let mut backup: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    backup["schema"] = json!(1);
    for record in backup["trees"]["meta"].as_array_mut().unwrap() {
        if record["key"] == "schema_version" {
            record["value"] = json!("\u{0}\u{0}\u{0}\u{1}");
        }
    }
    for record in backup["trees"]["cohorts"].as_array_mut().unwrap() {
        let cohort = record["value"].as_object_mut().unwrap();
        cohort.remove("credit");
        for slot in cohort["slots"].as_array_mut().unwrap() {
            slot.as_object_mut().unwrap().remove("ends_at");
        }
    }
    std::fs::write(&file, serde_json::to_vec_pretty(&backup).unwrap()).unwrap();
    file
}

fn schema_of(dir: &Path) -> u32 {
    Store::open(dir).unwrap().schema_version().unwrap()
}

#[test]
fn a_schema_1_folder_is_backed_up_then_upgraded_and_keeps_its_old_rule() {
    let tmp = tempfile::tempdir().unwrap();
    let file = schema_1_backup(tmp.path());
    let folder = tmp.path().join("carried");
    let restore = ["restore", file.to_str().unwrap(), "--no-journal"];
    ok(&run(&folder, &restore, "C"));
    assert_eq!(schema_of(&folder), 1, "the restored folder is at schema 1");

    let out = run(&folder, &["cohort", "list"], "zh_CN.UTF-8");
    ok(&out);
    let said = text_of(&out);
    let line = said
        .lines()
        .find(|l| {
            l.contains(&format!(
                "数据文件夹已从第 1 版升级到第 {SCHEMA_VERSION} 版"
            ))
        })
        .unwrap_or_else(|| panic!("no upgrade message in: {said}"));
    let path = line
        .split("升级前已备份到 ")
        .nth(1)
        .expect("the backup named");
    let backup: Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    assert_eq!(backup["schema"], 1, "the backup holds the folder as it was");
    assert!(
        Path::new(path).starts_with(&folder),
        "in the folder's backups: {path}"
    );
    assert_eq!(schema_of(&folder), SCHEMA_VERSION);

    let store = Store::open(&folder).unwrap();
    let cohorts = store.cohorts().unwrap();
    assert_eq!(cohorts.len(), 1);
    assert_eq!(cohorts[0].credit, None, "the old cohort keeps its old rule");
    assert_eq!(store.events(&cohorts[0].code).unwrap().len(), 1);
    drop(store);
    let shown = ok(&run(&folder, &["cohort", "show", "2015-01", "--json"], "C"));
    let shown: Value = serde_json::from_str(&shown).unwrap();
    assert_eq!(
        (
            shown["legacy"].clone(),
            shown["legacy_completion_percent"].clone()
        ),
        (json!(true), json!(80))
    );

    let again = run(&folder, &["cohort", "list"], "C");
    assert!(
        !text_of(&again).contains("upgraded"),
        "upgraded once: {}",
        text_of(&again)
    );

    // Edited, the old cohort gets rules (the defaults) and leaves the old rule.
    ok(&run(
        &folder,
        &["cohort", "edit", "2015-01", "--name", "旧班二"],
        "C",
    ));
    let store = Store::open(&folder).unwrap();
    let cohort = store.cohorts().unwrap().remove(0);
    assert_eq!(
        cohort.credit,
        Some(lunxun::domain::credit::CreditRules::default())
    );
    drop(store);
    let shown = ok(&run(&folder, &["cohort", "show", "2015-01", "--json"], "C"));
    let shown: Value = serde_json::from_str(&shown).unwrap();
    assert_eq!(shown["legacy"], json!(false));
}

/// The backup comes first: when it cannot be made the command stops, says so, and the
/// folder stays at schema 1 as it was; once the backup can be made the upgrade goes on.
/// When the upgrade's own commit fails the folder stays at schema 1 too.
#[test]
fn a_failed_backup_or_upgrade_leaves_the_folder_at_schema_1() {
    let tmp = tempfile::tempdir().unwrap();
    let file = schema_1_backup(tmp.path());
    let folder = tmp.path().join("carried");
    let restore = ["restore", file.to_str().unwrap(), "--no-journal"];
    ok(&run(&folder, &restore, "C"));
    let backups = lunxun::io::backup::folder(&folder);
    if backups.exists() {
        std::fs::remove_dir_all(&backups).unwrap();
    }
    // A file where the backups folder goes: no backup can be made.
    std::fs::write(&backups, b"not a folder").unwrap();

    let out = run(&folder, &["cohort", "list"], "C");
    assert!(!out.status.success(), "refused: {}", text_of(&out));
    assert!(
        text_of(&out).contains("the backup before upgrading the data folder failed"),
        "{}",
        text_of(&out)
    );
    assert_eq!(schema_of(&folder), 1, "nothing upgraded without a backup");

    std::fs::remove_file(&backups).unwrap();
    let fault = [("LUNXUN_FAULT", "write:1:always")];
    let out = common::lunxun_env(&folder, &["cohort", "list"], "C", NOW, &fault);
    assert!(!out.status.success(), "refused: {}", text_of(&out));
    assert_eq!(schema_of(&folder), 1, "a failed upgrade leaves schema 1");

    ok(&run(&folder, &["cohort", "list"], "C"));
    assert_eq!(schema_of(&folder), SCHEMA_VERSION);
}

#[test]
fn a_new_folder_is_at_the_current_schema_and_its_backups_say_so() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run(tmp.path(), &common::cohort_new("第1期", "2"), "C");
    ok(&out);
    assert!(!text_of(&out).contains("upgraded"));
    assert_eq!(schema_of(tmp.path()), SCHEMA_VERSION);
    let file = tmp.path().join("b.json");
    ok(&run(
        tmp.path(),
        &["backup", "-o", file.to_str().unwrap()],
        "C",
    ));
    let backup: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(backup["schema"], SCHEMA_VERSION);
}

/// The desk upgrades the folder the same way before its first screen.
#[cfg(unix)]
#[test]
fn the_desk_upgrades_a_schema_1_folder_before_its_first_screen() {
    let tmp = tempfile::tempdir().unwrap();
    let file = schema_1_backup(tmp.path());
    let folder = tmp.path().join("carried");
    ok(&run(
        &folder,
        &["restore", file.to_str().unwrap(), "--no-journal"],
        "C",
    ));
    let backups_before = backups(&folder);
    use common::keys::Keys;
    let mut desk = common::desk::Desk::open(&folder, "C");
    desk.wait_for("旧班");
    assert_eq!(
        schema_of_while_open(&folder),
        None,
        "the folder is the desk's"
    );
    desk.ctrl('q');
    assert_eq!(desk.exit_code(), 0);
    assert!(
        desk.contents()
            .contains(&format!("upgraded from schema 1 to {SCHEMA_VERSION}")),
        "{}",
        desk.contents()
    );
    assert_eq!(schema_of(&folder), SCHEMA_VERSION);
    // Only the backups the desk made: the restore may have left one of schema 1 already.
    let schemas: Vec<Value> = backups(&folder)
        .iter()
        .filter(|p| !backups_before.contains(p))
        .map(|p| {
            serde_json::from_slice::<Value>(&std::fs::read(p).unwrap()).unwrap()["schema"].clone()
        })
        .collect();
    assert!(!schemas.is_empty(), "the desk made a backup");
    assert!(
        schemas.contains(&json!(1)),
        "the folder as it was is kept: {schemas:?}"
    );
}

/// The folder's automatic backups, oldest first.
#[cfg(unix)]
fn backups(dir: &Path) -> Vec<PathBuf> {
    lunxun::io::backup::backups_in(&lunxun::io::backup::folder(dir)).unwrap_or_default()
}

/// `None` while another lunxun holds the folder.
#[cfg(unix)]
fn schema_of_while_open(dir: &Path) -> Option<u32> {
    Store::open(dir).ok().map(|s| s.schema_version().unwrap())
}
