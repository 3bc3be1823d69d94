//! `lunxun import-timetable`: a cohort's 课程表 as organisers send it (GBK CSV saved by
//! Excel with a title row and merged date cells, .xlsx with Excel dates, a 第几天 column
//! instead of dates), run through the built binary on a temporary data folder. Every
//! file is made here.

use std::path::Path;
use std::process::Output;

use serde_json::Value;

mod common;
#[path = "timetable/files.rs"]
mod files;

use common::ok;
use files::{HEADER, TITLE, csv_text, file, gbk, timetable_xlsx};

/// A week before the cohort starts: every session is still to come.
const BEFORE: &str = "2015-03-09T09:00:00+08:00";

/// Runs lunxun in English a week before the cohort; `vars` override the environment.
fn run_env(dir: &Path, args: &[&str], vars: &[(&str, &str)]) -> Output {
    common::lunxun_env(dir, args, "C", BEFORE, vars)
}

fn run(dir: &Path, args: &[&str]) -> Output {
    run_env(dir, args, &[])
}

/// Exit code 2; returns stderr.
fn refused(out: Output) -> String {
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{err}");
    err
}

/// A four-day cohort 2015-01 (2015-03-16 to 03-19, morning and afternoon) and the
/// training base 新开村.
fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let cohort = common::cohort_new("第1期", "4");
    assert!(ok(&run(d, &cohort)).ends_with("2015-01\n"));
    ok(&run(
        d,
        &[
            "base",
            "add",
            "--name",
            "新开村",
            "--kind",
            "village",
            "--haves",
            "all",
        ],
    ));
    dir
}

fn import(dir: &Path, file: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "import-timetable",
        file.to_str().unwrap(),
        "--cohort",
        "2015-01",
    ];
    args.extend_from_slice(extra);
    run(dir, &args)
}

fn list(dir: &Path) -> Value {
    serde_json::from_str(&ok(&run(
        dir,
        &["teach", "list", "--cohort", "2015-01", "--json"],
    )))
    .unwrap()
}

fn history(dir: &Path) -> String {
    ok(&run(
        dir,
        &["teach", "history", "--cohort", "2015-01", "--json"],
    ))
}

/// The summary's count for a label, e.g. `unchanged: 10`.
fn count(summary: &str, label: &str) -> usize {
    let line = summary.lines().find(|l| l.starts_with(label));
    let line = line.unwrap_or_else(|| panic!("no '{label}' in {summary}"));
    line[label.len()..].trim().parse().unwrap()
}

/// What a planned activity is, without who entered it and when.
fn plans(list: &Value) -> Vec<Value> {
    let keys = [
        "session", "date", "method", "title", "lecturer", "role", "modules", "hours", "base",
        "notes", "status",
    ];
    let items = list.as_array().unwrap();
    let pick = |a: &Value| {
        keys.iter()
            .map(|k| (k.to_string(), a[*k].clone()))
            .collect()
    };
    items.iter().map(|a| Value::Object(pick(a))).collect()
}

#[test]
fn a_gbk_csv_timetable_becomes_the_planned_log_and_importing_it_again_changes_nothing() {
    let dir = setup();
    let d = dir.path();
    let csv = file(d, "课程表.csv", &gbk(&csv_text(&HEADER, str::to_string)));
    let dry = ok(&import(d, &csv, &["--dry-run"]));
    assert!(dry.contains("GBK/GB18030"), "{dry}");
    assert!(
        dry.contains("header on line 2 (1 title row(s) skipped)"),
        "{dry}"
    );
    assert!(dry.contains("columns not read: 星期"), "{dry}");
    assert_eq!(count(&dry, "to create (planned):"), 10);
    assert_eq!(list(d), serde_json::json!([]), "a dry run writes nothing");

    let out = ok(&import(d, &csv, &["--by", "张干事"]));
    assert_eq!(count(&out, "created (planned):"), 10, "{out}");
    assert_eq!(count(&out, "unchanged:"), 0);
    assert_eq!(count(&out, "errors:"), 0);
    assert!(
        out.contains("✓ imported and saved: activities 1–10 (planned)"),
        "{out}"
    );

    let log = list(d);
    let items = log.as_array().unwrap();
    assert_eq!(items.len(), 10);
    assert!(
        items
            .iter()
            .all(|a| a["status"] == "planned" && a["planned"] == true)
    );
    assert!(items.iter().all(|a| a["created"]["by"] == "张干事"));
    let sessions: Vec<&str> = items
        .iter()
        .map(|a| a["session"].as_str().unwrap())
        .collect();
    let want = [
        "1:am", "1:am", "1:pm", "2:am", "2:pm", "3:am", "3:am", "3:pm", "4:am", "4:pm",
    ];
    assert_eq!(sessions, want);
    assert_eq!(items[1]["method"], "discussion");
    assert_eq!(items[1]["modules"], serde_json::json!([1, 4]));
    assert_eq!(items[4]["base"], "新开村");
    assert_eq!(items[4]["notes"], "乘大巴");
    assert_eq!(items[4]["date"], "2015-03-17");
    assert_eq!(items[7]["modules"], serde_json::json!([1, 2, 3, 4, 5]));
    assert_eq!(items[8]["hours"], 3.0);

    // During the course: one activity held as planned, one held with another lecturer.
    let day2 = [("LUNXUN_NOW", "2015-03-17T15:00:00+08:00")];
    let held = ["teach", "held", "--cohort", "2015-01", "--id"];
    ok(&run_env(d, &[&held[..], &["3"]].concat(), &day2));
    let edit = [
        "teach",
        "edit",
        "--cohort",
        "2015-01",
        "--id",
        "4",
        "--lecturer",
        "孙丽",
    ];
    ok(&run_env(d, &edit, &day2));
    ok(&run_env(d, &[&held[..], &["4"]].concat(), &day2));
    let statuses: Vec<Value> = list(d).as_array().unwrap()[2..4]
        .iter()
        .map(|a| a["status"].clone())
        .collect();
    assert_eq!(statuses, ["held", "changed"]);
    let before = history(d);
    let again = ok(&import(d, &csv, &[]));
    assert_eq!(count(&again, "created (planned):"), 0, "{again}");
    assert_eq!(count(&again, "unchanged:"), 10);
    assert!(
        again.contains("line 6: already logged as activity 4 (differs: lecturer)"),
        "{again}"
    );
    assert!(again.contains("nothing to change"), "{again}");
    assert_eq!(history(d), before, "a second import writes nothing");
}

