//! `lunxun export attendance|roster|signin-sheet` through the built binary: files are
//! read back (CSV with the csv crate, .xlsx with calamine) and compared.

mod common;

use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::process::Output;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use serde_json::Value;

const NOW: &str = "2015-03-16T08:41:00+08:00";
const ID_LI: &str = "11010519491231002X";
const ID_OUYANG: &str = "440524188001010014";

fn lunxun(dir: &Path, args: &[&str], lang: &str) -> Output {
    common::lunxun_at(dir, args, lang, NOW)
}

use common::ok;

fn zh(dir: &Path, args: &[&str]) -> String {
    ok(&lunxun(dir, args, "zh_CN.UTF-8"))
}

/// Cohort 2015-01 (2 days, am/pm) with four people: 李雅婷 checked in late on day 1 am,
/// 张伟 on leave (生病) on day 1 pm, and a unit that looks like a formula.
fn cohort_with_attendance() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    zh(
        d,
        &[
            "cohort",
            "new",
            "--name",
            "第1期轮训班",
            "--start",
            "2015-03-16",
            "--days",
            "2",
            "--venue",
            "岳阳市委党校",
        ],
    );
    let roster = format!(
        "姓名,单位,县市区,职务,电话,身份证号\n\
         李雅婷,荣家湾镇新开村,岳阳县,村党组织书记,13812345678,{ID_LI}\n\
         张伟,南湖街道梅溪社区,岳阳楼区,社区党组织书记,13900001111,\n\
         欧阳娜,新墙镇清水村,岳阳县,村党组织书记,,{ID_OUYANG}\n\
         \"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",+1单位,@县,-职务,,\n"
    );
    let path = d.join("roster.csv");
    std::fs::write(&path, roster).unwrap();
    zh(
        d,
        &["import", path.to_str().unwrap(), "--cohort", "2015-01"],
    );
    let li = person_id(d, "李雅婷");
    zh(
        d,
        &[
            "checkin",
            "--cohort",
            "2015-01",
            "--person",
            &li,
            "--session",
            "1:am",
        ],
    );
    let zhang = person_id(d, "张伟");
    let leave = [
        "checkin",
        "--cohort",
        "2015-01",
        "--person",
        &zhang,
        "--session",
        "1:pm",
        "--status",
        "leave",
        "--reason",
        "生病",
    ];
    zh(d, &leave);
    dir
}

fn person_id(dir: &Path, name: &str) -> String {
    let roster: Value =
        serde_json::from_str(&zh(dir, &["roster", "--cohort", "2015-01", "--json"])).unwrap();
    let person = roster
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == name)
        .unwrap();
    person["person_id"].as_str().unwrap().to_string()
}

fn export_to(dir: &Path, what: &[&str], name: &str, lang: &str) -> PathBuf {
    let path = dir.join(name);
    let mut args = vec!["export"];
    args.extend_from_slice(what);
    args.extend_from_slice(&["--cohort", "2015-01", "-o", path.to_str().unwrap()]);
    ok(&lunxun(dir, &args, lang));
    path
}

