//! The one keymap: which key does what in which context, with the hint text shown in
//! the footer and the help overlay. Both are generated from this table, so the keys,
//! the footer and the help can never disagree.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::state::ScreenId;
use crate::text::Desk as T;

/// Where the keyboard focus is: a screen, or an overlay on top of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Global,
    Welcome,
    CheckIn,
    Lookup,
    Sessions,
    Cohorts,
    Dashboard,
    Teaching,
    Coverage,
    Bases,
    Import,
    Form,
    Confirm,
    Help,
}

#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub scope: Scope,
    pub code: KeyCode,
    pub mods: KeyModifiers,
    pub action: Action,
    pub hint: T,
    /// Shown in the footer (the help overlay shows every binding).
    pub footer: bool,
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;

const fn bind(
    scope: Scope,
    code: KeyCode,
    mods: KeyModifiers,
    action: Action,
    hint: T,
    footer: bool,
) -> Binding {
    Binding {
        scope,
        code,
        mods,
        action,
        hint,
        footer,
    }
}

use Scope::*;

#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    // Anywhere
    bind(Global, KeyCode::Char('c'), CTRL, Action::Quit, T::KeyQuit, false),
    bind(Global, KeyCode::Char('q'), CTRL, Action::Quit, T::KeyQuit, true),
    bind(Global, KeyCode::F(1), NONE, Action::Help, T::KeyHelp, true),
    bind(Global, KeyCode::Tab, NONE, Action::NextScreen, T::KeyNextScreen, true),
    bind(Global, KeyCode::BackTab, SHIFT, Action::PrevScreen, T::KeyPrevScreen, false),
    bind(Global, KeyCode::F(2), NONE, Action::GoTo(ScreenId::CheckIn), T::KeyGoCheckIn, false),
    bind(Global, KeyCode::F(3), NONE, Action::GoTo(ScreenId::Lookup), T::KeyGoLookup, false),
    bind(Global, KeyCode::F(4), NONE, Action::GoTo(ScreenId::Sessions), T::KeyGoSessions, false),
    bind(Global, KeyCode::F(5), NONE, Action::GoTo(ScreenId::Cohorts), T::KeyGoCohorts, false),
    bind(Global, KeyCode::F(6), NONE, Action::GoTo(ScreenId::Dashboard), T::KeyGoDashboard, false),
    bind(Global, KeyCode::F(7), NONE, Action::GoTo(ScreenId::Teaching), T::KeyGoTeaching, false),
    bind(Global, KeyCode::F(8), NONE, Action::GoTo(ScreenId::Coverage), T::KeyGoCoverage, false),
    bind(Global, KeyCode::F(9), NONE, Action::GoTo(ScreenId::Bases), T::KeyGoBases, false),
    bind(Global, KeyCode::F(10), NONE, Action::GoTo(ScreenId::Import), T::KeyGoImport, false),
    // Check-in: letters go to the search box, so commands use Enter, arrows and Ctrl.
    bind(CheckIn, KeyCode::Enter, NONE, Action::Submit, T::KeyCheckIn, true),
    bind(CheckIn, KeyCode::Up, NONE, Action::Up, T::KeyMove, false),
    bind(CheckIn, KeyCode::Down, NONE, Action::Down, T::KeyMove, false),
    bind(CheckIn, KeyCode::Char('p'), CTRL, Action::Up, T::KeyMove, false),
    bind(CheckIn, KeyCode::Char('n'), CTRL, Action::Down, T::KeyMove, false),
    bind(CheckIn, KeyCode::PageUp, NONE, Action::PageUp, T::KeyPage, false),
    bind(CheckIn, KeyCode::PageDown, NONE, Action::PageDown, T::KeyPage, false),
    bind(CheckIn, KeyCode::Char('z'), CTRL, Action::Undo, T::KeyUndo, true),
    bind(CheckIn, KeyCode::Char('l'), CTRL, Action::Leave, T::KeyLeave, true),
    bind(CheckIn, KeyCode::Char('a'), CTRL, Action::WalkIn, T::KeyWalkIn, true),
    bind(CheckIn, KeyCode::Char('r'), CTRL, Action::ToggleScope, T::KeyScope, true),
    bind(CheckIn, KeyCode::Esc, NONE, Action::Back, T::KeyClear, false),
    bind(CheckIn, KeyCode::Char('u'), CTRL, Action::ClearInput, T::KeyClear, false),
    bind(CheckIn, KeyCode::Backspace, NONE, Action::Backspace, T::KeyClear, false),
    // Lookup
    bind(Lookup, KeyCode::Up, NONE, Action::Up, T::KeyMove, true),
    bind(Lookup, KeyCode::Down, NONE, Action::Down, T::KeyMove, false),
    bind(Lookup, KeyCode::Char('p'), CTRL, Action::Up, T::KeyMove, false),
    bind(Lookup, KeyCode::Char('n'), CTRL, Action::Down, T::KeyMove, false),
    bind(Lookup, KeyCode::PageUp, NONE, Action::PageUp, T::KeyPage, false),
    bind(Lookup, KeyCode::PageDown, NONE, Action::PageDown, T::KeyPage, false),
    bind(Lookup, KeyCode::Char('r'), CTRL, Action::ToggleScope, T::KeyScope, true),
    bind(Lookup, KeyCode::Esc, NONE, Action::Back, T::KeyClear, true),
    bind(Lookup, KeyCode::Char('u'), CTRL, Action::ClearInput, T::KeyClear, false),
    bind(Lookup, KeyCode::Backspace, NONE, Action::Backspace, T::KeyClear, false),
    // Sessions
    bind(Sessions, KeyCode::Up, NONE, Action::Up, T::KeyMove, true),
    bind(Sessions, KeyCode::Down, NONE, Action::Down, T::KeyMove, false),
    bind(Sessions, KeyCode::Enter, NONE, Action::Submit, T::KeyChooseSession, true),
    bind(Sessions, KeyCode::Char('x'), NONE, Action::CloseItem, T::KeyCloseSession, true),
    bind(Sessions, KeyCode::Char('o'), NONE, Action::Reopen, T::KeyReopenSession, true),
    // Cohorts
    bind(Cohorts, KeyCode::Up, NONE, Action::Up, T::KeyMove, true),
    bind(Cohorts, KeyCode::Down, NONE, Action::Down, T::KeyMove, false),
    bind(Cohorts, KeyCode::Enter, NONE, Action::Submit, T::KeyOpenCohort, true),
    bind(Cohorts, KeyCode::Char('n'), NONE, Action::New, T::KeyNewCohort, true),
    bind(Cohorts, KeyCode::Char('x'), NONE, Action::CloseItem, T::KeyCloseCohort, true),
    // Dashboard
    bind(Dashboard, KeyCode::Up, NONE, Action::Up, T::KeyMove, true),
    bind(Dashboard, KeyCode::Down, NONE, Action::Down, T::KeyMove, false),
    bind(Dashboard, KeyCode::Enter, NONE, Action::Submit, T::KeyUntrained, true),
    bind(Dashboard, KeyCode::Esc, NONE, Action::Back, T::KeyCancel, false),
    // Teaching
    bind(Teaching, KeyCode::Char('n'), NONE, Action::New, T::KeyNewActivity, true),
    bind(Teaching, KeyCode::Char('h'), NONE, Action::MarkHeld, T::KeyMarkHeld, true),
    bind(Teaching, KeyCode::Char('e'), NONE, Action::Edit, T::KeyEditActivity, true),
    bind(Teaching, KeyCode::Char('x'), NONE, Action::CloseItem, T::KeyDeleteActivity, true),
    bind(Teaching, KeyCode::Left, NONE, Action::Left, T::KeySession, true),
    bind(Teaching, KeyCode::Right, NONE, Action::Right, T::KeySession, false),
    bind(Teaching, KeyCode::Up, NONE, Action::Up, T::KeyMove, false),
    bind(Teaching, KeyCode::Down, NONE, Action::Down, T::KeyMove, false),
    // Coverage
    bind(Coverage, KeyCode::Up, NONE, Action::Up, T::KeyMove, true),
    bind(Coverage, KeyCode::Down, NONE, Action::Down, T::KeyMove, false),
    // Bases
    bind(Bases, KeyCode::Char('n'), NONE, Action::New, T::KeyNewBase, true),
    bind(Bases, KeyCode::Up, NONE, Action::Up, T::KeyMove, true),
    bind(Bases, KeyCode::Down, NONE, Action::Down, T::KeyMove, false),
    // Import: the path box takes typed text.
    bind(Import, KeyCode::Enter, NONE, Action::Submit, T::KeyPreview, true),
    bind(Import, KeyCode::Char('e'), CTRL, Action::ToggleScope, T::KeyEnrol, true),
    bind(Import, KeyCode::Esc, NONE, Action::Back, T::KeyClear, true),
    bind(Import, KeyCode::Char('u'), CTRL, Action::ClearInput, T::KeyClear, false),
    bind(Import, KeyCode::Backspace, NONE, Action::Backspace, T::KeyClear, false),
    // Welcome
    bind(Welcome, KeyCode::Char('d'), NONE, Action::LoadDemo, T::KeyLoadDemo, true),
    bind(Welcome, KeyCode::Char('n'), NONE, Action::New, T::KeyNewCohort, true),
    bind(Welcome, KeyCode::Char('q'), NONE, Action::Quit, T::KeyQuit, true),
    // Forms (overlay)
    bind(Form, KeyCode::Enter, NONE, Action::Submit, T::KeySubmit, true),
    bind(Form, KeyCode::Esc, NONE, Action::Back, T::KeyCancel, true),
    bind(Form, KeyCode::Tab, NONE, Action::NextField, T::KeyNextField, true),
    bind(Form, KeyCode::Down, NONE, Action::NextField, T::KeyNextField, false),
    bind(Form, KeyCode::BackTab, SHIFT, Action::PrevField, T::KeyPrevField, false),
    bind(Form, KeyCode::Up, NONE, Action::PrevField, T::KeyPrevField, false),
    bind(Form, KeyCode::Left, NONE, Action::Left, T::KeyChoice, false),
    bind(Form, KeyCode::Right, NONE, Action::Right, T::KeyChoice, false),
    bind(Form, KeyCode::Backspace, NONE, Action::Backspace, T::KeyClear, false),
    bind(Form, KeyCode::Char('u'), CTRL, Action::ClearInput, T::KeyClear, false),
    // Confirmation (overlay)
    bind(Confirm, KeyCode::Char('y'), NONE, Action::Yes, T::KeyYes, true),
    bind(Confirm, KeyCode::Enter, NONE, Action::Yes, T::KeyYes, false),
    bind(Confirm, KeyCode::Char('n'), NONE, Action::No, T::KeyNo, true),
    bind(Confirm, KeyCode::Esc, NONE, Action::No, T::KeyNo, false),
    // Help (overlay)
    bind(Help, KeyCode::Esc, NONE, Action::Back, T::KeyCancel, true),
    bind(Help, KeyCode::F(1), NONE, Action::Back, T::KeyCancel, false),
    bind(Help, KeyCode::Char('?'), NONE, Action::Back, T::KeyCancel, false),
];

