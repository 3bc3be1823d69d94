//! Drawing: the frame (title, tabs, notice, footer) and one file per screen. Drawing
//! reads the state that `tui/state` leaves behind (and the keymap's hints) and nothing
//! else: no store, no files, no clock but the one the state holds (tests/layout.rs
//! holds drawing to it).
//!
//! A new screen's drawing is a file here, a `mod` line and an arm in [`render`].

mod bases;
mod bundle;
mod checkin;
mod cohorts;
mod coverage;
mod dashboard;
mod import;
mod lookup;
mod lookup_record;
mod overlays;
mod paper;
mod person_edit;
mod sessions;
mod teaching;
mod welcome;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::desk::Desk;
use super::keymap;
use super::state::{App, BackupShown, NoticeKind};
use super::state::{Scope, ScreenId};
use super::theme;
use super::widgets::sanitize;
use crate::domain::SlotKind;
use crate::text::Desk as T;

/// Smallest terminal the screens are laid out for.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 15;

/// Draws the desk, then fits the frame to the desk's glyph set (ASCII on consoles that
/// draw box lines and marks two cells wide): every glyph passes through `Glyphs::apply`.
pub fn render(app: &App, frame: &mut Frame) {
    draw_frame(app, frame);
    app.glyphs.apply(frame.buffer_mut());
}

fn draw_frame(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        Paragraph::new(app.t(T::TooSmall))
            .wrap(Wrap { trim: true })
            .render(area, frame.buffer_mut());
        return;
    }
    let [title, body, notice, footer] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ]));
    render_title(app, title, frame);
    let cursor = if app.bundle_over_welcome() {
        plain(bundle::render, app, body, frame.buffer_mut())
    } else if app.welcome {
        welcome::render(app, body, frame.buffer_mut());
        None
    } else {
        render_screen(app, body, frame.buffer_mut())
    };
    render_notice(app, notice, frame);
    render_footer(app, footer, frame);
    let cursor = overlays::render(app, area, frame.buffer_mut()).or(cursor);
    if let Some(position) = cursor {
        frame.set_cursor_position(position);
    }
}

/// The current screen; screens with a text box say where the cursor goes.
fn render_screen(app: &App, area: Rect, buf: &mut Buffer) -> Option<Position> {
    if app.paper.is_some() {
        return plain(paper::render, app, area, buf);
    }
    match app.screen {
        ScreenId::CheckIn => checkin::render(app, area, buf),
        ScreenId::Lookup => lookup::render(app, area, buf),
        ScreenId::Sessions => plain(sessions::render, app, area, buf),
        ScreenId::Cohorts => plain(cohorts::render, app, area, buf),
        ScreenId::Dashboard => plain(dashboard::render, app, area, buf),
        ScreenId::Teaching => plain(teaching::render, app, area, buf),
        ScreenId::Coverage => plain(coverage::render, app, area, buf),
        ScreenId::Bases => plain(bases::render, app, area, buf),
        ScreenId::Import => import::render(app, area, buf),
        ScreenId::Bundle => plain(bundle::render, app, area, buf),
    }
}

/// A screen without a text box: no cursor to place.
fn plain(
    render: fn(&App, Rect, &mut Buffer),
    app: &App,
    area: Rect,
    buf: &mut Buffer,
) -> Option<Position> {
    render(app, area, buf);
    None
}

fn render_title(app: &App, area: Rect, frame: &mut Frame) {
    let mut spans = vec![Span::styled(
        format!(" {} ", app.t(T::AppTitle)),
        theme::title(),
    )];
    let fixed = fixed_clock(app);
    let fixed_width = fixed.as_ref().map_or(0, Span::width);
    spans.extend(fixed);
    if let Some(desk) = &app.desk {
        spans.push(Span::raw(format!("· {} ", sanitize(&desk.cohort.name))));
    }
    let tabs: Vec<Span> = if app.welcome {
        vec![Span::styled(
            format!(" {} ", app.t(T::ScreenWelcome)),
            theme::tab_active(),
        )]
    } else {
        screen_tabs(app, area.width.saturating_sub(fixed_width as u16))
    };
    let tabs_width: u16 = tabs.iter().map(|s| s.width() as u16).sum();
    let [left, right] = area.layout(&Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(tabs_width),
    ]));
    Line::from(spans).render(left, frame.buffer_mut());
    Line::from(tabs).render(right, frame.buffer_mut());
}

