//! 签退 at the desk: Ctrl-O signs the selected person out of the session in hand. Early
//! leave (早退) opens a form for the reason first, as leave does; the operation is
//! [`crate::ops::signout`], the same as `lunxun signout`.

use crate::domain::PersonId;
use crate::domain::sign_out::SignOutRefusal;
use crate::ops::checkin::Where;
use crate::ops::signout::{self as ops, SignOut, SignOutError, SignedOut};
use crate::text::{Desk as T, Lang, SigningOut};
use crate::tr;
use crate::tui::widgets::form::{Form, FormField, TypedForm};
use crate::tui::widgets::sanitize;

use super::{App, FormKind, Overlay};

impl App {
    /// Ctrl-O: signs the selected person out now, or asks why they leave early.
    pub(super) fn sign_out_selected(&mut self) {
        let Some(desk) = self.desk.as_ref() else {
            return;
        };
        let Some(person) = self.checkin.selected_person(desk).cloned() else {
            self.info(self.t(T::PickSomeone).to_string());
            return;
        };
        let at = Where {
            cohort: &desk.cohort,
            session: desk.session,
        };
        let arrived = desk
            .status(&person.id, desk.session)
            .is_some_and(|s| s.status.attended());
        match ops::early_leave(at, self.now()) {
            // Ask for a reason only when the store would take it; else it says why not.
            Some(minutes) if arrived => {
                if self.desk_is_writable() {
                    let form = sign_out_form(self.lang, &person.name, minutes);
                    let kind = FormKind::SignOut(person.id.clone());
                    self.overlay = Some(Overlay::Form(kind, form));
                }
            }
            _ => {
                if let Err(message) = self.record_sign_out(&person.id, None) {
                    self.info(message);
                }
            }
        }
    }

    pub(super) fn submit_sign_out(&mut self, id: &PersonId, form: &Form) -> Result<(), String> {
        let SignOutForm { reason } = SignOutForm::read(form);
        self.record_sign_out(id, Some(reason))
    }

    /// Signs `id` out; once durable, takes note of the event (undoable with Ctrl-Z) and
    /// says so. Early leave without a reason comes back as the message for the form.
    fn record_sign_out(&mut self, id: &PersonId, reason: Option<String>) -> Result<(), String> {
        let Some(desk) = self.desk.as_ref() else {
            return Ok(());
        };
        let name = desk.person(id).map(|p| sanitize(&p.name).into_owned());
        let name = name.unwrap_or_default();
        let at = Where {
            cohort: &desk.cohort,
            session: desk.session,
        };
        let input = SignOut {
            at,
            person: id,
            reason,
        };
        match ops::sign_out(&self.store, self.now(), input) {
            Ok(done) => {
                let desk = self.desk.as_mut().expect("open");
                desk.undo_stack.push((id.clone(), done.event.session));
                desk.record(done.event.clone());
                crate::store::trace::acknowledged(self.store.commit_seq());
                self.done(signed_out_text(self.lang, &name, &done));
                self.warn_if_cannot_complete(id, &name);
                self.checkin.clear();
                Ok(())
            }
            Err(SignOutError::Store(e)) => {
                self.fail(&e);
                Ok(())
            }
            Err(SignOutError::Refused(SignOutRefusal::Closed(closed))) => {
                self.info(self.closed_text(closed));
                Ok(())
            }
            Err(SignOutError::Refused(refusal @ SignOutRefusal::ReasonNeeded { .. })) => {
                Err(refusal.message(self.lang))
            }
            Err(SignOutError::Refused(refusal)) => {
                self.info(format!("{name}：{}", refusal.message(self.lang)));
                Ok(())
            }
        }
    }
}

/// `← 张伟 签退 11:28`, or with the minutes early and the reason.
fn signed_out_text(lang: Lang, name: &str, done: &SignedOut) -> String {
    let time = done.event.at.format("%H:%M");
    match done.early {
        None => tr!(lang, SigningOut::SignOutDeskDone, name = name, time = time),
        Some(minutes) => tr!(
            lang,
            SigningOut::SignOutDeskEarly,
            name = name,
            time = time,
            minutes = minutes,
            reason = done.reason.as_deref().unwrap_or("—")
        ),
    }
}

/// The early-leave form (早退): the reason, which the sign-out needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SignOutForm {
    pub reason: String,
}

impl TypedForm for SignOutForm {
    type Options = ();

    fn fields(&self, _: &()) -> Vec<FormField> {
        vec![FormField::text(T::SignOutFormReason, &self.reason)]
    }

    fn read(form: &Form) -> SignOutForm {
        SignOutForm {
            reason: form.text(T::SignOutFormReason),
        }
    }
}

fn sign_out_form(lang: Lang, name: &str, minutes: u32) -> Form {
    let title = tr!(
        lang,
        SigningOut::SignOutFormTitle,
        name = name,
        minutes = minutes
    );
    let empty = SignOutForm {
        reason: String::new(),
    };
    empty.form(title, &())
}
