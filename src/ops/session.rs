//! 场次: close a session (people without a check-in count as absent) or reopen it to
//! correct its attendance. A closed cohort refuses both.

use crate::domain::{Cohort, Session, SessionChange};
use crate::store::{CohortChange, Store};

use super::{OpError, OpResult, cohort};

/// What came of closing or reopening a session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionClosing {
    /// Written and durable: the cohort as it is now.
    Changed(Cohort),
    /// Already so (or no such session): nothing written.
    Unchanged(Cohort),
}

/// Closes or reopens `session` of the cohort `code`, as the stored cohort (not a copy
/// the caller holds, which may be stale) allows: `Store::change_session` applies the
/// rule of `domain::closing` and commits once.
pub fn change(
    store: &Store,
    code: &str,
    session: Session,
    change: SessionChange,
) -> OpResult<SessionClosing> {
    match store.change_session(code, session, change)? {
        CohortChange::Changed(cohort) => Ok(SessionClosing::Changed(cohort)),
        CohortChange::Unchanged(cohort) => Ok(SessionClosing::Unchanged(cohort)),
        CohortChange::Refused(closed) => Err(OpError::Closed(closed)),
        // The refusal that names the cohort unknown.
        CohortChange::Missing => cohort::find(store, code).map(SessionClosing::Unchanged),
    }
}

#[cfg(test)]
#[path = "session_tests.rs"]
mod tests;