fn read_csv(path: &Path) -> Vec<Vec<String>> {
    let bytes = std::fs::read(path).unwrap();
    let text = std::str::from_utf8(&bytes).unwrap();
    let text = text
        .strip_prefix('\u{FEFF}')
        .expect("a BOM, so Excel reads UTF-8");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// Every row of the first sheet as text, and whether any cell holds a formula.
fn read_xlsx(path: &Path) -> (Vec<Vec<String>>, bool) {
    let bytes = std::fs::read(path).unwrap();
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    let name = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&name).unwrap();
    let rows = range
        .rows()
        .map(|row| {
            row.iter()
                .map(|cell| match cell {
                    Data::Float(f) => format!("{f}"),
                    Data::Int(i) => i.to_string(),
                    Data::Empty => String::new(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect();
    let formulas = book.worksheet_formula(&name).unwrap();
    (rows, formulas.used_cells().any(|(_, _, f)| !f.is_empty()))
}

#[test]
fn attendance_csv_and_xlsx_hold_the_same_cells_in_chinese_with_masked_ids() {
    let dir = cohort_with_attendance();
    let d = dir.path();
    let csv = read_csv(&export_to(
        d,
        &["attendance", "--format", "csv"],
        "考勤.csv",
        "zh_CN.UTF-8",
    ));
    let (xlsx, formulas) = read_xlsx(&export_to(d, &["attendance"], "考勤.xlsx", "zh_CN.UTF-8"));
    assert!(!formulas, "no cell is a formula");
    assert!(
        xlsx[0][0].starts_with("第1期轮训班 考勤表"),
        "{:?}",
        xlsx[0]
    );
    assert!(
        xlsx[1][0].contains("2015-03-16 至 2015-03-17"),
        "{:?}",
        xlsx[1]
    );
    let header = &csv[0];
    assert_eq!(
        header[..6],
        ["序号", "姓名", "单位", "县市区", "电话", "身份证号"]
    );
    assert_eq!(
        header[6..10],
        ["03-16 上午", "03-16 下午", "03-17 上午", "03-17 下午"]
    );
    assert_eq!(
        header[10..16],
        ["出勤", "迟到", "请假", "缺勤", "出勤率", "早退"]
    );
    let body = &xlsx[2..];
    assert_eq!(
        body.len(),
        csv.len(),
        "same rows: header, 4 people, 4 totals"
    );
    for (x, c) in body.iter().zip(&csv) {
        let defused: Vec<String> = x
            .iter()
            .map(|cell| {
                if cell.starts_with(['=', '+', '-', '@']) {
                    format!("'{cell}")
                } else {
                    cell.clone()
                }
            })
            .collect();
        assert_eq!(&defused, c);
    }
    let li = csv.iter().find(|r| r[1] == "李雅婷").unwrap();
    assert_eq!(
        (li[2].as_str(), li[4].as_str(), li[5].as_str()),
        ("荣家湾镇新开村", "138****5678", "110105********002X")
    );
    assert_eq!(
        (
            li[6].as_str(),
            li[10].as_str(),
            li[11].as_str(),
            li[14].as_str()
        ),
        ("迟到 08:41", "1", "1", "25%")
    );
    let zhang = csv.iter().find(|r| r[1] == "张伟").unwrap();
    assert_eq!(zhang[7], "请假：生病");
    let totals = csv.iter().find(|r| r[1] == "出勤人次").unwrap();
    assert_eq!(totals[6..10], ["1", "0", "0", "0"]);
    let risky = csv
        .iter()
        .find(|r| r[2] == "'+1单位")
        .expect("the unit is defused");
    assert!(risky[1].starts_with("'=HYPERLINK"), "{risky:?}");
    let all = std::fs::read_to_string(d.join("考勤.csv")).unwrap();
    assert!(
        !all.contains(ID_LI) && !all.contains("13812345678"),
        "masked everywhere"
    );
}

#[test]
fn exported_files_are_private_and_written_whole() {
    let dir = cohort_with_attendance();
    let path = export_to(dir.path(), &["attendance"], "a.xlsx", "C");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp-"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn the_roster_exports_masked_unless_asked_and_imports_back() {
    let dir = cohort_with_attendance();
    let d = dir.path();
    let masked = ok(&lunxun(
        d,
        &["export", "roster", "--cohort", "2015-01", "--format", "csv"],
        "C",
    ));
    assert!(
        masked.contains("110105********002X") && !masked.contains(ID_LI),
        "{masked}"
    );
    let json: Value = serde_json::from_str(&ok(&lunxun(
        d,
        &["export", "roster", "--cohort", "2015-01"],
        "C",
    )))
    .unwrap();
    assert_eq!(json[0]["id_number"], "110105********002X");

    let full = export_to(
        d,
        &["roster", "--include-sensitive"],
        "名单.xlsx",
        "zh_CN.UTF-8",
    );
    let (rows, _) = read_xlsx(&full);
    assert!(
        rows.iter().any(|r| r.contains(&ID_LI.to_string())),
        "{rows:?}"
    );

    let fresh = tempfile::tempdir().unwrap();
    let out = zh(fresh.path(), &["import", full.to_str().unwrap()]);
    assert!(out.contains("新增人员：4"), "{out}");
    let again = zh(
        d,
        &["import", full.to_str().unwrap(), "--cohort", "2015-01"],
    );
    assert!(
        again.contains("无变化：4") && again.contains("已在班：4"),
        "{again}"
    );
}

#[test]
fn markdown_is_a_table_for_a_report() {
    let dir = cohort_with_attendance();
    let md = zh(
        dir.path(),
        &[
            "export",
            "attendance",
            "--cohort",
            "2015-01",
            "--format",
            "md",
        ],
    );
    assert!(md.starts_with("## 第1期轮训班 考勤表\n"), "{md}");
    assert!(md.contains("| 序号 | 姓名 | 单位 |"), "{md}");
    assert!(md.contains("| 1 | 李雅婷 | 荣家湾镇新开村 | 岳阳县 | 138****5678 | 110105********002X | 迟到 08:41 |"), "{md}");
    assert!(md.contains("| **出勤人次** |"), "{md}");
    let lines: Vec<&str> = md.lines().filter(|l| l.starts_with('|')).collect();
    let columns = lines[0].matches(" | ").count();
    assert!(
        lines.iter().all(|l| l.matches(" | ").count() == columns),
        "{md}"
    );
}

/// Cohort 2015-01's sign-in sheet for day 2 morning, in Chinese, as `format`.
fn signin_sheet_2am(dir: &Path, format: &str) -> String {
    let args = [
        "export",
        "signin-sheet",
        "--cohort",
        "2015-01",
        "--session",
        "2:am",
        "--format",
        format,
    ];
    zh(dir, &args)
}

/// The name column of a Markdown sign-in sheet, from its header row on.
fn signin_names(md: &str) -> Vec<&str> {
    md.lines()
        .skip(6)
        .filter_map(|l| l.split(" | ").nth(1))
        .collect()
}

#[test]
fn the_sign_in_sheet_is_sorted_by_county_then_name_with_room_to_sign() {
    let dir = cohort_with_attendance();
    let d = dir.path();
    let md = signin_sheet_2am(d, "md");
    assert!(
        md.contains("2015-03-17（第 2 天）上午 08:30 · 岳阳市委党校 · 应到 4 人"),
        "{md}"
    );
    let names = signin_names(&md);
    // @县 sorts first (no pinyin), then 岳阳楼区 (yueyanglou…) before 岳阳县 (yueyangxian).
    assert_eq!(names[1..], ["张伟", "李雅婷", "欧阳娜"], "{md}");

    let path = export_to(
        d,
        &["signin-sheet", "--session", "2:am"],
        "签到表.xlsx",
        "zh_CN.UTF-8",
    );
    let (rows, _) = read_xlsx(&path);
    assert_eq!(rows[0][0], "第1期轮训班 签到表");
    assert!(
        rows[1][0].starts_with("2015-03-17（第 2 天）上午"),
        "{:?}",
        rows[1]
    );
    assert_eq!(
        rows[2],
        [
            "序号",
            "姓名",
            "单位",
            "职务",
            "县市区",
            "签名",
            "签退",
            "人员编码"
        ]
    );
    let listed: Vec<&str> = rows[3..].iter().map(|r| r[1].as_str()).collect();
    assert_eq!(listed[1..], names[1..]);
    assert!(
        rows[3..].iter().all(|r| r[5].is_empty() && r[6].is_empty()),
        "the signature and sign-out columns are blank"
    );

    let bad = lunxun(
        d,
        &[
            "export",
            "signin-sheet",
            "--cohort",
            "2015-01",
            "--session",
            "5:am",
        ],
        "C",
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("no session '5:am'"));
}

#[test]
fn the_sign_in_sheet_as_json_holds_the_rows_of_its_markdown() {
    let dir = cohort_with_attendance();
    let md = signin_sheet_2am(dir.path(), "md");
    let json: Value = serde_json::from_str(&signin_sheet_2am(dir.path(), "json")).unwrap();
    assert_eq!(json["title"], "第1期轮训班 签到表");
    assert_eq!(
        json["columns"],
        serde_json::json!([
            "序号",
            "姓名",
            "单位",
            "职务",
            "县市区",
            "签名",
            "签退",
            "人员编码"
        ])
    );
    let md_names = signin_names(&md);
    let rows = json["rows"].as_array().unwrap();
    let names: Vec<&str> = rows.iter().map(|r| r[1].as_str().unwrap()).collect();
    assert_eq!(names, md_names);
    assert_eq!(rows[0][0], 1, "numbers stay numbers");
    assert!(
        rows.iter().all(|r| r[5] == "" && r[6] == ""),
        "the signature and sign-out columns are blank"
    );
}

#[test]
fn the_json_attendance_keeps_its_shape_and_closed_sessions_count_as_absent() {
    let dir = cohort_with_attendance();
    let d = dir.path();
    {
        let store = lunxun::store::Store::open(d).unwrap();
        let mut cohort = store.cohort("2015-01").unwrap().unwrap();
        cohort
            .closed_sessions
            .push(lunxun::domain::Session::parse("1:am").unwrap());
        let mut batch = lunxun::store::Batch::default();
        lunxun::store::Store::stage_cohort(&mut batch, &cohort);
        store.commit(batch).unwrap();
    }
    let json: Value = serde_json::from_str(&ok(&lunxun(
        d,
        &["export", "attendance", "--cohort", "2015-01"],
        "C",
    )))
    .unwrap();
    let keys = |v: &Value| -> Vec<String> { v.as_object().unwrap().keys().cloned().collect() };
    assert_eq!(keys(&json), ["attendees", "cohort"]);
    assert_eq!(
        keys(&json["cohort"]),
        ["code", "days", "name", "sessions", "start"]
    );
    assert_eq!(
        keys(&json["cohort"]["sessions"][0]),
        ["date", "day", "ends_at", "slot", "starts_at"]
    );
    let li = json["attendees"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["name"] == "李雅婷")
        .unwrap();
    assert_eq!(
        keys(li),
        [
            "attendance",
            "county",
            "credited_hours",
            "credited_minutes",
            "name",
            "person_id",
            "standing",
            "standing_label",
            "unit"
        ]
    );
    let status = |a: &Value, i: usize| a["attendance"][i]["status"].as_str().unwrap().to_string();
    assert_eq!(status(li, 0), "late");
    let ouyang = json["attendees"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["name"] == "欧阳娜")
        .unwrap();
    assert_eq!(
        (status(ouyang, 0), status(ouyang, 1)),
        ("absent".into(), "none".into())
    );

    let csv = read_csv(&export_to(d, &["attendance"], "a.csv", "C"));
    let row = csv.iter().find(|r| r[1] == "欧阳娜").unwrap();
    assert_eq!((row[6].as_str(), row[13].as_str()), ("absent", "1"));
}
