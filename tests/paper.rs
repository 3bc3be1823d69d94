//! 补录 through the built binary: the sign-in sheet `export signin-sheet` wrote is filled
//! in (read with calamine, written back with rust_xlsxwriter as a person saving it in
//! Excel would) and entered with `lunxun import attendance`; the attendance exports then
//! show `paper`.

mod common;

use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::process::Output;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use serde_json::Value;

use common::{NOW, ok};

const ZH: &str = "zh_CN.UTF-8";
/// Friday of the cohort's week: the sheets are typed in after the sessions.
const LATER: &str = "2015-03-20T10:00:00+08:00";

fn run(dir: &Path, args: &[&str], now: &str) -> Output {
    common::lunxun_at(dir, args, ZH, now)
}

/// Cohort 2015-01 (2 days) with five people, two of them named 张伟 (in two units);
/// 李雅婷 checked in at the desk at 08:35 on day 1 morning.
fn cohort() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(&run(d, &common::cohort_new("第1期", "2"), NOW));
    let roster = "姓名,单位,县市区,职务\n\
         李雅婷,新开村,岳阳县,村党组织书记\n\
         张伟,梅溪社区,岳阳楼区,社区党组织书记\n\
         张伟,清水村,岳阳县,村党组织书记\n\
         欧阳娜,新墙村,岳阳县,村党组织书记\n\
         王芳,荣家湾社区,华容县,社区党组织书记\n";
    let path = d.join("roster.csv");
    std::fs::write(&path, roster).unwrap();
    ok(&run(
        d,
        &["import", path.to_str().unwrap(), "--cohort", "2015-01"],
        NOW,
    ));
    let li = person_id(d, "李雅婷", "新开村");
    let checkin = ["checkin", "--cohort", "2015-01", "--person", &li];
    ok(&run(d, &checkin, NOW));
    dir
}

fn roster(dir: &Path) -> Vec<Value> {
    let args = ["roster", "--cohort", "2015-01", "--json"];
    let roster: Value = serde_json::from_str(&ok(&run(dir, &args, NOW))).unwrap();
    roster.as_array().unwrap().clone()
}

fn person_id(dir: &Path, name: &str, unit: &str) -> String {
    let roster = roster(dir);
    let person = roster
        .iter()
        .find(|p| p["name"] == name && p["unit"] == unit)
        .unwrap();
    person["person_id"].as_str().unwrap().to_string()
}

/// The printed sheet for `session`, as rows of text.
fn printed(dir: &Path, session: &str, lang: &str) -> Vec<Vec<String>> {
    let path = dir.join(format!("printed-{}.xlsx", session.replace(':', "-")));
    let args = [
        "export",
        "signin-sheet",
        "--cohort",
        "2015-01",
        "--session",
        session,
        "-o",
        path.to_str().unwrap(),
    ];
    ok(&common::lunxun_at(dir, &args, lang, NOW));
    let mut book: Xlsx<_> =
        open_workbook_from_rs(Cursor::new(std::fs::read(&path).unwrap())).unwrap();
    let name = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&name).unwrap();
    range
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
        .collect()
}

/// The sheet filled in: `marks` by (name, unit) in the signature column (found by its
/// header), and a person-code column added at the end as a scanner would.
fn filled(dir: &Path, rows: &[Vec<String>], marks: &[(&str, &str, &str)], name: &str) -> PathBuf {
    let header = rows
        .iter()
        .position(|r| r.iter().any(|c| c == "签名" || c == "signature"))
        .unwrap();
    let sign = rows[header]
        .iter()
        .position(|c| c == "签名" || c == "signature")
        .unwrap();
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        let mut row = row.clone();
        row.resize(rows[header].len(), String::new());
        if r == header {
            row.push("人员编码".into());
        } else if r > header {
            let mark = marks.iter().find(|(n, u, _)| row[1] == *n && row[2] == *u);
            if let Some(mark) = mark {
                row[sign] = mark.2.to_string();
            }
            row.push(format!("C{r}"));
        }
        for (c, text) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            match text.parse::<f64>() {
                Ok(n) if c == 0 && r as usize > header => ws.write_number(r, c, n).unwrap(),
                _ => ws.write_string(r, c, text).unwrap(),
            };
        }
    }
    let path = dir.join(name);
    book.save(&path).unwrap();
    path
}

