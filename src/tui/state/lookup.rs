//! 查询: the same search, read-only, with a detail pane for the selected person: their
//! details, their standing in the open cohort (the desk's credit) and their training
//! record (培训档案: every cohort, read when the selection moves to someone else).

use chrono::Datelike;

use crate::domain::credit::record::{DEFAULT_ANNUAL_TARGET, TrainingRecord, YearTotal};
use crate::ops;
use crate::tui::state::Action;
use crate::tui::state::App;

/// The selected person's training record, and this year's total by the desk's clock.
#[derive(Debug, Clone, PartialEq)]
pub struct LookupRecord {
    pub training: TrainingRecord,
    pub year: YearTotal,
}

impl App {
    pub(crate) fn on_lookup(&mut self, action: Action) {
        if action == Action::ToggleRegister {
            self.toggle_lookup_scope();
        } else if action == Action::EditPerson {
            return self.open_person_edit();
        } else if let Some(desk) = self.desk.as_ref() {
            self.lookup.on_action(action, desk);
        }
        self.follow_lookup_selection();
    }

    fn toggle_lookup_scope(&mut self) {
        let Some(desk) = self.desk.as_mut() else {
            return;
        };
        if let Err(e) = self.lookup.toggle_scope(desk, &self.store) {
            self.fail(&e);
        }
    }

    /// Entering the lookup: the record is read again (check-ins made since count).
    pub(crate) fn refresh_lookup_record(&mut self) {
        self.person_record = None;
        self.follow_lookup_selection();
    }

    /// Reads the selected person's training record when the selection is someone else
    /// than the record shown; keeps it while the same person stays selected.
    fn follow_lookup_selection(&mut self) {
        let selected = self
            .desk
            .as_ref()
            .and_then(|desk| self.lookup.selected_person(desk))
            .map(|p| p.id.clone());
        if selected.as_ref() == self.person_record.as_ref().map(|r| &r.training.person) {
            return;
        }
        self.person_record = None;
        let (Some(person), Some(desk)) = (selected, self.desk.as_ref()) else {
            return;
        };
        // The register's facts as the desk keeps them: only its own writes change them.
        match ops::record::training_record_with(&self.store, &person, &desk.facts) {
            Ok(record) => {
                let year = record.year_total(self.now().year(), DEFAULT_ANNUAL_TARGET);
                self.person_record = Some(LookupRecord {
                    training: record,
                    year,
                });
            }
            Err(e) => self.fail(&e),
        }
    }
}
