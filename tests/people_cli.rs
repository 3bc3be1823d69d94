//! `lunxun person list | edit | history | retire | hours` through the built binary:
//! what each prints (private values masked), what it records, and refusals that write
//! nothing (the folder's commit count stays).

use std::path::Path;
use std::process::Output;

use serde_json::Value;

mod common;
use common::{last_line, ok};

const NOW: &str = "2015-03-16T08:41:00+08:00";
const PHONE: &str = "13812345678";
const ID_NUMBER: &str = "11010519491231002X";

/// Runs in English (`C`), as user `organiser`.
fn lunxun(dir: &Path, args: &[&str]) -> Output {
    lunxun_in(dir, args, "C")
}

fn lunxun_in(dir: &Path, args: &[&str], lang: &str) -> Output {
    common::lunxun_env(dir, args, lang, NOW, &[("USER", "organiser")])
}

/// A folder with a cohort, 李雅婷 (enrolled, phone and ID number given) and 王五 (not).
fn folder() -> (tempfile::TempDir, String, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let code = last_line(&ok(&lunxun(d, &common::cohort_new("第1期", "2"))));
    let mut add = common::person_add("李雅婷", "荣家湾镇新开村");
    add.extend([
        "--county",
        "岳阳县",
        "--field",
        "village",
        "--phone",
        PHONE,
        "--id-number",
        ID_NUMBER,
        "--cohort",
        &code,
    ]);
    let li = last_line(&ok(&lunxun(d, &add)));
    let mut add = common::person_add("王五", "城关社区");
    add.extend(["--county", "华容县", "--field", "community"]);
    let wang = last_line(&ok(&lunxun(d, &add)));
    (dir, code, li, wang)
}

/// The folder's commit count (the binary has exited, so the folder is free).
fn commits(dir: &Path) -> u64 {
    lunxun::store::Store::open(dir).unwrap().commit_seq()
}

/// Exit code 2, one line naming `needle`, and no commit.
fn assert_refused(dir: &Path, args: &[&str], needle: &str) {
    let before = commits(dir);
    let out = lunxun(dir, args);
    let err = common::stderr_past_clock_warning(&out);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
    assert_eq!(err.trim().lines().count(), 1, "{args:?}: {err}");
    assert!(
        err.contains(needle),
        "{args:?}: expected '{needle}' in {err}"
    );
    assert!(!err.contains(PHONE) && !err.contains(ID_NUMBER), "{err}");
    assert_eq!(commits(dir), before, "{args:?} wrote something");
}

fn json(out: &Output) -> Value {
    serde_json::from_str(&ok(out)).unwrap()
}

fn names(list: &Value) -> Vec<&str> {
    let people = list.as_array().unwrap();
    people.iter().map(|p| p["name"].as_str().unwrap()).collect()
}

#[test]
fn the_list_filters_and_masks_in_both_forms() {
    let (dir, code, _, _) = folder();
    let d = dir.path();
    let all = ok(&lunxun(d, &["person", "list"]));
    assert!(
        all.contains("138****5678") && all.contains("110105********002X"),
        "{all}"
    );
    assert!(!all.contains(PHONE) && !all.contains(ID_NUMBER), "{all}");
    assert!(all.ends_with("2 people\n"), "{all}");
    let list = |extra: &[&str]| json(&lunxun(d, &[&["person", "list", "--json"], extra].concat()));
    assert_eq!(names(&list(&[])), ["李雅婷", "王五"]);
    assert_eq!(names(&list(&["--county", "华容县"])), ["王五"]);
    assert_eq!(names(&list(&["--field", "村"])), ["李雅婷"]);
    assert_eq!(names(&list(&["--cohort", &code])), ["李雅婷"]);
    assert_eq!(names(&list(&["--text", "社区"])), ["王五"]);
    assert_eq!(
        names(&list(&["--county", "华容县", "--field", "village"])),
        Vec::<&str>::new()
    );
    let li = &list(&["--cohort", &code])[0];
    assert_eq!(
        (li["phone"].as_str(), li["id_number"].as_str()),
        (Some("138****5678"), Some("110105********002X"))
    );
    let none = ok(&lunxun_in(
        d,
        &["person", "list", "--text", "无人"],
        "zh_CN.UTF-8",
    ));
    assert_eq!(none, "没有符合条件的人员。\n");
    assert_refused(
        d,
        &["person", "list", "--cohort", "nope"],
        "unknown cohort 'nope'",
    );
    assert_refused(d, &["person", "list", "--field", "farm"], "farm");
}

