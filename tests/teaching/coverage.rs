//! `lunxun export coverage`, `lunxun module …` and `lunxun base …` end to end.

use std::path::Path;

use serde_json::{Value, json as j};

use super::support::*;

fn coverage(dir: &Path) -> Value {
    json(dir, "export coverage --cohort 2015-01 --format json")
}

#[test]
fn coverage_json_has_modules_methods_and_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    setup(d);
    add(d, "1:am", "lecture", "1,2", "--hours 2");
    add(d, "1:am", "sharing", "2", "--hours 1");
    add(d, "2:am", "现场观摩", "3", "--base 梅溪社区 --hours 3");
    add(d, "3:am", "lecture", "4", "");
    let cov = coverage(d);
    let m2 = &cov["modules"][1];
    assert_eq!((&m2["number"], &m2["name"]), (&j!(2), &j!("党章党纪")));
    assert_eq!(m2["covered"], true);
    assert_eq!(m2["sessions"], j!(["1:am"]));
    assert_eq!(
        cov["modules"][3]["covered"], false,
        "module 4 is only planned"
    );
    assert_eq!(cov["modules"][3]["planned_sessions"], j!(["3:am"]));
    let want = j!([
        {"method": "lecture", "count": 1, "hours": 2.0},
        {"method": "sharing", "count": 1, "hours": 1.0},
        {"method": "visit", "count": 1, "hours": 3.0},
    ]);
    let methods: Vec<Value> = cov["methods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| j!({"method": m["method"], "count": m["count"], "hours": m["hours"]}))
        .collect();
    assert_eq!(Value::Array(methods), want);
    let kinds: Vec<&str> = cov["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["kind"].as_str().unwrap())
        .collect();
    let want = [
        "module_not_covered",
        "module_not_covered",
        "empty_session",
        "unaccredited_base",
    ];
    assert_eq!(kinds, want);
    let empty = &cov["warnings"][2];
    assert_eq!(empty["session"], "1:pm");
    assert!(
        empty["message"]
            .as_str()
            .unwrap()
            .contains("no teaching activity")
    );
    assert_eq!(cov["warnings"][3]["base"], "梅溪社区");
}

#[test]
fn coverage_goes_to_a_file_and_to_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    setup(d);
    add(d, "1:am", "lecture", "1", "");
    let file = dir.path().join("coverage.md");
    let line = format!(
        "export coverage --cohort 2015-01 --format md -o {}",
        file.display()
    );
    assert!(out(d, &line).contains("written to"));
    let md = std::fs::read_to_string(&file).unwrap();
    assert!(md.contains("| Module | 1:am | 1:pm |"), "{md}");
    assert!(md.contains("| 1 Speeches and policies | ✓ |"), "{md}");
    assert!(
        md.contains("module 2 (Constitution and discipline) is not covered"),
        "{md}"
    );
}

#[test]
fn renamed_and_added_modules_leave_earlier_cohorts_as_they_ran() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    setup(d);
    add(d, "1:am", "lecture", "2", "");
    out(
        d,
        "module rename 党章党纪 --name 党章党规党纪 --name-en Rules",
    );
    let added = out(d, "module add --name 乡村振兴 --name-en Revival");
    assert_eq!(last_line(&added), "6");
    out(d, "module retire 5");
    out(d, "cohort new --name 第2期 --start 2015-03-23 --days 2");

    assert_eq!(
        coverage(d)["modules"][1]["name"],
        "党章党纪",
        "cohort 1 keeps its name"
    );
    let own = json(d, "module list --cohort 2015-02 --json");
    assert_eq!(numbers(&own, "number"), [1, 2, 3, 4, 6]);
    assert_eq!(own[1]["name_zh"], "党章党规党纪");

    let all = json(d, "export coverage --all --format json");
    assert_eq!(numbers(&all["modules"], "number"), [1, 2, 3, 4, 5, 6]);
    assert_eq!(all["cohorts"][0]["code"], "2015-01");
    assert_eq!(all["cohorts"][0]["cells"], j!([0, 1, 0, 0, 0, null]));
    assert_eq!(all["cohorts"][1]["cells"], j!([0, 0, 0, 0, null, 0]));
    assert_eq!(all["cohorts"][1]["missing"], j!([1, 2, 3, 4, 6]));
    let md = out(d, "export coverage --all --format md");
    assert!(md.contains("| 2015-01 第1期 | ✗ | ✓1 |"), "{md}");
}

#[test]
fn bases_show_whether_they_meet_the_five_haves_standard() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    setup(d);
    let bases = json(d, "base list --json");
    assert_eq!(bases[0]["name"], "新开村");
    assert_eq!(bases[0]["meets_standard"], false);
    assert_eq!(bases[0]["missing"], j!(["film"]));
    assert_eq!(bases[0]["accredited"], "2015-03-01");
    assert_eq!(bases[0]["level"], "city");
    assert_eq!(bases[1]["meets_standard"], true);
    assert_eq!(bases[1]["accredited"], Value::Null);
    let text = out(d, "base list");
    assert!(
        text.contains("新开村 (village, 岳阳县) · below standard (lacks film)"),
        "{text}"
    );
    let edit = "base edit --name 梅溪社区 --accredited 2015-03-20 --level county";
    assert!(out(d, edit).contains("accredited by the county 2015-03-20"));
    let withdrawn = out(d, "base edit --name 新开村 --accredited= --haves all");
    assert!(
        withdrawn.contains("meets the five-haves standard · not accredited"),
        "{withdrawn}"
    );
}

#[test]
fn the_demo_cohort_has_a_timetable_that_leaves_one_module_uncovered() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let code = last_line(&out(d, "demo"));
    let log = json(d, &format!("teach list --cohort {code} --json"));
    let states: Vec<_> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["session"].as_str().unwrap(),
                a["status"].as_str().unwrap(),
            )
        })
        .collect();
    // Today is day 2, 10:00: yesterday's and this morning's held, this afternoon's and
    // tomorrow's planned; the first lecture changed its lecturer the day before.
    assert_eq!(
        states,
        [
            ("1:am", "changed"),
            ("1:am", "held"),
            ("1:pm", "held"),
            ("2:am", "held"),
            ("2:pm", "planned"),
            ("3:am", "planned"),
        ]
    );
    let visit = log
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["method"] == "visit");
    assert_eq!(visit.unwrap()["base"], "新开村");
    let cov = json(d, &format!("export coverage --cohort {code}"));
    let covered: Vec<_> = cov["modules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["covered"].as_bool().unwrap())
        .collect();
    assert_eq!(covered, [true, true, true, true, false]);
    let warnings = cov["warnings"].as_array().unwrap();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0]["kind"], "module_not_covered");
    assert_eq!(warnings[0]["module"], 5);
}
