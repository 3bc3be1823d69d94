//! One operation under both front-ends: the desk's new-cohort form refuses bad input
//! with the command line's very message, and `lunxun cohort close|reopen` do what the
//! desk's keys do, written once.

use std::path::Path;
use std::process::Output;

use chrono::DateTime;
use lunxun::clock::Clock;
use lunxun::store::Store;
use lunxun::text::Lang;
use lunxun::tui::{App, Overlay};
use ratatui::crossterm::event::KeyCode;

mod common;
use common::app::{ctrl, press, type_text};
use common::{cohort_new, lunxun_at, ok};

const NOW: &str = "2015-03-16T08:35:00+08:00";
const CODE: &str = "2015-01";

fn run(dir: &Path, args: &[&str], lang: &str) -> Output {
    lunxun_at(dir, args, lang, NOW)
}

/// The refusal a command printed: exit 2, nothing on stdout, the message on stderr.
fn refusal(out: &Output) -> String {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(out.stdout.is_empty());
    let line = err.lines().rev().find_map(|l| l.strip_prefix("lunxun: "));
    line.expect("an error line").to_string()
}

/// Opens the new-cohort form on the cohorts screen, fills it (name, start, days,
/// slots), presses Enter and returns the error the form shows, if it stayed open.
fn desk_form(app: &mut App, values: [&str; 4]) -> Option<String> {
    press(app, KeyCode::F(5));
    press(app, KeyCode::Char('n'));
    for (i, value) in values.iter().enumerate() {
        if i > 0 {
            press(app, KeyCode::Tab);
        }
        ctrl(app, 'u');
        type_text(app, value);
    }
    press(app, KeyCode::Enter);
    match app.overlay.take() {
        Some(Overlay::Form(_, form)) => form.error,
        _ => None,
    }
}

#[test]
fn the_desk_refuses_a_bad_cohort_form_with_the_command_line_s_message() {
    for (lang, locale) in [(Lang::Zh, "zh_CN.UTF-8"), (Lang::En, "C")] {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        ok(&run(d, &cohort_new("第1期", "2"), locale));
        let cases: [([&str; 4], &[&str]); 4] = [
            (
                ["第2期", "2015-03-23", "4", "am,noon"],
                &["--slots", "am,noon"],
            ),
            (["第2期", "2015-03-23", "61", "am,pm"], &["--days", "61"]),
            (
                ["第2期", "2015-02-30", "4", "am,pm"],
                &["--start", "2015-02-30"],
            ),
            (["", "2015-03-23", "4", "am,pm"], &["--name", " "]),
        ];
        for (form, flags) in cases {
            // Each flag given once: the bad one replaces the good default.
            let mut args = vec!["cohort", "new"];
            let defaults = [
                ("--name", "第2期"),
                ("--start", "2015-03-23"),
                ("--days", "4"),
            ];
            for (flag, value) in defaults {
                if !flags.contains(&flag) {
                    args.extend([flag, value]);
                }
            }
            args.extend(flags);
            let cli = refusal(&run(d, &args, locale));
            let store = Store::open(d).unwrap();
            let clock = Clock::Fixed(DateTime::parse_from_rfc3339(NOW).unwrap());
            let mut app = App::new(store, clock, lang).unwrap();
            let desk = desk_form(&mut app, form);
            assert_eq!(desk.as_deref(), Some(cli.as_str()), "{lang:?} {flags:?}");
            drop(app);
            let cohorts = Store::open(d).unwrap().cohorts().unwrap();
            assert_eq!(cohorts.len(), 1, "nothing written for {flags:?}");
        }
    }
}

#[test]
fn the_desk_s_cohort_form_says_it_in_chinese_on_a_chinese_desk() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(&run(d, &cohort_new("第1期", "2"), "C"));
    let store = Store::open(d).unwrap();
    let clock = Clock::Fixed(DateTime::parse_from_rfc3339(NOW).unwrap());
    let mut app = App::new(store, clock, Lang::Zh).unwrap();
    let error = desk_form(&mut app, ["", "2015-03-23", "4", "am,pm"]);
    assert_eq!(error.as_deref(), Some("班次名称为空"));
    let error = desk_form(&mut app, ["第2期", "2015-03-23", "4", "am,noon"]);
    let error = error.unwrap();
    assert!(error.starts_with("时段“noon”无效"), "{error}");
}

