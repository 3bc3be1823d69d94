//! Keys inside overlays: forms (leave, walk-in, new cohort) and confirmations.

use crate::domain::{CheckInStatus, Person, PersonId};
use crate::store::{Batch, Store};

use super::state::Action;
use super::state::{App, ConfirmKind, FormKind, Overlay};
use super::widgets::form::Form;

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
        let Some(person) = self.find_person(id) else {
            return Ok(());
        };
        let reason = Some(form.value(0).to_string()).filter(|r| !r.is_empty());
        let mut extra = Batch::default();
        let desk = self.desk.as_ref().ok_or_default()?;
        let walk_in = !desk.enrolled.contains(id);
        if walk_in {
            Store::stage_enrolment(&mut extra, &desk.cohort.code, id, self.now(), true);
        }
        if self.record_check_in(&person, CheckInStatus::Leave, reason, extra) {
            if walk_in {
                self.desk.as_mut().expect("open").enrol(person);
            }
            self.checkin.clear();
        }
        Ok(())
    }

    fn submit_walk_in(&mut self, form: &Form) -> Result<(), String> {
        let lang = self.lang;
        let mut person = Person::named(PersonId(ulid::Ulid::generate().to_string()), form.value(0));
        person.unit = form.value(1).to_string();
        person.county = form.value(2).to_string();
        person.township = form.value(3).to_string();
        person.position = form.value(4).to_string();
        person.phone = Some(form.value(5).to_string());
        let person = person.normalise();
        person.validate().map_err(|e| e.to_string())?;
        if person.unit.is_empty() {
            let label = crate::text::Desk::FieldUnit.get(lang);
            return Err(crate::text::Desk::Required.fill(lang, &[label]));
        }
        let desk = self.desk.as_ref().ok_or_default()?;
        let now = self.now();
        let status = crate::domain::attendance::arrival_status(
            &desk.cohort,
            desk.session,
            now.naive_local(),
        );
        let mut extra = Batch::default();
        Store::stage_person(&mut extra, &person);
        Store::stage_enrolment(&mut extra, &desk.cohort.code, &person.id, now, true);
        if self.record_check_in(&person, status, None, extra) {
            if let Some(register) = self.desk.as_mut().and_then(|d| d.register.as_mut()) {
                let mut people = std::mem::take(&mut register.people);
                people.push(person.clone());
                *register = super::desk::Indexed::new(people);
            }
            self.desk.as_mut().expect("open").enrol(person);
            self.checkin.clear();
        }
        Ok(())
    }

    fn find_person(&self, id: &PersonId) -> Option<Person> {
        let desk = self.desk.as_ref()?;
        let in_list = |people: &[Person]| people.iter().find(|p| &p.id == id).cloned();
        in_list(&desk.roster.people)
            .or_else(|| desk.register.as_ref().and_then(|r| in_list(&r.people)))
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

/// `Option` → `Result` with an empty message: the overlay closes without complaint
/// when the desk vanished underneath it (it cannot, but nothing should panic if it did).
trait OrDefault<T> {
    fn ok_or_default(self) -> Result<T, String>;
}

impl<T> OrDefault<T> for Option<T> {
    fn ok_or_default(self) -> Result<T, String> {
        self.ok_or_else(String::new)
    }
}
