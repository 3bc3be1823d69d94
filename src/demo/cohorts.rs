//! The demo's cohorts, dated from the clock: one in progress (today is the second of
//! its four days) and, when the year leaves room, one held earlier the same year and
//! closed, so the year's figures have something in them.

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime};

use crate::domain::cohort::{DEFAULT_COMPLETION_PERCENT, DEFAULT_GRACE_MINUTES};
use crate::domain::{Cohort, Field, Level, Person, SlotDef};

const SERIES: &str = "村（社区）党组织书记轮训班";
const CURRENT_DAYS: u16 = 4;
const PAST_DAYS: i64 = 3;
/// The earlier cohort started about six weeks before today.
const PAST_WEEKS_AGO: i64 = 6;
pub const ROSTER_SIZE: usize = 60;
const PAST_ROSTER_SIZE: usize = 48;

/// `2015-02` → `2015年第2期村（社区）党组织书记轮训班`: the name agrees with the code.
pub fn cohort_name(code: &str) -> String {
    let (year, number) = code.split_once('-').unwrap_or((code, ""));
    let number = number.trim_start_matches('0');
    format!("{year}年第{number}期{SERIES}")
}

/// The cohort in progress: it started yesterday, so today is day 2 of 4.
pub fn current(code: String, now: DateTime<FixedOffset>) -> Cohort {
    let start = now.date_naive() - Duration::days(1);
    city_cohort(code, start, CURRENT_DAYS, true, now)
}

/// The earlier cohort of the same year, closed with every session closed. None in the
/// first days of January, when it would not end before the current one starts.
pub fn past(code: String, now: DateTime<FixedOffset>) -> Option<Cohort> {
    let today = now.date_naive();
    let first_of_year = NaiveDate::from_ymd_opt(today.year(), 1, 1)?;
    let start = (today - Duration::weeks(PAST_WEEKS_AGO)).max(first_of_year);
    let room = (today - Duration::days(1) - start).num_days();
    let days = u16::try_from(room.min(PAST_DAYS)).ok().filter(|d| *d > 0)?;
    let mut cohort = city_cohort(code, start, days, false, now);
    cohort.closed_sessions = cohort.sessions();
    Some(cohort)
}

fn city_cohort(
    code: String,
    start: NaiveDate,
    days: u16,
    open: bool,
    now: DateTime<FixedOffset>,
) -> Cohort {
    let created = start - Duration::weeks(1);
    let created_at = local(now, created.and_time(nine()));
    Cohort {
        uid: demo_uid(&code, created_at),
        updated_at: None,
        name: cohort_name(&code),
        code,
        level: Level::City,
        field_focus: Some(Field::Village),
        start,
        days,
        slots: SlotDef::defaults(),
        venue: "岳阳市委党校".to_string(),
        open,
        grace_minutes: DEFAULT_GRACE_MINUTES,
        completion_percent: DEFAULT_COMPLETION_PERCENT,
        credit: Some(crate::domain::credit::CreditRules::default()),
        closed_sessions: vec![],
        created_at,
    }
}

/// The demo is the same for the same clock, its cohorts' global ids too: made from the
/// creation time and the code.
fn demo_uid(code: &str, created_at: DateTime<FixedOffset>) -> String {
    let millis = u64::try_from(created_at.timestamp_millis()).unwrap_or_default();
    let random = u128::from(crc32fast::hash(code.as_bytes())) << 48 | 0xDE30;
    ulid::Ulid::from_parts(millis, random).to_string()
}

fn nine() -> NaiveTime {
    NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default()
}

/// A local time in the clock's offset.
pub fn local(now: DateTime<FixedOffset>, at: NaiveDateTime) -> DateTime<FixedOffset> {
    at.and_local_timezone(*now.offset()).single().unwrap_or(now)
}

/// Every k-th village or community secretary, spread over the register.
pub fn current_roster(people: &[Person]) -> Vec<usize> {
    let eligible = indices(people, |f| matches!(f, Field::Village | Field::Community));
    spread(eligible, ROSTER_SIZE)
}

/// Village secretaries not in the current cohort, spread over the register.
pub fn past_roster(people: &[Person], current: &[usize]) -> Vec<usize> {
    let mut eligible = indices(people, |f| f == Field::Village);
    eligible.retain(|i| !current.contains(i));
    spread(eligible, PAST_ROSTER_SIZE)
}

fn indices(people: &[Person], field: impl Fn(Field) -> bool) -> Vec<usize> {
    people
        .iter()
        .enumerate()
        .filter(|(_, p)| p.field.is_some_and(&field))
        .map(|(i, _)| i)
        .collect()
}

fn spread(eligible: Vec<usize>, size: usize) -> Vec<usize> {
    let step = (eligible.len() / size).max(1);
    eligible.into_iter().step_by(step).take(size).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    #[test]
    fn names_follow_the_code_and_today_is_day_two() {
        assert_eq!(
            cohort_name("2026-02"),
            "2026年第2期村（社区）党组织书记轮训班"
        );
        assert_eq!(
            cohort_name("2026-12"),
            "2026年第12期村（社区）党组织书记轮训班"
        );
        let now = at("2026-11-30T08:35:00+08:00");
        let cohort = current("2026-02".into(), now);
        assert_eq!(cohort.start, "2026-11-29".parse().unwrap());
        assert!(cohort.validate().is_ok());
    }

    #[test]
    fn the_past_cohort_ends_before_the_current_one_in_the_same_year() {
        let now = at("2026-11-30T08:35:00+08:00");
        let earlier = past("2026-01".into(), now).unwrap();
        assert_eq!(earlier.start, "2026-10-19".parse().unwrap());
        assert_eq!((earlier.days, earlier.open), (3, false));
        assert_eq!(earlier.closed_sessions.len(), 6);
        let early = past("2026-01".into(), at("2026-01-03T08:35:00+08:00")).unwrap();
        assert_eq!(
            (early.start.to_string(), early.days),
            ("2026-01-01".into(), 1)
        );
        assert!(
            early.end_date() < current("2026-02".into(), at("2026-01-03T08:35:00+08:00")).start
        );
        assert_eq!(
            past("2026-01".into(), at("2026-01-02T08:00:00+08:00")),
            None
        );
    }
}
