//! A closed cohort or session refuses writes from the command line: each write command
//! exits 2 with a message (for a session, how to reopen it) and writes nothing.

use std::path::Path;
use std::process::Output;

use lunxun::domain::Cohort;
use lunxun::store::Store;

mod common;
use common::{last_line, lunxun_at, ok};

/// Day 1, 08:35: the morning session.
const NOW: &str = "2015-03-16T08:35:00+08:00";
const CODE: &str = "2015-01";

fn run(dir: &Path, args: &[&str]) -> Output {
    lunxun_at(dir, args, "C", NOW)
}

fn run_zh(dir: &Path, args: &[&str]) -> Output {
    lunxun_at(dir, args, "zh_CN.UTF-8", NOW)
}

/// A two-day cohort with two people enrolled (ids returned) and one planned activity.
fn setup(dir: &Path) -> (String, String) {
    let mut new = common::cohort_new("第1期", "2");
    new.extend(["--code", CODE]);
    ok(&run(dir, &new));
    let add = |name: &str| {
        let mut args = common::person_add(name, "新开村");
        args.extend(["--cohort", CODE]);
        last_line(&ok(&run(dir, &args)))
    };
    let (first, second) = (add("李雅婷"), add("张伟"));
    let teach = [
        "teach",
        "add",
        "--cohort",
        CODE,
        "--session",
        "2:am",
        "--method",
        "lecture",
        "--title",
        "学习党章",
        "--modules",
        "1",
        "--planned",
    ];
    ok(&run(dir, &teach));
    (first, second)
}

/// Everything a write could change: the cohort record, the register, the roster,
/// attendance events and teaching-log events.
#[derive(Debug, PartialEq)]
struct Records {
    cohort: Cohort,
    people: usize,
    enrolled: usize,
    events: usize,
    activity_events: usize,
}

fn records(dir: &Path) -> Records {
    let store = Store::open(dir).unwrap();
    Records {
        cohort: store.cohort(CODE).unwrap().unwrap(),
        people: store.people().unwrap().len(),
        enrolled: store.enrolments(CODE).unwrap().len(),
        events: store.events(CODE).unwrap().len(),
        activity_events: store.activity_events(CODE).unwrap().len(),
    }
}

/// Runs a write that must be refused: exit 2, `expected` on stderr, nothing on stdout.
fn refused(out: &Output, expected: &str) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains(expected), "{expected:?} not in {err}");
    assert!(
        out.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

fn check_in(person: &str, session: &str) -> Vec<String> {
    [
        "checkin",
        "--cohort",
        CODE,
        "--person",
        person,
        "--session",
        session,
    ]
    .map(str::to_string)
    .to_vec()
}

/// `lunxun session close` or `reopen` (`verb`) of session 1:am, which must succeed.
fn session_1am(dir: &Path, verb: &str) -> String {
    ok(&run(
        dir,
        &["session", verb, "--cohort", CODE, "--session", "1:am"],
    ))
}

fn args(list: &[String]) -> Vec<&str> {
    list.iter().map(String::as_str).collect()
}

#[test]
fn a_closed_session_refuses_check_in_leave_and_undo_and_says_how_to_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (first, second) = setup(d);
    ok(&run(d, &args(&check_in(&first, "1:am"))));
    let closed = session_1am(d, "close");
    assert_eq!(
        closed,
        "✓ session 1:am closed: no check-in counts as absent\n"
    );
    let before = records(d);
    assert_eq!(before.events, 1);

    let how = "session 1:am is closed; nothing recorded. To correct it, \
               reopen it first: lunxun session reopen --cohort 2015-01 --session 1:am";
    refused(&run(d, &args(&check_in(&second, "1:am"))), how);
    let mut leave = check_in(&second, "1:am");
    leave.extend(["--status", "leave", "--reason", "生病"].map(str::to_string));
    refused(&run(d, &args(&leave)), how);
    let undo = [
        "undo",
        "--cohort",
        CODE,
        "--person",
        &first,
        "--session",
        "1:am",
    ];
    refused(&run(d, &undo), how);
    let zh = "场次 1:am 已结束，未记录。如需更正，先重新开放：\
              lunxun session reopen --cohort 2015-01 --session 1:am";
    refused(&run_zh(d, &undo), zh);
    assert_eq!(records(d), before, "nothing written");

    ok(&run(d, &args(&check_in(&second, "1:pm"))));
    let again = session_1am(d, "close");
    assert_eq!(
        again,
        "= session 1:am is already closed; nothing recorded\n"
    );
    let reopened = session_1am(d, "reopen");
    assert_eq!(
        reopened,
        "✓ session 1:am reopened: its attendance can be corrected\n"
    );
    assert!(ok(&run(d, &undo)).starts_with("↶ undid 李雅婷"));
    assert_eq!(
        records(d).events,
        3,
        "1:am check-in, 1:pm check-in, the undo"
    );
}

