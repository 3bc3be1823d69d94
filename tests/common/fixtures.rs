//! Records for tests that write to the store directly (without the binary): one cohort
//! and one person to start from, changed with struct update syntax where a test needs
//! other values (`Cohort { days: 4, ..cohort("2015-01") }`). Also included by
//! examples/bench_store.rs.
#![allow(dead_code)]

use chrono::{DateTime, FixedOffset, NaiveDate};
use lunxun::domain::cohort::{DEFAULT_COMPLETION_PERCENT, DEFAULT_GRACE_MINUTES};
use lunxun::domain::{Cohort, Level, Person, PersonId, SlotDef};

/// A moment written in RFC 3339.
pub fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).expect("an RFC 3339 time")
}

/// Open county cohort `code`, 第1期: two days from Monday 2015-03-16 with the default
/// morning and afternoon sessions, the default grace period and completion rate,
/// created on 2015-03-01.
pub fn cohort(code: &str) -> Cohort {
    Cohort {
        uid: String::new(),
        updated_at: None,
        code: code.into(),
        name: "第1期".into(),
        level: Level::County,
        field_focus: None,
        start: NaiveDate::from_ymd_opt(2015, 3, 16).expect("a date"),
        days: 2,
        slots: SlotDef::defaults(),
        venue: String::new(),
        open: true,
        grace_minutes: DEFAULT_GRACE_MINUTES,
        completion_percent: DEFAULT_COMPLETION_PERCENT,
        credit: Some(lunxun::domain::credit::CreditRules::default()),
        closed_sessions: vec![],
        created_at: at("2015-03-01T08:00:00+08:00"),
    }
}

/// Person `id` named `name`, every other field empty.
pub fn person(id: &str, name: &str) -> Person {
    Person::named(PersonId(id.into()), name)
}
