//! 补录 at the desk: `p` on the sessions screen opens the selected session's sheet (the
//! roster in the printed order), Space cycles a row's mark, Ctrl-S writes the whole sheet
//! in one commit as paper events. Keys are fed to the app on a real temporary store with
//! a fixed clock, as tests/closed_desk.rs does.

use std::path::Path;

use lunxun::domain::attendance::Source;
use lunxun::domain::{CheckInStatus, PersonId, Session, SlotKind};
use lunxun::store::{Batch, DeskRequest, Store};
use lunxun::text::Lang;
use lunxun::tui::{App, ScreenId};
use ratatui::crossterm::event::KeyCode;

mod common;
use common::app::{ctrl, notice, press};

/// Day 1 at noon: the morning is over, the afternoon (14:30) still to come.
const NOON: &str = "2015-03-16T12:00:00+08:00";
const CODE: &str = "2015-01";

fn am1() -> Session {
    Session::new(1, SlotKind::Am)
}

/// Four people in two counties; 张伟 checked in at the desk at 08:35.
/// Returns the folder's commit count.
fn folder(dir: &Path) -> u64 {
    let store = Store::open(dir).unwrap();
    let mut batch = Batch::default();
    Store::stage_cohort(&mut batch, &common::fixtures::cohort(CODE));
    let people = [
        ("p1", "王芳", "岳阳县"),
        ("p2", "张伟", "华容县"),
        ("p3", "李雅婷", "岳阳县"),
        ("p4", "阿依", "华容县"),
    ];
    for (id, name, county) in people {
        let mut person = common::fixtures::person(id, name);
        person.county = county.into();
        person.unit = "新开村".into();
        Store::stage_person(&mut batch, &person);
        let at = common::fixtures::at("2015-03-01T08:00:00+08:00");
        Store::stage_enrolment(&mut batch, CODE, &person.id, at, false);
    }
    store.commit(batch).unwrap();
    let request = DeskRequest {
        cohort: CODE,
        person: &PersonId("p2".into()),
        session: am1(),
        at: common::fixtures::at("2015-03-16T08:35:00+08:00"),
    };
    store
        .check_in(&request, CheckInStatus::Present, None)
        .unwrap();
    store.commit_seq()
}

/// The desk on the sessions screen with day 1 morning selected.
fn on_sessions(dir: &Path, at: &str) -> App {
    let mut app = common::app::open(dir, at, Lang::Zh);
    press(&mut app, KeyCode::F(4));
    assert_eq!(app.screen, ScreenId::Sessions);
    for _ in 0..4 {
        press(&mut app, KeyCode::Up);
    }
    app
}

fn names_on_screen(app: &App) -> Vec<String> {
    let sheet = app.paper.as_ref().expect("paper mode");
    sheet.rows.iter().map(|r| r.name.clone()).collect()
}

