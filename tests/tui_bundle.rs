//! The desk's bundle screen (数据包): exporting a bundle, merging one (a dry run, then
//! the merge once confirmed, then the desk reads everything again), naming this desk.
//! Driven by key events on real temporary stores with a fixed clock, rendered into
//! ratatui's test backend; and once end to end, in a pseudo-terminal.

use lunxun::store::Store;
use lunxun::text::Lang;
use lunxun::tui::{App, Overlay, ScreenId};
use ratatui::crossterm::event::KeyCode;

mod common;
use common::app::{ctrl, notice, press, screen, type_text};

/// Day 2 of the demo cohort, 08:35.
const NOW: &str = "2015-03-16T08:35:00+08:00";
/// The demo cohort in progress.
const DEMO: &str = "2015-02";

fn demo_app(dir: &std::path::Path, lang: Lang) -> App {
    common::app::demo(dir, NOW, lang)
}

/// The bundle screen, from the dashboard.
fn bundles(app: &mut App) {
    press(app, KeyCode::F(6));
    press(app, KeyCode::Char('b'));
    assert_eq!(app.screen, ScreenId::Bundle);
}

/// Replaces the focused form field's text with `text`.
fn retype(app: &mut App, text: &str) {
    ctrl(app, 'u');
    type_text(app, text);
}

/// The export form filled in: scope as offered (this cohort), `file`, `passphrase`
/// typed twice (or left empty).
fn export(app: &mut App, file: &std::path::Path, passphrase: &str) {
    press(app, KeyCode::Char('e'));
    press(app, KeyCode::Tab);
    retype(app, file.to_str().unwrap());
    press(app, KeyCode::Tab);
    type_text(app, passphrase);
    press(app, KeyCode::Tab);
    type_text(app, passphrase);
    press(app, KeyCode::Enter);
}

#[test]
fn the_bundle_screen_is_reached_from_the_dashboard_and_the_sessions_and_left_with_esc() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo_app(dir.path(), Lang::En);
    bundles(&mut app);
    let shown = screen(&app, 100, 30);
    assert!(shown.contains("this desk: desk-"), "{shown}");
    assert!(shown.contains("export a bundle"), "{shown}");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen, ScreenId::Dashboard);
    press(&mut app, KeyCode::F(4));
    press(&mut app, KeyCode::Char('b'));
    assert_eq!(app.screen, ScreenId::Bundle);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen, ScreenId::Sessions);
}

#[test]
fn naming_this_desk_is_stored_and_shown() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo_app(dir.path(), Lang::Zh);
    bundles(&mut app);
    press(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "2号台");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.overlay, None);
    assert!(
        notice(&app).contains("本台已命名为 2号台"),
        "{}",
        notice(&app)
    );
    assert!(screen(&app, 100, 30).contains("本台：2号台"));
    drop(app);
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.desk_name().unwrap().as_deref(), Some("2号台"));
}

#[test]
fn an_export_writes_the_cohort_and_says_what_it_holds() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut app = demo_app(&data, Lang::Zh);
    bundles(&mut app);
    let file = dir.path().join("一号台.lxb");
    export(&mut app, &file, "");
    assert_eq!(app.overlay, None, "{}", screen(&app, 100, 30));
    assert!(file.exists());
    let said = notice(&app);
    assert!(said.contains("已导出数据包"), "{said}");
    assert!(said.contains("1 个班次"), "{said}");
    let shown = screen(&app, 100, 30);
    assert!(shown.contains("内含完整身份证号"), "{shown}");
}

#[test]
fn a_passphrase_is_never_drawn_and_must_be_typed_the_same_twice() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo_app(&dir.path().join("data"), Lang::En);
    bundles(&mut app);
    let file = dir.path().join("b.lxb");
    press(&mut app, KeyCode::Char('e'));
    let offered = screen(&app, 100, 30);
    assert!(
        offered.contains(&format!("this cohort {DEMO}")),
        "{offered}"
    );
    press(&mut app, KeyCode::Tab);
    retype(&mut app, file.to_str().unwrap());
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "plum-blossom");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "plum-blosom");
    let shown = screen(&app, 100, 30);
    assert!(!shown.contains("plum"), "{shown}");
    assert!(shown.contains("************"), "{shown}");
    press(&mut app, KeyCode::Enter);
    let Some(Overlay::Form(_, form)) = &app.overlay else {
        panic!("the form stays open: {}", screen(&app, 100, 30));
    };
    assert_eq!(form.error.as_deref(), Some("the two passphrases differ"));
    assert!(!file.exists());
}
