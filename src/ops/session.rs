//! 场次: close a session (people without a check-in count as absent) or reopen it to
//! correct its attendance. A closed cohort refuses both.

use std::collections::HashSet;

use chrono::{DateTime, FixedOffset, NaiveDateTime};
use serde::Serialize;

use crate::domain::attendance::{Mark, derive_all, mark};
use crate::domain::desk_counts::{DeskCount, desk_counts};
use crate::domain::{Cohort, PersonId, Session, SessionChange};
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
/// rule of `domain::closing` and commits once, the cohort stamped `updated_at = now`.
pub fn change(
    store: &Store,
    code: &str,
    session: Session,
    change: SessionChange,
    now: DateTime<FixedOffset>,
) -> OpResult<SessionClosing> {
    match store.change_session(code, session, change, now)? {
        CohortChange::Changed(cohort) => Ok(SessionClosing::Changed(cohort)),
        CohortChange::Unchanged(cohort) => Ok(SessionClosing::Unchanged(cohort)),
        CohortChange::Refused(closed) => Err(OpError::Closed(closed)),
        // The refusal that names the cohort unknown.
        CohortChange::Missing => cohort::find(store, code).map(SessionClosing::Unchanged),
    }
}

/// One session's counts, and how many of its marks each desk recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionLine {
    pub session: Session,
    pub starts_at: Option<NaiveDateTime>,
    pub closed: bool,
    pub enrolled: usize,
    pub present: usize,
    pub late: usize,
    pub leave: usize,
    /// No mark: absent when the session (or the cohort) is closed, else not yet.
    pub missing: usize,
    /// By desk id; `name` when the folder knows the desk by one.
    pub desks: Vec<DeskLine>,
}

/// One desk's marks in one session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeskLine {
    pub desk: String,
    pub name: Option<String>,
    pub present: usize,
    pub late: usize,
    pub leave: usize,
}

/// Every session of the cohort `code` with its counts of the people enrolled, overall
/// and per desk (the desk whose event gives each person's status), each person once
/// (records joined as one person count as one).
pub fn list(store: &Store, code: &str) -> OpResult<(Cohort, Vec<SessionLine>)> {
    let cohort = cohort::find(store, code)?;
    // People, not records: a person recorded twice (joined as one) counts once.
    let enrolled: HashSet<PersonId> = store.enrolled_as_one(&cohort.code)?.into_iter().collect();
    let events = store.events_as_one(&cohort.code)?;
    let statuses = derive_all(&events);
    let names = store.desk_names()?;
    let lines = cohort
        .sessions()
        .into_iter()
        .map(|session| {
            let marks = enrolled.iter().map(|p| {
                let status = statuses.get(&(p.clone(), session));
                mark(&cohort, session, status)
            });
            let count = |m: Mark| marks.clone().filter(|x| *x == m).count();
            let desks = desk_counts(
                enrolled
                    .iter()
                    .filter_map(|p| statuses.get(&(p.clone(), session))),
            );
            SessionLine {
                session,
                starts_at: cohort.starts_at(session),
                closed: !cohort.open || cohort.is_closed(session),
                enrolled: enrolled.len(),
                present: count(Mark::Present),
                late: count(Mark::Late),
                leave: count(Mark::Leave),
                missing: count(Mark::Absent) + count(Mark::None),
                desks: desks.into_iter().map(|d| desk_line(d, &names)).collect(),
            }
        })
        .collect();
    Ok((cohort, lines))
}

fn desk_line(count: DeskCount, names: &std::collections::BTreeMap<String, String>) -> DeskLine {
    DeskLine {
        name: names.get(&count.desk).cloned(),
        desk: count.desk,
        present: count.present,
        late: count.late,
        leave: count.leave,
    }
}

#[cfg(test)]
#[path = "session_tests.rs"]
mod tests;
