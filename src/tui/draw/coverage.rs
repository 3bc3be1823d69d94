//! The coverage screen: modules × sessions, methods with counts and hours, warnings.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, Widget, Wrap};

use crate::domain::coverage::CohortCoverage;
use crate::domain::teaching::hours;
use crate::text::Desk as T;
use crate::tui::state::App;
use crate::tui::theme;
use crate::tui::widgets::{pad_to, sanitize, widest};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let (Some(desk), Some(coverage)) = (&app.desk, &app.coverage.coverage) else {
        Paragraph::new(app.t(T::NoCohorts)).render(area, buf);
        return;
    };
    let rows = u16::try_from(coverage.modules.len()).unwrap_or(20) + 4;
    let [top, bottom] = area.layout(&Layout::vertical([
        Constraint::Length(rows),
        Constraint::Fill(1),
    ]));
    let title = crate::tr!(
        app.lang,
        T::CoverageTitle,
        cohort = sanitize(&desk.cohort.name)
    );
    matrix(app, coverage, &title, top, buf);
    let [left, right] = bottom.layout(&Layout::horizontal([
        Constraint::Length(30),
        Constraint::Fill(1),
    ]));
    methods(app, coverage, left, buf);
    warnings(app, right, buf);
}

fn matrix(app: &App, c: &CohortCoverage, title: &str, area: Rect, buf: &mut Buffer) {
    let header = std::iter::once(String::new())
        .chain(c.sessions.iter().map(|s| super::session_short(app, *s)));
    let labels = &app.coverage.module_labels;
    let rows = c.modules.iter().zip(labels).map(|(m, label)| {
        let label = Cell::from(label.as_str());
        let marks = m.cells.iter().map(|cell| match (cell.held, cell.planned) {
            (h, _) if h > 0 => Cell::from(Span::styled("●", theme::ok())),
            (_, p) if p > 0 => Cell::from(Span::styled("○", theme::warn())),
            _ => Cell::from(Span::styled("·", theme::dim())),
        });
        Row::new(std::iter::once(label).chain(marks))
    });
    let mut widths = vec![Constraint::Length(18)];
    widths.extend(c.sessions.iter().map(|_| Constraint::Length(4)));
    let block = super::titled(title).title_bottom(Line::styled(
        format!(" {} ", app.t(T::CoverageLegend)),
        theme::dim(),
    ));
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(theme::dim()))
        .block(block);
    Widget::render(table, area, buf);
}

fn methods(app: &App, c: &CohortCoverage, area: Rect, buf: &mut Buffer) {
    let label = |m: &crate::domain::Method| m.label(app.lang);
    let column = widest(c.methods.iter().map(|m| label(&m.method)));
    let lines: Vec<Line> = c
        .methods
        .iter()
        .map(|m| {
            let name = pad_to(label(&m.method), column);
            Line::raw(format!("{name}  {} / {:.1}", m.count, hours(m.minutes)))
        })
        .collect();
    let block = super::titled(app.t(T::MethodsTitle));
    Paragraph::new(lines).block(block).render(area, buf);
}

fn warnings(app: &App, area: Rect, buf: &mut Buffer) {
    let list = &app.coverage.warnings;
    let title = crate::tr!(app.lang, T::WarningsTitle, count = list.len());
    let block = super::titled(&title);
    let lines: Vec<Line> = if list.is_empty() {
        vec![Line::styled(app.t(T::NoWarnings), theme::ok())]
    } else {
        list.iter()
            .skip(app.coverage.scroll.index())
            .map(|w| Line::styled(format!("! {w}"), theme::warn()))
            .collect()
    };
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .block(block)
        .render(area, buf);
}