#[test]
fn an_xlsx_with_excel_dates_and_merged_cells_gives_the_same_plan_as_the_csv() {
    let from_csv = setup();
    let csv = file(
        from_csv.path(),
        "t.csv",
        &gbk(&csv_text(&HEADER, str::to_string)),
    );
    ok(&import(from_csv.path(), &csv, &[]));
    let from_xlsx = setup();
    let xlsx = file(from_xlsx.path(), "课程表.xlsx", &timetable_xlsx());
    let out = ok(&import(from_xlsx.path(), &xlsx, &["--sheet", "课程表"]));
    assert!(out.contains("xlsx sheet '课程表'"), "{out}");
    assert_eq!(count(&out, "created (planned):"), 10, "{out}");
    assert_eq!(
        plans(&list(from_xlsx.path())),
        plans(&list(from_csv.path()))
    );
}

#[test]
fn day_numbers_and_every_date_form_give_the_same_sessions() {
    let reference = setup();
    let csv = file(
        reference.path(),
        "t.csv",
        csv_text(&HEADER, str::to_string).as_bytes(),
    );
    ok(&import(reference.path(), &csv, &[]));
    let want = plans(&list(reference.path()));
    let day_forms = ["第1天", "2", "第三天", "Day 4"];
    let iso = |c: &str| match c
        .trim_start_matches("3月")
        .trim_end_matches('日')
        .parse::<u8>()
    {
        Ok(n) => format!("2015-03-{n}"),
        Err(_) => String::new(),
    };
    let day = |c: &str| match c
        .trim_start_matches("3月")
        .trim_end_matches('日')
        .parse::<usize>()
    {
        Ok(n) => day_forms[n - 16].to_string(),
        Err(_) => String::new(),
    };
    let mut day_header = HEADER;
    day_header[1] = "第几天";
    for (name, text) in [
        ("iso.csv", csv_text(&HEADER, iso)),
        ("slash.csv", csv_text(&HEADER, |c| iso(c).replace('-', "/"))),
        ("days.csv", csv_text(&day_header, day)),
    ] {
        let dir = setup();
        let path = file(dir.path(), name, text.as_bytes());
        ok(&import(dir.path(), &path, &[]));
        assert_eq!(plans(&list(dir.path())), want, "{name}");
    }
}

