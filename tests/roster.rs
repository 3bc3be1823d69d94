//! Keeping a cohort's roster current through the binary: `enrol`, `unenrol` (退训),
//! `substitute` (调换), `makeup` (补课) and `change undo`, each a register change with
//! who made it; every refusal exits 2 with nothing written; someone withdrawn or
//! replaced is refused at check-in (command line and desk); `roster` marks them.

use std::path::Path;
use std::process::Output;

use lunxun::domain::register::Change;
use lunxun::store::Store;
use lunxun::text::Lang;
use ratatui::crossterm::event::KeyCode;

mod common;
use common::app::{ctrl, notice, press, type_text};
use common::{NOW, last_line, ok, text_of};

/// Day 2, 12:00: the morning sessions of days 1 and 2 have ended.
const DAY2_NOON: &str = "2015-03-17T12:00:00+08:00";

fn run(dir: &Path, args: &[&str]) -> Output {
    common::lunxun_env(dir, args, "C", NOW, &[("USER", "organiser")])
}

fn run_at(dir: &Path, args: &[&str], now: &str, lang: &str) -> Output {
    common::lunxun_env(dir, args, lang, now, &[("USER", "organiser")])
}

/// A four-day cohort and three people: 张伟 and 李雅婷 enrolled, 王新来 not.
fn cohort(dir: &Path) -> (String, [String; 3]) {
    let code = last_line(&ok(&run(dir, &common::cohort_new("第1期", "4"))));
    let add = |name, unit, enrol: bool| {
        let mut args = common::person_add(name, unit);
        if enrol {
            args.extend(["--cohort", code.as_str()]);
        }
        last_line(&ok(&run(dir, &args)))
    };
    let people = [
        add("张伟", "甲村", true),
        add("李雅婷", "乙村", true),
        add("王新来", "丙村", false),
    ];
    (code, people)
}

/// The folder's commit count and its register changes.
fn written(dir: &Path) -> (u64, Vec<Change>) {
    let store = Store::open(dir).unwrap();
    let changes = store
        .changes()
        .unwrap()
        .into_iter()
        .map(|e| e.change)
        .collect();
    (store.commit_seq(), changes)
}

fn strs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

/// Runs a command that must be refused (exit 2) and checks nothing was written; returns
/// its message.
fn refused(dir: &Path, args: &[&str], now: &str, lang: &str) -> String {
    let before = written(dir);
    let out = run_at(dir, args, now, lang);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {}", text_of(&out));
    assert_eq!(written(dir), before, "{args:?} wrote something");
    common::stderr_past_clock_warning(&out)
}

#[test]
fn a_withdrawal_is_recorded_with_who_and_why_and_refuses_their_check_in() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (code, [zw, _, _]) = cohort(d);
    let unenrol = |reason: &'static str| -> Vec<String> {
        [
            "unenrol", "--cohort", &code, "--person", &zw, "--reason", reason,
        ]
        .map(String::from)
        .to_vec()
    };
    let blank = unenrol("  ");
    let message = refused(d, &strs(&blank), NOW, "zh_CN.UTF-8");
    assert_eq!(
        message,
        "lunxun: 退训需要写明原因：请加 --reason，如 --reason 病假\n"
    );

    let done = unenrol("病假");
    let out = ok(&run(d, &strs(&done)));
    assert!(
        out.starts_with("✓ 张伟 withdrawn from cohort 2015-01: 病假\n"),
        "{out}"
    );
    let id = last_line(&out);
    assert!(out.contains(&format!("lunxun change undo {id}")), "{out}");
    let store = Store::open(d).unwrap();
    let events = store.changes().unwrap();
    drop(store);
    assert_eq!(events.len(), 1);
    assert_eq!(
        (events[0].id.as_str(), events[0].by.as_str()),
        (id.as_str(), "organiser")
    );
    assert!(matches!(&events[0].change, Change::Unenrolled { reason, .. } if reason == "病假"));

    let again = refused(d, &strs(&done), NOW, "C");
    assert!(
        again.contains("already left cohort 2015-01 on 2015-03-16 (病假)"),
        "{again}"
    );
    let checkin = ["checkin", "--cohort", &code, "--person", &zw];
    for (lang, expected) in [
        (
            "C",
            "lunxun: 张伟 was withdrawn from cohort 2015-01 on 2015-03-16 (病假) and cannot check in\n",
        ),
        (
            "zh_CN.UTF-8",
            "lunxun: 张伟 已于 2015-03-16 从班次 2015-01 退训（病假），不能签到\n",
        ),
    ] {
        assert_eq!(refused(d, &checkin, NOW, lang), expected);
    }
    // Leave (请假) is refused too.
    let leave = [
        "checkin", "--cohort", &code, "--person", &zw, "--status", "leave",
    ];
    refused(d, &leave, NOW, "C");

    let before = written(d);
    {
        let mut app = common::app::open(d, NOW, Lang::En);
        ctrl(&mut app, 'r');
        type_text(&mut app, "zhangwei");
        press(&mut app, KeyCode::Enter);
        let shown = notice(&app);
        assert!(
            shown.contains("was withdrawn from cohort 2015-01"),
            "{shown}"
        );
    }
    assert_eq!(written(d).1, before.1, "the desk recorded nothing");
    let store = Store::open(d).unwrap();
    assert!(
        store.events(&code).unwrap().is_empty(),
        "no check-in from the desk"
    );
}

