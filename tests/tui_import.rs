//! The desk's import screen while the work runs: the key only asks for it, the desk's
//! loop draws the screen saying it has begun, then runs it and redraws at each step the
//! operation reports (the same progress text as `lunxun import`).

use lunxun::store::Store;
use lunxun::text::Lang;
use lunxun::tui::{App, ScreenId};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

mod common;
use common::app::{notice, press, screen, type_text};

const NOW: &str = "2015-03-16T08:35:00+08:00";
const ROWS: usize = 2_500;

/// `code` pressed as the desk's loop takes it, then the work it asked for run: the
/// frames drawn meanwhile (on a 120×40 screen).
fn take_and_run(app: &mut App, code: KeyCode) -> Vec<String> {
    assert!(app.take_key(KeyEvent::new(code, KeyModifiers::NONE)));
    let mut frames = Vec::new();
    let mut redraw = |app: &App| frames.push(screen(app, 120, 40));
    assert!(app.run_pending(&mut redraw), "the key asked for no work");
    assert!(!app.run_pending(&mut |_| {}), "the work ran twice");
    frames
}

#[test]
fn an_import_on_the_desk_shows_it_is_running_then_ends_as_the_command_does() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut app = common::app::demo(&data, NOW, Lang::En);
    let roster = dir.path().join("roster.csv");
    let mut text = String::from("姓名,单位\n");
    for i in 0..ROWS {
        text += &format!("导入{i},第{i}村\n");
    }
    std::fs::write(&roster, text).unwrap();
    app.screen = ScreenId::Import;
    type_text(&mut app, roster.to_str().unwrap());

    let frames = take_and_run(&mut app, KeyCode::Enter);
    assert!(frames[0].contains("checking: 0 rows read"), "{}", frames[0]);
    let midway = frames
        .iter()
        .any(|f| f.contains("checking: 2000 rows read"));
    assert!(
        midway,
        "no frame showed the rows read:\n{}",
        frames.join("\n")
    );
    let preview = screen(&app, 120, 40);
    assert!(!preview.contains("checking:"), "{preview}");

    press(&mut app, KeyCode::Enter);
    let frames = take_and_run(&mut app, KeyCode::Char('y'));
    assert!(frames[0].contains(&format!("writing: 0/{ROWS} records")));
    let written = format!("writing: {ROWS}/{ROWS} records");
    assert!(
        frames.iter().any(|f| f.contains(&written)),
        "{}",
        frames.join("\n")
    );
    assert!(notice(&app).contains(&ROWS.to_string()), "{}", notice(&app));
    drop(app);
    let store = Store::open(&data).unwrap();
    let imported = store
        .people()
        .unwrap()
        .iter()
        .filter(|p| p.name.starts_with("导入"))
        .count();
    assert_eq!(imported, ROWS);
}
