//! 同一人 through the built binary: `person merge A B` joins two records as one person
//! (recorded, undone by `change undo`), and every place that counts people counts them
//! once — the roster, the attendance export, the register list, search, a check-in —
//! while both records stay stored. Refusals write nothing.

use std::path::Path;
use std::process::Output;

use serde_json::Value;

mod common;
use common::{last_line, ok};

const NOW: &str = "2015-03-16T08:41:00+08:00";

fn lunxun(dir: &Path, args: &[&str]) -> Output {
    lunxun_in(dir, args, "C")
}

fn lunxun_in(dir: &Path, args: &[&str], lang: &str) -> Output {
    common::lunxun_env(dir, args, lang, NOW, &[("USER", "organiser")])
}

fn json(out: &Output) -> Value {
    serde_json::from_str(&ok(out)).unwrap()
}

fn commits(dir: &Path) -> u64 {
    lunxun::store::Store::open(dir).unwrap().commit_seq()
}

/// A cohort with 张伟 twice (a walk-in typed at two desks, both enrolled) and 李强.
/// Returns the code and the three ids, the smallest first.
fn folder(d: &Path) -> (String, String, String, String) {
    let code = last_line(&ok(&lunxun(d, &common::cohort_new("第1期", "2"))));
    let mut ids = Vec::new();
    for (name, unit) in [("张伟", "新开村"), ("张伟", "新开村"), ("李强", "城关社区")]
    {
        let mut add = common::person_add(name, unit);
        add.extend(["--cohort", &code]);
        ids.push(last_line(&ok(&lunxun(d, &add))));
    }
    (code, ids[0].clone(), ids[1].clone(), ids[2].clone())
}

fn roster_ids(d: &Path, code: &str) -> Vec<String> {
    let roster = json(&lunxun(d, &["roster", "--cohort", code, "--json"]));
    let rows = roster.as_array().unwrap();
    rows.iter()
        .map(|r| r["person_id"].as_str().unwrap().to_string())
        .collect()
}

fn attendees(d: &Path, code: &str) -> Vec<(String, String)> {
    let args = ["export", "attendance", "--cohort", code, "--format", "json"];
    let export = json(&lunxun(d, &args));
    let rows = export["attendees"].as_array().unwrap();
    rows.iter()
        .map(|a| {
            let first = &a["attendance"][0]["status"];
            (
                a["person_id"].as_str().unwrap().to_string(),
                first.as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn two_records_count_as_one_person_everywhere_until_undone() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (code, a, b, c) = folder(d);
    ok(&lunxun(d, &["checkin", "--cohort", &code, "--person", &b]));
    assert_eq!(roster_ids(d, &code), [a.clone(), b.clone(), c.clone()]);

    let out = ok(&lunxun(d, &["person", "merge", &b, &a]));
    assert!(out.contains("now counts as 张伟"), "{out}");
    let change = last_line(&out);
    assert!(
        out.contains(&format!("lunxun change undo {change}")),
        "{out}"
    );

    assert_eq!(
        roster_ids(d, &code),
        [a.clone(), c.clone()],
        "the roster lists the kept record once"
    );
    let cohorts = json(&lunxun(d, &["cohort", "list", "--json"]));
    assert_eq!(
        cohorts[0]["enrolled"], 2,
        "enrolled under both records, counted once"
    );
    let marks = attendees(d, &code);
    assert_eq!(marks.len(), 2);
    assert_eq!(
        marks[0],
        (a.clone(), "late".to_string()),
        "B's check-in counts as A's"
    );
    let list = json(&lunxun(d, &["person", "list", "--json"]));
    assert_eq!(
        list.as_array().unwrap().len(),
        2,
        "the joined record leaves the list"
    );
    let hits = json(&lunxun(d, &["search", "张伟", "--json"]));
    assert_eq!(hits.as_array().unwrap().len(), 1, "and the search");
    let again = ok(&lunxun(d, &["checkin", "--cohort", &code, "--person", &a]));
    assert!(again.contains("already checked in"), "{again}");

    let undone = ok(&lunxun(d, &["change", "undo", &change]));
    assert!(undone.contains("张伟"), "{undone}");
    assert_eq!(
        roster_ids(d, &code),
        [a.clone(), b.clone(), c.clone()],
        "parted again"
    );
    assert_eq!(attendees(d, &code)[0].1, "none");
}

#[test]
fn merge_prints_json_and_the_chinese_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (_, a, b, c) = folder(d);
    let out = json(&lunxun(d, &["person", "merge", &a, &b, "--json"]));
    assert_eq!(out["kept"], a.as_str());
    assert_eq!(out["joined"], b.as_str());
    assert_eq!(out["rule"], "manual");
    assert_eq!(out["change"].as_str().unwrap().len(), 26);
    let zh = ok(&lunxun_in(d, &["person", "merge", &c, &b], "zh_CN.UTF-8"));
    assert!(zh.contains("今后按 张伟"), "{zh}");
    assert!(zh.contains("撤销：lunxun change undo"), "{zh}");
}

#[test]
fn refusals_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (_, a, b, _) = folder(d);
    let mut add = common::person_add("王五", "甲村");
    add.extend(["--id-number", "11010519491231002X"]);
    let x = last_line(&ok(&lunxun(d, &add)));
    let mut add = common::person_add("王五", "甲村");
    add.extend(["--id-number", "110105198001010016"]);
    let y = last_line(&ok(&lunxun(d, &add)));
    ok(&lunxun(d, &["person", "merge", &a, &b]));
    for (args, needle) in [
        (vec!["person", "merge", &a, &a], "same"),
        (vec!["person", "merge", &b, &a], "already one person"),
        (vec!["person", "merge", &x, &y], "different ID numbers"),
        (vec!["person", "merge", &a, "nobody"], "nobody"),
    ] {
        let before = commits(d);
        let out = lunxun(d, &args);
        let err = common::stderr_past_clock_warning(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(needle), "{args:?}: {err}");
        assert!(!err.contains("1231002"), "no ID number in errors: {err}");
        assert_eq!(commits(d), before, "{args:?} wrote something");
    }
}

/// `person show` of either record shows the one person and names the other record,
/// with the cohort enrolled under the joined record only.
#[test]
fn person_show_of_either_id_names_the_other_record() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let code = last_line(&ok(&lunxun(d, &common::cohort_new("第1期", "2"))));
    let a = last_line(&ok(&lunxun(d, &common::person_add("张伟", "新开村"))));
    let mut add = common::person_add("张伟", "新开村");
    add.extend(["--cohort", &code]);
    let b = last_line(&ok(&lunxun(d, &add)));
    ok(&lunxun(d, &["person", "merge", &a, &b]));
    for id in [&a, &b] {
        let shown = ok(&lunxun(d, &["person", "show", id]));
        assert!(
            shown.contains(&format!("also recorded as {b} (张伟; joined: by hand)")),
            "{shown}"
        );
        assert!(
            shown.contains(&code),
            "the cohort of the joined record: {shown}"
        );
        assert!(
            shown.contains(&format!("id {a}")) || shown.contains(&a),
            "{shown}"
        );
    }
    let out = json(&lunxun(d, &["person", "show", &b, "--json"]));
    assert_eq!(out["person"]["person_id"], a.as_str());
    assert_eq!(out["also_recorded_as"][0]["person_id"], b.as_str());
    assert_eq!(out["also_recorded_as"][0]["rule"], "manual");
    let zh = ok(&lunxun_in(d, &["person", "show", &a], "zh_CN.UTF-8"));
    assert!(
        zh.contains(&format!("另有记录 {b}（张伟，合并依据：手工合并）")),
        "{zh}"
    );
}

