//! The sessions grid: one row per day, one column per slot, counts in every cell.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Text};
use ratatui::widgets::{Cell, Row, Table, Widget};

use crate::domain::Session;
use crate::domain::desk_counts::desk_label;
use crate::text::{Desk as T, PerDesk};
use crate::tui::desk::Desk;
use crate::tui::state::App;
use crate::tui::theme;
use crate::tui::widgets::sanitize;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(desk) = super::open_desk(app, area, buf) else {
        return;
    };
    let title = crate::tr!(
        app.lang,
        T::SessionsTitle,
        cohort = sanitize(&desk.cohort.name)
    );
    let total = desk.credit.hours_text(desk.credit.total_minutes);
    let total = crate::tr!(app.lang, T::DeskTotalHours, hours = total);
    let block = super::titled(format!("{title} · {total}"));
    let inner = block.inner(area);
    block.render(area, buf);
    let [grid, by_desk, legend] = inner.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ]));
    // Each session's 学时 on a line of its own when every day still fits.
    let lines = if usize::from(grid.height) > 2 * usize::from(desk.cohort.days) {
        2
    } else {
        1
    };
    Widget::render(grid_table(app, desk, lines), grid, buf);
    Line::raw(desk_line(app, desk)).render(by_desk, buf);
    Line::styled(app.t(T::SessionsLegend), theme::dim()).render(legend, buf);
}

/// `本场各台登记：1号台 34 · 2号台 26` for the selected session: each desk by its name,
/// else 本台 (this desk), else its id, in that order.
fn desk_line(app: &App, desk: &Desk) -> String {
    let sessions = desk.cohort.sessions();
    let Some(session) = app.sessions.cursor.pick(&sessions).copied() else {
        return String::new();
    };
    let counts = desk.desk_counts(session);
    if counts.is_empty() {
        return crate::tr!(app.lang, PerDesk::PerDeskScreenNone);
    }
    let label = |id: &str| match desk.desk_names.get(id) {
        None if id == desk.desk_id => crate::tr!(app.lang, PerDesk::PerDeskThisDesk),
        _ => sanitize(desk_label(&desk.desk_names, id)).into_owned(),
    };
    let mut shown: Vec<(String, usize)> =
        counts.iter().map(|c| (label(&c.desk), c.total())).collect();
    shown.sort();
    let list = shown
        .iter()
        .map(|(desk, count)| format!("{desk} {count}"))
        .collect::<Vec<_>>()
        .join(" · ");
    crate::tr!(app.lang, PerDesk::PerDeskScreen, list = list)
}

fn grid_table<'a>(app: &'a App, desk: &'a Desk, lines: u16) -> Table<'a> {
    let sessions = desk.cohort.sessions();
    let selected = app.sessions.cursor.pick(&sessions).copied();
    let slots = &desk.cohort.slots;
    let header = std::iter::once(app.t(T::ColDay).to_string()).chain(
        slots
            .iter()
            .map(|s| format!("{} {}", s.kind.label(app.lang), s.starts_at.format("%H:%M"))),
    );
    let rows = (1..=desk.cohort.days).map(move |day| {
        let date = desk.cohort.date_of(day).format("%m-%d").to_string();
        let first = Cell::from(format!(
            "{} {date}",
            crate::tr!(app.lang, T::DayLabel, day = day)
        ));
        let cells = slots.iter().map(move |slot| {
            let session = Session::new(day, slot.kind);
            let style = if Some(session) == selected {
                theme::selected()
            } else {
                Default::default()
            };
            Cell::from(cell_text(app, desk, session, lines)).style(style)
        });
        Row::new(std::iter::once(first).chain(cells)).height(lines)
    });
    let mut widths = vec![Constraint::Length(14)];
    widths.extend(slots.iter().map(|_| Constraint::Fill(1)));
    Table::new(rows, widths).header(Row::new(header).style(theme::dim()))
}

/// `到12 迟2 假1 未45` / `in12 L2 V1 ?45`, marked when current or closed, and the
/// session's 学时 (under it, or after it when `lines` is 1).
fn cell_text<'a>(app: &App, desk: &Desk, session: Session, lines: u16) -> Text<'a> {
    let c = desk.counts(session);
    let mut text = format!(
        "{}{} {}{} {}{} {}{}",
        app.t(T::AbbrPresent),
        c.present,
        app.t(T::AbbrLate),
        c.late,
        app.t(T::AbbrLeave),
        c.leave,
        app.t(T::AbbrNotYet),
        c.not_yet()
    );
    if session == desk.session {
        text.push_str(&format!(" ◀{}", app.t(T::Current)));
    }
    if desk.cohort.is_closed(session) {
        text.push_str(&format!(" [{}]", app.t(T::Closed)));
    }
    let hours = session_hours(app, desk, session);
    if lines < 2 {
        return Text::raw(format!("{text} · {hours}"));
    }
    Text::from(vec![Line::raw(text), Line::styled(hours, theme::dim())])
}

/// `3 学时`, and `按教学记录` when the teaching log gave them.
fn session_hours(app: &App, desk: &Desk, session: Session) -> String {
    let Some(hours) = desk.credit.sessions.iter().find(|s| s.session == session) else {
        return String::new();
    };
    let text = desk.credit.hours_text(hours.minutes);
    let text = crate::tr!(app.lang, T::DeskSessionHours, hours = text);
    if hours.from_activities {
        crate::tr!(app.lang, T::DeskHoursFromLog, hours = text)
    } else {
        text
    }
}
