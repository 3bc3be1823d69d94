//! The bundle screen (数据包): this desk's name and the desks it holds records from,
//! what the keys do, and the last export, dry run or merge (or the work under way).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::text::DeskBundle as B;
use crate::tr;
use crate::tui::state::App;
use crate::tui::theme;
use crate::tui::widgets::sanitize;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let [desk, help, outcome] = area.layout(&Layout::vertical([
        Constraint::Length(4),
        Constraint::Length(3),
        Constraint::Fill(1),
    ]));
    render_desk(app, desk, buf);
    let help_lines: Vec<Line> = [B::PackHelpExport, B::PackHelpMerge]
        .into_iter()
        .map(|t| Line::styled(format!(" {}", tr!(app.lang, t)), theme::dim()))
        .collect();
    Paragraph::new(help_lines)
        .wrap(Wrap { trim: false })
        .render(help, buf);
    render_outcome(app, outcome, buf);
}

/// `本台：2号台（编号 desk-…）` and the desks whose records are here.
fn render_desk(app: &App, area: Rect, buf: &mut Buffer) {
    let state = &app.bundle;
    let id = state.desk_id.as_str();
    let line = match &state.desk_name {
        Some(name) => tr!(app.lang, B::PackDeskNamed, name = sanitize(name), id = id),
        None => tr!(app.lang, B::PackDeskUnnamed, id = id),
    };
    let mut lines = vec![Line::raw(line)];
    if !state.known.is_empty() {
        let separator = if app.lang == crate::text::Lang::Zh {
            "、"
        } else {
            ", "
        };
        let names: Vec<String> = state
            .known
            .iter()
            .map(|n| sanitize(n).into_owned())
            .collect();
        let desks = names.join(separator);
        lines.push(Line::styled(
            tr!(app.lang, B::PackKnownDesks, desks = desks),
            theme::dim(),
        ));
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .block(super::titled(tr!(app.lang, B::PackDeskTitle)))
        .render(area, buf);
}

/// The work under way, else the last outcome (scrolled), else that there is none.
fn render_outcome(app: &App, area: Rect, buf: &mut Buffer) {
    let state = &app.bundle;
    if let Some(running) = &state.running {
        Line::styled(format!(" {}", sanitize(running)), theme::warn()).render(area, buf);
        return;
    }
    let Some(shown) = &state.shown else {
        let none = tr!(app.lang, B::PackNothingYet);
        Line::styled(format!(" {none}"), theme::dim()).render(area, buf);
        return;
    };
    let style = if shown.failed {
        theme::warn()
    } else {
        ratatui::style::Style::default()
    };
    let lines: Vec<Line> = shown
        .lines
        .iter()
        .skip(state.scroll)
        .map(|l| Line::styled(sanitize(l).into_owned(), style))
        .collect();
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(super::titled(tr!(app.lang, shown.title)))
        .render(area, buf);
}
