//! Closing and reopening sessions and cohorts, and the check every write to a cohort's
//! records makes first: the stored cohort (not the caller's copy, which may be stale)
//! decides, by the rules in `domain::closing`.

use crate::domain::{Closed, Cohort, Session, SessionChange};

use super::{Batch, Store, StoreResult};

/// What came of closing or reopening: written (and durable), already so (nothing
/// written), refused (nothing written), or no such cohort.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CohortChange {
    Changed(Cohort),
    Unchanged(Cohort),
    Refused(Closed),
    Missing,
}

impl Store {
    /// Whether the cohort's records may be written (`session`: its attendance). A
    /// cohort not stored yet has nothing closed.
    pub(super) fn closed_for(
        &self,
        code: &str,
        session: Option<Session>,
    ) -> StoreResult<Result<(), Closed>> {
        let Some(cohort) = self.cohort(code)? else {
            return Ok(Ok(()));
        };
        Ok(match session {
            Some(session) => cohort.check_attendance(session),
            None => cohort.check_writable(),
        })
    }

    /// Closes a session (people without a check-in count as absent) or reopens it.
    pub fn change_session(
        &self,
        code: &str,
        session: Session,
        change: SessionChange,
    ) -> StoreResult<CohortChange> {
        let Some(cohort) = self.cohort(code)? else {
            return Ok(CohortChange::Missing);
        };
        match cohort.with_session(session, change) {
            Err(closed) => Ok(CohortChange::Refused(closed)),
            Ok(None) => Ok(CohortChange::Unchanged(cohort)),
            Ok(Some(changed)) => self.save_cohort(changed),
        }
    }

    /// Closes a cohort: from now on its records are look-up only.
    pub fn close_cohort(&self, code: &str) -> StoreResult<CohortChange> {
        let Some(cohort) = self.cohort(code)? else {
            return Ok(CohortChange::Missing);
        };
        match cohort.closing() {
            None => Ok(CohortChange::Unchanged(cohort)),
            Some(closed) => self.save_cohort(closed),
        }
    }

    fn save_cohort(&self, cohort: Cohort) -> StoreResult<CohortChange> {
        let mut batch = Batch::default();
        Store::stage_cohort(&mut batch, &cohort);
        self.commit(batch)?;
        Ok(CohortChange::Changed(cohort))
    }
}
