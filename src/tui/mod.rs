//! The check-in desk in the terminal. `main` builds the [`App`] (every fallible
//! step, before raw mode); [`run`] owns the terminal until the user quits or a
//! signal arrives, and always restores it.

mod action;
mod app;
mod desk;
mod keymap;
mod overlay;
mod screens;
mod signals;
mod text;
mod theme;
mod views;
mod widgets;

use std::time::Duration;

use ratatui::crossterm::event::{self, Event};

pub use action::Action;
pub use app::{App, Notice, NoticeKind, Overlay};
pub use desk::SearchScope;
pub use keymap::{BINDINGS, Scope, resolve};
pub use screens::ScreenId;
pub use text::T;
pub use views::render;

/// How the desk ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// The user quit.
    Quit,
    /// SIGTERM or SIGHUP: the conventional exit code is 128 + the signal number.
    Signal(i32),
}

/// Runs the desk until the user quits or a termination signal arrives. The terminal is
/// restored on every path, including a panic (ratatui's hook).
pub fn run(mut app: App) -> std::io::Result<Exit> {
    signals::install();
    let mut terminal = ratatui::init();
    let result = event_loop(&mut app, &mut terminal);
    ratatui::restore();
    if let Ok(Exit::Quit) = result
        && let Err(e) = crate::io::backup::automatic(&app.store, app.now())
    {
        eprintln!("lunxun: {e}");
    }
    result
}

fn event_loop(app: &mut App, terminal: &mut ratatui::DefaultTerminal) -> std::io::Result<Exit> {
    let mut dirty = true;
    let mut minute = app.now().format("%H:%M").to_string();
    loop {
        if let Some(signal) = signals::received() {
            return Ok(Exit::Signal(signal));
        }
        if app.quit {
            return Ok(Exit::Quit);
        }
        if dirty {
            terminal.draw(|frame| views::render(app, frame))?;
        }
        if event::poll(Duration::from_millis(250))? {
            dirty = match event::read()? {
                Event::Key(key) => {
                    panic_if_test_asks();
                    app.on_key(key)
                }
                Event::Paste(text) => {
                    app.on_paste(&text);
                    true
                }
                Event::Resize(..) => true,
                _ => false,
            };
        } else {
            let now = app.now().format("%H:%M").to_string();
            dirty = now != minute;
            minute = now;
        }
    }
}

/// Debug builds only (the test suite): with `LUNXUN_TEST_PANIC=1` the first key press
/// panics, to prove a panic restores the terminal (tests/pty.rs).
fn panic_if_test_asks() {
    if cfg!(debug_assertions) && std::env::var_os("LUNXUN_TEST_PANIC").is_some_and(|v| v == "1") {
        panic!("LUNXUN_TEST_PANIC: the desk panicked on purpose");
    }
}
