//! What can be drawn over a screen and take the keyboard: help, a form, a question.

use crate::domain::{PersonId, Session};
use crate::tui::widgets::form::Form;

/// What a form is for, so Enter knows what to save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormKind {
    Leave(PersonId),
    WalkIn,
    NewCohort,
    Activity,
    EditActivity(u32),
    Base,
}

/// What a yes/no question is about, so `y` knows what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfirmKind {
    CloseSession(Session),
    CloseCohort(String),
    DeleteActivity(u32),
    Import,
}

/// Something drawn over the screen that has the keyboard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Help,
    Form(FormKind, Form),
    Confirm(ConfirmKind, String),
}