/// The context a key arrives in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Context {
    pub scope: Scope,
    /// The focused text box is empty (then `?` opens help).
    pub input_empty: bool,
}

/// Scopes whose focused widget takes typed text.
fn takes_text(scope: Scope) -> bool {
    matches!(scope, CheckIn | Lookup | Form | Import)
}

/// Overlays own the keyboard: global screen switching does not apply inside them.
fn global_applies(scope: Scope) -> bool {
    !matches!(scope, Form | Confirm | Help)
}

/// Resolves a key press to an action: the scope's own table, then the global one,
/// then typed text. Ctrl-C and Ctrl-Q quit from anywhere.
pub fn resolve(ctx: Context, key: KeyEvent) -> Option<Action> {
    let mods = key.modifiers - KeyModifiers::SHIFT;
    let matches = |b: &&Binding| b.code == key.code && (b.mods - KeyModifiers::SHIFT) == mods;
    if let Some(b) = BINDINGS
        .iter()
        .filter(|b| b.scope == ctx.scope)
        .find(matches)
    {
        return Some(b.action);
    }
    let quit = key.modifiers.contains(CTRL) && matches!(key.code, KeyCode::Char('c' | 'q'));
    if (quit || global_applies(ctx.scope))
        && let Some(b) = BINDINGS.iter().filter(|b| b.scope == Global).find(matches)
    {
        return Some(b.action);
    }
    typed(ctx, key)
}

