//! The one keymap: which key does what in which context, with the hint text shown in
//! the footer and the help overlay. Both are generated from this table, so the keys,
//! the footer and the help can never disagree.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::state::{Action, App, Scope, ScreenId};
use crate::text::Desk as T;

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

use Scope::{Confirm, Form, Global, Help, Paper, Welcome};
const CHECK_IN: Scope = Scope::Screen(ScreenId::CheckIn);
const LOOKUP: Scope = Scope::Screen(ScreenId::Lookup);
const SESSIONS: Scope = Scope::Screen(ScreenId::Sessions);
const COHORTS: Scope = Scope::Screen(ScreenId::Cohorts);
const DASHBOARD: Scope = Scope::Screen(ScreenId::Dashboard);
const TEACHING: Scope = Scope::Screen(ScreenId::Teaching);
const COVERAGE: Scope = Scope::Screen(ScreenId::Coverage);
const BASES: Scope = Scope::Screen(ScreenId::Bases);
const IMPORT: Scope = Scope::Screen(ScreenId::Import);
const BUNDLE: Scope = Scope::Screen(ScreenId::Bundle);

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
    bind(CHECK_IN, KeyCode::Enter, NONE, Action::Submit, T::KeyCheckIn, true),
    bind(CHECK_IN, KeyCode::Up, NONE, Action::Up, T::KeyMove, false),
    bind(CHECK_IN, KeyCode::Down, NONE, Action::Down, T::KeyMove, false),
    bind(CHECK_IN, KeyCode::Char('p'), CTRL, Action::Up, T::KeyMove, false),
    bind(CHECK_IN, KeyCode::Char('n'), CTRL, Action::Down, T::KeyMove, false),
    bind(CHECK_IN, KeyCode::PageUp, NONE, Action::PageUp, T::KeyPage, false),
    bind(CHECK_IN, KeyCode::PageDown, NONE, Action::PageDown, T::KeyPage, false),
    bind(CHECK_IN, KeyCode::Char('z'), CTRL, Action::Undo, T::KeyUndo, true),
    bind(CHECK_IN, KeyCode::Char('l'), CTRL, Action::Leave, T::KeyLeave, true),
    bind(CHECK_IN, KeyCode::Char('o'), CTRL, Action::SignOut, T::SignOutKey, true),
    bind(CHECK_IN, KeyCode::Char('a'), CTRL, Action::WalkIn, T::KeyWalkIn, true),
    bind(CHECK_IN, KeyCode::Char('r'), CTRL, Action::ToggleRegister, T::KeyScope, true),
    bind(CHECK_IN, KeyCode::Esc, NONE, Action::Back, T::KeyClear, false),
    bind(CHECK_IN, KeyCode::Char('u'), CTRL, Action::ClearInput, T::KeyClear, false),
    bind(CHECK_IN, KeyCode::Backspace, NONE, Action::Backspace, T::KeyClear, false),
    // Lookup
    bind(LOOKUP, KeyCode::Up, NONE, Action::Up, T::KeyMove, true),
    bind(LOOKUP, KeyCode::Down, NONE, Action::Down, T::KeyMove, false),
    bind(LOOKUP, KeyCode::Char('p'), CTRL, Action::Up, T::KeyMove, false),
    bind(LOOKUP, KeyCode::Char('n'), CTRL, Action::Down, T::KeyMove, false),
    bind(LOOKUP, KeyCode::PageUp, NONE, Action::PageUp, T::KeyPage, false),
    bind(LOOKUP, KeyCode::PageDown, NONE, Action::PageDown, T::KeyPage, false),
    bind(LOOKUP, KeyCode::Char('r'), CTRL, Action::ToggleRegister, T::KeyScope, true),
    bind(LOOKUP, KeyCode::Char('e'), CTRL, Action::EditPerson, T::KeyEditPerson, false),
    bind(LOOKUP, KeyCode::Esc, NONE, Action::Back, T::KeyClear, true),
    bind(LOOKUP, KeyCode::Char('u'), CTRL, Action::ClearInput, T::KeyClear, false),
    bind(LOOKUP, KeyCode::Backspace, NONE, Action::Backspace, T::KeyClear, false),
    // Sessions
    bind(SESSIONS, KeyCode::Up, NONE, Action::Up, T::KeyMove, true),
    bind(SESSIONS, KeyCode::Down, NONE, Action::Down, T::KeyMove, false),
    bind(SESSIONS, KeyCode::Enter, NONE, Action::Submit, T::KeyChooseSession, true),
    bind(SESSIONS, KeyCode::Char('x'), NONE, Action::CloseSession, T::KeyCloseSession, true),
    bind(SESSIONS, KeyCode::Char('o'), NONE, Action::ReopenSession, T::KeyReopenSession, true),
    bind(SESSIONS, KeyCode::Char('b'), NONE, Action::OpenBundles, T::KeyBundles, false),
    bind(SESSIONS, KeyCode::Char('p'), NONE, Action::PaperEntry, T::KeyPaperEntry, true),
    // Paper entry (补录), over the sessions screen
    bind(Paper, KeyCode::Up, NONE, Action::Up, T::KeyMove, true),
    bind(Paper, KeyCode::Down, NONE, Action::Down, T::KeyMove, false),
    bind(Paper, KeyCode::PageUp, NONE, Action::PageUp, T::KeyPage, false),
    bind(Paper, KeyCode::PageDown, NONE, Action::PageDown, T::KeyPage, false),
    bind(Paper, KeyCode::Char(' '), NONE, Action::CycleMark, T::KeyPaperCycle, true),
    bind(Paper, KeyCode::Char('s'), CTRL, Action::WriteSheet, T::KeyPaperWrite, true),
    bind(Paper, KeyCode::Esc, NONE, Action::Back, T::KeyCancel, true),
    // Cohorts
    bind(COHORTS, KeyCode::Up, NONE, Action::Up, T::KeyMove, true),
    bind(COHORTS, KeyCode::Down, NONE, Action::Down, T::KeyMove, false),
    bind(COHORTS, KeyCode::Enter, NONE, Action::Submit, T::KeyOpenCohort, true),
    bind(COHORTS, KeyCode::Char('n'), NONE, Action::New, T::KeyNewCohort, true),
    bind(COHORTS, KeyCode::Char('x'), NONE, Action::CloseCohort, T::KeyCloseCohort, true),
    // Dashboard
    bind(DASHBOARD, KeyCode::Up, NONE, Action::Up, T::KeyMove, true),
    bind(DASHBOARD, KeyCode::Down, NONE, Action::Down, T::KeyMove, false),
    bind(DASHBOARD, KeyCode::Enter, NONE, Action::Submit, T::KeyUntrained, true),
    bind(DASHBOARD, KeyCode::Esc, NONE, Action::Back, T::KeyCancel, false),
    bind(DASHBOARD, KeyCode::Char('b'), NONE, Action::OpenBundles, T::KeyBundles, true),
    // Teaching
    bind(TEACHING, KeyCode::Char('n'), NONE, Action::New, T::KeyNewActivity, true),
    bind(TEACHING, KeyCode::Char('h'), NONE, Action::MarkHeld, T::KeyMarkHeld, true),
    bind(TEACHING, KeyCode::Char('e'), NONE, Action::EditActivity, T::KeyEditActivity, true),
    bind(TEACHING, KeyCode::Char('x'), NONE, Action::DeleteActivity, T::KeyDeleteActivity, true),
    bind(TEACHING, KeyCode::Left, NONE, Action::Left, T::KeySession, true),
    bind(TEACHING, KeyCode::Right, NONE, Action::Right, T::KeySession, false),
    bind(TEACHING, KeyCode::Up, NONE, Action::Up, T::KeyMove, false),
    bind(TEACHING, KeyCode::Down, NONE, Action::Down, T::KeyMove, false),
    // Coverage
    bind(COVERAGE, KeyCode::Up, NONE, Action::Up, T::KeyMove, true),
    bind(COVERAGE, KeyCode::Down, NONE, Action::Down, T::KeyMove, false),
    // Bases
    bind(BASES, KeyCode::Char('n'), NONE, Action::New, T::KeyNewBase, true),
    bind(BASES, KeyCode::Up, NONE, Action::Up, T::KeyMove, true),
    bind(BASES, KeyCode::Down, NONE, Action::Down, T::KeyMove, false),
    // Import: the path box takes typed text.
    bind(IMPORT, KeyCode::Enter, NONE, Action::Submit, T::KeyPreview, true),
    bind(IMPORT, KeyCode::Char('e'), CTRL, Action::ToggleEnrol, T::KeyEnrol, true),
    bind(IMPORT, KeyCode::Esc, NONE, Action::Back, T::KeyClear, true),
    bind(IMPORT, KeyCode::Char('u'), CTRL, Action::ClearInput, T::KeyClear, false),
    bind(IMPORT, KeyCode::Backspace, NONE, Action::Backspace, T::KeyClear, false),
    // Bundles (数据包)
    bind(BUNDLE, KeyCode::Char('e'), NONE, Action::ExportBundle, T::KeyExportBundle, true),
    bind(BUNDLE, KeyCode::Char('m'), NONE, Action::MergeBundle, T::KeyMergeBundle, true),
    bind(BUNDLE, KeyCode::Char('n'), NONE, Action::NameDesk, T::KeyNameDesk, true),
    bind(BUNDLE, KeyCode::Up, NONE, Action::Up, T::KeyMove, false),
    bind(BUNDLE, KeyCode::Down, NONE, Action::Down, T::KeyMove, false),
    bind(BUNDLE, KeyCode::Esc, NONE, Action::Back, T::KeyBackScreen, true),
    // Welcome
    bind(Welcome, KeyCode::Char('d'), NONE, Action::LoadDemo, T::KeyLoadDemo, true),
    bind(Welcome, KeyCode::Char('n'), NONE, Action::New, T::KeyNewCohort, true),
    bind(Welcome, KeyCode::Char('m'), NONE, Action::MergeBundle, T::KeyMergeBundle, true),
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
    matches!(scope, CHECK_IN | LOOKUP | Form | IMPORT)
}

