//! 签退 / 早退: signing out of a session. A sign-out is an attendance event in the same
//! thread as the person's check-ins (append-only, undoable). It needs a standing arrival
//! (present or late) and stands once; leaving more than the cohort's
//! `early_leave_minutes` before the slot's end is early leave (早退) and needs a reason.

use std::collections::HashMap;

use chrono::NaiveDateTime;

use super::attendance::{AttendanceEvent, SignOutStatus, derive_sign_out, derive_status, threads};
use super::closing::Closed;
use super::cohort::Cohort;
use super::person::PersonId;
use super::session::Session;
use crate::text::{Lang, SigningOut};
use crate::tr;

/// Minutes between `at` and the session's end (0 at or after the end, or for a session
/// the cohort does not have).
pub fn minutes_early(cohort: &Cohort, session: Session, at: NaiveDateTime) -> u32 {
    let Some(end) = cohort.ends_at(session) else {
        return 0;
    };
    let minutes = (end - at).num_minutes();
    u32::try_from(minutes.max(0)).unwrap_or(u32::MAX)
}

/// `Some(minutes early)` when leaving at `at` is early leave (早退): more than the
/// cohort's `early_leave_minutes` before the session's end.
pub fn early_leave(cohort: &Cohort, session: Session, at: NaiveDateTime) -> Option<u32> {
    let minutes = minutes_early(cohort, session, at);
    (minutes > cohort.rules().early_leave_minutes).then_some(minutes)
}

/// Why a sign-out is not recorded. Nothing is written in these cases.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignOutRefusal {
    /// No standing arrival (present or late) in the session: never checked in, on
    /// leave, or the check-in was undone.
    NotArrived,
    /// Signed out already (at the given time).
    AlreadySignedOut(SignOutStatus),
    /// Early leave (this many minutes before the end) without a reason.
    ReasonNeeded { minutes: u32 },
    /// The cohort or the session is closed.
    Closed(Closed),
}

impl SignOutRefusal {
    /// Why nothing was recorded, in `lang`. `ReasonNeeded` says how the command line
    /// gives one (`--reason`); the desk asks for it in a form instead.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            SignOutRefusal::NotArrived => tr!(lang, SigningOut::SignOutNotArrived),
            SignOutRefusal::AlreadySignedOut(s) => {
                let time = s.at.format("%H:%M");
                tr!(lang, SigningOut::SignOutAlready, time = time)
            }
            SignOutRefusal::ReasonNeeded { minutes } => {
                tr!(lang, SigningOut::SignOutReasonNeeded, minutes = minutes)
            }
            SignOutRefusal::Closed(closed) => closed.message(lang),
        }
    }
}

/// Decides whether a sign-out may be recorded after `events` (one person's thread in
/// one session, in any order). `early`: minutes early when it is early leave;
/// `reason`: trimmed, `None` when empty.
pub fn sign_out_allowed(
    events: &[AttendanceEvent],
    early: Option<u32>,
    reason: Option<&str>,
) -> Result<(), SignOutRefusal> {
    let arrived = derive_status(events).is_some_and(|s| s.status.attended());
    if !arrived {
        return Err(SignOutRefusal::NotArrived);
    }
    if let Some(standing) = derive_sign_out(events) {
        return Err(SignOutRefusal::AlreadySignedOut(standing));
    }
    match (early, reason) {
        (Some(minutes), None) => Err(SignOutRefusal::ReasonNeeded { minutes }),
        _ => Ok(()),
    }
}

/// Every person's standing sign-out in every session, from a cohort's events in
/// any order.
pub fn derive_all_sign_outs(
    events: &[AttendanceEvent],
) -> HashMap<(PersonId, Session), SignOutStatus> {
    threads(events)
        .into_iter()
        .filter_map(|(key, list)| derive_sign_out(list).map(|s| (key, s)))
        .collect()
}

#[cfg(test)]
#[path = "sign_out_tests.rs"]
mod tests;