#[test]
fn a_closed_cohort_refuses_every_write_to_its_records() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (first, second) = setup(d);
    ok(&run(d, &args(&check_in(&first, "1:am"))));
    let closed = ok(&run(d, &["cohort", "close", "--cohort", CODE]));
    assert_eq!(
        closed,
        "✓ cohort 2015-01 closed: look-up only from now on\n"
    );
    let before = records(d);
    assert!(!before.cohort.open);

    let roster = d.join("roster.csv");
    std::fs::write(&roster, "姓名,单位\n钱多多,新墙镇清水村\n").unwrap();
    let timetable = d.join("timetable.csv");
    std::fs::write(
        &timetable,
        "日期,时段,方式,题目,模块\n2015-03-17,下午,专题辅导,依法治理,3\n",
    )
    .unwrap();
    let roster = roster.to_str().unwrap();
    let timetable = timetable.to_str().unwrap();
    let mut leave = check_in(&second, "1:am");
    leave.extend(["--status", "leave"].map(str::to_string));
    // One wording for every write to a closed cohort, the teaching log included.
    let look_up_only = "this cohort is closed: look-up only; nothing recorded";
    let log = look_up_only;
    let (am, pm) = (check_in(&second, "1:am"), check_in(&second, "2:pm"));
    #[rustfmt::skip]
    let writes: Vec<(Vec<&str>, &str)> = vec![
        (args(&am), look_up_only),
        (args(&pm), look_up_only),
        (args(&leave), look_up_only),
        (vec!["undo", "--cohort", CODE, "--person", &first, "--session", "1:am"], look_up_only),
        (vec!["person", "add", "--name", "钱多多", "--unit", "清水村", "--cohort", CODE], look_up_only),
        (vec!["import", roster, "--cohort", CODE], look_up_only),
        (vec!["session", "close", "--cohort", CODE, "--session", "1:pm"], look_up_only),
        (vec!["session", "reopen", "--cohort", CODE, "--session", "1:pm"], look_up_only),
        (vec!["teach", "add", "--cohort", CODE, "--session", "2:pm", "--method", "case",
              "--title", "案例", "--modules", "3"], log),
        (vec!["teach", "edit", "--cohort", CODE, "--id", "1", "--title", "党章"], log),
        (vec!["teach", "held", "--cohort", CODE, "--id", "1"], log),
        (vec!["teach", "delete", "--cohort", CODE, "--id", "1"], log),
        (vec!["import-timetable", timetable, "--cohort", CODE], look_up_only),
    ];
    for (write, expected) in &writes {
        refused(&run(d, write), expected);
    }
    assert_eq!(records(d), before, "nothing written");
    let zh = run_zh(d, &args(&check_in(&second, "1:am")));
    refused(&zh, "本班次已结束，只能查询；未记录任何内容");
    let import_zh = run_zh(d, &["import", roster, "--cohort", CODE]);
    refused(&import_zh, "不带 --cohort 可只更新花名册。");
    let again = ok(&run(d, &["cohort", "close", "--cohort", CODE]));
    assert_eq!(
        again,
        "= cohort 2015-01 is already closed; nothing recorded\n"
    );
    assert_eq!(records(d), before, "nothing written");
}
