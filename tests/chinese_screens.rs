//! Nothing English on a Chinese desk: every screen and every overlay of the demo desk,
//! drawn in Chinese, shows no run of three or more ASCII letters except the names of
//! keys and of file formats, which the Chinese text uses as they are on the keyboard.

use lunxun::text::Lang;
use lunxun::tui::{App, Overlay, ScreenId};
use ratatui::crossterm::event::KeyCode;

mod common;
use common::app::{ctrl, press, type_text};

/// Day 2 of the demo cohort, five minutes into the morning session.
const NOW: &str = "2031-05-20T08:35:00+08:00";

/// Words a Chinese screen may show in Latin letters: the catalogue's own list.
const ALLOWED: &[&str] = lunxun::text::LATIN_IN_CHINESE;

/// The runs of 3+ ASCII letters in `text` that are not (the start of) a word in
/// [`ALLOWED`].
fn english_in(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut run = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_alphabetic() {
            run.push(c);
            continue;
        }
        // A narrow screen cuts words: a cut allowed word is allowed.
        if run.len() >= 3 && !ALLOWED.iter().any(|w| w.starts_with(run.as_str())) {
            found.push(run.clone());
        }
        run.clear();
    }
    found
}

/// Draws the desk and fails with the screen if it shows English.
fn check(app: &App, what: &str, strip: &str) {
    for (width, height) in [(120, 40), (80, 24)] {
        let screen = common::app::screen(app, width, height);
        let screen = if strip.is_empty() {
            screen
        } else {
            screen.replace(strip, "")
        };
        let english = english_in(&screen);
        assert!(
            english.is_empty(),
            "{what} at {width}×{height} shows English {english:?}:\n{screen}"
        );
    }
}

/// Opens an overlay with `keys`, checks it, and closes it with Esc.
fn check_overlay(app: &mut App, what: &str, keys: impl FnOnce(&mut App)) {
    keys(app);
    assert!(app.overlay.is_some(), "{what}: no overlay opened");
    check(app, what, "");
    press(app, KeyCode::Esc);
    app.overlay = None;
    app.notice = None;
}

#[test]
fn the_english_check_finds_english_and_allows_key_names() {
    assert_eq!(english_in("按 Enter 签到，Esc 清空"), Vec::<String>::new());
    assert_eq!(
        english_in("导入 CSV 或 xlsx 文件 F10"),
        Vec::<String>::new()
    );
    assert_eq!(english_in("第1天 am 签到"), Vec::<String>::new());
    assert_eq!(english_in("性别：female"), vec!["female"]);
    assert_eq!(english_in("day 1 morning"), vec!["day", "morning"]);
}

#[test]
fn the_welcome_screen_is_all_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = common::app::open(dir.path(), NOW, Lang::Zh);
    assert!(app.welcome);
    check(&app, "welcome", "");
    check_overlay(&mut app, "welcome: new cohort", |app| {
        press(app, KeyCode::Char('n'))
    });
}

#[test]
fn every_screen_and_overlay_of_the_demo_is_all_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = common::app::demo(dir.path(), NOW, Lang::Zh);
    for (key, screen) in (2..=10).zip(ScreenId::ALL) {
        press(&mut app, KeyCode::F(key));
        assert_eq!(app.screen, screen);
        check(&app, &format!("{screen:?}"), "");
        check_overlay(&mut app, &format!("{screen:?}: help"), |app| {
            press(app, KeyCode::F(1))
        });
        assert_eq!(app.overlay, None);
    }

    press(&mut app, KeyCode::F(2));
    check_overlay(&mut app, "check-in: walk-in", |app| ctrl(app, 'a'));
    type_text(&mut app, "l");
    check(&app, "check-in: search", "");
    check_overlay(&mut app, "check-in: leave", |app| ctrl(app, 'l'));
    ctrl(&mut app, 'r');
    check(&app, "check-in: the whole register", "");
    ctrl(&mut app, 'u');

    press(&mut app, KeyCode::F(3));
    type_text(&mut app, "l");
    // The person code is letters and digits in every language (人员编码).
    let desk = app.desk.as_ref().unwrap();
    let selected = app.lookup.selected_person(desk).unwrap();
    let code = lunxun::domain::person_code::PersonCode::of(&selected.id).to_string();
    check(&app, "lookup: a person", &code);

    press(&mut app, KeyCode::F(4));
    check_overlay(&mut app, "sessions: close", |app| {
        press(app, KeyCode::Char('x'))
    });

    press(&mut app, KeyCode::F(5));
    check_overlay(&mut app, "cohorts: new", |app| {
        press(app, KeyCode::Char('n'))
    });
    check_overlay(&mut app, "cohorts: close", |app| {
        press(app, KeyCode::Char('x'))
    });

    press(&mut app, KeyCode::F(6));
    press(&mut app, KeyCode::Enter);
    check(&app, "dashboard: untrained", "");
    press(&mut app, KeyCode::Esc);

    press(&mut app, KeyCode::F(7));
    check_overlay(&mut app, "teaching: new", |app| {
        press(app, KeyCode::Char('n'))
    });
    check_overlay(&mut app, "teaching: edit", |app| {
        press(app, KeyCode::Char('e'))
    });
    check_overlay(&mut app, "teaching: delete", |app| {
        press(app, KeyCode::Char('x'))
    });

    press(&mut app, KeyCode::F(9));
    check_overlay(&mut app, "bases: new", |app| press(app, KeyCode::Char('n')));

    import_preview_and_question(&mut app, dir.path());
}

/// The import screen's preview of a small roster, and its question before writing.
fn import_preview_and_question(app: &mut App, dir: &std::path::Path) {
    let roster = dir.join("名单.csv");
    std::fs::write(&roster, "姓名,单位\n钱多多,新墙镇清水村\n").unwrap();
    let path = roster.to_str().unwrap();
    press(app, KeyCode::F(10));
    type_text(app, path);
    check(app, "import: path", path);
    press(app, KeyCode::Enter);
    check(app, "import: preview", path);
    // Enrolling as well asks for a new preview, then Enter asks before writing.
    ctrl(app, 'e');
    press(app, KeyCode::Enter);
    check(app, "import: preview, enrol", path);
    press(app, KeyCode::Enter);
    assert!(
        matches!(app.overlay, Some(Overlay::Confirm(..))),
        "import: no question"
    );
    check(app, "import: question", path);
}
