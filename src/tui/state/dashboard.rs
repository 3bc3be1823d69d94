//! 看板: the current cohort at a glance and the year's city-level quota per county with
//! the 学时 credited there (and by field); Enter on a county lists its people not yet
//! trained this year. Computed by `ops::year` (each cohort's credit once) on entering
//! the screen, never while drawing.

use chrono::Datelike;

use crate::domain::report::DEFAULT_QUOTA_PERCENT;
use crate::io::report::PersonLine;
use crate::io::report::year::{HoursCount, QuotaOut};
use crate::store::StoreResult;
use crate::tui::state::Action;
use crate::tui::state::App;
use crate::tui::widgets::list::ListCursor;

#[derive(Debug, Clone, Default)]
pub struct DashboardState {
    pub year: i32,
    pub quota: Vec<QuotaOut>,
    pub untrained: Vec<PersonLine>,
    pub cursor: ListCursor,
    /// The untrained list of the selected county is open.
    pub showing: bool,
    /// The open cohort's modules: label and whether a held activity covered it.
    pub modules: Vec<(String, bool)>,
    /// 学时 credited in the year's cohorts, by county and by field code.
    pub hours_by_county: Vec<HoursCount>,
    pub hours_by_field: Vec<HoursCount>,
}

impl DashboardState {
    /// The untrained people of the selected county.
    pub fn county_untrained(&self) -> Vec<&PersonLine> {
        let Some(line) = self.cursor.pick(&self.quota) else {
            return Vec::new();
        };
        self.untrained
            .iter()
            .filter(|p| p.county == line.county)
            .collect()
    }

    /// 学时 credited to people of a county this year (0 when none).
    pub fn county_hours(&self, county: &str) -> f64 {
        self.hours_by_county
            .iter()
            .find(|h| h.key == county)
            .map_or(0.0, |h| h.hours)
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
        let input = crate::ops::year::Year {
            year,
            today: self.now().date_naive(),
            quota_percent: DEFAULT_QUOTA_PERCENT,
            generated_at: "",
            include_sensitive: false,
            coverage: false,
        };
        let report = crate::ops::year::report(&self.store, input)?;
        let mut cursor = self.dashboard.cursor;
        cursor.clamp(report.quota.len());
        self.dashboard = DashboardState {
            year,
            quota: report.quota,
            untrained: report.untrained,
            cursor,
            showing: false,
            modules: self.module_coverage()?,
            hours_by_county: report.hours_by_county,
            hours_by_field: report.hours_by_field,
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
        let d = &mut self.dashboard;
        match action {
            Action::Up => d.cursor.prev(),
            Action::Down => d.cursor.next(d.quota.len()),
            Action::Submit => d.showing = !d.showing,
            Action::Back => d.showing = false,
            Action::OpenBundles => self.open_bundles(),
            _ => {}
        }
    }
}
