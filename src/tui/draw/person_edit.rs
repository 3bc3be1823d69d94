//! The person edit form (state/person_edit.rs) drawn over the lookup screen: the form,
//! and under it the current phone and ID number (masked; their boxes start empty and
//! empty keeps them) and the person's newest recorded changes.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget};

use crate::text::Upkeep;
use crate::tui::state::{App, PersonEditing};
use crate::tui::theme;
use crate::tui::widgets::form::{Form, FormView};
use crate::tui::widgets::sanitize;

pub fn render(
    app: &App,
    editing: &PersonEditing,
    form: &Form,
    area: Rect,
    buf: &mut Buffer,
) -> Option<Position> {
    let [top, bottom] = area.layout(&Layout::vertical([
        Constraint::Length(form.height().min(area.height)),
        Constraint::Fill(1),
    ]));
    let cursor = FormView {
        form,
        lang: app.lang,
    }
    .render(top, buf);
    beside(app, editing, bottom, buf);
    cursor
}

/// The masked private values and the history, as wide as the form.
fn beside(app: &App, editing: &PersonEditing, area: Rect, buf: &mut Buffer) {
    let mut lines = Vec::new();
    if !editing.private.is_empty() {
        lines.push(Line::styled(editing.private.clone(), theme::dim()));
    }
    if editing.history.is_empty() {
        let none = crate::tr!(app.lang, Upkeep::PersonEditNoHistory);
        lines.push(Line::styled(none, theme::dim()));
    }
    for line in &editing.history {
        lines.push(Line::from(Span::raw(sanitize(line).into_owned())));
    }
    let width = area.width.saturating_sub(4).min(70);
    let height = u16::try_from(lines.len() + 2)
        .unwrap_or(u16::MAX)
        .min(area.height);
    if height < 3 {
        return;
    }
    let rect = area.centered_horizontally(Constraint::Length(width));
    let rect = Rect { height, ..rect };
    Clear.render(rect, buf);
    Paragraph::new(lines)
        .block(super::titled(crate::tr!(
            app.lang,
            Upkeep::PersonEditHistoryTitle
        )))
        .render(rect, buf);
}
