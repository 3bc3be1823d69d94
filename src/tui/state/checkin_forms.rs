//! The check-in screen's two forms, leave (请假) and walk-in (现场增补): what each
//! holds, how it is laid out and read back (as typed forms), and how it is saved.

use crate::domain::scan::ExactKey;
use crate::domain::{CheckInStatus, PersonId};
use crate::ops::checkin::{self as ops, CheckIn, NewPerson};
use crate::text::Desk as T;
use crate::text::Lang;
use crate::tui::widgets::form::{Form, FormField, TypedForm};

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
        let details = NewPerson::read(form);
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

impl TypedForm for LeaveForm {
    type Options = ();

    fn fields(&self, _: &()) -> Vec<FormField> {
        vec![FormField::text(T::LeaveReason, &self.reason)]
    }

    fn read(form: &Form) -> LeaveForm {
        LeaveForm {
            reason: form.text(T::LeaveReason),
        }
    }
}

/// The empty leave form for `name`.
pub(crate) fn leave_form(lang: Lang, name: &str) -> Form {
    let title = crate::tr!(lang, T::LeaveTitle, name = name);
    let empty = LeaveForm {
        reason: String::new(),
    };
    empty.form(title, &())
}

/// The walk-in form (现场增补): a new person's details, read straight into the
/// operation's [`NewPerson`], which checks them.
impl TypedForm for NewPerson {
    type Options = ();

    fn fields(&self, _: &()) -> Vec<FormField> {
        vec![
            FormField::text(T::FieldName, &self.name),
            FormField::text(T::FieldUnit, &self.unit),
            FormField::text(T::FieldCounty, &self.county),
            FormField::text(T::FieldTownship, &self.township),
            FormField::text(T::FieldPosition, &self.position),
            FormField::text(T::FieldPhone, &self.phone),
        ]
    }

    fn read(form: &Form) -> NewPerson {
        NewPerson {
            name: form.text(T::FieldName),
            unit: form.text(T::FieldUnit),
            county: form.text(T::FieldCounty),
            township: form.text(T::FieldTownship),
            position: form.text(T::FieldPosition),
            phone: form.text(T::FieldPhone),
        }
    }
}

/// The empty walk-in form, the name filled in with `typed` when it looks like a name,
/// the phone when it is a whole phone number (an ID number is never copied anywhere).
pub(crate) fn walk_in_form(lang: Lang, typed: &str) -> Form {
    let name = if typed.is_ascii() { "" } else { typed };
    let phone = match ExactKey::parse(typed) {
        Some(ExactKey::Phone(_)) => typed.trim(),
        _ => "",
    };
    let details = NewPerson {
        name: name.to_string(),
        phone: phone.to_string(),
        ..NewPerson::default()
    };
    details.form(T::WalkInTitle.get(lang).to_string(), &())
}
