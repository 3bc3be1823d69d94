//! The sessions grid: one row per day, one column per slot, counts in every cell.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Cell, Row, Table, Widget};

use crate::domain::Session;
use crate::text::Desk as T;
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
    let block = super::titled(&title);
    let sessions = desk.cohort.sessions();
    let selected = app.sessions.cursor.pick(&sessions).copied();
    let slots = &desk.cohort.slots;
    let header = std::iter::once(app.t(T::ColDay).to_string()).chain(
        slots
            .iter()
            .map(|s| format!("{} {}", s.kind.label(app.lang), s.starts_at.format("%H:%M"))),
    );
    let rows = (1..=desk.cohort.days).map(|day| {
        let date = desk.cohort.date_of(day).format("%m-%d").to_string();
        let first = Cell::from(format!(
            "{} {date}",
            crate::tr!(app.lang, T::DayLabel, day = day)
        ));
        let cells = slots.iter().map(|slot| {
            let session = Session::new(day, slot.kind);
            let style = if Some(session) == selected {
                theme::selected()
            } else {
                Default::default()
            };
            Cell::from(cell_text(app, desk, session)).style(style)
        });
        Row::new(std::iter::once(first).chain(cells)).height(1)
    });
    let mut widths = vec![Constraint::Length(14)];
    widths.extend(slots.iter().map(|_| Constraint::Fill(1)));
    let inner = block.inner(area);
    block.render(area, buf);
    let [grid, legend] = inner.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
    ]));
    let table = Table::new(rows, widths).header(Row::new(header).style(theme::dim()));
    Widget::render(table, grid, buf);
    Line::styled(app.t(T::SessionsLegend), theme::dim()).render(legend, buf);
}

/// `到12 迟2 假1 未45` / `in12 L2 V1 ?45`, marked when current or closed.
fn cell_text(app: &App, desk: &Desk, session: Session) -> String {
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
    text
}
