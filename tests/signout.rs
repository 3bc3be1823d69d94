//! `lunxun signout` (签退 / 早退) and `lunxun undo` of a sign-out through the built binary,
//! and the sign-out in every attendance export (CSV, Excel, Markdown, JSON, both
//! languages). The cohort 2015-01 starts 2015-03-16 with the default slots (am
//! 08:30–11:30) and early leave after 15 minutes.

mod common;

use std::io::Cursor;
use std::path::Path;
use std::process::Output;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use serde_json::Value;

use common::{last_line, ok};

fn at(dir: &Path, time: &str, lang: &str, args: &[&str]) -> Output {
    let now = format!("2015-03-16T{time}:00+08:00");
    common::lunxun_at(dir, args, lang, &now)
}

/// Exit code 2 and nothing on stdout; returns stderr.
fn refused(out: Output) -> String {
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(out.stdout.is_empty());
    err
}

/// The cohort and two enrolled people, 李雅婷 and 张伟, both checked in at 08:25.
fn setup() -> (tempfile::TempDir, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(&at(d, "08:00", "C", &common::cohort_new("第1期", "2")));
    let mut ids = Vec::new();
    for (name, unit) in [("李雅婷", "新开村"), ("张伟", "梅溪社区")] {
        let mut add = common::person_add(name, unit);
        add.extend(["--cohort", "2015-01"]);
        let id = last_line(&ok(&at(d, "08:00", "C", &add)));
        let checkin = ["checkin", "--cohort", "2015-01", "--person", &id];
        ok(&at(d, "08:25", "C", &checkin));
        ids.push(id);
    }
    let zhang = ids.pop().unwrap();
    (dir, ids.pop().unwrap(), zhang)
}

fn sign_out<'a>(person: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec!["signout", "--cohort", "2015-01", "--person", person];
    args.extend_from_slice(extra);
    args
}

fn events(dir: &Path) -> usize {
    let store = lunxun::store::Store::open(dir).unwrap();
    store.events("2015-01").unwrap().len()
}

#[test]
fn signing_out_near_the_end_and_early_leave_with_a_reason() {
    let (dir, li, zhang) = setup();
    let d = dir.path();
    let out = ok(&at(d, "11:20", "zh_CN.UTF-8", &sign_out(&li, &[])));
    assert_eq!(out, "✓ 李雅婷 · 1:am 签退 11:20\n");
    let again = ok(&at(d, "11:25", "C", &sign_out(&li, &[])));
    assert!(
        again.contains("already signed out at 11:20; nothing recorded"),
        "{again}"
    );

    let before = events(d);
    let err = refused(at(d, "10:50", "zh_CN.UTF-8", &sign_out(&zhang, &[])));
    assert!(err.contains("距结束还有 40 分钟，属于早退"), "{err}");
    assert!(err.contains("加 --reason"), "{err}");
    let err = refused(at(d, "10:50", "C", &sign_out(&zhang, &["--reason", " "])));
    assert!(err.contains("Add --reason"), "{err}");
    assert_eq!(events(d), before, "nothing written");
    let out = ok(&at(
        d,
        "10:50",
        "C",
        &sign_out(&zhang, &["--reason", "看病"]),
    ));
    assert_eq!(
        out,
        "✓ 张伟 · 1:am signed out 10:50, left 40 minutes early (看病)\n"
    );
}

#[test]
fn nobody_signs_out_without_arriving_or_after_the_session_closed() {
    let (dir, li, _) = setup();
    let d = dir.path();
    let pm = sign_out(&li, &["--session", "1:pm"]);
    let err = refused(at(d, "17:30", "C", &pm));
    assert!(err.contains("not checked in (or on leave)"), "{err}");
    let close = [
        "session",
        "close",
        "--cohort",
        "2015-01",
        "--session",
        "1:am",
    ];
    ok(&at(d, "12:00", "C", &close));
    let err = refused(at(d, "12:00", "C", &sign_out(&li, &["--session", "1:am"])));
    assert!(err.contains("closed"), "{err}");
}

