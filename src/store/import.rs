//! Saving an import: every new or changed person and every new enrolment in one durable
//! commit, so an interrupted import leaves the register as it was.

use chrono::{DateTime, FixedOffset};

use crate::domain::{Person, PersonId};

use super::{Batch, Store, StoreResult};

impl Store {
    /// Writes `people` and enrols `enrol` in `cohort` (when given), all or nothing.
    pub fn commit_import<'a>(
        &self,
        people: impl IntoIterator<Item = &'a Person>,
        cohort: Option<&str>,
        enrol: &[PersonId],
        at: DateTime<FixedOffset>,
    ) -> StoreResult<()> {
        let mut batch = Batch::default();
        for person in people {
            Store::stage_person(&mut batch, person);
        }
        if let Some(code) = cohort {
            for id in enrol {
                Store::stage_enrolment(&mut batch, code, id, at, false);
            }
        }
        self.commit(batch)
    }
}
