//! What can be drawn over a screen and take the keyboard: help, a form, a question;
//! and the keys inside them (each form's own reading and saving is in its screen's file).

use crate::domain::{PersonId, Session};
use crate::tui::widgets::form::Form;

use super::{Action, App};

/// What a form is for, so Enter knows what to save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormKind {
    Leave(PersonId),
    /// The reason for leaving early (早退) before a sign-out.
    SignOut(PersonId),
    WalkIn,
    NewCohort,
    Activity,
    EditActivity(u32),
    Base,
    /// 修改人员信息 (person_edit.rs); boxed: it carries what is drawn beside the form.
    EditPerson(Box<PersonEditing>),
    /// The bundle screen's forms (bundle.rs).
    BundleExport,
    BundleMerge,
    DeskName,
}

/// Who the form edits, and what is drawn beside it: private values masked, history.
/// (Opened and saved in person_edit.rs.)
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonEditing {
    pub id: PersonId,
    /// `现有 电话 138****1234 · 身份证号 110105********002X；留空则不变`, or empty.
    pub private: String,
    /// The newest recorded changes, worded and masked.
    pub history: Vec<String>,
}

/// What a yes/no question is about, so `y` knows what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfirmKind {
    CloseSession(Session),
    CloseCohort(String),
    DeleteActivity(u32),
    Import,
    /// Merge the bundle whose dry run is shown (bundle.rs).
    MergeBundle,
}

/// Something drawn over the screen that has the keyboard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Help,
    Form(FormKind, Form),
    Confirm(ConfirmKind, String),
}

impl App {
    pub(crate) fn on_form(&mut self, action: Action) {
        let Some(Overlay::Form(_, form)) = self.overlay.as_mut() else {
            return;
        };
        match action {
            Action::Type(c) => form.type_char(c),
            Action::Backspace => form.backspace(),
            Action::ClearInput => form.clear_field(),
            Action::NextField => form.next_field(),
            Action::PrevField => form.prev_field(),
            Action::Left => form.cycle(false),
            Action::Right => form.cycle(true),
            Action::Back => self.overlay = None,
            Action::Submit => self.submit_form(),
            _ => {}
        }
    }

    /// Saves the form; on a validation error the form stays open with the message.
    fn submit_form(&mut self) {
        let Some(Overlay::Form(kind, form)) = self.overlay.take() else {
            return;
        };
        let result = match &kind {
            FormKind::Leave(person) => self.submit_leave(person, &form),
            FormKind::SignOut(person) => self.submit_sign_out(person, &form),
            FormKind::WalkIn => self.submit_walk_in(&form),
            FormKind::NewCohort => self.submit_cohort_form(&form),
            FormKind::Activity => self.submit_activity_form(&form),
            FormKind::EditActivity(id) => self.submit_activity_edit(*id, &form),
            FormKind::Base => self.submit_base_form(&form),
            FormKind::EditPerson(editing) => self.submit_person_edit(&editing.id, &form),
            FormKind::BundleExport => self.submit_export(&form),
            FormKind::BundleMerge => self.submit_merge(&form),
            FormKind::DeskName => self.submit_desk_name(&form),
        };
        if let Err(message) = result {
            let mut form = form;
            form.error = Some(message);
            self.overlay = Some(Overlay::Form(kind, form));
        }
    }

    pub(crate) fn on_confirm(&mut self, action: Action) {
        let Some(Overlay::Confirm(kind, _)) = self.overlay.take() else {
            return;
        };
        if action != Action::Yes {
            if kind == ConfirmKind::MergeBundle {
                self.cancel_merge();
            }
            return;
        }
        match kind {
            ConfirmKind::CloseSession(session) => self.close_session(session),
            ConfirmKind::CloseCohort(code) => self.close_cohort(&code),
            ConfirmKind::DeleteActivity(id) => self.delete_activity(id),
            ConfirmKind::Import => self.run_import(),
            ConfirmKind::MergeBundle => self.confirm_merge(),
        }
    }
}