#[test]
fn undo_takes_back_the_sign_out_before_the_check_in() {
    let (dir, li, _) = setup();
    let d = dir.path();
    ok(&at(d, "11:20", "C", &sign_out(&li, &[])));
    let undo = ["undo", "--cohort", "2015-01", "--person", &li];
    let first = ok(&at(d, "11:21", "zh_CN.UTF-8", &undo));
    assert!(
        first.starts_with("↶ 已撤销 李雅婷 在 1:am 的签退"),
        "{first}"
    );
    let again = ok(&at(d, "11:22", "C", &sign_out(&li, &[])));
    assert!(
        again.contains("signed out 11:22"),
        "signed out again: {again}"
    );
    ok(&at(d, "11:23", "C", &undo));
    let second = ok(&at(d, "11:24", "C", &undo));
    assert!(
        second.starts_with("↶ undid 李雅婷's record for 1:am"),
        "{second}"
    );
    let err = refused(at(d, "11:25", "C", &sign_out(&li, &[])));
    assert!(
        err.contains("not checked in"),
        "the check-in is gone too: {err}"
    );
}

/// 李雅婷 signed out at 11:20 (on time), 张伟 left at 10:50 (early, 看病).
fn signed_out() -> tempfile::TempDir {
    let (dir, li, zhang) = setup();
    let d = dir.path();
    ok(&at(d, "11:20", "C", &sign_out(&li, &[])));
    ok(&at(
        d,
        "10:50",
        "C",
        &sign_out(&zhang, &["--reason", "看病"]),
    ));
    dir
}

fn export(dir: &Path, format: &str, lang: &str) -> String {
    let path = dir.join(format!("a.{format}"));
    let args = [
        "export",
        "attendance",
        "--cohort",
        "2015-01",
        "--format",
        format,
        "-o",
        path.to_str().unwrap(),
    ];
    ok(&at(dir, "12:00", lang, &args));
    if format == "xlsx" {
        return xlsx_text(&path);
    }
    std::fs::read_to_string(path).unwrap()
}

/// The first sheet's cells, a row a line, cells joined by `|`.
fn xlsx_text(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    let name = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&name).unwrap();
    let cell = |c: &Data| match c {
        Data::Float(f) => format!("{f}"),
        Data::Empty => String::new(),
        other => other.to_string(),
    };
    let rows = range
        .rows()
        .map(|r| r.iter().map(cell).collect::<Vec<_>>().join("|"));
    rows.collect::<Vec<_>>().join("\n")
}

#[test]
fn every_attendance_export_shows_sign_out_and_early_leave() {
    let dir = signed_out();
    let d = dir.path();
    for format in ["csv", "md", "xlsx"] {
        let zh = export(d, format, "zh_CN.UTF-8");
        assert!(zh.contains("出席 08:25 · 签退 11:20"), "{format}: {zh}");
        assert!(
            zh.contains("出席 08:25 · 早退 10:50（看病）"),
            "{format}: {zh}"
        );
        assert!(zh.contains("早退"), "{format}");
        let en = export(d, format, "C");
        assert!(en.contains("present 08:25 · out 11:20"), "{format}: {en}");
        assert!(
            en.contains("present 08:25 · left early 10:50 (看病)"),
            "{format}: {en}"
        );
    }
    let csv = export(d, "csv", "C");
    let header = csv.lines().next().unwrap();
    assert!(header.ends_with(",Left early"), "{header}");
    let zhang = csv.lines().find(|l| l.contains("张伟")).unwrap();
    assert!(zhang.ends_with(",1"), "one early leave: {zhang}");
    let li = csv.lines().find(|l| l.contains("李雅婷")).unwrap();
    assert!(li.ends_with(",0"), "none: {li}");
    let total = csv.lines().find(|l| l.starts_with(",Left early,")).unwrap();
    assert!(total.ends_with(",1"), "{total}");

    let json: Value = serde_json::from_str(&export(d, "json", "C")).unwrap();
    let mark = |name: &str| {
        let people = json["attendees"].as_array().unwrap();
        let person = people.iter().find(|p| p["name"] == name).unwrap();
        person["attendance"][0].clone()
    };
    let li = mark("李雅婷");
    assert_eq!(li["signed_out"], "2015-03-16T11:20:00+08:00");
    assert_eq!(
        (&li["early_leave"], li.get("early_minutes")),
        (&Value::Bool(false), None)
    );
    let zhang = mark("张伟");
    assert_eq!(
        (
            &zhang["early_leave"],
            &zhang["early_minutes"],
            &zhang["sign_out_reason"]
        ),
        (&Value::Bool(true), &Value::from(40), &Value::from("看病"))
    );
    assert_eq!(json["cohort"]["sessions"][0]["ends_at"], "2015-03-16T11:30");
}
