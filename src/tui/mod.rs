//! The check-in desk in the terminal. `main` builds the [`App`] (every fallible
//! step, before raw mode); [`run`] owns the terminal until the user quits or a
//! signal arrives, and always restores it.
//!
//! The parts, by role; imports point one way, down this list:
//! - `draw/`: drawing, one file per screen. Reads the screen state and the keymap's
//!   hints; never the store.
//! - `keymap`: which key does what where; keys become [`Action`]s, and the footer
//!   and help are generated from the same table.
//! - `autobackup`: the automatic backups, written in the background, and the
//!   30-minute one.
//! - `state/`: the desk's state and key handling, one file per screen, and the screen
//!   registry ([`ScreenId`]), and the keys inside forms and questions. With `autobackup`,
//!   the only part that uses the store.
//! - `desk`: the cohort and session the desk works on, loaded from the store.
//! - `widgets/`: parts shared by state and drawing (text input, form, list cursor).
//! - `theme`, `glyphs`, `signals`: colours; Unicode or ASCII borders and marks (chosen
//!   once at start); SIGTERM/SIGHUP.

mod autobackup;
mod desk;
mod draw;
mod glyphs;
mod keymap;
mod signals;
mod state;
mod theme;
mod widgets;

use std::sync::mpsc;
use std::time::Duration;

use ratatui::crossterm::event::{self, Event};

pub use crate::text::Desk as T;
pub use autobackup::BACKUP_EVERY;
pub use desk::SearchScope;
pub use draw::render;
pub use glyphs::Glyphs;
pub use keymap::{BINDINGS, resolve};
pub use state::{Action, App, Notice, NoticeKind, Overlay, Scope, ScreenId};

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
    for e in app.backups_on_exit(matches!(result, Ok(Exit::Quit))) {
        eprintln!("lunxun: {}", autobackup::failure(&e, app.lang));
    }
    // No backup holds the store any more (it was waited for above).
    if let Ok(store) = std::sync::Arc::try_unwrap(app.store) {
        store.close();
    }
    result
}

/// Key and resize events arrive from a reader thread. crossterm 0.29 spins forever
/// inside `read` once the terminal hangs up (a closed window, a dropped SSH link), so the
/// loop must never block in it: it waits on the channel and checks for SIGHUP/SIGTERM.
fn spawn_reader() -> mpsc::Receiver<Event> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        while let Ok(event) = event::read() {
            if tx.send(event).is_err() {
                break;
            }
        }
    });
    rx
}

fn event_loop(app: &mut App, terminal: &mut ratatui::DefaultTerminal) -> std::io::Result<Exit> {
    let events = spawn_reader();
    let mut dirty = true;
    let mut minute = app.now().format("%H:%M").to_string();
    loop {
        if let Some(signal) = signals::received() {
            return Ok(Exit::Signal(signal));
        }
        if app.quit {
            return Ok(Exit::Quit);
        }
        if app.backup_running() {
            dirty |= app.finish_backup(false).is_some() || !app.backup_running();
        }
        if dirty {
            terminal.draw(|frame| draw::render(app, frame))?;
        }
        // The frame above says the work has begun; it redraws as the work goes.
        let mut redraw = |app: &App| {
            let _ = terminal.draw(|frame| draw::render(app, frame));
        };
        if app.run_pending(&mut redraw) {
            dirty = true;
            continue;
        }
        // A record the lookup waits for is read once no key came for a moment.
        let settling = app.settling();
        let wait = match settling {
            true => state::lookup::SETTLE,
            false => Duration::from_millis(250),
        };
        dirty = match events.recv_timeout(wait) {
            Ok(Event::Key(key)) => {
                panic_if_test_asks();
                app.take_key(key)
            }
            Ok(Event::Paste(text)) => {
                app.on_paste(&text);
                true
            }
            Ok(Event::Resize(..)) => true,
            Ok(_) => false,
            Err(mpsc::RecvTimeoutError::Timeout) if settling => app.settle(),
            Err(mpsc::RecvTimeoutError::Timeout) => {
                app.backup_if_due();
                let now = app.now().format("%H:%M").to_string();
                let changed = now != minute;
                minute = now;
                changed
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                return Err(std::io::Error::other("the terminal closed"));
            }
        };
    }
}

/// Debug builds only (the test suite): with `LUNXUN_TEST_PANIC=1` the first key press
/// panics, to prove a panic restores the terminal (tests/pty.rs).
fn panic_if_test_asks() {
    if cfg!(debug_assertions) && std::env::var_os("LUNXUN_TEST_PANIC").is_some_and(|v| v == "1") {
        panic!("LUNXUN_TEST_PANIC: the desk panicked on purpose");
    }
}