/// `LUNXUN_NOW` stamps every check-in with the same time: the title bar says so.
fn fixed_clock(app: &App) -> Option<Span<'static>> {
    let crate::clock::Clock::Fixed(at) = app.clock else {
        return None;
    };
    let text = crate::tr!(app.lang, T::FixedClock, at = at.format("%m-%d %H:%M"));
    Some(Span::styled(format!("{text} "), theme::warn()))
}

/// Every screen's tab when they fit beside a short title, else only the current one
/// with its place (`教学 6/9`): Tab and F2–F10 reach the others.
fn screen_tabs(app: &App, width: u16) -> Vec<Span<'static>> {
    let all: Vec<Span<'static>> = ScreenId::ALL
        .iter()
        .map(|s| {
            let style = if *s == app.screen.tab() {
                theme::tab_active()
            } else {
                theme::tab()
            };
            Span::styled(format!(" {} ", app.t(s.title())), style)
        })
        .collect();
    let needed: usize = all.iter().map(Span::width).sum();
    if needed + 24 <= usize::from(width) {
        return all;
    }
    let place = app.screen.place() + 1;
    let label = format!(
        " {} {place}/{} ",
        app.t(app.screen.title()),
        ScreenId::ALL.len()
    );
    vec![Span::styled(label, theme::tab_active())]
}

/// The open cohort's desk, or — when no cohort is open — the hint to create one drawn
/// over `area` and `None`: the guard of every screen that shows the open cohort.
pub(super) fn open_desk<'a>(app: &'a App, area: Rect, buf: &mut Buffer) -> Option<&'a Desk> {
    let desk = app.desk.as_ref();
    if desk.is_none() {
        Paragraph::new(app.t(T::NoCohorts)).render(area, buf);
    }
    desk
}

/// A bordered block with `text` as its title, in the title style.
pub(super) fn titled(text: impl std::fmt::Display) -> Block<'static> {
    Block::bordered().title(Span::styled(format!(" {text} "), theme::title()))
}

/// A form label used as a column title: the words before any parenthesised hint
/// (`内容模块（数字键）` → `内容模块`).
pub(super) fn column_title(app: &App, label: T) -> String {
    let text = app.t(label);
    text.split(['（', ' ', '('])
        .next()
        .unwrap_or(text)
        .to_string()
}

/// A session in a narrow column: `2上` / `2a`.
pub(super) fn session_short(app: &App, session: crate::domain::Session) -> String {
    let slot = match session.slot {
        SlotKind::Am => T::SlotAmShort,
        SlotKind::Pm => T::SlotPmShort,
        SlotKind::Eve => T::SlotEveShort,
    };
    crate::tr!(
        app.lang,
        T::SessionShort,
        day = session.day,
        slot = app.t(slot)
    )
}

/// What just happened, and at the right, quietly, the automatic backup's state.
fn render_notice(app: &App, area: Rect, frame: &mut Frame) {
    let backup = app.backup_shown().map(|shown| match shown {
        BackupShown::Writing => app.t(T::AutoBackupWriting).to_string(),
        BackupShown::Written(time) => crate::tr!(app.lang, T::AutoBackupWritten, time = time),
    });
    let width = backup
        .as_ref()
        .map_or(0, |b| Span::raw(b).width() as u16 + 1);
    let [left, right] = area.layout(&Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(width),
    ]));
    if let Some(backup) = backup {
        Line::styled(backup, theme::dim()).render(right, frame.buffer_mut());
    }
    let Some(notice) = &app.notice else { return };
    let style = match notice.kind {
        NoticeKind::Done => theme::ok(),
        NoticeKind::Info => theme::warn(),
        NoticeKind::Error => theme::error(),
    };
    Line::styled(format!(" {}", sanitize(&notice.text)), style).render(left, frame.buffer_mut());
}

/// The current scope's main keys, then the global ones: straight from the keymap.
fn render_footer(app: &App, area: Rect, frame: &mut Frame) {
    let scope = app.scope();
    let mut hints = keymap::hints(scope, true);
    if !matches!(
        scope,
        Scope::Form | Scope::Confirm | Scope::Help | Scope::Paper
    ) {
        // The welcome screen has no other screens to switch to.
        let switches = |t: &T| matches!(t, T::KeyNextScreen | T::KeyPrevScreen);
        let global = keymap::hints(Scope::Global, true);
        hints.extend(
            global
                .into_iter()
                .filter(|(_, t)| !(app.welcome && switches(t))),
        );
    }
    let mut spans = vec![Span::raw(" ")];
    for (key, hint) in hints {
        spans.push(Span::styled(key, theme::key()));
        spans.push(Span::raw(format!(" {}  ", app.t(hint))));
    }
    Line::from(spans).render(area, frame.buffer_mut());
}
