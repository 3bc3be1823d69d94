//! Saving people with their enrolments in one durable commit (`person add`, and small
//! batches). A roster import is written in chunks instead, all or nothing through its
//! undo records (import_run.rs). A closed cohort takes nobody new: then nothing at all
//! is written.

use chrono::{DateTime, FixedOffset};

use crate::domain::{Closed, Person, PersonId};

use super::{Batch, Store, StoreResult};

impl Store {
    /// Writes `people` and enrols `enrol` in `cohort` (when given), all or nothing.
    pub fn commit_import<'a>(
        &self,
        people: impl IntoIterator<Item = &'a Person>,
        cohort: Option<&str>,
        enrol: &[PersonId],
        at: DateTime<FixedOffset>,
    ) -> StoreResult<Result<(), Closed>> {
        if let Some(code) = cohort
            && let Err(closed) = self.closed_for(code, None)?
        {
            return Ok(Err(closed));
        }
        let mut batch = Batch::default();
        for person in people {
            Store::stage_person(&mut batch, person);
        }
        if let Some(code) = cohort {
            for id in enrol {
                Store::stage_enrolment(&mut batch, code, id, at, false);
            }
        }
        self.commit(batch).map(Ok)
    }

    /// Adds one person to the register, enrolled in `cohort` when given.
    pub fn add_person(
        &self,
        person: &Person,
        cohort: Option<&str>,
        at: DateTime<FixedOffset>,
    ) -> StoreResult<Result<(), Closed>> {
        let enrol = [person.id.clone()];
        self.commit_import([person], cohort, &enrol, at)
    }
}
