//! Attendance events keyed `cohort 0x00 event-ulid`, so a cohort's events read back
//! in the order they were written. Events are only ever appended.

use chrono::{DateTime, FixedOffset};

use crate::domain::attendance::{
    self, AttendanceEvent, AttendanceStatus, CheckInStatus, EventKind, Refusal,
};
use crate::domain::{PersonId, Session};

use super::codec::{decode, encode, scope_prefix, scoped_key};
use super::{Batch, Store, StoreResult, TreeName};

/// What came of a check-in or undo: written (and durable), or refused with nothing written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckInOutcome {
    Recorded(AttendanceEvent),
    Refused(Refusal),
}

/// One request to the desk: who, which session, when, and what to record.
pub struct DeskRequest<'a> {
    pub cohort: &'a str,
    pub person: &'a PersonId,
    pub session: Session,
    pub at: DateTime<FixedOffset>,
}

impl Store {
    /// Every event of a cohort in written order.
    pub fn events(&self, code: &str) -> StoreResult<Vec<AttendanceEvent>> {
        let mut events = Vec::new();
        for entry in self.tree(TreeName::Events).scan_prefix(scope_prefix(code)) {
            let (_, bytes) = entry?;
            events.push(decode("events", &bytes)?);
        }
        Ok(events)
    }

    /// A person's current status in one session.
    pub fn status(
        &self,
        code: &str,
        person: &PersonId,
        session: Session,
    ) -> StoreResult<Option<AttendanceStatus>> {
        let events = self.events(code)?;
        let mine = events
            .iter()
            .filter(|e| &e.person == person && e.session == session);
        Ok(attendance::derive_status(mine))
    }

    /// Records a check-in unless the rules refuse it; returns after it is durable.
    pub fn check_in(
        &self,
        request: &DeskRequest<'_>,
        status: CheckInStatus,
        reason: Option<String>,
    ) -> StoreResult<CheckInOutcome> {
        let current = self.status(request.cohort, request.person, request.session)?;
        if let Err(refusal) = attendance::check_in_allowed(current.as_ref(), status) {
            return Ok(CheckInOutcome::Refused(refusal));
        }
        let kind = EventKind::CheckIn { status, reason };
        self.append(request, kind).map(CheckInOutcome::Recorded)
    }

    /// Reverts the event that gives the person's current status, by appending an undo.
    pub fn undo(&self, request: &DeskRequest<'_>) -> StoreResult<CheckInOutcome> {
        let current = self.status(request.cohort, request.person, request.session)?;
        match attendance::undo_target(current.as_ref()) {
            Err(refusal) => Ok(CheckInOutcome::Refused(refusal)),
            Ok(target) => {
                let kind = EventKind::Undo { target };
                self.append(request, kind).map(CheckInOutcome::Recorded)
            }
        }
    }

    fn append(&self, request: &DeskRequest<'_>, kind: EventKind) -> StoreResult<AttendanceEvent> {
        let event = AttendanceEvent {
            id: self.next_event_id(request.cohort)?,
            cohort: request.cohort.to_string(),
            person: request.person.clone(),
            session: request.session,
            kind,
            at: request.at,
            desk: self.desk().to_string(),
        };
        let mut batch = Batch::default();
        batch.put(
            TreeName::Events,
            scoped_key(request.cohort, &event.id),
            encode(&event),
        );
        self.commit(batch)?;
        Ok(event)
    }

    /// A new ULID, forced above the cohort's last event id so the written order holds
    /// even if two events fall in the same millisecond.
    fn next_event_id(&self, code: &str) -> StoreResult<String> {
        let fresh = ulid::Ulid::generate();
        let last = self
            .tree(TreeName::Events)
            .scan_prefix(scope_prefix(code))
            .next_back()
            .transpose()?;
        let last_id = last.and_then(|(key, _)| {
            let text = std::str::from_utf8(&key[code.len() + 1..]).ok()?;
            ulid::Ulid::from_string(text).ok()
        });
        let id = match last_id {
            Some(last) if last >= fresh => last.increment().unwrap_or(fresh),
            _ => fresh,
        };
        Ok(id.to_string())
    }
}
