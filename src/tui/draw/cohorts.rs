//! The cohorts list.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::widgets::{Row, Table, Widget};

use crate::text::Desk as T;
use crate::tui::state::App;
use crate::tui::theme;
use crate::tui::widgets::sanitize;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let block = super::titled(app.t(T::CohortsTitle));
    let header = Row::new(
        [
            T::ColCode,
            T::ItemName,
            T::ColDates,
            T::ColEnrolled,
            T::ColState,
        ]
        .map(|t| app.t(t)),
    )
    .style(theme::dim());
    let rows = app.cohorts.list.iter().enumerate().map(|(i, row)| {
        let c = &row.cohort;
        let state = if c.open {
            crate::text::Cohorts::CohortStateOpen
        } else {
            crate::text::Cohorts::CohortStateClosed
        };
        let current = app.desk.as_ref().is_some_and(|d| d.cohort.code == c.code);
        let code = if current {
            format!("▶ {}", c.code)
        } else {
            format!("  {}", c.code)
        };
        let cells = [
            code,
            sanitize(&c.name).into_owned(),
            format!(
                "{} – {}",
                c.start.format("%m-%d"),
                c.end_date().format("%m-%d")
            ),
            row.enrolled.to_string(),
            crate::tr!(app.lang, state),
        ];
        let r = Row::new(cells);
        if app.cohorts.cursor.is(i) {
            r.style(theme::selected())
        } else {
            r
        }
    });
    let widths = [
        Constraint::Length(10),
        Constraint::Fill(1),
        Constraint::Length(13),
        Constraint::Length(6),
        Constraint::Length(8),
    ];
    Widget::render(
        Table::new(rows, widths).header(header).block(block),
        area,
        buf,
    );
}
