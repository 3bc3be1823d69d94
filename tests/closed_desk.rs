//! A closed cohort or session refuses writes at the desk: every write key shows why
//! (for a session, how to reopen it) and nothing reaches the store. Keys are fed to the
//! app on a real temporary store with a fixed clock, as tests/tui.rs does.

use std::path::Path;

use chrono::{DateTime, FixedOffset};
use lunxun::domain::{ActivityDetails, Cohort, Method, Session, SlotKind};
use lunxun::store::{ActivityOutcome, ActivityRequest, Batch, Store};
use lunxun::text::Lang;
use lunxun::tui::{App, Overlay, ScreenId};
use ratatui::crossterm::event::KeyCode;

mod common;
use common::app::{ctrl, notice, press, type_text};

/// Day 1, 08:35: the morning session, within the grace period.
const NOW: &str = "2015-03-16T08:35:00+08:00";
const CODE: &str = "2015-01";

fn now() -> DateTime<FixedOffset> {
    common::fixtures::at(NOW)
}

fn am1() -> Session {
    Session::new(1, SlotKind::Am)
}

fn cohort() -> Cohort {
    common::fixtures::cohort(CODE)
}

/// Three people enrolled (李雅婷, 张伟, 王芳), 赵强 in the register only, and a lecture
/// planned for 1:am; the desk opened on it.
fn app(dir: &Path, lang: Lang) -> App {
    let store = Store::open(dir).unwrap();
    let mut batch = Batch::default();
    Store::stage_cohort(&mut batch, &cohort());
    for (i, name) in ["李雅婷", "张伟", "王芳", "赵强"].iter().enumerate() {
        let mut person = common::fixtures::person(&format!("p{i}"), name);
        person.unit = "新开村".into();
        Store::stage_person(&mut batch, &person);
        if i < 3 {
            Store::stage_enrolment(&mut batch, CODE, &person.id, now(), false);
        }
    }
    store.commit(batch).unwrap();
    plan_lecture(&store);
    App::new(store, common::app::clock(NOW), lang).unwrap()
}

fn plan_lecture(store: &Store) {
    let request = ActivityRequest {
        cohort: &cohort(),
        at: now(),
        by: None,
        catalogue: None,
    };
    let details = ActivityDetails {
        session: am1(),
        method: Method::Lecture,
        title: "学习党章".into(),
        lecturer: String::new(),
        role: String::new(),
        modules: vec![1],
        minutes: None,
        class_hours: None,
        base: None,
        notes: String::new(),
    };
    let outcome = store.add_activity(&request, details, true).unwrap();
    assert!(
        matches!(outcome, ActivityOutcome::Recorded(_)),
        "{outcome:?}"
    );
}

/// What the store holds once the app is gone: attendance events, roster, register,
/// teaching-log events, and whether the cohort is open.
#[derive(Debug, PartialEq)]
struct Records {
    events: usize,
    enrolled: usize,
    people: usize,
    activity_events: usize,
    cohort_open: bool,
}

fn records(dir: &Path) -> Records {
    let store = Store::open(dir).unwrap();
    Records {
        events: store.events(CODE).unwrap().len(),
        enrolled: store.enrolments(CODE).unwrap().len(),
        people: store.people().unwrap().len(),
        activity_events: store.activity_events(CODE).unwrap().len(),
        cohort_open: store.cohort(CODE).unwrap().unwrap().open,
    }
}

/// Searches (in the roster, or the register when `register`) and presses `key`.
fn search_then(app: &mut App, query: &str, register: bool, key: impl Fn(&mut App)) {
    press(app, KeyCode::F(2));
    ctrl(app, 'u');
    if register != (app.checkin.scope == lunxun::tui::SearchScope::Register) {
        ctrl(app, 'r');
    }
    type_text(app, query);
    key(app);
}

/// A key press (or several) fed to the app.
type Key = dyn Fn(&mut App);

/// Every attendance key on the check-in screen shows `why`, and none opens a form.
fn attendance_keys_refused(app: &mut App, why: &str) {
    let enter = |app: &mut App| press(app, KeyCode::Enter);
    let keys: [(&str, bool, &Key); 5] = [
        ("zw", false, &enter),
        ("zq", true, &enter),
        ("wf", false, &|app| ctrl(app, 'l')),
        ("", false, &|app| ctrl(app, 'a')),
        ("", false, &|app| ctrl(app, 'z')),
    ];
    for (query, register, key) in keys {
        app.notice = None;
        search_then(app, query, register, key);
        assert_eq!(notice(app), why, "{query} {register}");
        assert_eq!(app.overlay, None, "no form opens");
    }
}

fn check_in_lyt(app: &mut App) {
    search_then(app, "lyt", false, |app| press(app, KeyCode::Enter));
    assert!(notice(app).starts_with("✓ 李雅婷"), "{}", notice(app));
}

