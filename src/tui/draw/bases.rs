//! The training bases list: kind, county, the five haves, accreditation.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Paragraph, Row, Table, Widget, Wrap};

use crate::domain::base::{Have, TrainingBase};
use crate::text::Desk as T;
use crate::tui::state::App;
use crate::tui::theme;
use crate::tui::widgets::sanitize;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let list = &app.bases.bases;
    let title = crate::tr!(app.lang, T::BasesTitle, count = list.len());
    let block = super::titled(&title);
    if list.is_empty() {
        Paragraph::new(Span::styled(app.t(T::NoBases), theme::dim()))
            .wrap(Wrap { trim: true })
            .block(block)
            .render(area, buf);
        return;
    }
    let header = Row::new(
        [
            T::ItemName,
            T::FieldKind,
            T::FieldCounty,
            T::FieldHaves,
            T::FieldAccredited,
            T::ColState,
        ]
        .map(|x| super::column_title(app, x)),
    )
    .style(theme::dim());
    let rows = list.iter().enumerate().map(|(i, b)| {
        let row = base_row(app, b);
        if app.bases.cursor.is(i) {
            row.style(theme::selected())
        } else {
            row
        }
    });
    let widths = [
        Constraint::Fill(2),
        Constraint::Length(8),
        Constraint::Fill(1),
        Constraint::Length(20),
        Constraint::Length(16),
        Constraint::Length(8),
    ];
    Widget::render(
        Table::new(rows, widths).header(header).block(block),
        area,
        buf,
    );
}

/// `场✓ 讲✓ 典✗ 参✓ 专✗`: the five haves at a glance.
fn haves(app: &App, b: &TrainingBase) -> String {
    Have::ALL
        .iter()
        .map(|h| {
            let mark = if b.haves.has(*h) { "✓" } else { "✗" };
            format!("{}{mark}", app.t(have_short(*h)))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn have_short(have: Have) -> T {
    match have {
        Have::Venue => T::HaveVenueShort,
        Have::Guide => T::HaveGuideShort,
        Have::Material => T::HaveMaterialShort,
        Have::Site => T::HaveSiteShort,
        Have::Film => T::HaveFilmShort,
    }
}

fn base_row<'a>(app: &App, b: &'a TrainingBase) -> Row<'a> {
    let accredited = match &b.accreditation {
        Some(a) => format!("{} {}", a.date, a.level.label(app.lang)),
        None => crate::tr!(app.lang, crate::text::Bases::BaseNotAccredited),
    };
    let state = if b.meets_standard() {
        T::MeetsStandard
    } else {
        T::NotStandard
    };
    Row::new([
        sanitize(&b.name).into_owned(),
        b.kind.label(app.lang).to_string(),
        sanitize(&b.county).into_owned(),
        haves(app, b),
        accredited,
        app.t(state).to_string(),
    ])
}
