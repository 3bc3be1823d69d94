//! 班次: the list of cohorts; open one for the desk, create one, close one.

use crate::domain::cohort::DEFAULT_GRACE_MINUTES;
use crate::domain::{Cohort, Level};
use crate::ops;
use crate::ops::cohort::{CohortClosing, NewCohort};
use crate::store::StoreResult;
use crate::text::{Desk as T, Lang};
use crate::tr;
use crate::tui::state::Action;
use crate::tui::state::ScreenId;
use crate::tui::state::{App, ConfirmKind, FormKind, Overlay};
use crate::tui::widgets::form::{Form, FormField, TypedForm};
use crate::tui::widgets::list::ListCursor;

/// One line of the list: the cohort and how many are enrolled.
#[derive(Debug, Clone)]
pub struct CohortRow {
    pub cohort: Cohort,
    pub enrolled: usize,
}

#[derive(Debug, Clone, Default)]
pub struct CohortsState {
    /// Oldest first.
    pub list: Vec<CohortRow>,
    pub cursor: ListCursor,
}

impl App {
    pub(crate) fn refresh_cohorts(&mut self) -> StoreResult<()> {
        let counts = self.store.enrolment_counts_as_one()?;
        self.cohorts.list = self
            .store
            .cohorts()?
            .into_iter()
            .map(|cohort| CohortRow {
                enrolled: counts.get(&cohort.code).copied().unwrap_or(0),
                cohort,
            })
            .collect();
        self.cohorts.cursor.clamp(self.cohorts.list.len());
        Ok(())
    }

    pub(crate) fn on_cohorts(&mut self, action: Action) {
        let len = self.cohorts.list.len();
        match action {
            Action::Up => self.cohorts.cursor.prev(),
            Action::Down => self.cohorts.cursor.next(len),
            Action::Submit => self.open_selected_cohort(),
            Action::New => self.open_cohort_form(),
            Action::CloseCohort => self.ask_close_cohort(),
            _ => {}
        }
    }

    fn open_selected_cohort(&mut self) {
        let Some(row) = self.cohorts.cursor.pick(&self.cohorts.list) else {
            return;
        };
        let code = row.cohort.code.clone();
        match self.enter_cohort(&code) {
            Err(e) => self.fail(&e),
            Ok(()) => {
                self.done(tr!(self.lang, T::CohortOpened, code = code));
                self.screen = ScreenId::CheckIn;
            }
        }
    }

    /// Opens the cohort at the desk and remembers it for the next start.
    pub(crate) fn enter_cohort(&mut self, code: &str) -> StoreResult<()> {
        let Some(cohort) = self.store.cohort(code)? else {
            return Ok(());
        };
        self.remember_cohort(code)?;
        self.open_desk(cohort)?;
        self.refresh_cohorts()?;
        self.welcome = false;
        Ok(())
    }

    pub(crate) fn open_cohort_form(&mut self) {
        let form = CohortForm {
            start: self.now().date_naive().to_string(),
            days: "4".into(),
            slots: "am,pm".into(),
            ..CohortForm::default()
        };
        let title = self.t(T::CohortFormTitle).to_string();
        let form = form.form(title, &self.lang);
        self.overlay = Some(Overlay::Form(FormKind::NewCohort, form));
    }

    /// Creates the cohort the form describes and opens it at the desk; a refusal keeps
    /// the form open with the command line's message.
    pub(crate) fn submit_cohort_form(&mut self, form: &Form) -> Result<(), String> {
        let input = CohortForm::read(form).into_input();
        let cohort = ops::cohort::create(&self.store, self.now(), &input)
            .map_err(|e| e.message(self.lang))?;
        self.enter_cohort(&cohort.code)
            .map_err(|e| e.message(self.lang))?;
        self.done(tr!(self.lang, T::CohortCreated, code = cohort.code));
        self.screen = ScreenId::CheckIn;
        Ok(())
    }

    fn ask_close_cohort(&mut self) {
        let Some(row) = self.cohorts.cursor.pick(&self.cohorts.list) else {
            return;
        };
        if !row.cohort.open {
            return self.info(tr!(self.lang, T::CohortClosedNote));
        }
        let code = row.cohort.code.clone();
        let question = tr!(self.lang, T::ConfirmCloseCohort, code = code);
        self.overlay = Some(Overlay::Confirm(ConfirmKind::CloseCohort(code), question));
    }

    pub(crate) fn close_cohort(&mut self, code: &str) {
        match ops::cohort::close(&self.store, code) {
            Err(e) => self.op_failed(e),
            Ok(CohortClosing::Changed(cohort)) => {
                if let Some(desk) = self.desk.as_mut().filter(|d| d.cohort.code == code) {
                    desk.set_cohort(cohort);
                }
                let _ = self.refresh_cohorts();
                self.done(tr!(self.lang, T::CohortClosed, code = code));
            }
            Ok(CohortClosing::Unchanged(_)) => self.info(tr!(self.lang, T::CohortClosedNote)),
        }
    }
}

/// The new-cohort form: what the command line's `cohort new` takes, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CohortForm {
    pub name: String,
    pub start: String,
    pub days: String,
    pub slots: String,
    /// province, city or county.
    pub level: String,
    pub venue: String,
}

impl CohortForm {
    fn into_input(self) -> NewCohort {
        NewCohort {
            name: self.name,
            start: self.start,
            days: self.days,
            slots: self.slots,
            level: self.level,
            field: None,
            venue: self.venue,
            grace_minutes: DEFAULT_GRACE_MINUTES,
            code: None,
            rules: Default::default(),
        }
    }
}

impl TypedForm for CohortForm {
    type Options = Lang;

    fn fields(&self, lang: &Lang) -> Vec<FormField> {
        let levels = [Level::County, Level::City, Level::Province]
            .map(|l| (l.code().to_string(), l.label(*lang).to_string()))
            .to_vec();
        vec![
            FormField::text(T::ItemName, &self.name),
            FormField::text(T::FieldStart, &self.start),
            FormField::text(T::FieldDays, &self.days),
            FormField::text(T::FieldSlots, &self.slots),
            FormField::choice(T::FieldLevel, levels).preset(&[self.level.as_str()]),
            FormField::text(T::FieldVenue, &self.venue),
        ]
    }

    fn read(form: &Form) -> CohortForm {
        CohortForm {
            name: form.text(T::ItemName),
            start: form.text(T::FieldStart),
            days: form.text(T::FieldDays),
            slots: form.text(T::FieldSlots),
            level: form.text(T::FieldLevel),
            venue: form.text(T::FieldVenue),
        }
    }
}
