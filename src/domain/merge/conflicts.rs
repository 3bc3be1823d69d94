//! Double arrivals: a person checked in (present or late) for one session at two desks.
//! Both events stay; the attendance fold decides which stands, and the report names it.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, FixedOffset};
use serde::Serialize;

use crate::domain::attendance::{AttendanceEvent, EventKind, derive_status};
use crate::domain::person::PersonId;
use crate::domain::session::Session;

/// One person's arrivals in one session at more than one desk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DoubleArrival {
    pub cohort: String,
    pub person: PersonId,
    pub session: Session,
    /// The arrival that stands: its desk and time.
    pub standing_desk: String,
    pub standing_at: DateTime<FixedOffset>,
    /// The other arrivals (desk, time), kept as history.
    pub others: Vec<(String, DateTime<FixedOffset>)>,
}

/// The threads `new` touches, read with the events `here` already holds: each with
/// standing arrivals from two desks or more.
pub fn double_arrivals(here: &[AttendanceEvent], new: &[AttendanceEvent]) -> Vec<DoubleArrival> {
    type Thread = (String, PersonId, Session);
    let touched: BTreeSet<Thread> = new
        .iter()
        .map(|e| (e.cohort.clone(), e.person.clone(), e.session))
        .collect();
    let mut threads: BTreeMap<Thread, Vec<&AttendanceEvent>> = BTreeMap::new();
    for event in here.iter().chain(new) {
        let key = (event.cohort.clone(), event.person.clone(), event.session);
        if touched.contains(&key) {
            threads.entry(key).or_default().push(event);
        }
    }
    let mut found = Vec::new();
    for ((cohort, person, session), mut events) in threads {
        events.sort_by(|a, b| a.id.cmp(&b.id));
        let undone: BTreeSet<&str> = events
            .iter()
            .filter_map(|e| match &e.kind {
                EventKind::Undo { target } => Some(target.as_str()),
                _ => None,
            })
            .collect();
        let arrivals: Vec<&&AttendanceEvent> = events
            .iter()
            .filter(|e| is_arrival(e) && !undone.contains(e.id.as_str()))
            .collect();
        let desks: BTreeSet<&str> = arrivals.iter().map(|e| e.desk.as_str()).collect();
        if desks.len() < 2 {
            continue;
        }
        let Some(status) = derive_status(events.iter().copied()) else {
            continue;
        };
        let Some(standing) = arrivals.iter().find(|e| e.id == status.event_id) else {
            continue;
        };
        found.push(DoubleArrival {
            cohort,
            person,
            session,
            standing_desk: standing.desk.clone(),
            standing_at: standing.at,
            others: arrivals
                .iter()
                .filter(|e| e.id != standing.id)
                .map(|e| (e.desk.clone(), e.at))
                .collect(),
        });
    }
    found
}

/// A check-in as present or late (a leave is not an arrival).
pub(super) fn is_arrival(event: &AttendanceEvent) -> bool {
    matches!(&event.kind, EventKind::CheckIn { status, .. } if status.attended())
}
