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
        source: Default::default(),
        entered_at: None,
        id: rng.ulid_at(at),
        cohort: sitting.cohort.code.clone(),
        person: sitting.roster[place].clone(),
        session,
        kind: EventKind::CheckIn { status, reason },
        at,
        desk: sitting.desk.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::cohorts;
    use crate::domain::SlotKind;

    fn generated(at: &str) -> (Cohort, Vec<AttendanceEvent>) {
        let now = DateTime::parse_from_rfc3339(at).unwrap();
        let cohort = cohorts::current("2026-02".into(), now);
        let roster: Vec<PersonId> = (0..60).map(|i| PersonId(format!("p{i:02}"))).collect();
        let sitting = Sitting {
            cohort: &cohort,
            roster: &roster,
            now,
            desk: "d",
        };
        let events = generate(&sitting, &mut Rng::new(7));
        (cohort, events)
    }

    fn statuses(events: &[AttendanceEvent], session: Session) -> Vec<CheckInStatus> {
        let of = |e: &AttendanceEvent| match e.kind {
            EventKind::CheckIn { status, .. } => status,
            EventKind::SignOut { .. } | EventKind::Undo { .. } => {
                panic!("the demo makes only check-ins")
            }
        };
        events
            .iter()
            .filter(|e| e.session == session)
            .map(of)
            .collect()
    }

    #[test]
    fn yesterday_has_check_ins_lates_and_a_leave_and_today_its_first_arrivals() {
        let (cohort, events) = generated("2026-11-30T08:35:00+08:00");
        for slot in [SlotKind::Am, SlotKind::Pm] {
            let day1 = statuses(&events, Session::new(1, slot));
            let count = |s| day1.iter().filter(|x| **x == s).count();
            assert!(count(CheckInStatus::Present) > 40, "{day1:?}");
            assert!(count(CheckInStatus::Late) > 0, "{day1:?}");
            assert_eq!(count(CheckInStatus::Leave), 1);
            assert!(day1.len() < 60, "some were absent");
        }
        let today = statuses(&events, Session::new(2, SlotKind::Am));
        assert_eq!(today.len(), EARLY_ARRIVALS + 1, "{today:?}");
        let later: Vec<_> = events
            .iter()
            .filter(|e| e.session > Session::new(2, SlotKind::Am))
            .collect();
        assert!(later.is_empty(), "{later:?}");
        for event in &events {
            let EventKind::CheckIn { status, .. } = event.kind else {
                continue;
            };
            assert!(event.at.naive_local() <= "2026-11-30T08:35:00".parse().unwrap());
            if status != CheckInStatus::Leave {
                let rule = arrival_status(&cohort, event.session, event.at.naive_local());
                assert_eq!(status, rule, "{event:?}");
            }
            let place = event.person.as_str()[1..].parse::<usize>().unwrap();
            assert!(place >= SHOWCASE_PLACES || status == CheckInStatus::Present);
        }
    }

    #[test]
    fn before_anyone_arrives_today_has_nothing_and_the_same_clock_gives_the_same_events() {
        let (_, events) = generated("2026-11-30T07:30:00+08:00");
        assert!(statuses(&events, Session::new(2, SlotKind::Am)).is_empty());
        assert!(!statuses(&events, Session::new(1, SlotKind::Pm)).is_empty());
        assert_eq!(events, generated("2026-11-30T07:30:00+08:00").1);
    }
}