#[test]
fn an_edit_records_each_changed_field_with_who_and_the_old_value_masked() {
    let (dir, _, li, _) = folder();
    let d = dir.path();
    let args = [
        "person",
        "edit",
        &li,
        "--unit",
        "新开村委会",
        "--phone",
        "139 0000 1111",
        "--name",
        "李雅婷",
    ];
    let out = ok(&lunxun_in(d, &args, "zh_CN.UTF-8"));
    assert_eq!(
        out,
        "已修改 李雅婷 的 2 项信息：\n  单位：荣家湾镇新开村 → 新开村委会\n  电话：138****5678 → 139****1111\n"
    );
    let listed = json(&lunxun(
        d,
        &["person", "list", "--text", "李雅婷", "--json"],
    ));
    assert_eq!(listed[0]["unit"], "新开村委会");
    assert_eq!(listed[0]["phone"], "139****1111");
    let history = json(&lunxun(d, &["person", "history", &li, "--json"]));
    let changes = history.as_array().unwrap();
    assert_eq!(changes.len(), 2);
    let phone = &changes[1];
    assert_eq!(phone["kind"], "person_edited");
    assert_eq!(phone["field"], "phone");
    assert_eq!(
        (phone["old"].as_str(), phone["new"].as_str()),
        (Some("138****5678"), Some("139****1111"))
    );
    assert_eq!(phone["by"], "organiser");
    assert_eq!(phone["at"], NOW);
    assert!(phone["desk"].as_str().unwrap().starts_with("desk-"));
    let text = ok(&lunxun_in(d, &["person", "history", &li], "zh_CN.UTF-8"));
    assert!(
        text.contains("2015-03-16 08:41  organiser（desk-"),
        "{text}"
    );
    assert!(
        text.contains("修改电话：138****5678 → 139****1111"),
        "{text}"
    );
    assert!(
        !text.contains(PHONE) && !text.contains("13900001111"),
        "{text}"
    );
    // Clearing a field is a change to empty.
    let out = ok(&lunxun(d, &["person", "edit", &li, "--id-number", ""]));
    assert!(
        out.contains("ID number: 110105********002X → (empty)"),
        "{out}"
    );
}

#[test]
fn edits_that_change_nothing_or_break_the_rules_are_refused() {
    let (dir, _, li, _) = folder();
    let d = dir.path();
    assert_refused(
        d,
        &["person", "edit", &li],
        "nothing to change: give at least one of --name",
    );
    assert_refused(
        d,
        &["person", "edit", &li, "--unit", "荣家湾镇新开村"],
        "nothing changed",
    );
    assert_refused(
        d,
        &["person", "edit", &li, "--phone", "12ab"],
        "phone must be 7 to 15 digits",
    );
    assert_refused(
        d,
        &["person", "edit", &li, "--id-number", "110105194912310021"],
        "ID number",
    );
    assert_refused(d, &["person", "edit", &li, "--name", " "], "name is empty");
    assert_refused(
        d,
        &["person", "edit", &li, "--gender", "x"],
        "bad gender 'x'",
    );
    assert_refused(
        d,
        &["person", "edit", "NOBODY", "--unit", "x"],
        "no one in the register has the id 'NOBODY'",
    );
    let none = ok(&lunxun(d, &["person", "history", &li]));
    assert_eq!(none, "no changes recorded for 李雅婷\n");
}

