//! 教学: the teaching log of the desk's session — log an activity (method, modules by
//! digit keys, base), mark a planned one held in one key, delete (kept in the history).

use crate::domain::Session;
use crate::domain::base::TrainingBase;
use crate::domain::teaching::{self, Method, TeachingActivity, TeachingError};
use crate::ops::activity::{ActivityChanges, LogBy, Logged, Modules, NewActivity};
use crate::ops::{self, OpError, OpResult};
use crate::store::StoreResult;
use crate::text::{Desk as T, Lang};
use crate::tr;
use crate::tui::state::Action;
use crate::tui::state::{App, ConfirmKind, FormKind, Overlay};
use crate::tui::widgets::form::{Form, FormField, TypedForm};
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
        let Some(desk) = self.desk.as_mut() else {
            return Ok(());
        };
        let code = desk.cohort.code.clone();
        let session = desk.session;
        let catalogue = self.store.catalogue_for(&code)?;
        let all = self.store.activities(&code)?;
        // A session's 学时 follow its held activities.
        desk.set_activities(&all);
        let t = &mut self.teaching;
        t.activities = all
            .into_iter()
            .filter(|a| a.deleted.is_none() && a.details.session == session)
            .collect();
        t.bases = self.store.bases()?;
        t.modules = catalogue
            .active()
            .map(|m| (m.number, m.name(self.lang).to_string()))
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
        desk.switch_to(sessions[next]);
        let cohort = desk.cohort.clone();
        self.sessions.select(&cohort, sessions[next]);
        self.refresh_teaching();
    }

    /// Before a form opens: a closed cohort's log is look-up only, so nobody fills in a
    /// form in vain (the operations refuse every change to it anyway).
    fn log_is_writable(&mut self) -> bool {
        let open = self
            .desk
            .as_ref()
            .is_some_and(|d| d.cohort.check_writable().is_ok());
        if !open {
            self.op_failed(OpError::Teaching(TeachingError::CohortClosed));
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
        let base = d.base.as_deref().and_then(|id| self.base_name(id));
        let form = ActivityForm {
            method: d.method.code().to_string(),
            title: d.title.clone(),
            lecturer: d.lecturer.clone(),
            role: d.role.clone(),
            modules: d.modules.clone(),
            hours: match (d.class_hours, d.minutes) {
                (Some(n), _) => format!("{n}学时"),
                (None, Some(m)) => teaching::hours(m).to_string(),
                (None, None) => String::new(),
            },
            base: base.unwrap_or_default(),
            notes: d.notes.clone(),
        };
        let title = tr!(self.lang, T::ActivityEditTitle, id = a.id);
        let form = form.form(title, &self.activity_options());
        self.overlay = Some(Overlay::Form(FormKind::EditActivity(a.id), form));
    }

    fn base_name(&self, id: &str) -> Option<String> {
        let bases = &self.teaching.bases;
        bases.iter().find(|b| b.id == id).map(|b| b.name.clone())
    }

    /// Records the edited details as an edit event (the earlier ones stay); a planned
    /// activity whose session has begun is marked held too.
    pub(crate) fn submit_activity_edit(&mut self, id: u32, form: &Form) -> Result<(), String> {
        let Some(desk) = &self.desk else {
            return Ok(());
        };
        let changes = ActivityForm::read(form).into_changes(desk.session);
        let result = ops::activity::edit(&self.store, self.log_by(), id, &changes);
        match result.map_err(|e| e.message(self.lang))? {
            Logged::Unchanged(e) => {
                return Err(OpError::Teaching(e).message(self.lang));
            }
            Logged::Recorded(_) => self.done(tr!(self.lang, T::ActivityEdited, id = id)),
        }
        self.refresh_teaching();
        Ok(())
    }

    fn activity_options(&self) -> ActivityOptions {
        ActivityOptions {
            lang: self.lang,
            modules: self.teaching.modules.clone(),
            bases: self.teaching.bases.iter().map(|b| b.name.clone()).collect(),
        }
    }

    fn open_activity_form(&mut self) {
        if !self.log_is_writable() {
            return;
        }
        let Some(desk) = &self.desk else { return };
        let session = self.session_label(desk.session);
        let title = tr!(self.lang, T::ActivityFormTitle, session = session);
        let form = ActivityForm::default().form(title, &self.activity_options());
        self.overlay = Some(Overlay::Form(FormKind::Activity, form));
    }

    /// Logs the activity the form describes; a refusal keeps the form open with its
    /// message.
    pub(crate) fn submit_activity_form(&mut self, form: &Form) -> Result<(), String> {
        let Some(desk) = &self.desk else {
            return Ok(());
        };
        let input = ActivityForm::read(form).into_new(desk.session);
        let result = ops::activity::log(&self.store, self.log_by(), &input, false);
        match result.map_err(|e| e.message(self.lang))? {
            Logged::Unchanged(e) => return Err(OpError::Teaching(e).message(self.lang)),
            Logged::Recorded(a) => {
                let text = tr!(
                    self.lang,
                    T::ActivityLogged,
                    id = a.id,
                    title = a.details.title
                );
                self.done(text);
            }
        }
        self.refresh_teaching();
        Ok(())
    }

    fn log_by(&self) -> LogBy<'_> {
        LogBy {
            cohort: &self
                .desk
                .as_ref()
                .expect("callers check the desk")
                .cohort
                .code,
            at: self.now(),
            by: None,
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
        let result = ops::activity::hold(&self.store, self.log_by(), id);
        self.report_activity(result, T::ActivityHeld, id);
    }

    fn ask_delete_activity(&mut self) {
        let Some(a) = self.selected_activity() else {
            return;
        };
        let question = tr!(
            self.lang,
            T::ConfirmDeleteActivity,
            id = a.id,
            title = a.details.title
        );
        self.overlay = Some(Overlay::Confirm(
            ConfirmKind::DeleteActivity(a.id),
            question,
        ));
    }

    pub(crate) fn delete_activity(&mut self, id: u32) {
        if self.desk.is_none() {
            return;
        }
        let result = ops::activity::delete(&self.store, self.log_by(), id, None);
        self.report_activity(result, T::ActivityDeleted, id);
    }

    fn report_activity(&mut self, result: OpResult<Logged>, done: T, id: u32) {
        match result {
            Err(e) => self.op_failed(e),
            Ok(Logged::Unchanged(e)) => self.op_failed(OpError::Teaching(e)),
            Ok(Logged::Recorded(_)) => self.done(tr!(self.lang, done, id = id)),
        }
        self.refresh_teaching();
    }
}

