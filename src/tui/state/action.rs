//! What a key asks the desk to do, named for what it does. The keymap (`tui/keymap.rs`)
//! turns keys into actions; `App::dispatch` hands each to the screen or overlay that has
//! the keyboard, whose handler calls one small method per action.

use super::ScreenId;

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
    /// 签退: sign the selected person out (early leave asks for a reason).
    SignOut,
    WalkIn,
    /// Search the county's whole register instead of the cohort's roster, or back.
    ToggleRegister,
    /// Import: also enrol the imported people in the cohort, or only add them.
    ToggleEnrol,
    /// Create: a cohort, an activity, a base.
    New,
    /// Mark the selected planned activity held.
    MarkHeld,
    /// Edit the selected activity.
    EditActivity,
    /// Edit the selected person's details (lookup screen).
    EditPerson,
    /// Close the selected session (asks first).
    CloseSession,
    /// Close the selected cohort (asks first).
    CloseCohort,
    /// Delete the selected activity (asks first; kept in the history).
    DeleteActivity,
    /// Reopen the selected closed session.
    ReopenSession,
    LoadDemo,
    /// Open the bundle screen (数据包).
    OpenBundles,
    /// Export a bundle (asks scope, file, passphrase).
    ExportBundle,
    /// Merge a bundle (a dry run first).
    MergeBundle,
    /// Name this desk.
    NameDesk,
    /// 补录: enter the selected session's paper sign-in sheet.
    PaperEntry,
    /// Paper entry: the selected row's next mark (present, late, leave, absent).
    CycleMark,
    /// Paper entry: write the whole sheet in one commit.
    WriteSheet,
    NextField,
    PrevField,
    Yes,
    No,
}