#[test]
fn a_sheet_entered_at_the_desk_is_one_commit_of_paper_events() {
    let dir = tempfile::tempdir().unwrap();
    let seq = folder(dir.path());
    let mut app = on_sessions(dir.path(), NOON);
    press(&mut app, KeyCode::Char('p'));
    // The printed order: 华容县 (阿依, 张伟) before 岳阳县 (李雅婷, 王芳).
    assert_eq!(names_on_screen(&app), ["阿依", "张伟", "李雅婷", "王芳"]);
    let screen = common::app::screen(&app, 100, 20);
    assert!(screen.contains("补录 · 第1期 · 第1天上午"), "{screen}");
    assert!(screen.contains("签到（已记录）"), "{screen}");

    press(&mut app, KeyCode::Char(' ')); // 阿依: present, and on to 张伟
    press(&mut app, KeyCode::Char(' ')); // 张伟 is recorded: refused, stays
    assert!(notice(&app).contains("张伟 已有记录"), "{}", notice(&app));
    press(&mut app, KeyCode::Down); // 李雅婷
    press(&mut app, KeyCode::Char(' ')); // present, on to 王芳
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Char(' ')); // 李雅婷: late
    press(&mut app, KeyCode::Char(' ')); // 王芳: present (the last row: the cursor stays)
    press(&mut app, KeyCode::Char(' ')); // 王芳 again: late
    press(&mut app, KeyCode::Char(' ')); // leave
    let screen = common::app::screen(&app, 100, 20);
    assert!(screen.contains("迟到"), "{screen}");
    press(&mut app, KeyCode::Tab);
    assert!(app.paper.is_some(), "Tab does not leave an unwritten sheet");

    ctrl(&mut app, 's');
    assert!(app.paper.is_none());
    assert!(
        notice(&app).contains("补录已写入：3 条，缺席 0 人，已有记录 1 人"),
        "{}",
        notice(&app)
    );
    let screen = common::app::screen(&app, 100, 20);
    assert!(
        screen.contains("到2 迟1 假1 未0"),
        "the counts reloaded: {screen}"
    );
    drop(app);

    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.commit_seq(), seq + 1, "one commit for the sheet");
    let events = store.events(CODE).unwrap();
    let paper: Vec<_> = events
        .iter()
        .filter(|e| e.source == Source::Paper)
        .collect();
    assert_eq!(paper.len(), 3);
    assert!(
        paper
            .iter()
            .all(|e| e.entered_at == Some(common::fixtures::at(NOON)))
    );
    let status = |id: &str| {
        store
            .status(CODE, &PersonId(id.into()), am1())
            .unwrap()
            .map(|s| s.status)
    };
    assert_eq!(status("p4"), Some(CheckInStatus::Present));
    assert_eq!(status("p3"), Some(CheckInStatus::Late));
    assert_eq!(status("p1"), Some(CheckInStatus::Leave));
    assert_eq!(status("p2"), Some(CheckInStatus::Present));
}

#[test]
fn esc_leaves_without_writing_and_a_session_to_come_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    folder(dir.path());
    let mut app = on_sessions(dir.path(), NOON);
    press(&mut app, KeyCode::Char('p'));
    press(&mut app, KeyCode::Char(' '));
    press(&mut app, KeyCode::Esc);
    assert!(app.paper.is_none());
    assert_eq!(app.screen, ScreenId::Sessions);
    press(&mut app, KeyCode::Down); // day 1 afternoon, 14:30
    press(&mut app, KeyCode::Char('p'));
    assert!(app.paper.is_none());
    assert!(notice(&app).contains("还没开始"), "{}", notice(&app));
    drop(app);
    let store = Store::open(dir.path()).unwrap();
    let events = store.events(CODE).unwrap();
    assert_eq!(events.len(), 1, "only the desk's check-in");
}

/// The real desk in a pseudo-terminal: `p`, Space, Ctrl-S, and the command line's export
/// shows the mark as paper.
#[cfg(unix)]
#[test]
fn in_a_terminal_the_sheet_is_written_and_exported_as_paper() {
    use common::desk::{Desk, command};
    use common::keys::Keys;
    let dir = tempfile::tempdir().unwrap();
    folder(dir.path());
    let mut desk = Desk::spawn(command(dir.path(), &[], "zh_CN.UTF-8", NOON));
    desk.wait_for("轮训签到台");
    desk.press(KeyCode::F(4));
    desk.wait_for("p 补录纸质签到表");
    for _ in 0..4 {
        desk.press(KeyCode::Up);
    }
    desk.send("p");
    desk.wait_for("补录 · 第1期 · 第1天上午");
    desk.send(" ");
    desk.ctrl('s');
    desk.wait_for("补录已写入：1 条，缺席 2 人，已有记录 1 人");
    desk.ctrl('q');
    assert_eq!(desk.exit_code(), 0);
    let args = ["export", "attendance", "--cohort", CODE];
    let out = common::ok(&common::lunxun_at(dir.path(), &args, "C", NOON));
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let sources: Vec<&str> = json["attendees"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["attendance"][0]["source"].as_str())
        .collect();
    assert_eq!(sources.iter().filter(|s| **s == "paper").count(), 1);
    assert_eq!(sources.iter().filter(|s| **s == "desk").count(), 1);
}
