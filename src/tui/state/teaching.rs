//! 教学: the teaching log of the desk's session — log an activity (method, modules by
//! digit keys, base), mark a planned one held in one key, delete (kept in the history).

use crate::domain::Session;
use crate::domain::base::TrainingBase;
use crate::domain::teaching::{
    ActivityDetails, Method, TeachingActivity, TeachingError, parse_hours,
};
use crate::store::{ActivityOutcome, ActivityRequest, StoreResult};
use crate::text::Desk as T;
use crate::tui::state::Action;
use crate::tui::state::{App, ConfirmKind, FormKind, Overlay};
use crate::tui::widgets::form::{Form, FormField};
use crate::tui::widgets::list::ListCursor;

#[derive(Debug, Clone, Default)]
pub struct TeachingState {
    /// Live (not deleted) activities of the desk's session.
    pub activities: Vec<TeachingActivity>,
    pub bases: Vec<TrainingBase>,
    /// (number, label) of the cohort's active modules.
    pub modules: Vec<(u16, String)>,
    pub cursor: ListCursor,
}

impl App {
    pub(crate) fn refresh_teaching(&mut self) {
        if let Err(e) = self.load_teaching() {
            self.fail(&e);
        }
    }

    fn load_teaching(&mut self) -> StoreResult<()> {
        let Some(desk) = &self.desk else {
            return Ok(());
        };
        let code = desk.cohort.code.clone();
        let session = desk.session;
        let catalogue = self.store.catalogue_for(&code)?;
        let all = self.store.activities(&code)?;
        let t = &mut self.teaching;
        t.activities = all
            .into_iter()
            .filter(|a| a.deleted.is_none() && a.details.session == session)
            .collect();
        t.bases = self.store.bases()?;
        t.modules = catalogue
            .active()
            .map(|m| (m.number, self.lang.pick(&m.name_zh, &m.name_en).to_string()))
            .collect();
        t.cursor.clamp(t.activities.len());
        Ok(())
    }

    pub(crate) fn on_teaching(&mut self, action: Action) {
        let len = self.teaching.activities.len();
        match action {
            Action::Up => self.teaching.cursor.prev(),
            Action::Down => self.teaching.cursor.next(len),
            Action::Left => self.step_session(false),
            Action::Right => self.step_session(true),
            Action::New => self.open_activity_form(),
            Action::MarkHeld => self.mark_selected_held(),
            Action::EditActivity => self.open_activity_edit(),
            Action::DeleteActivity => self.ask_delete_activity(),
            _ => {}
        }
    }

    /// Moves the desk to the previous or next session of the cohort.
    fn step_session(&mut self, forward: bool) {
        let Some(desk) = self.desk.as_mut() else {
            return;
        };
        let sessions = desk.cohort.sessions();
        let Some(i) = sessions.iter().position(|s| *s == desk.session) else {
            return;
        };
        let next = if forward {
            (i + 1).min(sessions.len() - 1)
        } else {
            i.saturating_sub(1)
        };
        desk.session = sessions[next];
        desk.undo_stack.clear();
        let cohort = desk.cohort.clone();
        self.sessions.select(&cohort, sessions[next]);
        self.refresh_teaching();
    }

    /// Before a form opens: a closed cohort's log is look-up only, so nobody fills in a
    /// form in vain (the store refuses every change to it anyway).
    fn log_is_writable(&mut self) -> bool {
        let open = self
            .desk
            .as_ref()
            .is_some_and(|d| d.cohort.check_writable().is_ok());
        if !open {
            let why = TeachingError::CohortClosed;
            let reason = self.lang.pick(&why.zh(), &why.to_string()).to_string();
            self.info(T::Refused.fill(self.lang, &[&reason]));
        }
        open
    }

