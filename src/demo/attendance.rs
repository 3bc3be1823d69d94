//! The demo's attendance: check-ins, lates, absences and a leave in every session that
//! has started, and only the first arrivals in the session the clock is in, so the
//! desk has most of the roster still to check in. Pure and seeded: the same clock
//! gives the same events.

use chrono::{DateTime, Duration, FixedOffset, NaiveDateTime};

use crate::domain::attendance::arrival_status;
use crate::domain::{AttendanceEvent, CheckInStatus, Cohort, EventKind, PersonId, Session};

use super::cohorts::local;
use super::rng::Rng;

/// The roster's first places hold the showcase names, left for the user to check in.
pub const SHOWCASE_PLACES: usize = 7;
/// Who asked for leave (for every session up to today's).
const ON_LEAVE: usize = SHOWCASE_PLACES + 5;
const LEAVE_REASON: &str = "村里防汛值班";
/// Who stopped coming after the first day (and so does not complete).
const DROPPED_OUT: usize = SHOWCASE_PLACES + 11;
/// How many arrive early for the session the clock is in.
const EARLY_ARRIVALS: usize = 8;

/// What the events are made for.
pub struct Sitting<'a> {
    pub cohort: &'a Cohort,
    pub roster: &'a [PersonId],
    pub now: DateTime<FixedOffset>,
    pub desk: &'a str,
}

/// Every event of the cohort up to `now`, in time order.
pub fn generate(sitting: &Sitting<'_>, rng: &mut Rng) -> Vec<AttendanceEvent> {
    let now = sitting.now.naive_local();
    let current = sitting.cohort.session_at(now);
    let mut events = Vec::new();
    for session in sitting.cohort.sessions() {
        let Some(start) = sitting.cohort.starts_at(session) else {
            continue;
        };
        let marks = if Some(session) == current {
            first_arrivals(start)
        } else if start <= now {
            full_session(sitting.roster.len(), session, start, rng)
        } else {
            continue;
        };
        for (place, at, status) in marks {
            if at > now || place >= sitting.roster.len() {
                continue;
            }
            let status = status.unwrap_or_else(|| arrival_status(sitting.cohort, session, at));
            events.push(event(sitting, place, session, at, status, rng));
        }
    }
    events
}

/// (roster place, time, status if not decided by the time).
type Mark = (usize, NaiveDateTime, Option<CheckInStatus>);

/// A session that has passed: most present, some late, a few absent, one on leave.
fn full_session(size: usize, session: Session, start: NaiveDateTime, rng: &mut Rng) -> Vec<Mark> {
    let mut marks = Vec::new();
    for place in 0..size {
        // The showcase names were there on time: the README's example and the look-up show it.
        let roll = if place < SHOWCASE_PLACES {
            50
        } else {
            rng.below(100)
        };
        if place == ON_LEAVE {
            marks.push((
                place,
                start - Duration::minutes(50),
                Some(CheckInStatus::Leave),
            ));
        } else if (place == DROPPED_OUT && session.day > 1) || roll < 4 {
            continue;
        } else if roll < 12 {
            let minutes = 11 + rng.below(40) as i64;
            marks.push((place, start + Duration::minutes(minutes), None));
        } else {
            let minutes = rng.below(38) as i64 - 30;
            marks.push((place, start + Duration::minutes(minutes), None));
        }
    }
    marks.sort_by_key(|m| m.1);
    marks
}

/// The session the clock is in: the leave, then a few early arrivals before the start.
fn first_arrivals(start: NaiveDateTime) -> Vec<Mark> {
    let leave = (
        ON_LEAVE,
        start - Duration::minutes(50),
        Some(CheckInStatus::Leave),
    );
    let early = (0..EARLY_ARRIVALS).map(|k| {
        let place = SHOWCASE_PLACES + k + usize::from(SHOWCASE_PLACES + k >= ON_LEAVE);
        (place, start - Duration::minutes(30 - 4 * k as i64), None)
    });
    std::iter::once(leave).chain(early).collect()
}

fn event(
    sitting: &Sitting<'_>,
    place: usize,
    session: Session,
    at: NaiveDateTime,
    status: CheckInStatus,
    rng: &mut Rng,
) -> AttendanceEvent {
    let at = local(sitting.now, at);
    let reason = (status == CheckInStatus::Leave).then(|| LEAVE_REASON.to_string());
    AttendanceEvent {
        id: rng.ulid_at(at),
        cohort: sitting.cohort.code.clone(),
        person: sitting.roster[place].clone(),
        session,
        kind: EventKind::CheckIn { status, reason },
        at,
        desk: sitting.desk.to_string(),
    }
}
