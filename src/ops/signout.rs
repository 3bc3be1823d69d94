//! 签退: signing someone out of a session, for the command line and the desk alike.
//!
//! The time is the clock's. Leaving more than the cohort's `early_leave_minutes` before
//! the slot's end is early leave (早退) and needs a reason: without one nothing is
//! written and the refusal says so (the command line adds how to give one, the desk asks
//! for it in a form). The store refuses someone who has not arrived, who signed out
//! already, or a closed session or cohort. One commit, returned only once durable.

use chrono::{DateTime, FixedOffset};

use crate::domain::sign_out::{self, SignOutRefusal};
use crate::domain::{AttendanceEvent, PersonId};
use crate::store::{DeskRequest, SignOutOutcome, Store, StoreError};

use super::checkin::Where;

type Now = DateTime<FixedOffset>;

/// Signing one person out of a session.
#[derive(Debug, Clone)]
pub struct SignOut<'a> {
    pub at: Where<'a>,
    pub person: &'a PersonId,
    /// Trimmed; an empty reason is none. Needed for early leave.
    pub reason: Option<String>,
}

/// A sign-out made durable.
#[derive(Debug, Clone)]
pub struct SignedOut {
    pub event: AttendanceEvent,
    /// Minutes before the session's end when it is early leave (早退), else `None`.
    pub early: Option<u32>,
    pub reason: Option<String>,
}

/// Why nothing was written.
#[derive(Debug)]
pub enum SignOutError {
    Refused(SignOutRefusal),
    Store(StoreError),
}

impl From<StoreError> for SignOutError {
    fn from(e: StoreError) -> SignOutError {
        SignOutError::Store(e)
    }
}

/// `Some(minutes early)` when signing out of the session now would be early leave: the
/// desk asks for a reason before it calls [`sign_out`].
pub fn early_leave(at: Where<'_>, now: Now) -> Option<u32> {
    sign_out::early_leave(at.cohort, at.session, now.naive_local())
}

/// Signs the person out of the session at `now`.
pub fn sign_out(store: &Store, now: Now, input: SignOut<'_>) -> Result<SignedOut, SignOutError> {
    let early = early_leave(input.at, now);
    let reason = input
        .reason
        .map(|r| r.trim().to_string())
        .filter(|r| !r.is_empty());
    let request = DeskRequest {
        cohort: &input.at.cohort.code,
        person: input.person,
        session: input.at.session,
        at: now,
    };
    match store.sign_out(&request, early, reason.clone())? {
        SignOutOutcome::Recorded(event) => Ok(SignedOut {
            event,
            early,
            reason,
        }),
        SignOutOutcome::Refused(refusal) => Err(SignOutError::Refused(refusal)),
    }
}

#[cfg(test)]
#[path = "signout_tests.rs"]
mod tests;