fn typed(ctx: Context, key: KeyEvent) -> Option<Action> {
    let KeyCode::Char(c) = key.code else {
        return None;
    };
    if key.modifiers.intersects(CTRL | KeyModifiers::ALT) || c.is_control() {
        return None;
    }
    if c == '?' && ctx.input_empty && matches!(ctx.scope, CheckIn | Lookup) {
        return Some(Action::Help);
    }
    takes_text(ctx.scope).then_some(Action::Type(c))
}

/// The bindings of a scope, in table order, one per action and hint.
pub fn hints(scope: Scope, footer_only: bool) -> Vec<(String, T)> {
    let mut out: Vec<(String, T)> = Vec::new();
    for b in BINDINGS
        .iter()
        .filter(|b| b.scope == scope && (b.footer || !footer_only))
    {
        let label = key_label(b.code, b.mods);
        match out.iter_mut().find(|(_, hint)| *hint == b.hint) {
            Some((labels, _)) if !footer_only => {
                labels.push('/');
                labels.push_str(&label);
            }
            Some(_) => {}
            None => out.push((label, b.hint)),
        }
    }
    out
}

/// `Ctrl-Z`, `Enter`, `F1`, `Shift-Tab`, `x`.
pub fn key_label(code: KeyCode, mods: KeyModifiers) -> String {
    let base = match code {
        KeyCode::Char(c) => c.to_string(),
        KeyCode::F(n) => format!("F{n}"),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Shift-Tab".into(),
        KeyCode::Backspace => "Backspace".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        other => format!("{other:?}"),
    };
    if mods.contains(CTRL) {
        let upper = base.to_uppercase();
        format!("Ctrl-{upper}")
    } else {
        base
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    fn ctx(scope: Scope, input_empty: bool) -> Context {
        Context { scope, input_empty }
    }

    #[test]
    #[rustfmt::skip]
    fn keys_resolve_per_scope() {
        let table = [
            (CheckIn, true, key(KeyCode::Enter, NONE), Some(Action::Submit)),
            (CheckIn, true, key(KeyCode::Char('z'), CTRL), Some(Action::Undo)),
            (CheckIn, true, key(KeyCode::Char('l'), CTRL), Some(Action::Leave)),
            (CheckIn, true, key(KeyCode::Char('a'), CTRL), Some(Action::WalkIn)),
            (CheckIn, true, key(KeyCode::Char('r'), CTRL), Some(Action::ToggleScope)),
            (CheckIn, true, key(KeyCode::Char('n'), CTRL), Some(Action::Down)),
            (CheckIn, true, key(KeyCode::Char('p'), CTRL), Some(Action::Up)),
            (CheckIn, true, key(KeyCode::Char('x'), NONE), Some(Action::Type('x'))),
            (CheckIn, true, key(KeyCode::Char('X'), SHIFT), Some(Action::Type('X'))),
            (CheckIn, true, key(KeyCode::Char('张'), NONE), Some(Action::Type('张'))),
            (CheckIn, true, key(KeyCode::Char('?'), NONE), Some(Action::Help)),
            (CheckIn, false, key(KeyCode::Char('?'), NONE), Some(Action::Type('?'))),
            (CheckIn, true, key(KeyCode::Tab, NONE), Some(Action::NextScreen)),
            (CheckIn, true, key(KeyCode::BackTab, SHIFT), Some(Action::PrevScreen)),
            (CheckIn, true, key(KeyCode::F(4), NONE), Some(Action::GoTo(ScreenId::Sessions))),
            (CheckIn, true, key(KeyCode::Char('x'), KeyModifiers::ALT), None),
            (Sessions, true, key(KeyCode::Char('x'), NONE), Some(Action::CloseItem)),
            (Sessions, true, key(KeyCode::Char('o'), NONE), Some(Action::Reopen)),
            (Sessions, true, key(KeyCode::Char('a'), NONE), None),
            (Cohorts, true, key(KeyCode::Char('n'), NONE), Some(Action::New)),
            (Welcome, true, key(KeyCode::Char('d'), NONE), Some(Action::LoadDemo)),
            (Form, true, key(KeyCode::Tab, NONE), Some(Action::NextField)),
            (Form, true, key(KeyCode::F(3), NONE), None),
            (Form, true, key(KeyCode::Char('?'), NONE), Some(Action::Type('?'))),
            (Form, true, key(KeyCode::Char('q'), CTRL), Some(Action::Quit)),
            (Confirm, true, key(KeyCode::Char('y'), NONE), Some(Action::Yes)),
            (Confirm, true, key(KeyCode::Char('c'), CTRL), Some(Action::Quit)),
            (Help, true, key(KeyCode::Char('?'), NONE), Some(Action::Back)),
        ];
        for (scope, empty, event, expected) in table {
            assert_eq!(resolve(ctx(scope, empty), event), expected, "{scope:?} {event:?}");
        }
    }

    #[test]
    fn no_key_is_bound_twice_in_one_scope() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[i + 1..] {
                let same = a.scope == b.scope && a.code == b.code && a.mods == b.mods;
                assert!(!same, "{:?} {:?} bound twice", a.scope, a.code);
            }
        }
    }

    #[test]
    fn the_footer_and_help_come_from_the_table() {
        let footer = hints(CheckIn, true);
        assert_eq!(footer[0], ("Enter".to_string(), T::KeyCheckIn));
        assert!(
            footer
                .iter()
                .any(|(k, t)| k == "Ctrl-Z" && *t == T::KeyUndo)
        );
        let help = hints(CheckIn, false);
        let clear = help.iter().find(|(_, t)| *t == T::KeyClear).unwrap();
        assert_eq!(clear.0, "Esc/Ctrl-U/Backspace");
    }
}