    fn open_activity_edit(&mut self) {
        let Some(a) = self.selected_activity().cloned() else {
            return;
        };
        if !self.log_is_writable() {
            return;
        }
        let d = &a.details;
        let hours = d
            .minutes
            .map(|m| format!("{}", crate::domain::teaching::hours(m)))
            .unwrap_or_default();
        let modules: Vec<String> = d.modules.iter().map(u16::to_string).collect();
        let module_codes: Vec<&str> = modules.iter().map(String::as_str).collect();
        let base = d.base.clone().unwrap_or_default();
        let mut fields = self.activity_fields();
        fields[0] = fields[0].clone().preset(&[d.method.code()]);
        fields[1] = FormField::text(T::FieldTitle, &d.title);
        fields[2] = FormField::text(T::FieldLecturer, &d.lecturer);
        fields[3] = FormField::text(T::FieldRole, &d.role);
        fields[4] = fields[4].clone().preset(&module_codes);
        fields[5] = FormField::text(T::FieldHours, &hours);
        fields[6] = fields[6].clone().preset(&[base.as_str()]);
        fields[7] = FormField::text(T::FieldNotes, &d.notes);
        let title = T::ActivityEditTitle.fill(self.lang, &[&a.id.to_string()]);
        self.overlay = Some(Overlay::Form(
            FormKind::EditActivity(a.id),
            Form::new(title, fields),
        ));
    }

    /// Records the edited details as an edit event (the earlier ones stay).
    pub(crate) fn submit_activity_edit(&mut self, id: u32, form: &Form) -> Result<(), String> {
        let Some(desk) = &self.desk else {
            return Ok(());
        };
        let d = self.details_from(form, desk.session)?;
        let edit = crate::domain::teaching::ActivityEdit {
            session: Some(d.session),
            method: Some(d.method),
            title: Some(d.title),
            lecturer: Some(d.lecturer),
            role: Some(d.role),
            modules: Some(d.modules),
            minutes: Some(d.minutes),
            base: Some(d.base),
            notes: Some(d.notes),
        };
        let result = self
            .store
            .edit_activity(&self.activity_request(), id, &edit);
        match result {
            Err(e) => return Err(e.message(self.lang)),
            Ok(ActivityOutcome::Refused(r)) => {
                return Err(self.lang.pick(&r.zh(), &r.to_string()).to_string());
            }
            Ok(ActivityOutcome::Recorded(a)) => {
                self.hold_if_due(&a);
                self.done(T::ActivityEdited.fill(self.lang, &[&id.to_string()]));
            }
        }
        self.refresh_teaching();
        Ok(())
    }

    /// Editing a planned activity whose session has begun records what took place: it
    /// is marked held too, so it shows as changed (held, but not as planned).
    fn hold_if_due(&mut self, a: &TeachingActivity) {
        let started = self
            .desk
            .as_ref()
            .and_then(|d| d.cohort.starts_at(a.details.session))
            .is_some_and(|start| start <= self.now().naive_local());
        let planned = a.status == crate::domain::ActivityStatus::Planned;
        if planned
            && started
            && let Err(e) = self.store.mark_held(&self.activity_request(), a.id)
        {
            self.fail(&e);
        }
    }

    /// The activity form's fields, empty: method, title, lecturer, role, modules, hours,
    /// base, notes.
    fn activity_fields(&self) -> Vec<FormField> {
        let methods = Method::ALL
            .iter()
            .map(|m| {
                (
                    m.code().to_string(),
                    self.lang.pick(m.zh(), m.en()).to_string(),
                )
            })
            .collect();
        let mut bases = vec![(String::new(), self.t(T::NoBase).to_string())];
        bases.extend(
            self.teaching
                .bases
                .iter()
                .map(|b| (b.id.clone(), b.name.clone())),
        );
        vec![
            FormField::choice(T::FieldMethod, methods),
            FormField::text(T::FieldTitle, ""),
            FormField::text(T::FieldLecturer, ""),
            FormField::text(T::FieldRole, ""),
            FormField::toggles(T::FieldModules, self.teaching.modules.clone()),
            FormField::text(T::FieldHours, ""),
            FormField::choice(T::FieldBase, bases),
            FormField::text(T::FieldNotes, ""),
        ]
    }

