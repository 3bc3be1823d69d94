//! The desk's [`App`] driven without a terminal: key events in, its notice and its
//! screen (rendered into ratatui's test backend) out.
#![allow(dead_code)]

use lunxun::tui::App;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub fn press(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

pub fn ctrl(app: &mut App, c: char) {
    app.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
}

pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// The notice line's text, empty when there is none.
pub fn notice(app: &App) -> String {
    app.notice
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_default()
}

/// The desk drawn once on a `width`×`height` test terminal.
pub fn draw(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| lunxun::tui::render(app, frame))
        .unwrap();
    terminal
}

/// The desk as text (see [`super::screen_text`]) on a `width`×`height` terminal.
pub fn screen(app: &App, width: u16, height: u16) -> String {
    super::screen_text(draw(app, width, height).backend().buffer())
}
