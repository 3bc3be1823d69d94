//! Reports checked against a hand-computed fixture: people in two cohorts, an undone
//! check-in, leave, a closed session, a county with no village secretaries, and a
//! teaching log with a deleted and a planned activity. The teaching numbers are in
//! `report/teaching.rs`, JSON schemas in `report/schema.rs`, workbooks read back in
//! `report/xlsx.rs`.

mod common;
#[path = "report/credit.rs"]
mod credit;
#[path = "report/credit_fixture.rs"]
mod credit_fixture;
#[path = "report/fixture.rs"]
mod fixture;
#[path = "report/schema.rs"]
mod schema;
#[path = "report/teaching.rs"]
mod teaching;
#[path = "report/xlsx.rs"]
mod xlsx;

use fixture::{fixture, report};
use serde_json::Value;

#[test]
fn the_cohort_report_matches_the_hand_computed_fixture() {
    let dir = tempfile::tempdir().unwrap();
    fixture(dir.path());
    let json: Value = serde_json::from_str(&report(
        dir.path(),
        &["report", "cohort", "--cohort", "X", "--format", "json"],
    ))
    .unwrap();
    assert_eq!(json["enrolled"], 4);
    assert_eq!(json["completed"], 2);
    let am = &json["sessions"][0];
    assert_eq!(
        (
            am["present"].as_u64(),
            am["leave"].as_u64(),
            am["rate"].as_f64()
        ),
        (Some(3), Some(1), Some(0.75))
    );
    let pm = &json["sessions"][1];
    let counts = ["present", "late", "leave", "absent", "none"].map(|k| pm[k].as_u64().unwrap());
    assert_eq!(
        counts,
        [2, 1, 0, 1, 0],
        "p3's undone check-in in the closed session is absent"
    );
    let done: Vec<bool> = json["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["completed"].as_bool().unwrap())
        .collect();
    assert_eq!(done, [true, true, false, false]);
    assert_eq!(
        json["people"][2]["marks"],
        serde_json::json!(["present", "absent"])
    );
    let text = json.to_string();
    assert!(
        !text.contains("13812345678") && !text.contains("11010519491231002X"),
        "masked by default"
    );
}

#[test]
fn the_year_report_gives_the_quota_and_exactly_the_untrained() {
    let dir = tempfile::tempdir().unwrap();
    fixture(dir.path());
    let json: Value = serde_json::from_str(&report(
        dir.path(),
        &["report", "year", "--year", "2015", "--format", "json"],
    ))
    .unwrap();
    let quota = json["quota"].as_array().unwrap();
    assert_eq!(quota.len(), 2);
    assert_eq!(quota[0]["county"], "A县");
    assert_eq!(
        (
            quota[0]["village_secretaries"].as_u64(),
            quota[0]["city_level_completed"].as_u64()
        ),
        (Some(4), Some(2))
    );
    assert_eq!(
        (quota[0]["ratio"].as_f64(), quota[0]["meets"].as_bool()),
        (Some(0.5), Some(true))
    );
    assert_eq!(quota[1]["county"], "B县");
    assert_eq!(
        (
            quota[1]["village_secretaries"].as_u64(),
            quota[1]["ratio"].is_null(),
            quota[1]["meets"].as_bool()
        ),
        (Some(0), true, Some(false))
    );
    let untrained: Vec<&str> = json["untrained"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["person_id"].as_str().unwrap())
        .collect();
    assert_eq!(untrained, ["p3", "p4", "b1"]);
    for key in ["person_id", "name", "county", "field"] {
        assert!(
            json["untrained"][0].get(key).is_some(),
            "untrained rows carry {key}"
        );
    }
    assert_eq!(
        json["trained"], 3,
        "p1 counted once although in two cohorts"
    );
    let with_quota = report(
        dir.path(),
        &[
            "report", "year", "--year", "2015", "--format", "json", "--quota", "60",
        ],
    );
    assert!(with_quota.contains("\"meets\": false"));
}

#[test]
fn reports_are_deterministic_apart_from_the_generation_line() {
    let dir = tempfile::tempdir().unwrap();
    fixture(dir.path());
    let a = report(dir.path(), &["report", "year", "--year", "2015"]);
    let b = report(dir.path(), &["report", "year", "--year", "2015"]);
    assert_eq!(a, b);
    let md = report(dir.path(), &["report", "cohort", "--cohort", "X"]);
    assert_eq!(
        md,
        report(dir.path(), &["report", "cohort", "--cohort", "X"])
    );
    let json = ["report", "cohort", "--cohort", "X", "--format", "json"];
    assert_eq!(report(dir.path(), &json), report(dir.path(), &json));
    insta::assert_snapshot!("cohort_report_zh", md);
    insta::assert_snapshot!("year_report_zh", a);
    let en = ["--lang", "en", "report", "cohort", "--cohort", "Y"];
    insta::assert_snapshot!("cohort_report_y_en", report(dir.path(), &en));
}

#[cfg(unix)]
#[test]
fn a_report_file_is_private_and_complete() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    fixture(dir.path());
    let file = dir.path().join("year.md");
    report(
        dir.path(),
        &[
            "report",
            "year",
            "--year",
            "2015",
            "-o",
            file.to_str().unwrap(),
        ],
    );
    let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("尚未参加轮训人员（3）")
    );
}
