//! Attendance events, only ever appended. See [`thread_prefix`] for the key layout.

use chrono::{DateTime, FixedOffset};

use crate::domain::attendance::{
    self, AttendanceEvent, AttendanceStatus, CheckInStatus, EventKind, Refusal,
};
use crate::domain::sign_out::{self, SignOutRefusal};
use crate::domain::{PersonId, Session};

use super::codec::{decode, encode, next_ulid, scope_prefix, scoped_key};
use super::{Batch, Store, StoreResult, TreeName};

/// What came of a check-in or undo: written (and durable), or refused with nothing written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckInOutcome {
    Recorded(AttendanceEvent),
    Refused(Refusal),
}

/// What came of a sign-out: written (and durable), or refused with nothing written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignOutOutcome {
    Recorded(AttendanceEvent),
    Refused(SignOutRefusal),
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
        let mut events: Vec<AttendanceEvent> = Vec::new();
        for entry in self.tree(TreeName::Events).scan_prefix(scope_prefix(code)) {
            let (_, bytes) = entry?;
            events.push(decode("events", &bytes)?);
        }
        events.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(events)
    }

    /// A person's current status in one session: reads only that person's events.
    pub fn status(
        &self,
        code: &str,
        person: &PersonId,
        session: Session,
    ) -> StoreResult<Option<AttendanceStatus>> {
        Ok(attendance::derive_status(
            &self.thread(code, person, session)?,
        ))
    }

    /// One person's events in one session, in written order.
    pub fn thread(
        &self,
        code: &str,
        person: &PersonId,
        session: Session,
    ) -> StoreResult<Vec<AttendanceEvent>> {
        let mut events: Vec<AttendanceEvent> = Vec::new();
        let prefix = thread_prefix(code, person, session);
        for entry in self.tree(TreeName::Events).scan_prefix(prefix) {
            let (_, bytes) = entry?;
            events.push(decode("events", &bytes)?);
        }
        Ok(events)
    }

    /// Records a check-in unless the rules refuse it; returns after it is durable.
    pub fn check_in(
        &self,
        request: &DeskRequest<'_>,
        status: CheckInStatus,
        reason: Option<String>,
    ) -> StoreResult<CheckInOutcome> {
        self.check_in_with(request, status, reason, Batch::default())
    }

    /// A check-in committed together with `extra` writes (e.g. the enrolment of a
    /// walk-in), all or nothing. If the rules refuse it (a closed cohort or session
    /// among them), nothing at all is written.
    pub fn check_in_with(
        &self,
        request: &DeskRequest<'_>,
        status: CheckInStatus,
        reason: Option<String>,
        extra: Batch,
    ) -> StoreResult<CheckInOutcome> {
        if let Err(closed) = self.closed_for(request.cohort, Some(request.session))? {
            return Ok(CheckInOutcome::Refused(Refusal::Closed(closed)));
        }
        let current = self.status(request.cohort, request.person, request.session)?;
        if let Err(refusal) = attendance::check_in_allowed(current.as_ref(), status) {
            // "Already checked in" tells the desk the earlier check-in stands; if its
            // commit failed after the write (a flush or journal error), make it durable
            // and journaled first.
            self.settle()?;
            return Ok(CheckInOutcome::Refused(refusal));
        }
        let kind = EventKind::CheckIn { status, reason };
        self.append(request, kind, extra)
            .map(CheckInOutcome::Recorded)
    }

    /// Signs a person out (签退) unless the rules refuse it: they must have arrived and
    /// not signed out yet; `early` (minutes early, when it is early leave) needs a
    /// `reason`. Returns after it is durable.
    pub fn sign_out(
        &self,
        request: &DeskRequest<'_>,
        early: Option<u32>,
        reason: Option<String>,
    ) -> StoreResult<SignOutOutcome> {
        if let Err(closed) = self.closed_for(request.cohort, Some(request.session))? {
            return Ok(SignOutOutcome::Refused(SignOutRefusal::Closed(closed)));
        }
        let events = self.thread(request.cohort, request.person, request.session)?;
        if let Err(refusal) = sign_out::sign_out_allowed(&events, early, reason.as_deref()) {
            if matches!(refusal, SignOutRefusal::AlreadySignedOut(_)) {
                // As for "already checked in": the sign-out named stands, durably.
                self.settle()?;
            }
            return Ok(SignOutOutcome::Refused(refusal));
        }
        let kind = EventKind::SignOut { reason };
        self.append(request, kind, Batch::default())
            .map(SignOutOutcome::Recorded)
    }

    /// Reverts the person's latest standing event in the session (the sign-out when one
    /// stands, else the check-in that gives the status), by appending an undo.
    pub fn undo(&self, request: &DeskRequest<'_>) -> StoreResult<CheckInOutcome> {
        if let Err(closed) = self.closed_for(request.cohort, Some(request.session))? {
            return Ok(CheckInOutcome::Refused(Refusal::Closed(closed)));
        }
        let events = self.thread(request.cohort, request.person, request.session)?;
        match attendance::undo_target(&events) {
            Err(refusal) => Ok(CheckInOutcome::Refused(refusal)),
            Ok(target) => {
                let kind = EventKind::Undo {
                    target: target.id.clone(),
                };
                self.append(request, kind, Batch::default())
                    .map(CheckInOutcome::Recorded)
            }
        }
    }

    /// Stages an event under its key (see `thread_prefix`): the desk's and the command
    /// line's check-ins, sign-outs and undos, and the demo's attendance. The caller checks and commits.
    pub fn stage_event(batch: &mut Batch, event: &AttendanceEvent) {
        let mut key = thread_prefix(&event.cohort, &event.person, event.session);
        key.extend_from_slice(event.id.as_bytes());
        batch.put(TreeName::Events, key, encode(event));
    }

    fn append(
        &self,
        request: &DeskRequest<'_>,
        kind: EventKind,
        mut batch: Batch,
    ) -> StoreResult<AttendanceEvent> {
        let event = AttendanceEvent {
            source: Default::default(),
            entered_at: None,
            id: self.next_event_id(request)?,
            cohort: request.cohort.to_string(),
            person: request.person.clone(),
            session: request.session,
            kind,
            at: request.at,
            desk: self.desk().to_string(),
        };
        Store::stage_event(&mut batch, &event);
        self.commit(batch)?;
        Ok(event)
    }

    /// A new ULID, forced above the last id of the same person and session, so the
    /// order that decides their status holds even within one millisecond.
    fn next_event_id(&self, request: &DeskRequest<'_>) -> StoreResult<String> {
        let prefix = thread_prefix(request.cohort, request.person, request.session);
        next_ulid(self.tree(TreeName::Events), &prefix)
    }
}

/// Events are keyed `cohort 0 person 0 day:slot 0 event-ulid`: the events that decide
/// one person's status in one session sit together, in written order.
fn thread_prefix(code: &str, person: &PersonId, session: Session) -> Vec<u8> {
    let mut key = scoped_key(code, person.as_str());
    key.push(0);
    key.extend_from_slice(session.code().as_bytes());
    key.push(0);
    key
}
