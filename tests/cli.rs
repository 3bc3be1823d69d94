//! End-to-end tests of the command line through the built binary, each on its own
//! temporary data folder.

use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

mod common;
use common::{last_line, ok};

const NOW: &str = "2015-03-16T08:41:00+08:00";

fn lunxun(dir: &Path, args: &[&str]) -> Output {
    lunxun_env(dir, args, &[])
}

fn lunxun_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    common::lunxun_env(dir, args, "C", NOW, env)
}

/// A data folder with one cohort starting on NOW's date and one enrolled person.
fn cohort_with_person(dir: &Path) -> (String, String) {
    let out = lunxun(dir, &common::cohort_new("第1期", "2"));
    let code = last_line(&ok(&out));
    let out = lunxun(
        dir,
        &[
            "person",
            "add",
            "--name",
            "李雅婷",
            "--unit",
            "荣家湾镇新开村",
            "--county",
            "岳阳县",
            "--phone",
            "13812345678",
            "--id-number",
            "11010519491231002X",
            "--cohort",
            &code,
        ],
    );
    (code, last_line(&ok(&out)))
}

fn export(dir: &Path, code: &str) -> Value {
    let out = lunxun(
        dir,
        &["export", "attendance", "--cohort", code, "--format", "json"],
    );
    serde_json::from_str(&ok(&out)).unwrap()
}

fn status_of(export: &Value, person: &str, day: u64, slot: &str) -> String {
    let attendee = export["attendees"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["person_id"] == person)
        .expect("person exported");
    let mark = attendee["attendance"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["day"] == day && m["slot"] == slot)
        .expect("session exported");
    mark["status"].as_str().unwrap().to_string()
}

#[test]
fn cohort_new_prints_its_code_last_and_cohort_list_shows_it() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _) = cohort_with_person(dir.path());
    assert_eq!(code, "2015-01");
    let list: Value =
        serde_json::from_str(&ok(&lunxun(dir.path(), &["cohort", "list", "--json"]))).unwrap();
    assert_eq!(list[0]["code"], "2015-01");
    assert_eq!(list[0]["enrolled"], 1);
    assert_eq!(list[0]["sessions"], 4);
}

#[test]
fn check_in_shows_in_export_and_undo_reverts_it() {
    let dir = tempfile::tempdir().unwrap();
    let (code, id) = cohort_with_person(dir.path());
    let out = ok(&lunxun(
        dir.path(),
        &["checkin", "--cohort", &code, "--person", &id],
    ));
    assert!(out.contains("✓ 李雅婷 · 荣家湾镇新开村"), "{out}");
    assert!(
        out.contains("08:41 late"),
        "08:41 is past 08:30 + 10 min: {out}"
    );
    assert_eq!(status_of(&export(dir.path(), &code), &id, 1, "am"), "late");

    let again = ok(&lunxun(
        dir.path(),
        &["checkin", "--cohort", &code, "--person", &id],
    ));
    assert!(again.contains("already checked in"), "{again}");

    let undone = ok(&lunxun(
        dir.path(),
        &[
            "undo",
            "--cohort",
            &code,
            "--person",
            &id,
            "--session",
            "1:am",
        ],
    ));
    assert!(undone.contains("undid"), "{undone}");
    assert_eq!(status_of(&export(dir.path(), &code), &id, 1, "am"), "none");
}

#[test]
fn leave_is_recorded_with_its_reason() {
    let dir = tempfile::tempdir().unwrap();
    let (code, id) = cohort_with_person(dir.path());
    let args = [
        "checkin",
        "--cohort",
        &code,
        "--person",
        &id,
        "--session",
        "2:pm",
        "--status",
        "leave",
        "--reason",
        "生病",
    ];
    ok(&lunxun(dir.path(), &args));
    let export = export(dir.path(), &code);
    assert_eq!(status_of(&export, &id, 2, "pm"), "leave");
    let text = export.to_string();
    assert!(text.contains("生病"));
}

#[test]
fn roster_json_masks_phone_and_id_number() {
    let dir = tempfile::tempdir().unwrap();
    let (code, id) = cohort_with_person(dir.path());
    let out = ok(&lunxun(
        dir.path(),
        &["roster", "--cohort", &code, "--json"],
    ));
    assert!(
        !out.contains("13812345678") && !out.contains("11010519491231002X"),
        "{out}"
    );
    let roster: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(roster[0]["person_id"], id.as_str());
    assert_eq!(roster[0]["phone"], "138****5678");
    assert_eq!(roster[0]["id_number"], "110105********002X");
    for key in ["name", "unit", "county", "township", "position", "field"] {
        assert!(roster[0].get(key).is_some(), "missing {key}");
    }
}