#[test]
fn a_substitute_comes_in_in_the_same_commit_and_the_person_replaced_cannot_check_in() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (code, [zw, lyt, wxl]) = cohort(d);
    let sub = |out: &str, inn: &str| -> Vec<String> {
        let a = [
            "substitute",
            "--cohort",
            &code,
            "--out",
            out,
            "--in",
            inn,
            "--reason",
            "工作调动",
        ];
        a.map(String::from).to_vec()
    };
    let both_on = refused(d, &strs(&sub(&zw, &lyt)), NOW, "C");
    assert!(
        both_on.contains("李雅婷 is (or was) already on the roster"),
        "{both_on}"
    );
    let not_on = refused(d, &strs(&sub(&wxl, &zw)), NOW, "C");
    assert!(
        not_on.contains("王新来 is not on the roster of cohort 2015-01"),
        "{not_on}"
    );
    let same = refused(d, &strs(&sub(&lyt, &lyt)), NOW, "C");
    assert!(same.contains("are the same"), "{same}");

    let (seq, _) = written(d);
    let out = ok(&run(d, &strs(&sub(&lyt, &wxl))));
    assert!(
        out.starts_with("✓ cohort 2015-01: 王新来 replaces 李雅婷"),
        "{out}"
    );
    let (after, changes) = written(d);
    assert_eq!(after, seq + 1, "one commit: the enrolment and the change");
    assert!(matches!(&changes[..], [Change::Substituted { .. }]));
    let store = Store::open(d).unwrap();
    assert!(
        store
            .is_enrolled(&code, &lunxun::domain::PersonId(wxl.clone()))
            .unwrap()
    );
    drop(store);

    let replaced = refused(
        d,
        &["checkin", "--cohort", &code, "--person", &lyt],
        NOW,
        "C",
    );
    assert!(
        replaced.contains("李雅婷 was replaced by 王新来 on 2015-03-16 (工作调动)"),
        "{replaced}"
    );
    ok(&run(d, &["checkin", "--cohort", &code, "--person", &wxl]));
    let twice = refused(d, &strs(&sub(&lyt, &zw)), NOW, "C");
    assert!(
        twice.contains("李雅婷 already left cohort 2015-01"),
        "{twice}"
    );

    let listed = ok(&run(d, &["roster", "--cohort", &code]));
    let notes: Vec<&str> = listed
        .lines()
        .map(|l| l.split('\t').nth(7).unwrap_or(""))
        .collect();
    assert_eq!(
        notes,
        ["", "replaced by 王新来 (工作调动)", "substitute for 李雅婷"]
    );
    let json = ok(&run(d, &["roster", "--cohort", &code, "--json"]));
    let rows: serde_json::Value = serde_json::from_str(&json).unwrap();
    let standing: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["standing"].as_str().unwrap())
        .collect();
    assert_eq!(standing, ["enrolled", "replaced", "substitute"]);
    assert_eq!(rows[1]["replaced_by"], "王新来");
    assert_eq!(rows[2]["substitute_for"], "李雅婷");
}

#[test]
fn a_make_up_is_for_a_session_missed_and_over() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (code, [zw, lyt, wxl]) = cohort(d);
    ok(&run(d, &["checkin", "--cohort", &code, "--person", &zw]));
    let makeup = |who: &str, session: &str| -> Vec<String> {
        let a = [
            "makeup",
            "--cohort",
            &code,
            "--person",
            who,
            "--session",
            session,
            "--reason",
            "观看录像",
        ];
        a.map(String::from).to_vec()
    };
    let attended = refused(d, &strs(&makeup(&zw, "1:am")), DAY2_NOON, "C");
    assert!(
        attended.contains("张伟 attended day 1 morning (checked in 08:35)"),
        "{attended}"
    );
    let zh = refused(d, &strs(&makeup(&lyt, "2:pm")), DAY2_NOON, "zh_CN.UTF-8");
    assert_eq!(
        zh,
        "lunxun: 第2天下午尚未结束（2015-03-17 17:30 结束），结束后才能登记补课\n"
    );
    let not_on = refused(d, &strs(&makeup(&wxl, "1:am")), DAY2_NOON, "C");
    assert!(not_on.contains("not on the roster"), "{not_on}");
    let no_session = refused(d, &strs(&makeup(&lyt, "9:am")), DAY2_NOON, "C");
    assert!(no_session.contains("has no session '9:am'"), "{no_session}");

    let out = ok(&run_at(d, &strs(&makeup(&lyt, "1:am")), DAY2_NOON, "C"));
    assert!(
        out.starts_with("✓ make-up recorded for 李雅婷, day 1 morning: 观看录像"),
        "{out}"
    );
    let (_, changes) = written(d);
    assert!(matches!(&changes[..], [Change::MakeUp { session, .. }] if session.code() == "1:am"));
    let twice = refused(d, &strs(&makeup(&lyt, "1:am")), DAY2_NOON, "C");
    assert!(
        twice.contains("already has a make-up for day 1 morning (观看录像)"),
        "{twice}"
    );
}

