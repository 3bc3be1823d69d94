//! 签到: attendance as an append-only list of events. A person's status in a session is
//! derived from the events, so an undo is itself an event and nothing is ever rewritten.

use std::collections::{HashMap, HashSet};

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
    /// The desk that wrote that event.
    pub desk: String,
}

/// One person's events in one session folded by the stated rules (see [`fold`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folded<'a> {
    /// The check-in that gives the status: the earliest standing arrival, else the
    /// earliest standing leave.
    pub status: Option<&'a AttendanceEvent>,
    /// The standing sign-out: the latest one after the standing arrival.
    pub sign_out: Option<&'a AttendanceEvent>,
    /// Check-ins that stand (nobody undid them) but do not give the status: a second
    /// arrival at another desk, a leave overtaken by an arrival. Kept as history.
    pub overruled: Vec<&'a AttendanceEvent>,
}

/// Folds the events of one person in one session by the stated rules, whatever order
/// they come in (two desks' events merged in either order fold alike):
/// - an undo reverts the event it names, wherever that event was written;
/// - the rest are ordered by (time, id); of two arrivals (present or late) the earliest
///   stands; an arrival stands over any leave (a person seen in the room attended; the
///   desk refuses a leave over an arrival, so only another desk's leave can meet one);
///   of two leaves the earliest stands;
/// - the sign-out is the latest one after the standing arrival (any standing one when
///   no arrival stands).
pub fn fold<'a>(events: impl IntoIterator<Item = &'a AttendanceEvent>) -> Folded<'a> {
    let standing = standing(events);
    let check_ins = standing.iter().filter(|e| check_in_status(e).is_some());
    let arrival = check_ins
        .clone()
        .find(|e| check_in_status(e).is_some_and(CheckInStatus::attended));
    let status = arrival.or_else(|| check_ins.clone().next()).copied();
    let sign_out = standing
        .iter()
        .rfind(|e| {
            matches!(e.kind, EventKind::SignOut { .. })
                && arrival.is_none_or(|a| order_key(e) > order_key(a))
        })
        .copied();
    let overruled = check_ins
        .filter(|e| status.is_some_and(|s| s.id != e.id))
        .copied()
        .collect();
    Folded {
        status,
        sign_out,
        overruled,
    }
}

/// Folds the events of one person in one session (see [`fold`]).
/// Returns `None` when nothing stands (never checked in, or every check-in undone).
pub fn derive_status<'a>(
    events: impl IntoIterator<Item = &'a AttendanceEvent>,
) -> Option<AttendanceStatus> {
    let event = fold(events).status?;
    match &event.kind {
        EventKind::CheckIn { status, reason } => Some(AttendanceStatus {
            status: *status,
            at: event.at,
            reason: reason.clone(),
            event_id: event.id.clone(),
            desk: event.desk.clone(),
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

/// The standing sign-out of one person in one session (see [`fold`]).
pub fn derive_sign_out<'a>(
    events: impl IntoIterator<Item = &'a AttendanceEvent>,
) -> Option<SignOutStatus> {
    let event = fold(events).sign_out?;
    match &event.kind {
        EventKind::SignOut { reason } => Some(SignOutStatus {
            at: event.at,
            reason: reason.clone(),
            event_id: event.id.clone(),
        }),
        EventKind::CheckIn { .. } | EventKind::Undo { .. } => None,
    }
}

/// The order the rules read a thread in: by time, then by id (ids are ULIDs, so one
/// desk's events at the same instant keep their written order).
pub fn order_key(event: &AttendanceEvent) -> (DateTime<FixedOffset>, &str) {
    (event.at, event.id.as_str())
}

fn check_in_status(event: &AttendanceEvent) -> Option<CheckInStatus> {
    match &event.kind {
        EventKind::CheckIn { status, .. } => Some(*status),
        EventKind::SignOut { .. } | EventKind::Undo { .. } => None,
    }
}

/// The check-ins and sign-outs of one thread that no undo reverted (an undo applies
/// wherever its target sits), ordered by [`order_key`].
fn standing<'a>(events: impl IntoIterator<Item = &'a AttendanceEvent>) -> Vec<&'a AttendanceEvent> {
    let events: Vec<&AttendanceEvent> = events.into_iter().collect();
    let undone: HashSet<&str> = events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::Undo { target } => Some(target.as_str()),
            _ => None,
        })
        .collect();
    let mut standing: Vec<&AttendanceEvent> = events
        .into_iter()
        .filter(|e| !matches!(e.kind, EventKind::Undo { .. }))
        .filter(|e| !undone.contains(e.id.as_str()))
        .collect();
    standing.sort_by(|a, b| order_key(a).cmp(&order_key(b)));
    standing.dedup_by(|a, b| a.id == b.id);
    standing
}

/// A cohort's events grouped by person and session (each group in the order given): what
/// every status and every sign-out is derived from.
pub fn threads(events: &[AttendanceEvent]) -> HashMap<(PersonId, Session), Vec<&AttendanceEvent>> {
    let mut grouped: HashMap<(PersonId, Session), Vec<&AttendanceEvent>> = HashMap::new();
    for event in events {
        let key = (event.person.clone(), event.session);
        grouped.entry(key).or_default().push(event);
    }
    grouped
}

/// Every person's derived status in every session, from a cohort's events in any order.
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

/// The event an undo reverts: what the person's status in the session now shows — the
/// standing sign-out when there is one, else the check-in that gives the status.
pub fn undo_target<'a>(
    events: impl IntoIterator<Item = &'a AttendanceEvent>,
) -> Result<&'a AttendanceEvent, Refusal> {
    let folded = fold(events);
    folded
        .sign_out
        .or(folded.status)
        .ok_or(Refusal::NothingToUndo)
}

#[cfg(test)]
#[path = "attendance_tests.rs"]
mod tests;
