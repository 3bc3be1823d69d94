//! 查询: the same search, read-only, with a detail pane for the selected person: their
//! details, their standing in the open cohort (the desk's credit) and their training
//! record (培训档案: every cohort, read once the selection has settled on someone else:
//! typing a name moves the selection at every key, and the record reads every cohort
//! the person is in, so it waits until no key came for [`SETTLE`]).

use std::time::Duration;

use chrono::Datelike;

use crate::domain::PersonId;
use crate::domain::credit::record::{DEFAULT_ANNUAL_TARGET, TrainingRecord, YearTotal};
use crate::ops;
use crate::tui::state::Action;
use crate::tui::state::App;
use crate::tui::state::ScreenId;

/// How long the lookup's selection stays put before the record is read.
pub const SETTLE: Duration = Duration::from_millis(150);

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
            self.open_person_edit();
        } else if let Some(desk) = self.desk.as_ref() {
            self.lookup.on_action(action, desk);
        }
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
        self.record_asked = None;
    }

    /// The person selected on the lookup screen whose record was not asked for yet.
    fn unsettled(&self) -> Option<PersonId> {
        if self.welcome || self.screen != ScreenId::Lookup {
            return None;
        }
        let desk = self.desk.as_ref()?;
        let selected = self.lookup.selected_person(desk)?;
        (self.record_asked.as_ref() != Some(&selected.id)).then(|| selected.id.clone())
    }

    /// Whether a record waits to be read once the keys stop ([`App::settle`]).
    pub fn settling(&self) -> bool {
        self.unsettled().is_some()
    }

    /// Reads the selected person's training record, once per person selected: the
    /// desk's loop calls this when no key came for [`SETTLE`]. True when it read one.
    pub fn settle(&mut self) -> bool {
        let Some(person) = self.unsettled() else {
            return false;
        };
        self.record_asked = Some(person.clone());
        self.person_record = None;
        let Some(desk) = self.desk.as_ref() else {
            return false;
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
        true
    }
}