#[test]
fn every_bad_row_is_listed_with_its_line_and_nothing_is_written() {
    let dir = setup();
    let d = dir.path();
    let rows = [
        TITLE,
        "日期,时段,方式,题目,授课人,职务,模块,基地,学时",
        "2015-03-16,上午,专题辅导,学习党章,王强,县委书记,1,,2",
        "2015-03-20,上午,专题辅导,日期不在班次内,,,1,,",
        "3月17日,晚上,专题辅导,班次没有晚上,,,1,,",
        "3月17日,上午,唱歌,方式不对,,,1,,",
        "3月17日,上午,专题辅导,模块不对,,,模块九,,",
        "3月17日,下午,现场观摩,基地不对,,,3,梅溪社区,",
        "3月17日,下午,专题辅导,,王强,,1,,",
        "3月17日,下午,专题辅导,学时不对,,,1,,两个钟头",
    ];
    let path = file(d, "bad.csv", rows.join("\n").as_bytes());
    let err = refused(import(d, &path, &[]));
    assert!(
        err.contains("nothing imported: 7 row(s) have errors"),
        "{err}"
    );
    for needle in [
        "line 4: date 2015-03-20 is not a day of the cohort (2015-03-16 to 2015-03-19)",
        "line 5: the cohort has no evening session",
        "line 6: method '唱歌' is unknown",
        "line 7: module '模块九' is unknown",
        "line 8: no training base named '梅溪社区'",
        "line 9: no title",
        "line 10: hours '两个钟头'",
    ] {
        assert!(err.contains(needle), "expected '{needle}' in {err}");
    }
    assert!(!err.contains("line 3"), "{err}");
    assert_eq!(list(d), serde_json::json!([]));
    assert_eq!(history(d).trim(), "[]");

    let args = [
        "import-timetable",
        path.to_str().unwrap(),
        "--cohort",
        "2015-01",
    ];
    let zh = refused(run_env(d, &args, &[("LC_ALL", "zh_CN.UTF-8")]));
    assert!(zh.contains("未导入任何教学活动：7 行有错误"), "{zh}");
    assert!(zh.contains("第 5 行：本班次没有晚上的场次"), "{zh}");

    let no_modules = file(
        d,
        "cols.csv",
        "日期,时段,方式,题目\n3月16日,上午,讲座,a\n".as_bytes(),
    );
    let err = refused(import(d, &no_modules, &[]));
    assert!(
        err.contains("the header on line 1 has no column for: modules (模块)"),
        "{err}"
    );
}

#[test]
fn the_activities_are_written_in_one_commit() {
    let dir = setup();
    let d = dir.path();
    let path = file(d, "t.csv", csv_text(&HEADER, str::to_string).as_bytes());
    let args = [
        "import-timetable",
        path.to_str().unwrap(),
        "--cohort",
        "2015-01",
    ];
    let failed = run_env(d, &args, &[("LUNXUN_FAULT", "write:1")]);
    assert_eq!(failed.status.code(), Some(1));
    assert!(failed.stdout.is_empty(), "nothing acknowledged");
    assert_eq!(
        list(d),
        serde_json::json!([]),
        "a failed commit leaves the log as it was"
    );
    // Only the first commit of the command may fail: had it written one activity at a
    // time, the second write would fail here.
    let out = ok(&run_env(d, &args, &[("LUNXUN_FAULT", "write:2")]));
    assert_eq!(count(&out, "created (planned):"), 10);
    assert_eq!(list(d).as_array().unwrap().len(), 10);
}

#[test]
fn class_hours_are_the_cohorts_and_clock_hours_stay_minutes_in_the_timetable_and_teach() {
    let dir = setup();
    let d = dir.path();
    let text = "日期,时段,方式,题目,模块,学时\n\
                3月16日,上午,讲座,学习党章,1,2学时\n\
                3月16日,下午,讲座,依法治村,2,2小时\n";
    let path = file(d, "学时.csv", text.as_bytes());
    ok(&import(d, &path, &[]));
    let teach = [
        "teach",
        "add",
        "--cohort",
        "2015-01",
        "--session",
        "2:am",
        "--method",
        "case",
        "--title",
        "案例",
        "--modules",
        "3",
        "--hours",
        "4学时",
    ];
    let out = ok(&run(d, &teach));
    assert!(out.contains("4 class hours"), "{out}");
    let hours: Vec<(Value, Value)> = list(d)
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["hours"].clone(), a["class_hours"].clone()))
        .collect();
    // A 学时 is 45 minutes by default: 2学时 = 1.5 clock hours, 4学时 = 3.
    let want = [
        (serde_json::json!(1.5), serde_json::json!(2)),
        (serde_json::json!(2.0), Value::Null),
        (serde_json::json!(3.0), serde_json::json!(4)),
    ];
    assert_eq!(hours, want);
    let zh = common::lunxun_env(
        d,
        &["teach", "list", "--cohort", "2015-01"],
        "zh_CN.UTF-8",
        BEFORE,
        &[],
    );
    let listed = ok(&zh);
    assert!(listed.contains("2 学时"), "{listed}");
    assert!(listed.contains("2 小时"), "{listed}");
    // 4学时 and 3 clock hours are both 180 minutes, yet a change.
    let edit = [
        "teach", "edit", "--cohort", "2015-01", "--id", "3", "--hours", "3",
    ];
    ok(&run(d, &edit));
    let third = list(d)[2].clone();
    assert_eq!(
        (&third["hours"], &third["class_hours"]),
        (&serde_json::json!(3.0), &Value::Null)
    );
}
