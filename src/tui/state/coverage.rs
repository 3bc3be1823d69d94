//! 覆盖: which modules the cohort covered, session by session, the methods used, and
//! the warnings (modules not covered, sessions with nothing logged, bases not accredited).

use crate::domain::coverage::CohortCoverage;
use crate::io::report::coverage::warning_message;
use crate::tui::action::Action;
use crate::tui::app::App;

#[derive(Debug, Clone, Default)]
pub struct CoverageState {
    pub coverage: Option<CohortCoverage>,
    /// The warnings in words, computed with the coverage.
    pub warnings: Vec<String>,
    pub scroll: usize,
}

impl App {
    pub(crate) fn refresh_coverage(&mut self) {
        let Some(desk) = &self.desk else { return };
        let cohort = desk.cohort.clone();
        match self
            .store
            .cohort_coverage(&cohort, self.now().naive_local())
        {
            Err(e) => self.fail(&e),
            Ok(coverage) => {
                self.coverage.warnings = coverage
                    .warnings
                    .iter()
                    .map(|w| warning_message(w, &cohort, &coverage, self.lang))
                    .collect();
                self.coverage.coverage = Some(coverage);
            }
        }
    }

    pub(crate) fn on_coverage(&mut self, action: Action) {
        let last = self.coverage.warnings.len().saturating_sub(1);
        match action {
            Action::Up => self.coverage.scroll = self.coverage.scroll.saturating_sub(1),
            Action::Down => self.coverage.scroll = (self.coverage.scroll + 1).min(last),
            _ => {}
        }
    }
}