/// What the activity form offers: the language of its labels, the cohort's modules as
/// (number, name), the bases by name.
pub struct ActivityOptions {
    pub lang: Lang,
    pub modules: Vec<(u16, String)>,
    pub bases: Vec<String>,
}

/// The activity form: method, title, lecturer, role, modules, hours, base, notes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActivityForm {
    /// A method's code.
    pub method: String,
    pub title: String,
    pub lecturer: String,
    pub role: String,
    pub modules: Vec<u16>,
    /// `2`, `1.5` or `1:30`; empty for none.
    pub hours: String,
    /// A base's name; empty for none.
    pub base: String,
    pub notes: String,
}

impl ActivityForm {
    fn into_new(self, session: Session) -> NewActivity {
        NewActivity {
            session,
            method: self.method,
            title: self.title,
            lecturer: self.lecturer,
            role: self.role,
            modules: Modules::Numbers(self.modules),
            hours: self.hours,
            base: self.base,
            notes: self.notes,
        }
    }

    /// Every detail as the form shows it: an empty hours or base clears it.
    fn into_changes(self, session: Session) -> ActivityChanges {
        ActivityChanges {
            session: Some(session),
            method: Some(self.method),
            title: Some(self.title),
            lecturer: Some(self.lecturer),
            role: Some(self.role),
            modules: Some(Modules::Numbers(self.modules)),
            hours: Some(self.hours),
            base: Some(self.base),
            notes: Some(self.notes),
            hold_if_started: true,
        }
    }
}

impl TypedForm for ActivityForm {
    type Options = ActivityOptions;

    fn fields(&self, options: &ActivityOptions) -> Vec<FormField> {
        let lang = options.lang;
        let methods = Method::ALL
            .iter()
            .map(|m| (m.code().to_string(), m.label(lang).to_string()))
            .collect();
        let mut bases = vec![(String::new(), tr!(lang, T::NoBase))];
        bases.extend(options.bases.iter().map(|b| (b.clone(), b.clone())));
        let modules: Vec<String> = self.modules.iter().map(u16::to_string).collect();
        let modules: Vec<&str> = modules.iter().map(String::as_str).collect();
        vec![
            FormField::choice(T::FieldMethod, methods).preset(&[self.method.as_str()]),
            FormField::text(T::FieldTitle, &self.title),
            FormField::text(T::FieldLecturer, &self.lecturer),
            FormField::text(T::FieldRole, &self.role),
            FormField::toggles(T::FieldModules, options.modules.clone()).preset(&modules),
            FormField::text(T::FieldHours, &self.hours),
            FormField::choice(T::FieldBase, bases).preset(&[self.base.as_str()]),
            FormField::text(T::FieldNotes, &self.notes),
        ]
    }

    fn read(form: &Form) -> ActivityForm {
        ActivityForm {
            method: form.text(T::FieldMethod),
            title: form.text(T::FieldTitle),
            lecturer: form.text(T::FieldLecturer),
            role: form.text(T::FieldRole),
            modules: form.toggled(T::FieldModules),
            hours: form.text(T::FieldHours),
            base: form.text(T::FieldBase),
            notes: form.text(T::FieldNotes),
        }
    }
}
