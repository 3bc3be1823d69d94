//! 覆盖: which modules the cohort covered, session by session, the methods used, and
//! the warnings (modules not covered, sessions with nothing logged, bases not accredited).

use crate::domain::coverage::CohortCoverage;
use crate::io::report::coverage::{module_label, warning_message};
use crate::tui::state::Action;
use crate::tui::state::App;
use crate::tui::widgets::list::ListCursor;

#[derive(Debug, Clone, Default)]
pub struct CoverageState {
    pub coverage: Option<CohortCoverage>,
    /// The warnings in words, computed with the coverage.
    pub warnings: Vec<String>,
    /// Each covered module's label (`3 党的创新理论`), in the coverage's order.
    pub module_labels: Vec<String>,
    /// The first warning shown.
    pub scroll: ListCursor,
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
                self.coverage.module_labels = coverage
                    .modules
                    .iter()
                    .map(|m| module_label(&m.module, self.lang))
                    .collect();
                self.coverage.coverage = Some(coverage);
            }
        }
    }

    pub(crate) fn on_coverage(&mut self, action: Action) {
        let len = self.coverage.warnings.len();
        match action {
            Action::Up => self.coverage.scroll.prev(),
            Action::Down => self.coverage.scroll.next(len),
            _ => {}
        }
    }
}
