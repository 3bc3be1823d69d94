//! 签到: attendance as an append-only list of events. A person's status in a session is
//! derived from the events, so an undo is itself an event and nothing is ever rewritten.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::closing::Closed;
use super::cohort::Cohort;
use super::person::PersonId;
use super::session::Session;
use crate::text::{Lang, Names, Rules};
use crate::tr;

/// The status a check-in event records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckInStatus {
    Present,
    Late,
    Leave,
}

impl CheckInStatus {
    pub fn parse(text: &str) -> Option<CheckInStatus> {
        match text.trim().to_ascii_lowercase().as_str() {
            "present" | "签到" | "出席" => Some(CheckInStatus::Present),
            "late" | "迟到" => Some(CheckInStatus::Late),
            "leave" | "请假" => Some(CheckInStatus::Leave),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            CheckInStatus::Present => "present",
            CheckInStatus::Late => "late",
            CheckInStatus::Leave => "leave",
        }
    }

    /// Its name in `lang`, as shown to a person.
    pub fn label(self, lang: Lang) -> &'static str {
        let entry = match self {
            CheckInStatus::Present => Names::LabelCheckInStatusPresent,
            CheckInStatus::Late => Names::LabelCheckInStatusLate,
            CheckInStatus::Leave => Names::LabelCheckInStatusLeave,
        };
        entry.get(lang)
    }

    /// Present or late: the person is in the room.
    pub fn attended(self) -> bool {
        matches!(self, CheckInStatus::Present | CheckInStatus::Late)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum EventKind {
    CheckIn {
        status: CheckInStatus,
        #[serde(default)]
        reason: Option<String>,
    },
    /// 签退: the person left the session at the event's time. Leaving more than the
    /// cohort's early-leave minutes before the end is early leave (早退), with a reason.
    SignOut {
        #[serde(default)]
        reason: Option<String>,
    },
    /// Reverts an earlier event of the same person and session.
    Undo { target: String },
}

/// One fact recorded at the desk. Never changed or deleted once written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttendanceEvent {
    /// ULID: unique and ordered by time of writing.
    pub id: String,
    pub cohort: String,
    pub person: PersonId,
    pub session: Session,
    pub kind: EventKind,
    pub at: DateTime<FixedOffset>,
    /// Which desk (machine or organiser) wrote it.
    pub desk: String,
    /// Where it came from: the desk as it happened, or a paper sheet entered later.
    #[serde(default, skip_serializing_if = "Source::is_desk")]
    pub source: Source,
    /// For an event entered after the fact (补录 from paper): when it was typed in.
    /// `at` is then the session's time as the sheet records it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entered_at: Option<DateTime<FixedOffset>>,
}

/// Where an attendance event came from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// Recorded at the desk (or by a command) as it happened.
    #[default]
    Desk,
    /// 补录: entered from the printed sign-in sheet after the session.
    Paper,
}

impl Source {
    pub fn is_desk(&self) -> bool {
        matches!(self, Source::Desk)
    }

    pub fn code(self) -> &'static str {
        match self {
            Source::Desk => "desk",
            Source::Paper => "paper",
        }
    }
}

/// A person's derived status in one session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttendanceStatus {
    pub status: CheckInStatus,
    pub at: DateTime<FixedOffset>,
    pub reason: Option<String>,
    /// The event that gave this status (what an undo would revert).
    pub event_id: String,
}

/// Folds the events of one person in one session, in the order written.
/// Returns `None` when nothing stands (never checked in, or every check-in undone).
pub fn derive_status<'a>(
    events: impl IntoIterator<Item = &'a AttendanceEvent>,
) -> Option<AttendanceStatus> {
    let standing = standing(events);
    let last = standing
        .iter()
        .rev()
        .find(|e| matches!(e.kind, EventKind::CheckIn { .. }))?;
    match &last.kind {
        EventKind::CheckIn { status, reason } => Some(AttendanceStatus {
            status: *status,
            at: last.at,
            reason: reason.clone(),
            event_id: last.id.clone(),
        }),
        EventKind::SignOut { .. } | EventKind::Undo { .. } => None,
    }
}

/// A person's standing sign-out in one session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignOutStatus {
    pub at: DateTime<FixedOffset>,
    pub reason: Option<String>,
    pub event_id: String,
}

/// The latest sign-out of one person in one session that no undo reverted.
pub fn derive_sign_out<'a>(
    events: impl IntoIterator<Item = &'a AttendanceEvent>,
) -> Option<SignOutStatus> {
    standing(events).iter().rev().find_map(|e| match &e.kind {
        EventKind::SignOut { reason } => Some(SignOutStatus {
            at: e.at,
            reason: reason.clone(),
            event_id: e.id.clone(),
        }),
        _ => None,
    })
}

