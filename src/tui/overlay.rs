//! Keys inside overlays: forms (leave, walk-in, new cohort) and confirmations.

use crate::domain::PersonId;
use crate::ops::checkin::{self as ops, Leave, NewPerson};
use crate::text::Desk as T;

use super::state::Action;
use super::state::{App, ConfirmKind, FormKind, Overlay};
use super::widgets::form::{Form, FormField};

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
            FormKind::WalkIn => self.submit_walk_in(&form),
            FormKind::NewCohort => self.submit_cohort_form(&form),
            FormKind::Activity => self.submit_activity_form(&form),
            FormKind::EditActivity(id) => self.submit_activity_edit(*id, &form),
            FormKind::Base => self.submit_base_form(&form),
        };
        if let Err(message) = result {
            let mut form = form;
            form.error = Some(message);
            self.overlay = Some(Overlay::Form(kind, form));
        }
    }

    fn submit_leave(&mut self, id: &PersonId, form: &Form) -> Result<(), String> {
        let Some(person) = self.desk.as_ref().and_then(|d| d.person(id)).cloned() else {
            return Ok(());
        };
        let LeaveForm { reason } = LeaveForm::read(form);
        self.record_check_in(Some(&person), |store, now, at| {
            let input = Leave {
                at,
                person: &person,
                reason: Some(reason),
                walk_in: true,
            };
            ops::leave(store, now, input).map(|done| (person.clone(), done))
        })
    }

    fn submit_walk_in(&mut self, form: &Form) -> Result<(), String> {
        let details = WalkInForm::read(form);
        self.record_check_in(None, |store, now, at| {
            ops::walk_in(store, now, at, details).map(|w| (w.person, w.checked_in))
        })
    }

    pub(crate) fn on_confirm(&mut self, action: Action) {
        let Some(Overlay::Confirm(kind, _)) = self.overlay.take() else {
            return;
        };
        if action != Action::Yes {
            return;
        }
        match kind {
            ConfirmKind::CloseSession(session) => self.close_session(session),
            ConfirmKind::CloseCohort(code) => self.close_cohort(&code),
            ConfirmKind::DeleteActivity(id) => self.delete_activity(id),
            ConfirmKind::Import => self.run_import(),
        }
    }
}

/// The leave form (请假): the reason, which may be empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LeaveForm {
    pub reason: String,
}

impl LeaveForm {
    pub(crate) fn form(lang: crate::text::Lang, name: &str) -> Form {
        let title = crate::tr!(lang, T::LeaveTitle, name = name);
        Form::new(title, vec![FormField::text(T::LeaveReason, "")])
    }

    fn read(form: &Form) -> LeaveForm {
        LeaveForm {
            reason: text_of(form, T::LeaveReason),
        }
    }
}

/// The walk-in form (现场增补): a new person's details, read into the operation's
/// [`NewPerson`], which checks them.
pub(crate) struct WalkInForm;

impl WalkInForm {
    const FIELDS: [T; 6] = [
        T::FieldName,
        T::FieldUnit,
        T::FieldCounty,
        T::FieldTownship,
        T::FieldPosition,
        T::FieldPhone,
    ];

    /// The empty form, the name filled in with `typed` when it looks like a name.
    pub(crate) fn form(lang: crate::text::Lang, typed: &str) -> Form {
        let name = if typed.is_ascii() { "" } else { typed };
        let fields = Self::FIELDS
            .iter()
            .map(|&label| FormField::text(label, if label == T::FieldName { name } else { "" }))
            .collect();
        Form::new(T::WalkInTitle.get(lang).to_string(), fields)
    }

    fn read(form: &Form) -> NewPerson {
        NewPerson {
            name: text_of(form, T::FieldName),
            unit: text_of(form, T::FieldUnit),
            county: text_of(form, T::FieldCounty),
            township: text_of(form, T::FieldTownship),
            position: text_of(form, T::FieldPosition),
            phone: text_of(form, T::FieldPhone),
        }
    }
}

/// The text typed in the form's field labelled `label` (empty if there is none).
fn text_of(form: &Form, label: T) -> String {
    form.fields
        .iter()
        .find(|f| f.label == label)
        .map(|f| f.get().to_string())
        .unwrap_or_default()
}