/// Runs a failing command and checks: exit code 2, one line on stderr, nothing written.
fn assert_refused(dir: &Path, code: &str, args: &[&str], needle: &str) {
    let before = export(dir, code);
    let out = lunxun(dir, args);
    let err = common::stderr_past_clock_warning(&out);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
    assert_eq!(err.trim().lines().count(), 1, "{args:?}: {err}");
    assert!(
        err.contains(needle),
        "{args:?}: expected '{needle}' in {err}"
    );
    assert_eq!(export(dir, code), before, "{args:?} wrote something");
}

#[test]
fn bad_input_is_one_line_exit_2_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (code, id) = cohort_with_person(dir.path());
    let d = dir.path();
    assert_refused(
        d,
        &code,
        &["checkin", "--cohort", "nope", "--person", &id],
        "unknown cohort",
    );
    assert_refused(
        d,
        &code,
        &["checkin", "--cohort", &code, "--person", "nobody"],
        "unknown person",
    );
    assert_refused(
        d,
        &code,
        &[
            "checkin",
            "--cohort",
            &code,
            "--person",
            &id,
            "--session",
            "9:am",
        ],
        "no session",
    );
    assert_refused(
        d,
        &code,
        &[
            "checkin",
            "--cohort",
            &code,
            "--person",
            &id,
            "--session",
            "1:eve",
        ],
        "no session",
    );
    assert_refused(
        d,
        &code,
        &[
            "checkin", "--cohort", &code, "--person", &id, "--status", "asleep",
        ],
        "bad status",
    );
    assert_refused(
        d,
        &code,
        &[
            "cohort",
            "new",
            "--name",
            "x",
            "--start",
            "2015-02-30",
            "--days",
            "3",
        ],
        "bad start date",
    );
    assert_refused(
        d,
        &code,
        &[
            "cohort",
            "new",
            "--name",
            "x",
            "--start",
            "2015-03-01",
            "--days",
            "0",
        ],
        "days",
    );
    assert_refused(
        d,
        &code,
        &[
            "person",
            "add",
            "--name",
            "王五",
            "--id-number",
            "110105194912310021",
        ],
        "ID number",
    );
    assert_refused(
        d,
        &code,
        &["person", "add", "--name", "王五", "--phone", "12ab"],
        "phone",
    );
    assert_refused(
        d,
        &code,
        &[
            "person", "add", "--name", "王五", "--gender", "x", "--cohort", &code,
        ],
        "bad gender 'x'",
    );
    assert_refused(
        d,
        &code,
        &["person", "add", "--name", "王五", "--cohort", "nope"],
        "unknown cohort",
    );
    let list: Value = serde_json::from_str(&ok(&lunxun(d, &["cohort", "list", "--json"]))).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1, "no cohort was created");
}

#[test]
fn a_bad_clock_value_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = lunxun_env(
        dir.path(),
        &["cohort", "list"],
        &[("LUNXUN_NOW", "yesterday")],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("RFC 3339"));
}

#[test]
fn db_is_accepted_before_the_command_too() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(common::BIN)
        .arg("--db")
        .arg(dir.path())
        .args(["cohort", "list", "--json"])
        .output()
        .unwrap();
    assert_eq!(ok(&out).trim(), "[]");
}

#[test]
fn a_second_lunxun_on_the_same_folder_gets_a_plain_message() {
    let dir = tempfile::tempdir().unwrap();
    let (code, id) = cohort_with_person(dir.path());
    let held = lunxun::store::Store::open(dir.path()).unwrap();
    let out = lunxun(dir.path(), &["checkin", "--cohort", &code, "--person", &id]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(err.contains("already open in another lunxun"), "{err}");
    assert!(!err.contains("os error"), "{err}");
    let zh = lunxun_env(
        dir.path(),
        &["cohort", "list"],
        &[("LC_ALL", "zh_CN.UTF-8")],
    );
    assert!(String::from_utf8_lossy(&zh.stderr).contains("已在另一个 lunxun 中打开"));
    assert!(
        held.events(&code).unwrap().is_empty(),
        "the first one is unaffected"
    );
    drop(held);
    ok(&lunxun(
        dir.path(),
        &["checkin", "--cohort", &code, "--person", &id],
    ));
}

#[test]
fn demo_twice_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let first = ok(&lunxun(dir.path(), &["demo"]));
    let code = last_line(&first);
    assert_eq!(
        code, "2015-02",
        "2015-01 is the closed cohort earlier in the year"
    );
    let roster = ok(&lunxun(
        dir.path(),
        &["roster", "--cohort", &code, "--json"],
    ));
    let cohorts = ok(&lunxun(dir.path(), &["cohort", "list", "--json"]));
    let attendance = export(dir.path(), &code);
    let again = ok(&lunxun(dir.path(), &["demo"]));
    assert!(again.contains("already"), "{again}");
    assert_eq!(export(dir.path(), &code), attendance);
    assert_eq!(
        ok(&lunxun(
            dir.path(),
            &["roster", "--cohort", &code, "--json"]
        )),
        roster
    );
    let people: Value = serde_json::from_str(&roster).unwrap();
    assert_eq!(people.as_array().unwrap().len(), 60);
    let list = ok(&lunxun(dir.path(), &["cohort", "list", "--json"]));
    assert_eq!(list, cohorts);
    let list: Value = serde_json::from_str(&list).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 2);
}