#[test]
fn enrol_puts_people_on_and_back_and_undo_takes_changes_back() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (code, [zw, lyt, wxl]) = cohort(d);
    let enrol = ["enrol", "--cohort", &code, "--person", &wxl];
    let out = ok(&run(d, &enrol));
    assert!(
        out.starts_with("✓ 王新来 added to the roster of cohort 2015-01"),
        "{out}"
    );
    let enrolled = last_line(&out);
    let (seq, _) = written(d);
    let again = ok(&run(d, &enrol));
    assert_eq!(
        again,
        "= 王新来 is already on the roster of cohort 2015-01; nothing recorded\n"
    );
    assert_eq!(written(d).0, seq);

    // Undoing the enrolment takes them off the roster again.
    let out = ok(&run(d, &["change", "undo", &enrolled]));
    assert!(
        out.starts_with(&format!(
            "✓ change {enrolled} undone: 王新来 enrolled in cohort 2015-01"
        )),
        "{out}"
    );
    let people = |d: &Path| Store::open(d).unwrap().roster(&code).unwrap().len();
    assert_eq!(people(d), 2);
    let twice = refused(d, &["change", "undo", &enrolled], NOW, "C");
    assert!(twice.contains("already undone"), "{twice}");
    let unknown = refused(d, &["change", "undo", "01NOPE"], NOW, "C");
    assert!(unknown.contains("no change with id '01NOPE'"), "{unknown}");

    // A withdrawal undone: they check in again.
    let out = ok(&run(
        d,
        &[
            "unenrol", "--cohort", &code, "--person", &zw, "--reason", "病假",
        ],
    ));
    ok(&run(d, &["change", "undo", &last_line(&out)]));
    ok(&run(d, &["checkin", "--cohort", &code, "--person", &zw]));

    // Back after a withdrawal: undoing that leaves the withdrawal standing and the enrolment.
    ok(&run(
        d,
        &[
            "unenrol", "--cohort", &code, "--person", &lyt, "--reason", "病假",
        ],
    ));
    let back = ok(&run(d, &["enrol", "--cohort", &code, "--person", &lyt]));
    assert!(
        back.starts_with("✓ 李雅婷 is back on the roster of cohort 2015-01 (before: 病假)"),
        "{back}"
    );
    ok(&run(d, &["checkin", "--cohort", &code, "--person", &lyt]));
    ok(&run(d, &["change", "undo", &last_line(&back)]));
    assert_eq!(people(d), 2);
    refused(
        d,
        &[
            "checkin",
            "--cohort",
            &code,
            "--person",
            &lyt,
            "--session",
            "1:pm",
        ],
        NOW,
        "C",
    );

    // A substitute with check-ins stays: undoing the substitution is refused.
    let sub = [
        "substitute",
        "--cohort",
        &code,
        "--out",
        &zw,
        "--in",
        &wxl,
        "--reason",
        "调动",
    ];
    let sub_id = last_line(&ok(&run(d, &sub)));
    ok(&run(d, &["checkin", "--cohort", &code, "--person", &wxl]));
    let kept = refused(d, &["change", "undo", &sub_id], NOW, "C");
    assert!(
        kept.contains("王新来 already has check-ins in cohort 2015-01"),
        "{kept}"
    );

    // A closed cohort's roster does not change.
    ok(&run(d, &["cohort", "close", "--cohort", &code]));
    let closed = refused(d, &["enrol", "--cohort", &code, "--person", &wxl], NOW, "C");
    assert!(
        closed.contains("lunxun cohort reopen --cohort 2015-01"),
        "{closed}"
    );
}

#[test]
fn undoing_a_substitution_without_check_ins_takes_the_substitute_off() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (code, [zw, _, wxl]) = cohort(d);
    let sub = [
        "substitute",
        "--cohort",
        &code,
        "--out",
        &zw,
        "--in",
        &wxl,
        "--reason",
        "调动",
    ];
    let id = last_line(&ok(&run(d, &sub)));
    let out = ok(&run(d, &["change", "undo", &id]));
    assert!(
        out.contains("王新来 replacing 张伟 in cohort 2015-01"),
        "{out}"
    );
    let store = Store::open(d).unwrap();
    let names: Vec<String> = store
        .roster(&code)
        .unwrap()
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(names, ["张伟", "李雅婷"]);
    assert_eq!(store.enrolment_counts().unwrap()[&code], 2);
    drop(store);
    ok(&run(d, &["checkin", "--cohort", &code, "--person", &zw]));
}
