//! The year's records: every cohort that started in the year with its credit (computed
//! once per cohort from its roster, events and teaching log) and, for the coverage
//! matrix, its teaching log, against the register and its changes. The year report
//! (`lunxun report year`) and the desk's dashboard read them through here.

use chrono::{Datelike, NaiveDate};

use std::collections::HashMap;

use crate::domain::register::Change;
use crate::domain::report::{CountedOnce, as_of, one_record_each};
use crate::domain::{Person, PersonId};
use crate::io::report::year::{
    self, CohortRecords, CohortTeaching, CountedOnceOut, YearInput, YearReport,
};
use crate::store::{Store, StoreResult};

/// Which year, and how its report is made.
#[derive(Debug, Clone, Copy)]
pub struct Year<'a> {
    pub year: i32,
    /// Today by the clock: the register is counted as of the year's end, or today when
    /// earlier ([`as_of`]).
    pub today: NaiveDate,
    /// Required share of village secretaries at city-level training, in percent.
    pub quota_percent: f64,
    pub generated_at: &'a str,
    /// Phone and ID numbers in full (default: masked).
    pub include_sensitive: bool,
    /// Add the cohorts × modules matrix (reads every cohort's teaching log).
    pub coverage: bool,
}

/// Loads the year's records and builds its report. Reads only. Records joined as one
/// person count once, as their newest record ([`one_record_each`]).
pub fn report(store: &Store, input: Year<'_>) -> StoreResult<YearReport> {
    let (register, counted_once) = register_as_people(store)?;
    let facts = store.register_facts()?;
    let cohorts = store.cohorts()?;
    let held: Vec<_> = cohorts
        .iter()
        .filter(|c| c.start.year() == input.year)
        .collect();
    let mut records = Vec::with_capacity(held.len());
    let mut teaching = Vec::with_capacity(held.len());
    for &cohort in &held {
        let (credit, activities) = super::credit::credit_and_log(store, cohort, &facts)?;
        records.push(CohortRecords { cohort, credit });
        teaching.push(activities);
    }
    let mut report = year::build(YearInput {
        year: input.year,
        as_of: as_of(input.year, input.today),
        register: &register,
        facts: &facts,
        cohorts: records,
        quota_percent: input.quota_percent,
        generated_at: input.generated_at,
        include_sensitive: input.include_sensitive,
    });
    report.counted_once = counted_once
        .into_iter()
        .map(|c| CountedOnceOut {
            person_id: c.person.to_string(),
            name: c.name,
            counties: c.counties,
            county: c.county,
        })
        .collect();
    if !input.coverage {
        return Ok(report);
    }
    let mut logs = Vec::with_capacity(held.len());
    for (&cohort, activities) in held.iter().zip(teaching) {
        logs.push(CohortTeaching {
            cohort,
            catalogue: store.catalogue_for(&cohort.code)?,
            activities,
        });
    }
    Ok(report.with_coverage(&store.catalogue()?, &logs))
}

/// The register with each person once ([`one_record_each`]): a record's time is when
/// it was written (its id's time) or last edited (its edit's id's time), whichever is
/// later — both ULIDs stamped by the writing desk's clock.
fn register_as_people(store: &Store) -> StoreResult<(Vec<Person>, Vec<CountedOnce>)> {
    let register = store.people()?;
    let aliases = store.aliases()?;
    if aliases.is_empty() {
        return Ok((register, Vec::new()));
    }
    let written = |id: &str| ulid::Ulid::from_string(id).map_or(0, |u| u.timestamp_ms());
    let mut edited: HashMap<PersonId, u64> = HashMap::new();
    for event in store.changes()? {
        if let Change::PersonEdited { person, .. } = &event.change {
            let at = written(&event.id);
            let last = edited.entry(person.clone()).or_insert(at);
            *last = (*last).max(at);
        }
    }
    let newest = |p: &Person| {
        let made = written(p.id.as_str());
        edited.get(&p.id).map_or(made, |at| made.max(*at))
    };
    Ok(one_record_each(&register, &aliases, newest))
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;
    use crate::domain::cohort::tests::cohort;
    use crate::domain::{Person, PersonId};
    use crate::store::Batch;

    #[test]
    fn the_year_counts_its_own_cohorts_with_the_coverage_matrix_only_when_asked() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let at = DateTime::parse_from_rfc3339("2015-03-01T08:00:00+08:00").unwrap();
        let mut batch = Batch::default();
        let this_year = cohort();
        let mut last_year = cohort();
        last_year.code = "2014-09".into();
        last_year.start = last_year.start.with_year(2014).unwrap();
        Store::stage_cohort(&mut batch, &this_year);
        Store::stage_cohort(&mut batch, &last_year);
        for (id, code) in [("p1", "2015-01"), ("p2", "2014-09")] {
            let person = Person::named(PersonId(id.into()), id);
            Store::stage_person(&mut batch, &person);
            Store::stage_enrolment(&mut batch, code, &person.id, at, false);
        }
        store.commit(batch).unwrap();
        let input = Year {
            year: 2015,
            today: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            quota_percent: 15.0,
            generated_at: "",
            include_sensitive: false,
            coverage: true,
        };
        let full = report(&store, input).unwrap();
        let codes: Vec<_> = full.cohorts.iter().map(|c| c.code.as_str()).collect();
        assert_eq!(codes, ["2015-01"]);
        assert_eq!(full.cohorts[0].enrolled, 1);
        assert_eq!(full.untrained.len(), 2, "nobody completed a 2015 cohort");
        assert_eq!(full.coverage_matrix.cohorts.len(), 1, "the year's cohort");

        // The dashboard's figures: the same, without reading the teaching logs.
        let quick = Year {
            coverage: false,
            ..input
        };
        let quick = report(&store, quick).unwrap();
        assert_eq!(quick.cohorts.len(), 1);
        assert!(quick.coverage_matrix.cohorts.is_empty());
    }
}

#[cfg(test)]
#[path = "year_tests.rs"]
mod register_tests;