#[test]
fn an_acknowledged_check_in_survives_a_kill_of_the_next_command() {
    let dir = tempfile::tempdir().unwrap();
    ok(&lunxun(dir.path(), &["demo"]));
    let roster: Value = serde_json::from_str(&ok(&lunxun(
        dir.path(),
        &["roster", "--cohort", "2015-02", "--json"],
    )))
    .unwrap();
    // Two showcase names: the demo leaves them for the user to check in today.
    let id_of = |name: &str| {
        let person = roster
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == name);
        person.unwrap()["person_id"].as_str().unwrap().to_string()
    };
    let (first, second) = (id_of("李雅婷"), id_of("曾强"));
    let ack = ok(&lunxun(
        dir.path(),
        &[
            "checkin",
            "--cohort",
            "2015-02",
            "--person",
            &first,
            "--session",
            "2:am",
        ],
    ));
    assert!(ack.starts_with('✓'));
    // The next command is killed (SIGKILL on Unix) while it is starting or writing.
    for delay_ms in [0u64, 2, 5, 10, 20] {
        let args = [
            "checkin",
            "--cohort",
            "2015-02",
            "--person",
            &second,
            "--session",
            "2:pm",
        ];
        let mut child = common::lunxun_command(dir.path(), &args, "C", NOW)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
    }
    let export = export(dir.path(), "2015-02");
    assert_eq!(
        status_of(&export, &first, 2, "am"),
        "late",
        "08:41 is past 08:30 + 10 min"
    );
}

#[test]
fn search_finds_an_enrolled_person_by_initials_and_hanzi() {
    let dir = tempfile::tempdir().unwrap();
    let code = last_line(&ok(&lunxun(dir.path(), &["demo"])));
    let out = ok(&lunxun(
        dir.path(),
        &["search", "--cohort", &code, "--json", "lyt"],
    ));
    let hits: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(hits[0]["name"], "李雅婷", "{out}");
    assert_eq!(hits[0]["unit"], "荣家湾镇新开村");
    for key in ["person_id", "county", "score"] {
        assert!(hits[0].get(key).is_some(), "missing {key}");
    }
    let out = ok(&lunxun(
        dir.path(),
        &["search", "--json", "--limit", "50", "张伟"],
    ));
    let hits: Value = serde_json::from_str(&out).unwrap();
    let names: Vec<&str> = hits
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["name"].as_str().unwrap())
        .collect();
    let exact = names.iter().take_while(|n| **n == "张伟").count();
    assert!(
        exact >= 2,
        "both 张伟 of the register come first: {names:?}"
    );
    assert!(names[exact..].iter().all(|n| *n != "张伟"));
    let multi = ok(&lunxun(
        dir.path(),
        &["search", "--cohort", &code, "lyt", "新开"],
    ));
    assert!(multi.starts_with("李雅婷"), "{multi}");
}

/// `LUNXUN_NOW` works in every build and stamps every check-in with one time, so it is
/// never silent: with it, every command says so in exactly one line on stderr (in the
/// user's language); without it, nothing.
#[test]
fn a_fixed_clock_is_announced_once_on_stderr_and_a_real_one_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    for (lang, expected) in [
        (
            "C",
            "lunxun: warning: the clock is fixed at 2015-03-16T08:41:00+08:00 (LUNXUN_NOW)\n",
        ),
        (
            "zh_CN.UTF-8",
            "lunxun: 注意：时钟已固定为 2015-03-16T08:41:00+08:00（LUNXUN_NOW）\n",
        ),
    ] {
        let out = lunxun_env(dir.path(), &["cohort", "list"], &[("LC_ALL", lang)]);
        assert!(out.status.success());
        assert_eq!(String::from_utf8_lossy(&out.stderr), expected);
    }
    let refused = lunxun(
        dir.path(),
        &["checkin", "--cohort", "NONE", "--person", "x"],
    );
    assert_eq!(
        common::stderr_past_clock_warning(&refused).lines().count(),
        1
    );
    let real = common::lunxun_real_clock(dir.path(), &["cohort", "list"], "C")
        .output()
        .unwrap();
    assert!(real.status.success());
    assert!(
        real.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&real.stderr)
    );
}
