//! Overlays drawn over the screen: help (generated from the keymap), forms, questions.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

use crate::text::Desk as T;
use crate::tui::keymap;
use crate::tui::state::{App, FormKind, Overlay};
use crate::tui::state::{Scope, ScreenId};
use crate::tui::theme;
use crate::tui::widgets::form::FormView;
use crate::tui::widgets::{pad_to, widest};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) -> Option<Position> {
    match &app.overlay {
        None => None,
        Some(Overlay::Help) => {
            help(app, area, buf);
            None
        }
        Some(Overlay::Form(FormKind::EditPerson(editing), form)) => {
            super::person_edit::render(app, editing, form, area, buf)
        }
        Some(Overlay::Form(_, form)) => FormView {
            form,
            lang: app.lang,
        }
        .render(area, buf),
        Some(Overlay::Confirm(_, question)) => {
            confirm(app, question, area, buf);
            None
        }
    }
}

/// Every key of the screen under the overlay, then the keys that work anywhere.
fn help(app: &App, area: Rect, buf: &mut Buffer) {
    let screen_scope = screen_scope(app);
    let screen_name = if app.welcome {
        app.t(T::ScreenWelcome)
    } else {
        app.t(app.screen.title())
    };
    let mut keys = keymap::hints(screen_scope, false);
    if matches!(
        screen_scope,
        Scope::Screen(ScreenId::CheckIn | ScreenId::Lookup)
    ) {
        keys.push(("a-z 汉字".to_string(), T::KeyType));
        keys.push(("?".to_string(), T::KeyHelp));
    }
    let global = keymap::hints(Scope::Global, false);
    // One key column for both lists, as wide as the widest key on screen (in cells:
    // a Hanzi takes two).
    let column = widest(keys.iter().chain(&global).map(|(key, _)| key.as_str())).max(20);
    let mut lines: Vec<Line> = keys
        .iter()
        .map(|(key, hint)| key_line(app, key, column, *hint))
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::styled(app.t(T::HelpGlobal), theme::title()));
    for (key, hint) in &global {
        lines.push(key_line(app, key, column, *hint));
    }
    let height = u16::try_from(lines.len() + 2)
        .unwrap_or(u16::MAX)
        .min(area.height);
    let rect = area.centered(
        Constraint::Length(area.width.saturating_sub(4).min(64)),
        Constraint::Length(height),
    );
    Clear.render(rect, buf);
    let title = crate::tr!(app.lang, T::HelpTitle, screen = screen_name);
    let block = super::titled(&title);
    Paragraph::new(lines).block(block).render(rect, buf);
}

fn screen_scope(app: &App) -> Scope {
    if app.welcome {
        Scope::Welcome
    } else {
        Scope::Screen(app.screen)
    }
}

/// `  key` padded to `column` cells, two spaces, then what the key does.
fn key_line<'a>(app: &App, key: &str, column: usize, hint: T) -> Line<'a> {
    Line::from(vec![
        Span::styled(format!("  {}", pad_to(key, column + 2)), theme::key()),
        Span::raw(app.t(hint)),
    ])
}

fn confirm(app: &App, question: &str, area: Rect, buf: &mut Buffer) {
    let rect = area.centered(
        Constraint::Length(area.width.saturating_sub(4).min(60)),
        Constraint::Length(6),
    );
    Clear.render(rect, buf);
    let keys: Vec<Span> = keymap::hints(Scope::Confirm, true)
        .into_iter()
        .flat_map(|(key, hint)| {
            [
                Span::styled(key, theme::key()),
                Span::raw(format!(" {}   ", app.t(hint))),
            ]
        })
        .collect();
    let lines = vec![
        Line::raw(question.to_string()),
        Line::raw(""),
        Line::from(keys),
    ];
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .block(Block::bordered())
        .render(rect, buf);
}
