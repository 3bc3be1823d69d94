//! 看板: the current cohort at a glance and the year's city-level quota per county;
//! Enter on a county lists its people not yet trained this year.

use chrono::Datelike;

use crate::domain::report::DEFAULT_QUOTA_PERCENT;
use crate::io::report::PersonLine;
use crate::io::report::year::{self, CohortRecords, QuotaOut, YearInput};
use crate::store::StoreResult;
use crate::tui::action::Action;
use crate::tui::app::App;

#[derive(Debug, Clone, Default)]
pub struct DashboardState {
    pub year: i32,
    pub quota: Vec<QuotaOut>,
    pub untrained: Vec<PersonLine>,
    pub selected: usize,
    /// The untrained list of the selected county is open.
    pub showing: bool,
    /// The open cohort's modules: label and whether a held activity covered it.
    pub modules: Vec<(String, bool)>,
}

impl DashboardState {
    /// The untrained people of the selected county.
    pub fn county_untrained(&self) -> Vec<&PersonLine> {
        let Some(line) = self.quota.get(self.selected) else {
            return Vec::new();
        };
        self.untrained
            .iter()
            .filter(|p| p.county == line.county)
            .collect()
    }
}

impl App {
    /// Recomputes the year's quota from the store (only on entering the screen).
    pub(crate) fn refresh_dashboard(&mut self) {
        if let Err(e) = self.compute_dashboard() {
            self.fail(&e);
        }
    }

    fn compute_dashboard(&mut self) -> StoreResult<()> {
        let year = self.now().year();
        let register = self.store.people()?;
        let cohorts = self.store.cohorts()?;
        let mut records = Vec::new();
        for cohort in cohorts.iter().filter(|c| c.start.year() == year) {
            let roster = self
                .store
                .enrolments(&cohort.code)?
                .into_iter()
                .map(|e| e.person)
                .collect();
            let events = self.store.events(&cohort.code)?;
            records.push(CohortRecords {
                cohort,
                roster,
                events,
            });
        }
        let stamp = String::new();
        let report = year::build(YearInput {
            year,
            register: &register,
            cohorts: records,
            quota_percent: DEFAULT_QUOTA_PERCENT,
            generated_at: &stamp,
            include_sensitive: false,
        });
        let selected = self
            .dashboard
            .selected
            .min(report.quota.len().saturating_sub(1));
        self.dashboard = DashboardState {
            year,
            quota: report.quota,
            untrained: report.untrained,
            selected,
            showing: false,
            modules: self.module_coverage()?,
        };
        Ok(())
    }

    fn module_coverage(&self) -> StoreResult<Vec<(String, bool)>> {
        let Some(desk) = &self.desk else {
            return Ok(Vec::new());
        };
        let coverage = self
            .store
            .cohort_coverage(&desk.cohort, self.now().naive_local())?;
        let label = |m: &crate::domain::coverage::ModuleCoverage| {
            crate::io::report::coverage::module_label(&m.module, self.lang)
        };
        Ok(coverage
            .modules
            .iter()
            .map(|m| (label(m), m.covered))
            .collect())
    }

    pub(crate) fn on_dashboard(&mut self, action: Action) {
        let last = self.dashboard.quota.len().saturating_sub(1);
        let d = &mut self.dashboard;
        match action {
            Action::Up => d.selected = d.selected.saturating_sub(1),
            Action::Down => d.selected = (d.selected + 1).min(last),
            Action::Submit => d.showing = !d.showing,
            Action::Back => d.showing = false,
            _ => {}
        }
    }
}
