//! Someone not on a cohort's roster: `lunxun checkin` refuses them with the message
//! both front-ends take from the catalogue, `--walk-in` enrols and checks them in as the
//! desk's Enter does, and a walk-in's bad details are refused at the desk with the
//! command line's message.

use std::path::Path;
use std::process::Output;

use chrono::DateTime;
use lunxun::clock::Clock;
use lunxun::domain::{CheckInStatus, Session, SlotKind};
use lunxun::ops::checkin::NotOnRoster;
use lunxun::store::Store;
use lunxun::text::Lang;
use lunxun::tui::{App, Overlay};
use ratatui::crossterm::event::KeyCode;

mod common;
use common::app::{ctrl, notice, press, type_text};
use common::{last_line, ok};

/// Monday of the cohort's first day, 08:41: the morning session, past the grace period.
const NOW: &str = "2015-03-16T08:41:00+08:00";

fn lunxun(dir: &Path, args: &[&str], lang: &str) -> Output {
    common::lunxun_at(dir, args, lang, NOW)
}

/// A cohort and one person in the register, not on its roster: (cohort, person id).
fn cohort_and_stranger(dir: &Path) -> (String, String) {
    let code = last_line(&ok(&lunxun(dir, &common::cohort_new("第1期", "2"), "C")));
    let add = common::person_add("王新来", "新墙镇清水村");
    (code, last_line(&ok(&lunxun(dir, &add, "C"))))
}

fn am1() -> Session {
    Session::new(1, SlotKind::Am)
}

/// The stored enrolment's walk-in flag and the person's status in the morning session.
fn stored(dir: &Path, code: &str) -> (Vec<bool>, Option<CheckInStatus>) {
    let store = Store::open(dir).unwrap();
    let enrolments = store.enrolments(code).unwrap();
    let flags = enrolments.iter().map(|e| e.walk_in).collect();
    let status = enrolments.first().and_then(|e| {
        let status = store.status(code, &e.person, am1()).unwrap();
        status.map(|s| s.status)
    });
    (flags, status)
}

fn desk(dir: &Path, lang: Lang) -> App {
    let clock = Clock::Fixed(DateTime::parse_from_rfc3339(NOW).unwrap());
    App::new(Store::open(dir).unwrap(), clock, lang).unwrap()
}

#[test]
fn checkin_without_walk_in_refuses_with_the_shared_message_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (code, id) = cohort_and_stranger(dir.path());
    let args = ["checkin", "--cohort", &code, "--person", &id];
    for (locale, lang) in [("C", Lang::En), ("zh_CN.UTF-8", Lang::Zh)] {
        let out = lunxun(dir.path(), &args, locale);
        assert_eq!(out.status.code(), Some(2), "a refusal exits 2");
        let shared = NotOnRoster {
            name: "王新来".into(),
            cohort: code.clone(),
            left: None,
        };
        let expected = format!("lunxun: {}\n", shared.message(lang));
        assert_eq!(common::stderr_past_clock_warning(&out), expected);
    }
    assert_eq!(stored(dir.path(), &code), (vec![], None), "nothing written");
}

#[test]
fn checkin_walk_in_enrols_and_checks_in_as_the_desks_enter_does() {
    let cli = tempfile::tempdir().unwrap();
    let (code, id) = cohort_and_stranger(cli.path());
    let args = ["checkin", "--cohort", &code, "--person", &id, "--walk-in"];
    let out = ok(&lunxun(cli.path(), &args, "C"));
    assert_eq!(
        out,
        "✓ 王新来 · 新墙镇清水村 · 1:am 08:41 late (walk-in, enrolled)\n"
    );

    let at_desk = tempfile::tempdir().unwrap();
    cohort_and_stranger(at_desk.path());
    {
        let mut app = desk(at_desk.path(), Lang::En);
        ctrl(&mut app, 'r');
        type_text(&mut app, "wangxinlai");
        press(&mut app, KeyCode::Enter);
        assert!(notice(&app).starts_with("✓ 王新来"), "{}", notice(&app));
    }
    let desk_made = stored(at_desk.path(), &code);
    assert_eq!(desk_made, (vec![true], Some(CheckInStatus::Late)));
    assert_eq!(stored(cli.path(), &code), desk_made);
}

#[test]
fn a_walk_ins_bad_phone_is_refused_at_the_desk_with_the_command_lines_message() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _) = cohort_and_stranger(dir.path());
    let add = [
        "person",
        "add",
        "--name",
        "赵六",
        "--unit",
        "城关镇",
        "--phone",
        "12ab",
        "--cohort",
        &code,
    ];
    let out = lunxun(dir.path(), &add, "zh_CN.UTF-8");
    assert_eq!(out.status.code(), Some(2));
    let cli_says = common::stderr_past_clock_warning(&out);

    let mut app = desk(dir.path(), Lang::Zh);
    ctrl(&mut app, 'a');
    type_text(&mut app, "赵六");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "城关镇");
    for _ in 0..4 {
        press(&mut app, KeyCode::Tab);
    }
    type_text(&mut app, "12ab");
    press(&mut app, KeyCode::Enter);
    let Some(Overlay::Form(_, form)) = &app.overlay else {
        panic!("the form closed on a bad phone")
    };
    let desk_says = form.error.clone().unwrap_or_default();
    assert_eq!(cli_says, format!("lunxun: {desk_says}\n"));
    assert!(desk_says.contains("电话号码"), "{desk_says}");
    drop(app);
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.people().unwrap().len(), 1, "nobody added");
}
