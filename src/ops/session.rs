//! 场次: close a session (people without a check-in count as absent) or reopen it to
//! correct its attendance. A closed cohort refuses both.

use crate::domain::{Cohort, Session, SessionChange};
use crate::store::{Batch, Store};

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
/// the caller holds, which may be stale) allows.
pub fn change(
    store: &Store,
    code: &str,
    session: Session,
    change: SessionChange,
) -> OpResult<SessionClosing> {
    let cohort = cohort::find(store, code)?;
    match cohort.with_session(session, change) {
        Err(closed) => Err(OpError::Closed(closed)),
        Ok(None) => Ok(SessionClosing::Unchanged(cohort)),
        Ok(Some(changed)) => {
            let mut batch = Batch::default();
            Store::stage_cohort(&mut batch, &changed);
            store.commit(batch)?;
            Ok(SessionClosing::Changed(changed))
        }
    }
}