fn import(dir: &Path, sheet: &Path, session: &str, extra: &[&str]) -> Output {
    let mut args = vec![
        "import",
        "attendance",
        sheet.to_str().unwrap(),
        "--cohort",
        "2015-01",
        "--session",
        session,
    ];
    args.extend_from_slice(extra);
    run(dir, &args, LATER)
}

fn attendance_json(dir: &Path) -> Value {
    let args = [
        "export",
        "attendance",
        "--cohort",
        "2015-01",
        "--format",
        "json",
    ];
    serde_json::from_str(&ok(&run(dir, &args, LATER))).unwrap()
}

/// (status, source, at) of `name` of `unit` in session `index` (0 = day 1 am).
fn mark_of(export: &Value, name: &str, unit: &str, index: usize) -> (String, String, String) {
    let person = export["attendees"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == name && p["unit"] == unit)
        .unwrap();
    let mark = &person["attendance"][index];
    let text = |v: &Value| v.as_str().unwrap_or("").to_string();
    (
        text(&mark["status"]),
        text(&mark["source"]),
        text(&mark["at"]),
    )
}

const DAY1_AM: &[(&str, &str, &str)] = &[
    ("李雅婷", "新开村", "√"),
    ("张伟", "梅溪社区", "迟 08:52"),
    ("张伟", "清水村", "√"),
    ("欧阳娜", "新墙村", "假"),
];

#[test]
fn a_filled_sheet_is_entered_once_and_shows_as_paper_in_the_exports() {
    let dir = cohort();
    let d = dir.path();
    let sheet = filled(d, &printed(d, "1:am", ZH), DAY1_AM, "签到表.xlsx");
    let out = ok(&import(d, &sheet, "1:am", &[]));
    assert!(
        out.contains("签到 1 人、迟到 1 人、请假 1 人，缺席 1 人"),
        "{out}"
    );
    assert!(out.contains("已有相同记录 1 人"), "{out}");
    assert!(out.contains("已写入 3 条补录记录"), "{out}");

    let export = attendance_json(d);
    let ts = |t: &str| format!("2015-03-16T{t}:00+08:00");
    let paper = |s: &str, t: &str| (s.to_string(), "paper".to_string(), ts(t));
    assert_eq!(
        mark_of(&export, "张伟", "梅溪社区", 0),
        paper("late", "08:52")
    );
    assert_eq!(
        mark_of(&export, "张伟", "清水村", 0),
        paper("present", "08:30")
    );
    assert_eq!(
        mark_of(&export, "欧阳娜", "新墙村", 0),
        paper("leave", "08:30")
    );
    let desk = ("present".to_string(), "desk".to_string(), ts("08:35"));
    assert_eq!(
        mark_of(&export, "李雅婷", "新开村", 0),
        desk,
        "the desk's mark stands"
    );
    assert_eq!(
        mark_of(&export, "王芳", "荣家湾社区", 0).0,
        "none",
        "absent writes nothing"
    );
    let person = &export["attendees"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["unit"] == "清水村")
        .unwrap();
    assert_eq!(
        person["attendance"][0]["entered_at"],
        "2015-03-20T10:00:00+08:00"
    );

    let csv = d.join("attendance.csv");
    let args = [
        "export",
        "attendance",
        "--cohort",
        "2015-01",
        "-o",
        csv.to_str().unwrap(),
    ];
    ok(&run(d, &args, LATER));
    let text = std::fs::read_to_string(&csv).unwrap();
    assert_eq!(text.matches("纸质补录").count(), 3, "{text}");

    let again = ok(&import(d, &sheet, "1:am", &["--json"]));
    let again: Value = serde_json::from_str(&again).unwrap();
    assert_eq!(
        again["written"].as_array().unwrap().len(),
        0,
        "entered twice: nothing new"
    );
    assert_eq!(again["agreed"], 4);
    assert_eq!(attendance_json(d), export);
}

#[test]
fn an_english_sheet_reads_back_and_a_dry_run_writes_nothing() {
    let dir = cohort();
    let d = dir.path();
    let marks = [("王芳", "荣家湾社区", "late"), ("欧阳娜", "新墙村", "v")];
    let sheet = filled(d, &printed(d, "1:pm", "C"), &marks, "sheet.xlsx");
    let before = attendance_json(d);
    let dry = ok(&import(d, &sheet, "1:pm", &["--dry-run", "--json"]));
    let dry: Value = serde_json::from_str(&dry).unwrap();
    assert_eq!(dry["dry_run"], true);
    assert_eq!(dry["written"].as_array().unwrap().len(), 2, "{dry}");
    assert_eq!(dry["written"][0]["source"], "paper");
    assert_eq!(attendance_json(d), before, "a dry run writes nothing");
    ok(&import(d, &sheet, "1:pm", &[]));
    let after = attendance_json(d);
    assert_eq!(mark_of(&after, "王芳", "荣家湾社区", 1).0, "late");
    assert_eq!(mark_of(&after, "欧阳娜", "新墙村", 1).1, "paper");
}