/// The check-ins and sign-outs of one thread that no undo reverted, in written order.
fn standing<'a>(events: impl IntoIterator<Item = &'a AttendanceEvent>) -> Vec<&'a AttendanceEvent> {
    let mut standing: Vec<&AttendanceEvent> = Vec::new();
    for event in events {
        match &event.kind {
            EventKind::CheckIn { .. } | EventKind::SignOut { .. } => standing.push(event),
            EventKind::Undo { target } => standing.retain(|e| &e.id != target),
        }
    }
    standing
}

/// A cohort's events grouped by person and session (each group in written order): what
/// every status and every sign-out is derived from.
pub fn threads(events: &[AttendanceEvent]) -> HashMap<(PersonId, Session), Vec<&AttendanceEvent>> {
    let mut grouped: HashMap<(PersonId, Session), Vec<&AttendanceEvent>> = HashMap::new();
    for event in events {
        let key = (event.person.clone(), event.session);
        grouped.entry(key).or_default().push(event);
    }
    grouped
}

/// Every person's derived status in every session, from a cohort's events in written order.
pub fn derive_all(events: &[AttendanceEvent]) -> HashMap<(PersonId, Session), AttendanceStatus> {
    threads(events)
        .into_iter()
        .filter_map(|(key, list)| derive_status(list).map(|status| (key, status)))
        .collect()
}

/// One person's standing in one session, as reports count it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Present,
    Late,
    Leave,
    /// No check-in in a closed session (or any session of a closed cohort).
    Absent,
    /// No check-in yet in a session still open.
    None,
}

impl Mark {
    pub fn code(self) -> &'static str {
        match self {
            Mark::Present => "present",
            Mark::Late => "late",
            Mark::Leave => "leave",
            Mark::Absent => "absent",
            Mark::None => "none",
        }
    }

    pub fn attended(self) -> bool {
        matches!(self, Mark::Present | Mark::Late)
    }
}

/// The mark for a derived status: closing a session (or the cohort) turns "no check-in"
/// into absent without any event being written.
pub fn mark(cohort: &Cohort, session: Session, status: Option<&AttendanceStatus>) -> Mark {
    match status.map(|s| s.status) {
        Some(CheckInStatus::Present) => Mark::Present,
        Some(CheckInStatus::Late) => Mark::Late,
        Some(CheckInStatus::Leave) => Mark::Leave,
        None if !cohort.open || cohort.is_closed(session) => Mark::Absent,
        None => Mark::None,
    }
}

/// Present, or late when `now` is past the session's start plus the grace period.
pub fn arrival_status(cohort: &Cohort, session: Session, now: NaiveDateTime) -> CheckInStatus {
    match cohort.late_after(session) {
        Some(limit) if now > limit => CheckInStatus::Late,
        _ => CheckInStatus::Present,
    }
}

/// Why a check-in or undo is not recorded. Nothing is written in these cases.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Already present or late in this session (at the given time).
    AlreadyCheckedIn(AttendanceStatus),
    /// Already on leave and another leave was asked for.
    AlreadyOnLeave(AttendanceStatus),
    /// Undo asked for but nothing stands.
    NothingToUndo,
    /// The cohort or the session is closed (see [`Cohort::check_attendance`]).
    Closed(Closed),
}

impl Refusal {
    /// Why nothing was recorded, in `lang` (the person's name is the caller's to add).
    pub fn message(&self, lang: Lang) -> String {
        let time = |s: &AttendanceStatus| s.at.format("%H:%M").to_string();
        match self {
            Refusal::AlreadyCheckedIn(s) => tr!(lang, Rules::RefusedAlreadyIn, time = time(s)),
            Refusal::AlreadyOnLeave(s) => {
                tr!(lang, Rules::RefusedAlreadyOnLeave, time = time(s))
            }
            Refusal::NothingToUndo => tr!(lang, Rules::RefusedNothingToUndo),
            Refusal::Closed(closed) => closed.message(lang),
        }
    }
}

/// Decides whether a new check-in with `status` may be recorded over `current`.
/// Arriving after a recorded leave is allowed (the person turned up after all).
pub fn check_in_allowed(
    current: Option<&AttendanceStatus>,
    status: CheckInStatus,
) -> Result<(), Refusal> {
    match current {
        None => Ok(()),
        Some(c) if c.status.attended() => Err(Refusal::AlreadyCheckedIn(c.clone())),
        Some(c) if status == CheckInStatus::Leave => Err(Refusal::AlreadyOnLeave(c.clone())),
        Some(_) => Ok(()),
    }
}

/// The event an undo reverts: the person's latest standing event in the session (one
/// person's thread, in written order) — the sign-out when one stands, else the check-in
/// that gives the status.
pub fn undo_target<'a>(
    events: impl IntoIterator<Item = &'a AttendanceEvent>,
) -> Result<&'a AttendanceEvent, Refusal> {
    standing(events)
        .last()
        .copied()
        .ok_or(Refusal::NothingToUndo)
}

#[cfg(test)]
#[path = "attendance_tests.rs"]
mod tests;