#[test]
fn a_cohort_is_closed_and_reopened_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut new = cohort_new("第1期", "2");
    new.extend(["--code", CODE]);
    ok(&run(d, &new, "C"));
    let session = ["session", "close", "--cohort", CODE, "--session", "1:am"];
    ok(&run(d, &session, "C"));
    let close = ["cohort", "close", "--cohort", CODE];
    let reopen = ["cohort", "reopen", "--cohort", CODE];
    ok(&run(d, &close, "C"));
    let add = ["person", "add", "--name", "李雅婷", "--cohort", CODE];
    let refused = refusal(&run(d, &add, "C"));
    assert_eq!(
        refused,
        "this cohort is closed: look-up only; nothing recorded"
    );

    let said = ok(&run(d, &reopen, "C"));
    assert_eq!(
        said,
        "✓ cohort 2015-01 reopened: its records can be corrected; closed sessions stay \
         closed until each is reopened\n"
    );
    let stored = Store::open(d).unwrap().cohort(CODE).unwrap().unwrap();
    assert!(stored.open, "written");
    assert!(stored.is_closed(lunxun::domain::Session::new(
        1,
        lunxun::domain::SlotKind::Am
    )));
    let again = ok(&run(d, &reopen, "zh_CN.UTF-8"));
    assert_eq!(again, "= 班次 2015-01 没有结束，无需重新开放\n");
    ok(&run(d, &add, "C"));
    let mut village = cohort_new("第2期", "2");
    village.extend(["--level", "village"]);
    let refused = refusal(&run(d, &village, "C"));
    assert_eq!(refused, "bad level 'village': use province, city or county");
    let unknown = ["cohort", "reopen", "--cohort", "1999-01"];
    assert!(refusal(&run(d, &unknown, "C")).starts_with("unknown cohort '1999-01'"));
}

/// Opens the new-base form, types a name and an accreditation date (the level is the
/// first offered, city), presses Enter and returns the error the form shows.
fn desk_base_form(app: &mut App, name: &str, accredited: &str) -> Option<String> {
    press(app, KeyCode::F(9));
    press(app, KeyCode::Char('n'));
    type_text(app, name);
    for _ in 0..4 {
        press(app, KeyCode::Tab);
    }
    type_text(app, accredited);
    press(app, KeyCode::Enter);
    match app.overlay.take() {
        Some(Overlay::Form(_, form)) => form.error,
        _ => None,
    }
}

#[test]
fn the_desk_refuses_a_bad_base_form_with_the_command_line_s_message() {
    for (lang, locale) in [(Lang::Zh, "zh_CN.UTF-8"), (Lang::En, "C")] {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        ok(&run(d, &cohort_new("第1期", "2"), locale));
        let add = ["base", "add", "--name", "新开村", "--kind", "village"];
        ok(&run(d, &add, locale));
        let cases = [("新开村", ""), ("清水村", "2015-13-01")];
        for (name, date) in cases {
            let mut args = vec!["base", "add", "--name", name, "--kind", "village"];
            if !date.is_empty() {
                args.extend(["--accredited", date, "--level", "city"]);
            }
            let cli = refusal(&run(d, &args, locale));
            let store = Store::open(d).unwrap();
            let clock = Clock::Fixed(DateTime::parse_from_rfc3339(NOW).unwrap());
            let mut app = App::new(store, clock, lang).unwrap();
            let desk = desk_base_form(&mut app, name, date);
            assert_eq!(
                desk.as_deref(),
                Some(cli.as_str()),
                "{lang:?} {name} {date}"
            );
            drop(app);
            assert_eq!(Store::open(d).unwrap().bases().unwrap().len(), 1);
        }
    }
}