fn refused(out: &Output) -> String {
    assert_eq!(out.status.code(), Some(2), "{}", common::text_of(out));
    String::from_utf8_lossy(&out.stderr).to_string()
}

#[test]
fn a_sheet_with_problems_is_refused_whole_with_its_lines() {
    let dir = cohort();
    let d = dir.path();
    let before = attendance_json(d);
    let mut rows = printed(d, "1:am", ZH);
    rows.push(vec!["9".into(), "赵六".into(), "无此村".into()]);
    let marks = [
        ("张伟", "清水村", "√"),
        ("欧阳娜", "新墙村", "？"),
        ("赵六", "无此村", "√"),
    ];
    let sheet = filled(d, &rows, &marks, "bad.xlsx");
    let err = refused(&import(d, &sheet, "1:am", &[]));
    assert!(err.contains("签到表有 2 处问题，未导入任何记录"), "{err}");
    let zhao = rows.len();
    assert!(
        err.contains(&format!("第 {zhao} 行：名单上没有 赵六（无此村）")),
        "{err}"
    );
    let ouyang = rows
        .iter()
        .position(|r| r.get(1).is_some_and(|n| n == "欧阳娜"))
        .unwrap()
        + 1;
    assert!(
        err.contains(&format!("第 {ouyang} 行：看不懂标记“？”")),
        "{err}"
    );
    assert_eq!(attendance_json(d), before, "nothing written");

    let other_day = filled(d, &printed(d, "2:am", ZH), DAY1_AM, "day2.xlsx");
    let err = refused(&import(d, &other_day, "1:am", &[]));
    assert!(
        err.contains("第 2 行：这张表是“2015-03-17（第 2 天）上午"),
        "{err}"
    );
    assert_eq!(attendance_json(d), before, "nothing written");

    let future = filled(d, &printed(d, "2:am", ZH), DAY1_AM, "future.xlsx");
    let args = [
        "import",
        "attendance",
        future.to_str().unwrap(),
        "--cohort",
        "2015-01",
        "--session",
        "2:am",
    ];
    let err = refused(&run(d, &args, NOW));
    assert!(err.contains("还没有开始"), "{err}");

    let roster_file = d.join("roster.csv");
    let err = refused(&import(d, &roster_file, "1:am", &[]));
    assert!(err.contains("这不是签到表"), "{err}");
    assert_eq!(attendance_json(d), before, "nothing written");
}

#[test]
fn two_people_of_one_name_are_told_apart_by_their_printed_number() {
    let dir = cohort();
    let d = dir.path();
    let mut rows = printed(d, "1:am", ZH);
    // Unit, county and person code left empty: only the number tells the two 张伟 apart.
    // The one of 岳阳楼区 is printed first (yueyanglou… before yueyangxian).
    let marks = ["假", "√"];
    let zhang = rows
        .iter_mut()
        .filter(|r| r.get(1).is_some_and(|n| n == "张伟"));
    for (row, mark) in zhang.zip(marks) {
        row[2] = String::new();
        row[4] = String::new();
        row[5] = mark.to_string();
        let code = row.last_mut().expect("the person code, last");
        assert_eq!(code.len(), 8, "the printed person code: {code}");
        code.clear();
    }
    let sheet = filled(d, &rows, &[], "numbers.xlsx");
    ok(&import(d, &sheet, "1:am", &[]));
    let export = attendance_json(d);
    assert_eq!(mark_of(&export, "张伟", "梅溪社区", 0).0, "leave");
    assert_eq!(mark_of(&export, "张伟", "清水村", 0).0, "present");

    // Without the number, the name alone is ambiguous.
    for row in rows
        .iter_mut()
        .filter(|r| r.get(1).is_some_and(|n| n == "张伟"))
    {
        row[0] = String::new();
    }
    let sheet = filled(d, &rows, &[], "no-numbers.xlsx");
    let err = refused(&import(d, &sheet, "1:am", &[]));
    assert!(err.contains("名单上有几位 张伟"), "{err}");
}
