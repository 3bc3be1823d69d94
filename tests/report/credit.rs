//! The completion sections of the cohort report and the year's 学时, checked against the
//! hand-computed cohort Z of `credit_fixture.rs`: JSON, Markdown (both languages) and the
//! workbook read back with calamine.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use serde_json::{Value, json as j};

use super::credit_fixture::{credit_fixture, legacy_fixture};
use super::fixture::{json, report};

fn ids(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|p| p["person_id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn the_cohort_report_credits_every_person_by_the_hand_computed_rules() {
    let dir = tempfile::tempdir().unwrap();
    credit_fixture(dir.path());
    let r = json(dir.path(), &["report", "cohort", "--cohort", "Z"]);
    assert_eq!(r["total_minutes"], 540);
    assert_eq!(r["total_hours"], 12.0);
    assert_eq!(r["cohort"]["legacy"], false);
    let sessions: Vec<f64> = r["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["hours"].as_f64().unwrap())
        .collect();
    assert_eq!(sessions, [3.0; 4]);
    let people = r["people"].as_array().unwrap();
    let credited: Vec<(&str, f64, &str)> = people
        .iter()
        .map(|p| {
            (
                p["person_id"].as_str().unwrap(),
                p["credited_hours"].as_f64().unwrap(),
                p["standing"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        credited,
        [
            ("z1", 12.0, "completed"),
            ("z2", 9.0, "not_completed"),
            ("z3", 10.0, "completed"),
            ("z4", 6.0, "withdrawn"),
            ("z5", 3.0, "substituted"),
            ("z6", 9.0, "not_completed"),
            ("z7", 6.0, "not_completed"),
        ]
    );
    assert_eq!(r["completed"], 2);
    let c = &r["credit"];
    assert_eq!(ids(&c["completers"]), ["z1", "z3"]);
    assert_eq!(ids(&c["not_completed"]), ["z2", "z6", "z7"]);
    let rule = |i: usize| {
        let n = &c["not_completed"][i];
        (
            n["rule"].clone(),
            n["actual"].clone(),
            n["required"].clone(),
            n["total"].clone(),
        )
    };
    assert_eq!(rule(0), (j!("too_much_leave"), j!(135), j!(77), j!(540)));
    assert_eq!(rule(2), (j!("too_few_hours"), j!(270), j!(432), j!(540)));
    assert_eq!(ids(&c["withdrawn"]), ["z4"]);
    assert_eq!(c["withdrawn"][0]["reason"], "工作调动");
    assert_eq!(c["withdrawn"][0]["credited_hours"], 6.0);
    let sub = &c["substitutes"][0];
    assert_eq!(
        (
            sub["substitute"]["person_id"].as_str(),
            sub["substitute"]["credited_hours"].as_f64(),
            sub["replaced"]["person_id"].as_str(),
            sub["replaced"]["credited_hours"].as_f64(),
            sub["reason"].as_str()
        ),
        (
            Some("z6"),
            Some(9.0),
            Some("z5"),
            Some(3.0),
            Some("换届调整")
        )
    );
}

#[test]
fn the_markdown_report_lists_completers_non_completers_withdrawals_and_substitutes() {
    let dir = tempfile::tempdir().unwrap();
    credit_fixture(dir.path());
    let md = report(dir.path(), &["report", "cohort", "--cohort", "Z"]);
    for line in [
        "共 4 个场次、12 学时（每学时 45 分钟）",
        "结业 2 人，未结业 3 人，尚在进行 0 人，退训 1 人，调换 1 人。",
        "### （一）结业学员（2）",
        "| 学员z1 | z1村 | A县 | 12 |\n| 学员z3 | z3村 | A县 | 10 |\n",
        "### （二）未结业学员（3）",
        "### （三）退训（1）",
        "| 学员z4 | z4村 | A县 | 6 | 工作调动 |",
        "### （四）调换（1）",
        "| 学员z6 | z6村 | 9 | 学员z5 | 3 | 换届调整 |",
        "## 六、主要做法和成效",
    ] {
        assert!(md.contains(line), "{line}\n{md}");
    }
    let reason = |line: &str| {
        md.lines()
            .find(|l| l.starts_with(line))
            .unwrap_or_else(|| panic!("{line}\n{md}"))
            .to_string()
    };
    let z2 = reason("| 学员z2 | z2村 | A县 | 9 | ");
    let z7 = reason("| 学员z7 | z7村 | A县 | 6 | ");
    assert!(
        z2.contains("3学时") || z2.contains("3 学时"),
        "leave, in 学时: {z2}"
    );
    assert_ne!(z2, z7.replace("z7", "z2"), "each names its own rule");
    let en = report(
        dir.path(),
        &["--lang", "en", "report", "cohort", "--cohort", "Z"],
    );
    for line in [
        "Completed (2)",
        "Not completed (3)",
        "Withdrawn (1)",
        "Substitutes (1)",
    ] {
        assert!(en.contains(line), "{line}\n{en}");
    }
}

#[test]
fn the_workbook_has_a_tab_per_completion_list() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    credit_fixture(d);
    let path = d.join("Z.xlsx");
    let args = [
        "report", "cohort", "--cohort", "Z", "--format", "xlsx", "-o",
    ];
    let mut all = args.to_vec();
    all.push(path.to_str().unwrap());
    report(d, &all);
    let mut book: Xlsx<_> =
        open_workbook_from_rs(Cursor::new(std::fs::read(&path).unwrap())).unwrap();
    let rows = |book: &mut Xlsx<_>, tab: &str| -> Vec<Vec<String>> {
        let range = book.worksheet_range(tab).unwrap();
        range
            .rows()
            .skip(2)
            .map(|r| r.iter().map(cell).collect())
            .collect()
    };
    let completers = rows(&mut book, "结业学员");
    assert_eq!(
        completers,
        [
            ["学员z1", "z1村", "A县", "12", "z1"],
            ["学员z3", "z3村", "A县", "10", "z3"]
        ]
    );
    let withdrawn = rows(&mut book, "退训");
    assert_eq!(
        withdrawn,
        [["学员z4", "z4村", "A县", "6", "z4", "工作调动"]]
    );
    let not_completed = rows(&mut book, "未结业学员");
    assert_eq!(not_completed.len(), 3);
    assert_eq!(not_completed[0][3], "9");
    assert_eq!(not_completed[0][6], "too_much_leave");
    assert_eq!(not_completed[2][6], "too_few_hours");
    let subs = rows(&mut book, "调换");
    assert_eq!(
        subs,
        [["学员z6", "z6村", "9", "学员z5", "3", "换届调整", "z6", "z5"]]
    );
}

fn cell(c: &Data) -> String {
    match c {
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

/// The year: Z is a city-level cohort. 学时 by county: A县 12 + 9 + 10 + 6 + 3 + 6 = 46,
/// B县 9 (z6); all village secretaries: 55. A县 has 6 village secretaries, 2 completed.
#[test]
fn the_year_sums_the_hours_credited_by_county_and_field() {
    let dir = tempfile::tempdir().unwrap();
    credit_fixture(dir.path());
    let r = json(dir.path(), &["report", "year", "--year", "2015"]);
    assert_eq!(r["hours"], 55.0);
    assert_eq!(
        r["hours_by_county"],
        j!([{"key": "A县", "hours": 46.0}, {"key": "B县", "hours": 9.0}])
    );
    assert_eq!(r["hours_by_field"], j!([{"key": "village", "hours": 55.0}]));
    assert_eq!(r["cohorts"][0]["completed"], 2);
    assert_eq!(r["cohorts"][0]["credited_hours"], 55.0);
    assert_eq!(r["as_of"], "2015-12-31");
    let quota = &r["quota"][0];
    assert_eq!(
        (
            quota["county"].as_str(),
            quota["village_secretaries"].as_u64(),
            quota["city_level_completed"].as_u64()
        ),
        (Some("A县"), Some(6), Some(2))
    );
    let md = report(dir.path(), &["report", "year", "--year", "2015"]);
    assert!(md.contains("| A县 | 46 |\n| B县 | 9 |\n"), "{md}");
    assert!(md.contains("本年度各班次共认定 55 学时"), "{md}");
}

#[test]
fn a_legacy_cohort_says_it_keeps_the_old_rule() {
    let dir = tempfile::tempdir().unwrap();
    legacy_fixture(dir.path());
    let r = json(dir.path(), &["report", "cohort", "--cohort", "Z"]);
    assert_eq!(r["cohort"]["legacy"], true);
    assert_eq!(
        ids(&r["credit"]["completers"]),
        ["z1", "z3", "z7"],
        "late attends"
    );
    let z2 = &r["credit"]["not_completed"][0];
    assert_eq!(
        (
            z2["person_id"].as_str(),
            z2["rule"].as_str(),
            z2["actual"].as_u64(),
            z2["required"].as_u64()
        ),
        (Some("z2"), Some("too_few_sessions"), Some(3), Some(4))
    );
    let md = report(dir.path(), &["report", "cohort", "--cohort", "Z"]);
    assert!(
        md.contains("仍按原规则认定结业：出勤不少于 80% 的场次"),
        "{md}"
    );
    assert!(md.contains("完成培训（出勤不少于 80% 的场次）3 人"), "{md}");
    let en = report(
        dir.path(),
        &["--lang", "en", "report", "cohort", "--cohort", "Z"],
    );
    assert!(en.contains("keeps the old rule"), "{en}");
    let year = report(dir.path(), &["report", "year", "--year", "2015"]);
    assert!(year.contains("其中 1 个班次建于学时规则之前"), "{year}");
    let r = json(dir.path(), &["report", "year", "--year", "2015"]);
    assert_eq!(r["cohorts"][0]["legacy"], true);
    assert_eq!(
        r["cohorts"][0]["completed"], 3,
        "z1, z3, z7 by sessions attended"
    );
}

/// Through the commands a person uses: z7 moved to C县 (`person edit`), z2 retired from
/// 2015-10-01 (`person retire`). The 2015 report made at the year's end: A县 counts z1,
/// z3, z4, z5 (4 village secretaries, z1 and z3 completed: 50%), C县 z7 (0 of 1); 学时
/// A县 12 + 9 + 10 + 6 + 3 = 40 (z2's hours stay), C县 6. Untrained: z4, z5 (A县), z6
/// (B县), z7 (C县) — z2 left. Made on 2015-09-30, z2 still counts.
#[test]
fn an_edited_and_a_retired_person_are_counted_as_the_register_stands() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    credit_fixture(d);
    report(d, &["person", "edit", "z7", "--county", "C县"]);
    let retire = [
        "person",
        "retire",
        "z2",
        "--reason",
        "换届",
        "--from",
        "2015-10-01",
    ];
    report(d, &retire);
    let r = json(d, &["report", "year", "--year", "2015"]);
    let quota: Vec<(String, u64, u64)> = r["quota"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| {
            (
                q["county"].as_str().unwrap().to_string(),
                q["village_secretaries"].as_u64().unwrap(),
                q["city_level_completed"].as_u64().unwrap(),
            )
        })
        .collect();
    let line = |c: &str, v, d| (c.to_string(), v, d);
    assert_eq!(
        quota,
        [line("A县", 4, 2), line("B县", 1, 0), line("C县", 1, 0)]
    );
    assert_eq!(
        r["hours_by_county"],
        j!([
            {"key": "A县", "hours": 40.0},
            {"key": "B县", "hours": 9.0},
            {"key": "C县", "hours": 6.0}
        ])
    );
    assert_eq!(ids(&r["untrained"]), ["z4", "z5", "z6", "z7"]);
    assert_eq!(
        (r["as_of"].as_str(), r["retired"].as_u64()),
        (Some("2015-12-31"), Some(1))
    );
    let md = report(d, &["report", "year", "--year", "2015"]);
    assert!(
        md.contains("在任人员按 2015-12-31 计算：此前已离任（换届、调离）的 1 人"),
        "{md}"
    );

    let before = crate::common::lunxun_at(
        d,
        &["report", "year", "--year", "2015", "--format", "json"],
        "zh_CN.UTF-8",
        "2015-09-30T18:00:00+08:00",
    );
    let before: Value = serde_json::from_str(&crate::common::ok(&before)).unwrap();
    assert_eq!(before["as_of"], "2015-09-30");
    assert_eq!(ids(&before["untrained"]), ["z2", "z4", "z5", "z6", "z7"]);
    assert_eq!(before["quota"][0]["village_secretaries"], 5);
}
