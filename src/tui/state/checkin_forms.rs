//! The check-in screen's two forms, leave (请假) and walk-in (现场增补): what each
//! holds, how it is read from the form on screen, and how it is saved.

use crate::domain::{CheckInStatus, PersonId};
use crate::ops::checkin::{self as ops, CheckIn, NewPerson};
use crate::text::Desk as T;
use crate::tui::widgets::form::{Form, FormField};

use super::App;

impl App {
    pub(super) fn submit_leave(&mut self, id: &PersonId, form: &Form) -> Result<(), String> {
        let Some(person) = self.desk.as_ref().and_then(|d| d.person(id)).cloned() else {
            return Ok(());
        };
        let LeaveForm { reason } = LeaveForm::read(form);
        self.record_check_in(Some(&person), |store, now, at| {
            let input = CheckIn {
                at,
                person: &person,
                status: Some(CheckInStatus::Leave),
                reason: Some(reason),
                walk_in: true,
            };
            ops::check_in(store, now, input).map(|done| (person.clone(), done))
        })
    }

    pub(super) fn submit_walk_in(&mut self, form: &Form) -> Result<(), String> {
        let details = WalkInForm::read(form);
        self.record_check_in(None, |store, now, at| {
            ops::walk_in(store, now, at, details).map(|w| (w.person, w.checked_in))
        })
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
