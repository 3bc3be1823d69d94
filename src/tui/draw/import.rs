//! The import screen: the path box, whether to enrol, and the preview.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use crate::text::Desk as T;
use crate::tui::state::App;
use crate::tui::theme;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let [input, options, preview] = area.layout(&Layout::vertical([
        Constraint::Length(3),
        Constraint::Length(2),
        Constraint::Fill(1),
    ]));
    let block = super::titled(app.t(T::ImportTitle));
    let inner = block.inner(input);
    block.render(input, buf);
    let label = app.t(T::ImportPath);
    let label_width = unicode_width::UnicodeWidthStr::width(label) as u16;
    Line::from(vec![
        Span::styled(label, theme::dim()),
        app.import.path.span(),
    ])
    .render(inner, buf);
    let code = app.desk.as_ref().map_or("—", |d| d.cohort.code.as_str());
    let enrol = app.t(if app.import.enrol { T::On } else { T::Off });
    let lines = vec![
        Line::styled(
            format!(
                " {}",
                crate::tr!(app.lang, T::ImportEnrol, cohort = code, answer = enrol)
            ),
            theme::dim(),
        ),
        Line::styled(format!(" {}", app.t(T::ImportHelp)), theme::dim()),
    ];
    Paragraph::new(lines).render(options, buf);
    if let Some((step, since)) = app.import.running {
        let text = format!(" {}", step.message(app.lang, since.elapsed()));
        Line::styled(text, theme::warn()).render(preview, buf);
    } else if let Some(p) = &app.import.preview {
        let lines: Vec<Line> = p.lines.iter().map(|l| Line::raw(l.as_str())).collect();
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(Block::bordered())
            .render(preview, buf);
    }
    let x = inner
        .x
        .saturating_add(label_width)
        .saturating_add(app.import.path.width());
    Some(Position::new(
        x.min(inner.right().saturating_sub(1)),
        inner.y,
    ))
}