fn year(d: &Path, format: &str) -> String {
    let args = ["report", "year", "--year", "2015", "--format", format];
    ok(&lunxun(d, &args))
}

/// 张伟 recorded by two counties is one village secretary: counted once, in the county
/// of the record made or edited last, and listed; the untrained list has him once.
#[test]
fn the_year_report_counts_a_person_in_two_counties_once_in_the_newest_county() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut ids = Vec::new();
    for county in ["岳阳县", "华容县"] {
        let mut add = common::person_add("张伟", "新开村");
        add.extend(["--county", county, "--field", "village"]);
        ids.push(last_line(&ok(&lunxun(d, &add))));
    }
    let (a, b) = (&ids[0], &ids[1]);
    let quota = |report: &Value| -> Vec<(String, u64)> {
        let lines = report["quota"].as_array().unwrap();
        lines
            .iter()
            .map(|q| {
                let county = q["county"].as_str().unwrap().to_string();
                (county, q["village_secretaries"].as_u64().unwrap())
            })
            .collect()
    };
    let before: Value = serde_json::from_str(&year(d, "json")).unwrap();
    assert_eq!(before["untrained"].as_array().unwrap().len(), 2);

    ok(&lunxun(d, &["person", "merge", a, b]));
    let report: Value = serde_json::from_str(&year(d, "json")).unwrap();
    assert_eq!(
        quota(&report),
        [("华容县".to_string(), 1)],
        "B was made last"
    );
    let untrained = report["untrained"].as_array().unwrap();
    assert_eq!(untrained.len(), 1);
    assert_eq!(untrained[0]["person_id"], a.as_str(), "under the kept id");
    let once = &report["counted_once"][0];
    assert_eq!(once["person_id"], a.as_str());
    assert_eq!(once["county"], "华容县");
    assert_eq!(once["counties"], serde_json::json!(["华容县", "岳阳县"]));
    let md = year(d, "md");
    assert!(md.contains("counted once, in 华容县"), "{md}");

    ok(&lunxun(d, &["person", "edit", a, "--unit", "新开村村委会"]));
    let report: Value = serde_json::from_str(&year(d, "json")).unwrap();
    assert_eq!(quota(&report), [("岳阳县".to_string(), 1)], "A edited last");
    let zh = ok(&lunxun_in(
        d,
        &["report", "year", "--year", "2015", "--format", "md"],
        "zh_CN.UTF-8",
    ));
    assert!(zh.contains("只计一次，按最新记录计入 岳阳县"), "{zh}");
}