    fn open_activity_form(&mut self) {
        if !self.log_is_writable() {
            return;
        }
        let Some(desk) = &self.desk else { return };
        let title = T::ActivityFormTitle.fill(self.lang, &[&self.session_label(desk.session)]);
        let form = Form::new(title, self.activity_fields());
        self.overlay = Some(Overlay::Form(FormKind::Activity, form));
    }

    /// Saves the activity form; a problem keeps the form open with the message.
    pub(crate) fn submit_activity_form(&mut self, form: &Form) -> Result<(), String> {
        let Some(desk) = &self.desk else {
            return Ok(());
        };
        let details = self.details_from(form, desk.session)?;
        let request = self.activity_request();
        let outcome = self
            .store
            .add_activity(&request, details, false)
            .map_err(|e| e.message(self.lang))?;
        match outcome {
            ActivityOutcome::Refused(r) => {
                return Err(self.lang.pick(&r.zh(), &r.to_string()).to_string());
            }
            ActivityOutcome::Recorded(a) => {
                let text =
                    T::ActivityLogged.fill(self.lang, &[&a.id.to_string(), &a.details.title]);
                self.done(text);
            }
        }
        self.refresh_teaching();
        Ok(())
    }

    fn details_from(&self, form: &Form, session: Session) -> Result<ActivityDetails, String> {
        let method = Method::parse(form.value(0)).unwrap_or(Method::Lecture);
        let minutes = match form.value(5) {
            "" => None,
            text => Some(parse_hours(text).ok_or_else(|| self.t(T::BadHours).to_string())?),
        };
        let base = Some(form.value(6).to_string()).filter(|b| !b.is_empty());
        Ok(ActivityDetails {
            session,
            method,
            title: form.value(1).to_string(),
            lecturer: form.value(2).to_string(),
            role: form.value(3).to_string(),
            modules: form.field(4).map(FormField::toggled).unwrap_or_default(),
            minutes,
            base,
            notes: form.value(7).to_string(),
        })
    }

    fn activity_request(&self) -> ActivityRequest<'_> {
        ActivityRequest {
            cohort: &self.desk.as_ref().expect("callers check the desk").cohort,
            at: self.now(),
            by: None,
            catalogue: None,
        }
    }

    fn selected_activity(&self) -> Option<&TeachingActivity> {
        self.teaching.cursor.pick(&self.teaching.activities)
    }

    fn mark_selected_held(&mut self) {
        let Some(id) = self.selected_activity().map(|a| a.id) else {
            return;
        };
        if self.desk.is_none() {
            return;
        }
        let result = self.store.mark_held(&self.activity_request(), id);
        self.report_activity(result, T::ActivityHeld, id);
    }

    fn ask_delete_activity(&mut self) {
        let Some(a) = self.selected_activity() else {
            return;
        };
        let question =
            T::ConfirmDeleteActivity.fill(self.lang, &[&a.id.to_string(), &a.details.title]);
        self.overlay = Some(Overlay::Confirm(
            ConfirmKind::DeleteActivity(a.id),
            question,
        ));
    }

    pub(crate) fn delete_activity(&mut self, id: u32) {
        if self.desk.is_none() {
            return;
        }
        let result = self
            .store
            .delete_activity(&self.activity_request(), id, None);
        self.report_activity(result, T::ActivityDeleted, id);
    }

    fn report_activity(&mut self, result: StoreResult<ActivityOutcome>, done: T, id: u32) {
        match result {
            Err(e) => self.fail(&e),
            Ok(ActivityOutcome::Refused(r)) => {
                let reason = self.lang.pick(&r.zh(), &r.to_string()).to_string();
                self.info(T::Refused.fill(self.lang, &[&reason]));
            }
            Ok(ActivityOutcome::Recorded(_)) => self.done(done.fill(self.lang, &[&id.to_string()])),
        }
        self.refresh_teaching();
    }
}
