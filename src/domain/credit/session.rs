//! What each session is worth in 学时, and what one person is credited for it.

use chrono::{DateTime, FixedOffset, NaiveDateTime};

use crate::domain::attendance::{AttendanceStatus, Mark, SignOutStatus, mark};
use crate::domain::sign_out;
use crate::domain::teaching::{ActivityDetails, TeachingActivity};
use crate::domain::{Cohort, Session};

use crate::domain::rules::CreditRules;

/// One session's 学时, in minutes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionHours {
    pub session: Session,
    pub minutes: u32,
    /// From the hours of its held teaching activities (else the cohort's default).
    pub from_activities: bool,
    /// Closed, or in a closed cohort: a missing check-in is an absence.
    pub closed: bool,
}

/// Every session's 学时: the hours of its held activities, or the cohort's default
/// when none records hours; never more than the slot's length.
pub fn session_hours(cohort: &Cohort, activities: &[TeachingActivity]) -> Vec<SessionHours> {
    let rules = cohort.rules();
    cohort
        .sessions()
        .into_iter()
        .map(|session| {
            let taught: u32 = activities
                .iter()
                .filter(|a| a.details.session == session)
                .filter(|a| a.status.took_place() && a.deleted.is_none())
                .filter_map(|a| activity_minutes(&a.details, &rules))
                .sum();
            let (minutes, from_activities) = match taught {
                0 => (rules.hours_per_session * rules.hour_minutes, false),
                taught => (taught, true),
            };
            SessionHours {
                session,
                minutes: minutes.min(cohort.slot_minutes(session)),
                from_activities,
                closed: !cohort.open || cohort.is_closed(session),
            }
        })
        .collect()
}

/// An activity's recorded hours in minutes: given in 学时, as many of the cohort's class
/// hours (so a changed class-hour length follows); else as clock minutes.
fn activity_minutes(details: &ActivityDetails, rules: &CreditRules) -> Option<u32> {
    match details.class_hours {
        Some(class_hours) => Some(class_hours * rules.hour_minutes),
        None => details.minutes,
    }
}

/// What one person is credited in one session, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionCredit {
    pub session: Session,
    pub mark: Mark,
    pub arrived: Option<DateTime<FixedOffset>>,
    pub signed_out: Option<DateTime<FixedOffset>>,
    /// Minutes after the session's start the person arrived.
    pub late_minutes: u32,
    /// Minutes before the session's end the person signed out.
    pub early_minutes: u32,
    /// 早退: signed out more than the cohort's early-leave minutes before the end.
    pub early_leave: bool,
    /// Sign-out required, the session closed, and none recorded: nothing credited.
    pub no_sign_out: bool,
    /// 补课: made up afterwards (the reason), credited in full.
    pub make_up: Option<String>,
    pub credited_minutes: u32,
}

impl SessionCredit {
    /// Leave or unexcused absence not made up: counted against the leave limit.
    pub fn missed(&self) -> bool {
        matches!(self.mark, Mark::Leave | Mark::Absent) && self.make_up.is_none()
    }

    /// Not yet decided: no check-in in a session still open.
    pub fn pending(&self) -> bool {
        self.mark == Mark::None
    }
}

/// One person's facts in one session, as the events left them.
pub struct Sitting<'a> {
    pub hours: &'a SessionHours,
    pub status: Option<&'a AttendanceStatus>,
    pub sign_out: Option<&'a SignOutStatus>,
    pub make_up: Option<&'a str>,
}

/// Credits one session: in full, unless late or early by more than the allowance; then
/// the minutes missed come off and the rest is rounded down to whole 学时.
pub fn credit_session(cohort: &Cohort, rules: &CreditRules, sitting: Sitting<'_>) -> SessionCredit {
    let session = sitting.hours.session;
    let mark = mark(cohort, session, sitting.status);
    let arrived = sitting.status.filter(|s| s.status.attended()).map(|s| s.at);
    let signed_out = arrived.and(sitting.sign_out.map(|s| s.at));
    let late_minutes = match (arrived, cohort.starts_at(session)) {
        (Some(at), Some(start)) => minutes_between(start, at.naive_local()),
        _ => 0,
    };
    let left = signed_out.map(|at| at.naive_local());
    let early_minutes = left.map_or(0, |at| sign_out::minutes_early(cohort, session, at));
    let no_sign_out = rules.sign_out_required
        && arrived.is_some()
        && signed_out.is_none()
        && sitting.hours.closed;
    let credited_minutes = match sitting.make_up {
        Some(_) => sitting.hours.minutes,
        None if arrived.is_none() || no_sign_out => 0,
        None => {
            let late = late_minutes * u32::from(late_minutes > rules.late_allowance_minutes);
            let early = early_minutes * u32::from(early_minutes > rules.early_allowance_minutes);
            deduct(sitting.hours.minutes, late + early, rules.hour_minutes)
        }
    };
    SessionCredit {
        session,
        mark,
        arrived,
        signed_out,
        late_minutes,
        early_minutes,
        early_leave: left.is_some_and(|at| sign_out::early_leave(cohort, session, at).is_some()),
        no_sign_out,
        make_up: sitting.make_up.map(str::to_string),
        credited_minutes,
    }
}

/// `minutes` less `missed`, rounded down to whole 学时 when anything was missed.
fn deduct(minutes: u32, missed: u32, hour_minutes: u32) -> u32 {
    if missed == 0 {
        return minutes;
    }
    let rest = minutes.saturating_sub(missed);
    rest / hour_minutes.max(1) * hour_minutes.max(1)
}

/// Whole minutes from `from` to `to`, 0 if `to` is not later.
fn minutes_between(from: NaiveDateTime, to: NaiveDateTime) -> u32 {
    u32::try_from((to - from).num_minutes()).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_minutes_round_down_to_whole_class_hours() {
        assert_eq!(deduct(135, 0, 45), 135);
        assert_eq!(deduct(135, 40, 45), 90, "95 minutes left: two 学时");
        assert_eq!(deduct(135, 45, 45), 90);
        assert_eq!(deduct(135, 200, 45), 0);
    }
}
