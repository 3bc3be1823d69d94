//! What a key asks the app to do. Key handling maps keys to actions (keymap.rs);
//! `App::dispatch` carries them out, one small method per action.

use super::state::ScreenId;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    Help,
    NextScreen,
    PrevScreen,
    GoTo(ScreenId),
    /// Esc: clear the input, or back out of an overlay.
    Back,
    Type(char),
    Backspace,
    ClearInput,
    Up,
    Down,
    PageUp,
    PageDown,
    Left,
    Right,
    /// Enter: check in, choose, open, submit, confirm.
    Submit,
    Undo,
    Leave,
    WalkIn,
    ToggleScope,
    /// Create: a cohort, an activity, a base.
    New,
    /// Mark the selected planned activity held.
    MarkHeld,
    /// Edit the selected item.
    Edit,
    /// Close the selected session or cohort (asks first).
    CloseItem,
    /// Reopen the selected closed session.
    Reopen,
    LoadDemo,
    NextField,
    PrevField,
    Yes,
    No,
}