#[test]
fn a_retirement_is_recorded_from_a_date_refused_twice_and_undone() {
    let (dir, _, li, wang) = folder();
    let d = dir.path();
    let out = ok(&lunxun_in(
        d,
        &["person", "retire", &li, "--reason", "换届"],
        "zh_CN.UTF-8",
    ));
    assert_eq!(
        out,
        "已记录：李雅婷 自 2015-03-16 起不再担任书记（换届）。\n"
    );
    let listed = json(&lunxun(d, &["person", "list", "--json"]));
    assert_eq!(
        (
            listed[0]["retired_from"].as_str(),
            listed[0]["retired_reason"].as_str()
        ),
        (Some("2015-03-16"), Some("换届"))
    );
    assert_eq!(listed[1]["retired_from"], Value::Null);
    assert_refused(
        d,
        &["person", "retire", &li, "--reason", "调离"],
        "already recorded as leaving from 2015-03-16",
    );
    assert_refused(
        d,
        &["person", "retire", &wang, "--reason", " "],
        "give the reason with --reason",
    );
    assert_refused(
        d,
        &[
            "person",
            "retire",
            &wang,
            "--reason",
            "调离",
            "--from",
            "2015-13-01",
        ],
        "bad date '2015-13-01'",
    );
    assert_refused(
        d,
        &["person", "retire", &wang, "--undo"],
        "王五 has no retirement to undo",
    );
    let missing = lunxun(d, &["person", "retire", &wang]);
    assert_eq!(missing.status.code(), Some(2), "clap asks for --reason");
    let out = ok(&lunxun(d, &["person", "retire", &li, "--undo"]));
    assert_eq!(out, "undid 李雅婷's retirement from 2015-03-16\n");
    ok(&lunxun(
        d,
        &[
            "person",
            "retire",
            &li,
            "--reason",
            "调离",
            "--from",
            "2015-06-30",
        ],
    ));
    let history = ok(&lunxun(d, &["person", "history", &li]));
    let whats: Vec<&str> = history
        .lines()
        .map(|l| l.split("  ").last().unwrap())
        .collect();
    assert_eq!(
        whats,
        [
            "left office from 2015-03-16 (换届) (undone)",
            "undone: left office from 2015-03-16 (换届)",
            "left office from 2015-06-30 (调离)",
        ]
    );
    let history = json(&lunxun(d, &["person", "history", &li, "--json"]));
    let kinds: Vec<&str> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["person_retired", "undone", "person_retired"]);
    assert_eq!(history[0]["undone"], true);
}

#[test]
fn hours_from_elsewhere_are_checked_recorded_and_listed() {
    let (dir, _, li, _) = folder();
    let d = dir.path();
    let add = |extra: &[&str]| -> Vec<String> {
        let base = [
            "person",
            "hours",
            "add",
            li.as_str(),
            "--source",
            "省委党校专题班",
        ];
        base.iter().chain(extra).map(|s| s.to_string()).collect()
    };
    let refuse = |extra: &[&str], needle: &str| {
        let args = add(extra);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        assert_refused(d, &args, needle);
    };
    refuse(&["--hours", "2.55"], "bad hours '2.55'");
    refuse(&["--hours", "0"], "bad hours '0'");
    refuse(&["--hours", "eight"], "bad hours 'eight'");
    refuse(
        &["--hours", "8", "--date", "2015-03-17"],
        "the date 2015-03-17 is after today (2015-03-16)",
    );
    refuse(
        &["--hours", "8", "--date", "16/03/2015"],
        "bad date '16/03/2015'",
    );
    refuse(&["--hours", "8", "--level", "town"], "town");
    assert_refused(
        d,
        &[
            "person", "hours", "add", &li, "--hours", "8", "--source", "  ",
        ],
        "give where the hours come from with --source",
    );
    let args = add(&[
        "--hours",
        "8",
        "--date",
        "2015-02-10",
        "--level",
        "province",
    ]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = ok(&lunxun_in(d, &args, "zh_CN.UTF-8"));
    assert_eq!(
        out,
        "已记录 李雅婷 的班外学时 8（省委党校专题班，2015-02-10）。\n"
    );
    ok(&lunxun(
        d,
        &[
            "person",
            "hours",
            "add",
            &li,
            "--hours",
            "2.5",
            "--source",
            "网络学院",
        ],
    ));
    let listed = ok(&lunxun(d, &["person", "hours", "list", &li]));
    assert_eq!(
        listed,
        "2015-02-10\t8\t省委党校专题班\tprovince\n2015-03-16\t2.5\t网络学院\t\ntotal 10.5 hours\n"
    );
    let listed = json(&lunxun(d, &["person", "hours", "list", &li, "--json"]));
    assert_eq!(listed[1]["tenths"], 25);
    assert_eq!(listed[1]["hours"], 2.5);
    assert_eq!(listed[0]["level"], "province");
    let history = ok(&lunxun(d, &["person", "history", &li]));
    assert!(
        history.contains("8 hours from elsewhere (省委党校专题班, 2015-02-10)"),
        "{history}"
    );
}
