//! The teaching part of the cohort report and the year's cohorts × modules matrix,
//! checked against the fixture's teaching log by hand.

use serde_json::{Value, json};

use super::fixture::{fixture, json as report_json};

fn numbers(list: &Value, key: &str) -> Vec<u64> {
    let items = list.as_array().expect("an array");
    items.iter().map(|v| v[key].as_u64().unwrap()).collect()
}

/// X held two activities (lecture 2 h, visit 3 h = 5 h); the deleted visit counts
/// nowhere and the planned elective only as planned.
#[test]
fn methods_count_held_activities_and_hours_without_the_deleted_one() {
    let dir = tempfile::tempdir().unwrap();
    fixture(dir.path());
    let r = report_json(dir.path(), &["report", "cohort", "--cohort", "X"]);
    let t = &r["teaching"];
    assert_eq!(
        (t["activities"].as_u64(), t["planned"].as_u64()),
        (Some(2), Some(1))
    );
    assert_eq!(t["hours"].as_f64(), Some(5.0));
    let methods: Vec<(&str, u64, f64, u64)> = t["methods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["method"].as_str().unwrap(),
                m["count"].as_u64().unwrap(),
                m["hours"].as_f64().unwrap(),
                m["planned"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        methods,
        [
            ("lecture", 1, 2.0, 0),
            ("visit", 1, 3.0, 0),
            ("elective", 0, 0.0, 1)
        ],
        "one visit: the deleted one to 梅溪社区 is gone"
    );
    assert_eq!(t["methods"][0]["name"], "专题辅导");
}

/// Modules 1 and 2 in 1:am, 5 in 1:pm; 3 only in the deleted activity and 4 only in
/// the planned one, so both are named as not covered.
#[test]
fn module_coverage_names_the_sessions_and_the_uncovered_modules() {
    let dir = tempfile::tempdir().unwrap();
    fixture(dir.path());
    let r = report_json(dir.path(), &["report", "cohort", "--cohort", "X"]);
    let modules = &r["teaching"]["modules"];
    assert_eq!(numbers(modules, "number"), [1, 2, 3, 4, 5]);
    let covered: Vec<bool> = modules
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["covered"].as_bool().unwrap())
        .collect();
    assert_eq!(covered, [true, true, false, false, true]);
    let sessions: Vec<&Value> = modules
        .as_array()
        .unwrap()
        .iter()
        .map(|m| &m["sessions"])
        .collect();
    assert_eq!(
        sessions,
        [
            &json!(["1:am"]),
            &json!(["1:am"]),
            &json!([]),
            &json!([]),
            &json!(["1:pm"])
        ]
    );
    assert_eq!(numbers(modules, "activities"), [1, 1, 0, 0, 1]);
    let hours: Vec<f64> = modules
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["hours"].as_f64().unwrap())
        .collect();
    assert_eq!(hours, [2.0, 2.0, 0.0, 0.0, 3.0]);
    let uncovered = &r["teaching"]["uncovered"];
    assert_eq!(numbers(uncovered, "number"), [3, 4]);
    assert_eq!(uncovered[0]["name"], "依法治理");
    assert_eq!(uncovered[1]["name_en"], "Duties and methods");
}

#[test]
fn bases_visited_say_whether_they_are_accredited() {
    let dir = tempfile::tempdir().unwrap();
    fixture(dir.path());
    let x = report_json(dir.path(), &["report", "cohort", "--cohort", "X"]);
    assert_eq!(
        x["teaching"]["bases"],
        json!([{
            "name": "新开村",
            "kind": "village",
            "county": "岳阳县",
            "registered": true,
            "accredited": true,
            "accredited_by": "city",
            "accredited_on": "2015-03-01",
            "meets_standard": true,
            "missing": [],
            "visits": 1,
            "sessions": ["1:pm"]
        }]),
        "the deleted visit to 梅溪社区 is not a visit"
    );
    let y = report_json(dir.path(), &["report", "cohort", "--cohort", "Y"]);
    let base = &y["teaching"]["bases"][0];
    assert_eq!(y["teaching"]["bases"].as_array().unwrap().len(), 1);
    assert_eq!(base["name"], "梅溪社区");
    assert_eq!(
        (
            base["accredited"].as_bool(),
            base["accredited_by"].is_null(),
            base["meets_standard"].as_bool()
        ),
        (Some(false), true, Some(false))
    );
    assert_eq!(base["missing"], json!(["film"]));
}

#[test]
fn the_teaching_log_lists_live_activities_in_session_order() {
    let dir = tempfile::tempdir().unwrap();
    fixture(dir.path());
    let r = report_json(dir.path(), &["report", "cohort", "--cohort", "X"]);
    let log = &r["teaching"]["log"];
    assert_eq!(numbers(log, "id"), [1, 2, 4], "3 was deleted");
    let statuses: Vec<&str> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["held", "held", "planned"]);
    assert_eq!(log[0]["lecturer"], "王强");
    assert_eq!(log[0]["modules"], json!([1, 2]));
    assert_eq!(log[1]["base"], "新开村");
}

/// X covered 1, 2, 5 once each; Y covered 3 (the visit) and 4 (the case study).
#[test]
fn the_year_matrix_counts_held_activities_per_cohort_and_module() {
    let dir = tempfile::tempdir().unwrap();
    fixture(dir.path());
    let r = report_json(dir.path(), &["report", "year", "--year", "2015"]);
    let m = &r["coverage_matrix"];
    assert_eq!(numbers(&m["modules"], "number"), [1, 2, 3, 4, 5]);
    let rows = m["cohorts"].as_array().unwrap();
    assert_eq!(
        (rows[0]["code"].as_str(), rows[1]["code"].as_str()),
        (Some("X"), Some("Y"))
    );
    assert_eq!(rows[0]["cells"], json!([1, 1, 0, 0, 1]));
    assert_eq!(rows[0]["missing"], json!([3, 4]));
    assert_eq!(rows[1]["cells"], json!([0, 0, 1, 1, 0]));
    assert_eq!(rows[1]["missing"], json!([1, 2, 5]));
    let other_year = report_json(dir.path(), &["report", "year", "--year", "2016"]);
    assert_eq!(other_year["coverage_matrix"]["cohorts"], json!([]));
}