/// Overlays own the keyboard: global screen switching does not apply inside them.
fn global_applies(scope: Scope) -> bool {
    !matches!(scope, Form | Confirm | Help | Paper)
}

impl App {
    /// Feeds one key event through the keymap. Returns whether anything may have changed.
    /// A key press, and any slow work it asks for done at once (see [`App::take_key`]),
    /// the lookup's record included (the desk's loop waits for the keys to stop first).
    pub fn on_key(&mut self, key: KeyEvent) -> bool {
        let dirty = self.take_key(key);
        self.run_pending(&mut |_| {});
        self.settle();
        dirty
    }

    /// A key press; slow work it asks for (an import) is left for [`App::run_pending`],
    /// so the desk's loop can draw first. True when the screen may have changed.
    pub fn take_key(&mut self, key: KeyEvent) -> bool {
        if key.kind == KeyEventKind::Release {
            return false;
        }
        let ctx = Context {
            scope: self.scope(),
            input_empty: self.input_empty(),
        };
        match resolve(ctx, key) {
            Some(action) => {
                self.dispatch(action);
                true
            }
            None => false,
        }
    }
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
    if c == '?' && ctx.input_empty && matches!(ctx.scope, CHECK_IN | LOOKUP) {
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
            (CHECK_IN, true, key(KeyCode::Enter, NONE), Some(Action::Submit)),
            (CHECK_IN, true, key(KeyCode::Char('z'), CTRL), Some(Action::Undo)),
            (CHECK_IN, true, key(KeyCode::Char('l'), CTRL), Some(Action::Leave)),
            (CHECK_IN, true, key(KeyCode::Char('o'), CTRL), Some(Action::SignOut)),
            (CHECK_IN, true, key(KeyCode::Char('a'), CTRL), Some(Action::WalkIn)),
            (CHECK_IN, true, key(KeyCode::Char('r'), CTRL), Some(Action::ToggleRegister)),
            (CHECK_IN, true, key(KeyCode::Char('n'), CTRL), Some(Action::Down)),
            (CHECK_IN, true, key(KeyCode::Char('p'), CTRL), Some(Action::Up)),
            (CHECK_IN, true, key(KeyCode::Char('x'), NONE), Some(Action::Type('x'))),
            (CHECK_IN, true, key(KeyCode::Char('X'), SHIFT), Some(Action::Type('X'))),
            (CHECK_IN, true, key(KeyCode::Char('张'), NONE), Some(Action::Type('张'))),
            (CHECK_IN, true, key(KeyCode::Char('?'), NONE), Some(Action::Help)),
            (CHECK_IN, false, key(KeyCode::Char('?'), NONE), Some(Action::Type('?'))),
            (CHECK_IN, true, key(KeyCode::Tab, NONE), Some(Action::NextScreen)),
            (CHECK_IN, true, key(KeyCode::BackTab, SHIFT), Some(Action::PrevScreen)),
            (CHECK_IN, true, key(KeyCode::F(4), NONE), Some(Action::GoTo(ScreenId::Sessions))),
            (CHECK_IN, true, key(KeyCode::Char('x'), KeyModifiers::ALT), None),
            (SESSIONS, true, key(KeyCode::Char('x'), NONE), Some(Action::CloseSession)),
            (SESSIONS, true, key(KeyCode::Char('o'), NONE), Some(Action::ReopenSession)),
            (SESSIONS, true, key(KeyCode::Char('a'), NONE), None),
            (SESSIONS, true, key(KeyCode::Char('p'), NONE), Some(Action::PaperEntry)),
            (Paper, true, key(KeyCode::Char(' '), NONE), Some(Action::CycleMark)),
            (Paper, true, key(KeyCode::Char('s'), CTRL), Some(Action::WriteSheet)),
            (Paper, true, key(KeyCode::Tab, NONE), None),
            (Paper, true, key(KeyCode::Char('x'), NONE), None),
            (COHORTS, true, key(KeyCode::Char('x'), NONE), Some(Action::CloseCohort)),
            (TEACHING, true, key(KeyCode::Char('x'), NONE), Some(Action::DeleteActivity)),
            (TEACHING, true, key(KeyCode::Char('e'), NONE), Some(Action::EditActivity)),
            (IMPORT, true, key(KeyCode::Char('e'), CTRL), Some(Action::ToggleEnrol)),
            (LOOKUP, true, key(KeyCode::Char('r'), CTRL), Some(Action::ToggleRegister)),
            (LOOKUP, true, key(KeyCode::Char('e'), CTRL), Some(Action::EditPerson)),
            (COHORTS, true, key(KeyCode::Char('n'), NONE), Some(Action::New)),
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
        let footer = hints(CHECK_IN, true);
        assert_eq!(footer[0], ("Enter".to_string(), T::KeyCheckIn));
        assert!(
            footer
                .iter()
                .any(|(k, t)| k == "Ctrl-Z" && *t == T::KeyUndo)
        );
        let help = hints(CHECK_IN, false);
        let clear = help.iter().find(|(_, t)| *t == T::KeyClear).unwrap();
        assert_eq!(clear.0, "Esc/Ctrl-U/Backspace");
    }
}
