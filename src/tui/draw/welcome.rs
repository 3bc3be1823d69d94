//! The welcome screen shown while there is no cohort.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::text::Desk as T;
use crate::tui::keymap;
use crate::tui::state::App;
use crate::tui::state::Scope;
use crate::tui::theme;
use crate::tui::widgets::{pad_to, widest};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let rect = area.centered(
        Constraint::Length(area.width.min(64)),
        Constraint::Length(9),
    );
    let block = super::titled(app.t(T::AppTitle));
    let mut lines = vec![Line::raw(app.t(T::WelcomeText)), Line::raw("")];
    let keys = keymap::hints(Scope::Welcome, false);
    let column = widest(keys.iter().map(|(key, _)| key.as_str()));
    for (key, hint) in keys {
        lines.push(Line::from(vec![
            Span::styled(format!("  {}  ", pad_to(&key, column)), theme::key()),
            Span::raw(app.t(hint)),
        ]));
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(block)
        .render(rect, buf);
}
