//! 班次: create a cohort, close it (look-up only) or reopen it.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};

use crate::domain::cohort::{self, CohortError, DEFAULT_COMPLETION_PERCENT};
use crate::domain::credit::CreditRules;
use crate::domain::{Cohort, Field, Level};
use crate::store::{Batch, CohortChange, Store};
use crate::text::{Cohorts as C, Tabular};

use super::{OpError, OpResult, Refusal};

pub use super::cohort_rules::{RulesInput, parse_slots};

/// A new cohort as typed: on the command line or in the desk's form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewCohort {
    pub name: String,
    /// YYYY-MM-DD.
    pub start: String,
    /// Number of days, 1 to 60.
    pub days: String,
    /// `am,pm`, each slot optionally with its start time (`am=08:00`) or its start and
    /// end (`am=08:30-11:30`).
    pub slots: String,
    /// province, city or county (or 省级, 市级, 县级).
    pub level: String,
    pub field: Option<String>,
    pub venue: String,
    pub grace_minutes: u32,
    /// Default: YEAR-NN, the next free number of the start year.
    pub code: Option<String>,
    /// 学时 rules given; the defaults for the rest.
    pub rules: RulesInput,
}

/// Checks the input, refuses a code in use, and saves the cohort. Nothing is written
/// on a refusal.
pub fn create(store: &Store, now: DateTime<FixedOffset>, input: &NewCohort) -> OpResult<Cohort> {
    let existing: Vec<String> = store.cohorts()?.into_iter().map(|c| c.code).collect();
    let cohort = cohort_from(input, &existing, now)?;
    if existing.contains(&cohort.code) {
        return Err(Refusal::of(C::CohortCodeTaken)
            .with("code", &cohort.code)
            .into());
    }
    let mut batch = Batch::default();
    Store::stage_cohort(&mut batch, &cohort);
    store.commit(batch)?;
    Ok(cohort)
}

fn cohort_from(
    input: &NewCohort,
    existing: &[String],
    now: DateTime<FixedOffset>,
) -> OpResult<Cohort> {
    let start = parse_date(&input.start)
        .ok_or_else(|| Refusal::of(C::CohortBadStart).with("text", &input.start))?;
    let days = input
        .days
        .trim()
        .parse::<u16>()
        .map_err(|_| OpError::Cohort(CohortError::BadDays))?;
    let level = parse_level(&input.level)?;
    let field_focus = parse_field(input.field.as_deref())?;
    let slots = parse_slots(&input.slots)?;
    let rules = input.rules.apply(CreditRules::default())?;
    let code = match input.code.as_deref().map(str::trim) {
        Some(code) => code.to_string(),
        None => cohort::next_code(start.year(), existing),
    };
    let cohort = Cohort {
        uid: ulid::Ulid::generate().to_string(),
        updated_at: None,
        code,
        name: input.name.trim().to_string(),
        level,
        field_focus,
        start,
        days,
        slots,
        venue: input.venue.trim().to_string(),
        open: true,
        grace_minutes: input.grace_minutes,
        completion_percent: DEFAULT_COMPLETION_PERCENT,
        credit: Some(rules),
        closed_sessions: vec![],
        created_at: now,
    };
    cohort.validate().map_err(OpError::Cohort)?;
    Ok(cohort)
}

/// A date written YYYY-MM-DD.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

/// A cohort's level: province, city or county (or 省级, 市级, 县级).
pub fn parse_level(text: &str) -> Result<Level, Refusal> {
    Level::parse(text).ok_or_else(|| Refusal::of(C::CohortBadLevel).with("text", text))
}

/// A field of work (领域); empty means none.
pub fn parse_field(text: Option<&str>) -> Result<Option<Field>, Refusal> {
    let Some(text) = text.filter(|t| !t.trim().is_empty()) else {
        return Ok(None);
    };
    let codes: Vec<String> = Field::ALL.iter().map(|f| f.code().to_string()).collect();
    Field::parse(text).map(Some).ok_or_else(|| {
        Refusal::of(C::FieldUnknown).with("text", text).with_list(
            "codes",
            codes,
            Tabular::ListSeparator,
        )
    })
}

/// What came of closing or reopening a cohort.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CohortClosing {
    /// Written and durable.
    Changed(Cohort),
    /// Already so: nothing written.
    Unchanged(Cohort),
}

/// Closes a cohort: from now on its records are look-up only. Stamps `updated_at`.
pub fn close(store: &Store, code: &str, now: DateTime<FixedOffset>) -> OpResult<CohortClosing> {
    match store.close_cohort(code, now)? {
        CohortChange::Changed(cohort) => Ok(CohortClosing::Changed(cohort)),
        CohortChange::Unchanged(cohort) => Ok(CohortClosing::Unchanged(cohort)),
        CohortChange::Refused(closed) => Err(OpError::Closed(closed)),
        // The refusal that names the cohort unknown.
        CohortChange::Missing => find(store, code).map(CohortClosing::Unchanged),
    }
}

/// Reopens a closed cohort so that its records can be corrected; its closed sessions
/// stay closed (`Cohort::reopening`). Stamps `updated_at`.
pub fn reopen(store: &Store, code: &str, now: DateTime<FixedOffset>) -> OpResult<CohortClosing> {
    let cohort = find(store, code)?;
    let Some(mut reopened) = cohort.reopening() else {
        return Ok(CohortClosing::Unchanged(cohort));
    };
    reopened.updated_at = Some(now);
    let mut batch = Batch::default();
    Store::stage_cohort(&mut batch, &reopened);
    store.commit(batch)?;
    Ok(CohortClosing::Changed(reopened))
}

/// The cohort with this code, or the refusal that names it unknown.
pub fn find(store: &Store, code: &str) -> OpResult<Cohort> {
    let code = code.trim();
    store
        .cohort(code)?
        .ok_or_else(|| OpError::Refused(Refusal::of(C::CohortUnknown).with("code", code)))
}

#[cfg(test)]
#[path = "cohort_tests.rs"]
mod tests;
