//! 班次: the list of cohorts; open one for the desk, create one, close one.

use chrono::NaiveDate;

use crate::domain::cohort::{self, DEFAULT_COMPLETION_PERCENT, DEFAULT_GRACE_MINUTES};
use crate::domain::{Cohort, Level, SlotDef};
use crate::store::{Batch, CohortChange, Store, StoreResult};
use crate::text::Desk as T;
use crate::tui::state::Action;
use crate::tui::state::ScreenId;
use crate::tui::state::{App, ConfirmKind, FormKind, Overlay};
use crate::tui::widgets::form::{Form, FormField};
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
        let counts = self.store.enrolment_counts()?;
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
                self.done(T::CohortOpened.fill(self.lang, &[&code]));
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
        let today = self.now().date_naive().to_string();
        let levels = [
            ("county", "县级 county"),
            ("city", "市级 city"),
            ("province", "省级 province"),
        ]
        .map(|(c, l)| (c.to_string(), l.to_string()))
        .to_vec();
        let fields = vec![
            FormField::text(T::ItemName, ""),
            FormField::text(T::FieldStart, &today),
            FormField::text(T::FieldDays, "4"),
            FormField::text(T::FieldSlots, "am,pm"),
            FormField::choice(T::FieldLevel, levels),
            FormField::text(T::FieldVenue, ""),
        ];
        let form = Form::new(self.t(T::CohortFormTitle).to_string(), fields);
        self.overlay = Some(Overlay::Form(FormKind::NewCohort, form));
    }

    /// Validates the new-cohort form; on success saves it and opens it at the desk.
    pub(crate) fn submit_cohort_form(&mut self, form: &Form) -> Result<(), String> {
        let cohort = self.cohort_from_form(form)?;
        let mut batch = Batch::default();
        Store::stage_cohort(&mut batch, &cohort);
        self.store.commit(batch).map_err(|e| e.message(self.lang))?;
        self.enter_cohort(&cohort.code)
            .map_err(|e| e.message(self.lang))?;
        self.done(T::CohortCreated.fill(self.lang, &[&cohort.code]));
        self.screen = ScreenId::CheckIn;
        Ok(())
    }

    fn cohort_from_form(&self, form: &Form) -> Result<Cohort, String> {
        let name = form.value(0);
        if name.is_empty() {
            return Err(T::Required.fill(self.lang, &[self.t(T::ItemName)]));
        }
        let start = NaiveDate::parse_from_str(form.value(1), "%Y-%m-%d")
            .map_err(|_| self.t(T::BadDate).to_string())?;
        let days: u16 = form
            .value(2)
            .parse()
            .map_err(|_| self.t(T::BadDays).to_string())?;
        let slots = form
            .value(3)
            .split(',')
            .map(SlotDef::parse)
            .collect::<Result<Vec<_>, _>>()?;
        let existing: Vec<String> = self
            .cohorts
            .list
            .iter()
            .map(|r| r.cohort.code.clone())
            .collect();
        let cohort = Cohort {
            code: cohort::next_code(chrono::Datelike::year(&start), &existing),
            name: name.to_string(),
            level: Level::parse(form.value(4)).unwrap_or(Level::County),
            field_focus: None,
            start,
            days,
            slots,
            venue: form.value(5).to_string(),
            open: true,
            grace_minutes: DEFAULT_GRACE_MINUTES,
            completion_percent: DEFAULT_COMPLETION_PERCENT,
            closed_sessions: vec![],
            created_at: self.now(),
        };
        cohort.validate().map_err(|e| e.to_string())?;
        Ok(cohort)
    }

    fn ask_close_cohort(&mut self) {
        let Some(row) = self.cohorts.cursor.pick(&self.cohorts.list) else {
            return;
        };
        if !row.cohort.open {
            return self.info(self.t(T::CohortClosedNote).to_string());
        }
        let code = row.cohort.code.clone();
        let question = T::ConfirmCloseCohort.fill(self.lang, &[&code]);
        self.overlay = Some(Overlay::Confirm(ConfirmKind::CloseCohort(code), question));
    }

    pub(crate) fn close_cohort(&mut self, code: &str) {
        match self.store.close_cohort(code) {
            Err(e) => self.fail(&e),
            Ok(CohortChange::Changed(cohort)) => {
                if let Some(desk) = self.desk.as_mut().filter(|d| d.cohort.code == code) {
                    desk.cohort = cohort;
                }
                let _ = self.refresh_cohorts();
                self.done(T::CohortClosed.fill(self.lang, &[code]));
            }
            Ok(CohortChange::Missing) => {}
            Ok(_) => self.info(self.t(T::CohortClosedNote).to_string()),
        }
    }
}