#[test]
fn a_closed_session_refuses_enter_leave_walk_in_and_undo_until_reopened() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut app = app(dir.path(), Lang::En);
        check_in_lyt(&mut app);
        press(&mut app, KeyCode::F(4));
        press(&mut app, KeyCode::Char('x'));
        assert!(matches!(app.overlay, Some(Overlay::Confirm(..))));
        press(&mut app, KeyCode::Char('y'));
        assert_eq!(notice(&app), "session day 1 morning closed");

        let how = "day 1 morning is closed; nothing recorded. To correct it, reopen it with o \
                   on the sessions screen (F4)";
        attendance_keys_refused(&mut app, how);
        let desk = app.desk.as_ref().unwrap();
        assert_eq!(desk.undo_stack.len(), 1, "the refused undo stays undoable");
        assert_eq!(desk.enrolled.len(), 3, "赵强 not enrolled");

        press(&mut app, KeyCode::F(4));
        press(&mut app, KeyCode::Char('o'));
        assert_eq!(
            notice(&app),
            "session day 1 morning reopened: its attendance can be corrected"
        );
        press(&mut app, KeyCode::Char('o'));
        assert_eq!(
            notice(&app),
            "session day 1 morning is not closed; nothing to reopen"
        );
        press(&mut app, KeyCode::F(2));
        ctrl(&mut app, 'z');
        assert!(
            notice(&app).starts_with("↶ undone: 李雅婷"),
            "{}",
            notice(&app)
        );
    }
    let expected = Records {
        events: 2,
        enrolled: 3,
        people: 4,
        activity_events: 1,
        cohort_open: true,
    };
    assert_eq!(
        records(dir.path()),
        expected,
        "the check-in and its undo only"
    );
}

#[test]
fn a_closed_cohort_refuses_every_write_key() {
    let dir = tempfile::tempdir().unwrap();
    let roster = dir.path().join("roster.csv");
    std::fs::write(&roster, "姓名,单位\n钱多多,新墙镇清水村\n").unwrap();
    {
        let mut app = app(dir.path(), Lang::Zh);
        check_in_lyt(&mut app);
        press(&mut app, KeyCode::F(5));
        press(&mut app, KeyCode::Char('x'));
        press(&mut app, KeyCode::Char('y'));
        assert_eq!(notice(&app), "班次 2015-01 已结束");
        assert!(!app.desk.as_ref().unwrap().cohort.open);

        let look_up_only = "本班次已结束，只能查询；未记录任何内容";
        attendance_keys_refused(&mut app, look_up_only);
        for key in ['x', 'o'] {
            app.notice = None;
            press(&mut app, KeyCode::F(4));
            press(&mut app, KeyCode::Char(key));
            assert_eq!(notice(&app), look_up_only, "sessions {key}");
            assert_eq!(app.overlay, None);
        }
        teaching_keys_refused(&mut app);
        import_refused(&mut app, roster.to_str().unwrap(), look_up_only);
    }
    let expected = Records {
        events: 1,
        enrolled: 3,
        people: 4,
        activity_events: 1,
        cohort_open: false,
    };
    assert_eq!(
        records(dir.path()),
        expected,
        "only the check-in before closing"
    );
}

/// `h`, and `x` then `y`, refused by the store; `n` and `e` open no form.
fn teaching_keys_refused(app: &mut App) {
    let log = "本班次已结束，只能查询；未记录任何内容";
    press(app, KeyCode::F(7));
    assert_eq!(app.screen, ScreenId::Teaching);
    assert_eq!(app.teaching.activities.len(), 1);
    press(app, KeyCode::Char('h'));
    assert!(notice(app).contains(log), "{}", notice(app));
    app.notice = None;
    press(app, KeyCode::Char('x'));
    press(app, KeyCode::Char('y'));
    assert!(notice(app).contains(log), "{}", notice(app));
    for key in ['n', 'e'] {
        app.notice = None;
        press(app, KeyCode::Char(key));
        assert_eq!(notice(app), format!("未记录：{log}"), "{key}");
        assert_eq!(app.overlay, None, "no form opens");
    }
}

/// A roster import with Ctrl-E (enrol everyone in the desk's cohort): previewed, confirmed,
/// then refused.
fn import_refused(app: &mut App, path: &str, why: &str) {
    press(app, KeyCode::F(10));
    type_text(app, path);
    ctrl(app, 'e');
    press(app, KeyCode::Enter);
    press(app, KeyCode::Enter);
    assert!(matches!(app.overlay, Some(Overlay::Confirm(..))));
    press(app, KeyCode::Char('y'));
    assert_eq!(notice(app), why);
}
