//! The desk's [`App`] driven without a terminal, on a fixed clock: key events in (see
//! [`super::keys`]), its notice and its screen (rendered into ratatui's test backend) out.
#![allow(dead_code)]

use std::path::Path;

use lunxun::clock::Clock;
use lunxun::store::Store;
use lunxun::text::Lang;
use lunxun::tui::App;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyEvent;

#[allow(unused_imports)] // each test binary uses some
pub use super::keys::{Keys, ctrl, press, type_text};

impl Keys for App {
    fn key(&mut self, key: KeyEvent) {
        self.on_key(key);
    }
}

/// The clock fixed at `at` (RFC 3339).
pub fn clock(at: &str) -> Clock {
    Clock::Fixed(super::fixtures::at(at))
}

/// The desk on the data folder `dir` in `lang`, its clock fixed at `at`.
pub fn open(dir: &Path, at: &str, lang: Lang) -> App {
    let mut app = App::new(Store::open(dir).unwrap(), clock(at), lang).unwrap();
    offer_bundles_inside(&mut app, dir);
    app
}

/// The bundle screen offers a first bundle in a folder inside `dir` that is never made,
/// so random keys (the monkey) exporting with the offered path write nothing outside
/// the test's folder (nothing at all: the folder is missing).
fn offer_bundles_inside(app: &mut App, dir: &Path) {
    app.bundle.home = Some(dir.join("no-bundles-here"));
}

/// The desk on `dir` in `lang` after the demo was installed there at `at`, the clock
/// fixed at `at`.
pub fn demo(dir: &Path, at: &str, lang: Lang) -> App {
    let store = Store::open(dir).unwrap();
    lunxun::demo::install(&store, clock(at).now()).unwrap();
    let mut app = App::new(store, clock(at), lang).unwrap();
    offer_bundles_inside(&mut app, dir);
    app
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
