//! What the operations' tests share: a fixed clock, a cohort as typed, and the
//! catalogue's words of a refusal.

use chrono::{DateTime, FixedOffset};

use super::cohort::NewCohort;
use super::{OpError, OpResult};
use crate::text::Lang;

/// 2015-03-01 08:00, two weeks before [`new_cohort`] starts.
pub fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2015-03-01T08:00:00+08:00").unwrap()
}

/// A four-day county cohort with morning and afternoon sessions from 2015-03-16.
pub fn new_cohort() -> NewCohort {
    NewCohort {
        name: "第1期".into(),
        start: "2015-03-16".into(),
        days: "4".into(),
        slots: "am,pm".into(),
        level: "county".into(),
        venue: "县委党校".into(),
        grace_minutes: 10,
        ..NewCohort::default()
    }
}

/// The refusal's message in Chinese; panics on success or any other error.
pub fn refusal(result: OpResult<impl std::fmt::Debug>) -> String {
    match result {
        Err(OpError::Refused(r)) => r.message(Lang::Zh),
        other => panic!("expected a refusal, got {other:?}"),
    }
}
