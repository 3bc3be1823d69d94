//! 培训档案 and 学时登记表, read from the store: a person's training record
//! (`lunxun person show`, the desk's lookup) and every person's year total
//! (`lunxun report hours`). Reads only.

use chrono::{Datelike, NaiveDate};

use crate::domain::PersonId;
use crate::domain::credit::record::{CohortLine, TrainingRecord, year_hours};
use crate::domain::register::RegisterFacts;
use crate::io::report::hours::{self, HoursInput, HoursReport};
use crate::store::{Store, StoreResult};

/// One person's record: every cohort they are enrolled in (withdrawn ones too) with
/// the 学时 credited and their standing, and the hours recorded from elsewhere.
///
/// Cost: one key lookup per cohort to find the person's cohorts, then for each of those
/// the whole cohort's credit (its enrolments, attendance events and teaching log), and
/// the register's changes once — a few cohorts of a few hundred events each for one person.
pub fn training_record(store: &Store, person: &PersonId) -> StoreResult<TrainingRecord> {
    training_record_with(store, person, &store.register_facts()?)
}

/// As [`training_record`], with the register's facts already read (the desk keeps them).
pub fn training_record_with(
    store: &Store,
    person: &PersonId,
    facts: &RegisterFacts,
) -> StoreResult<TrainingRecord> {
    let mut lines = Vec::new();
    // Enrolled under any of their records (同一人): the credit reads them as one.
    let group = store.aliases()?.group(person);
    for cohort in store.cohorts()? {
        if !store.group_enrolled(&cohort.code, &group)? {
            continue;
        }
        let credit = super::credit::cohort_credit_with(store, &cohort, facts)?;
        if let Some(mine) = credit.person(person) {
            lines.push(CohortLine::new(&cohort, &credit, mine));
        }
    }
    Ok(TrainingRecord::new(person.clone(), lines, facts))
}

/// What `report hours` asks for.
#[derive(Debug, Clone, Copy)]
pub struct HoursQuery<'a> {
    pub year: i32,
    /// The annual target, in 学时.
    pub target: u32,
    pub county: Option<&'a str>,
    /// Today by the clock: people retired on or before the earlier of today and the
    /// year's last day are left out.
    pub today: NaiveDate,
    pub generated_at: &'a str,
}

/// Every person's 学时 in the year by level, and who is below the target. Each cohort
/// of the year has its credit computed once, whatever the size of the register.
pub fn hours_report(store: &Store, query: HoursQuery<'_>) -> StoreResult<HoursReport> {
    let register = store.people()?;
    let facts = store.register_facts()?;
    let cohorts: Vec<_> = store
        .cohorts()?
        .into_iter()
        .filter(|c| c.start.year() == query.year)
        .collect();
    let mut credits = Vec::with_capacity(cohorts.len());
    for cohort in &cohorts {
        credits.push(super::credit::cohort_credit_with(store, cohort, &facts)?);
    }
    let hours = year_hours(query.year, cohorts.iter().zip(&credits), &facts);
    let year_end = NaiveDate::from_ymd_opt(query.year, 12, 31).unwrap_or(query.today);
    Ok(hours::build(HoursInput {
        year: query.year,
        target: query.target,
        county: query.county,
        register: &register,
        hours: &hours,
        facts: &facts,
        as_of: year_end.min(query.today),
        generated_at: query.generated_at,
    }))
}
