//! The year report: cohorts held, people trained (each cohort's completion by its own
//! rule, from its credit), 学时 credited by field and county, the cohorts × modules
//! coverage matrix, the city-level quota per county and every register person not
//! trained this year — the register counted on the report's date (people retired by
//! then left out).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::coverage::{MatrixJson, matrix_json};
use crate::domain::coverage::{CohortRecord, CohortsMatrix, cohorts_matrix};
use crate::domain::credit::CohortCredit;
use crate::domain::register::RegisterFacts;
use crate::domain::report::{
    CohortCompletion, YearFacts, hours_by, quota, serving, trained_counts, untrained,
};
use crate::domain::{Catalogue, Cohort, Person, TeachingActivity};

use super::{Count, PersonLine};

/// One cohort and its credit (computed once per cohort).
pub struct CohortRecords<'a> {
    pub cohort: &'a Cohort,
    pub credit: CohortCredit,
}

/// One cohort's teaching log and the catalogue it ran with, for the coverage matrix.
pub struct CohortTeaching<'a> {
    pub cohort: &'a Cohort,
    pub catalogue: Catalogue,
    /// Deleted activities included (they do not count).
    pub activities: Vec<TeachingActivity>,
}

#[derive(Debug, Clone, Serialize)]
pub struct YearReport {
    pub generated_at: String,
    pub year: i32,
    /// The register is counted as of this day: the year's end, or the day the report
    /// was made when earlier.
    pub as_of: String,
    /// Register people retired (换届, 调离) on or before `as_of`: left out of the quota
    /// and the untrained list.
    pub retired: usize,
    pub quota_percent: f64,
    pub cohorts: Vec<CohortLine>,
    pub cohorts_by_level_and_field: Vec<LevelFieldCount>,
    pub trained: usize,
    pub trained_by_field: Vec<Count>,
    pub trained_by_county: Vec<Count>,
    /// 学时 credited in the year's cohorts (each in its own 学时), one decimal.
    pub hours: f64,
    pub hours_by_field: Vec<HoursCount>,
    pub hours_by_county: Vec<HoursCount>,
    /// Held activities per cohort and module, cohorts in the order of `cohorts`
    /// (filled by [`YearReport::with_coverage`]).
    pub coverage_matrix: MatrixJson,
    pub quota: Vec<QuotaOut>,
    pub untrained: Vec<PersonLine>,
    /// People recorded in more than one county (同一人), each counted once in the
    /// county of their newest record (filled by the year's loader).
    pub counted_once: Vec<CountedOnceOut>,
}

/// One person counted once though their records name several counties.
#[derive(Debug, Clone, Serialize)]
pub struct CountedOnceOut {
    pub person_id: String,
    pub name: String,
    pub counties: Vec<String>,
    /// Where they count: their newest record's county.
    pub county: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct CohortLine {
    pub code: String,
    pub name: String,
    pub level: &'static str,
    pub field: Option<&'static str>,
    pub start: String,
    pub days: u16,
    pub enrolled: usize,
    pub completed: usize,
    /// Completion by the old rule (sessions attended): made before the hours rules.
    pub legacy: bool,
    /// The cohort's 学时 and the 学时 credited to all its people.
    pub total_hours: f64,
    pub credited_hours: f64,
}

/// 学时 under a key (a field code or a county).
#[derive(Debug, Clone, Serialize)]
pub struct HoursCount {
    pub key: String,
    pub hours: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct LevelFieldCount {
    pub level: &'static str,
    pub field: Option<&'static str>,
    pub cohorts: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct QuotaOut {
    pub county: String,
    pub village_secretaries: usize,
    pub city_level_completed: usize,
    /// Rounded to 4 places; null when the county has no village secretaries.
    pub ratio: Option<f64>,
    pub meets: bool,
}

pub struct YearInput<'a> {
    pub year: i32,
    /// See [`crate::domain::report::as_of`].
    pub as_of: NaiveDate,
    pub register: &'a [Person],
    /// Retirements (and the rest of the register's changes).
    pub facts: &'a RegisterFacts,
    pub cohorts: Vec<CohortRecords<'a>>,
    pub quota_percent: f64,
    pub generated_at: &'a str,
    pub include_sensitive: bool,
}

pub fn build(mut input: YearInput<'_>) -> YearReport {
    input
        .cohorts
        .retain(|r| chrono::Datelike::year(&r.cohort.start) == input.year);
    input
        .cohorts
        .sort_by(|a, b| (a.cohort.start, &a.cohort.code).cmp(&(b.cohort.start, &b.cohort.code)));
    let completions: Vec<CohortCompletion> = input
        .cohorts
        .iter()
        .map(|r| completion(r.cohort, &r.credit))
        .collect();
    let lines = cohort_lines(&input.cohorts);
    let facts = YearFacts::new(input.year, completions);
    let (by_field, by_county) = trained_counts(input.register, &facts);
    let (hours_field, hours_county) = hours_by(input.register, &facts);
    let counted = serving(input.register, input.facts, input.as_of);
    YearReport {
        generated_at: input.generated_at.to_string(),
        year: input.year,
        as_of: input.as_of.to_string(),
        retired: input.register.len() - counted.len(),
        quota_percent: input.quota_percent,
        cohorts: lines,
        cohorts_by_level_and_field: facts
            .cohorts_by_level_and_field()
            .into_iter()
            .map(|((level, field), n)| LevelFieldCount {
                level: level.code(),
                field: field.map(|f| f.code()),
                cohorts: n,
            })
            .collect(),
        trained: by_field.values().sum(),
        trained_by_field: by_field
            .into_iter()
            .map(|(f, count)| Count {
                key: field_key(f),
                count,
            })
            .collect(),
        trained_by_county: by_county
            .into_iter()
            .map(|(key, count)| Count { key, count })
            .collect(),
        hours: tenth(hours_county.values().sum()),
        hours_by_field: hours_list(hours_field.into_iter().map(|(f, h)| (field_key(f), h))),
        hours_by_county: hours_list(hours_county),
        coverage_matrix: matrix_json(&CohortsMatrix {
            modules: Vec::new(),
            rows: Vec::new(),
        }),
        quota: quota_lines(&counted, &facts, input.quota_percent),
        untrained: untrained(&counted, &facts)
            .into_iter()
            .map(|p| PersonLine::new(p, input.include_sensitive))
            .collect(),
        counted_once: Vec::new(),
    }
}

impl YearReport {
    /// Adds the cohorts × modules matrix: one row per cohort of the report that has a
    /// teaching record, in the report's order; columns as [`cohorts_matrix`] gives them,
    /// named by `current`, the organisers' catalogue today.
    pub fn with_coverage(mut self, current: &Catalogue, teaching: &[CohortTeaching<'_>]) -> Self {
        let records: Vec<CohortRecord> = self
            .cohorts
            .iter()
            .filter_map(|line| teaching.iter().find(|t| t.cohort.code == line.code))
            .map(|t| (t.cohort, &t.catalogue, t.activities.as_slice()))
            .collect();
        self.coverage_matrix = matrix_json(&cohorts_matrix(current, &records));
        self
    }
}

/// What the year counts of one cohort: its completers by its own rule (legacy cohorts
/// by the old one, decided inside the credit) and everyone's credited minutes.
fn completion<'a>(cohort: &'a Cohort, credit: &CohortCredit) -> CohortCompletion<'a> {
    CohortCompletion {
        cohort,
        completed: credit.completers().map(|p| p.person.clone()).collect(),
        credited: credit
            .people
            .iter()
            .map(|p| (p.person.clone(), p.credited_minutes))
            .collect(),
        hour_minutes: credit.rules.hour_minutes,
    }
}

fn quota_lines(counted: &[&Person], facts: &YearFacts, percent: f64) -> Vec<QuotaOut> {
    quota(counted, facts, percent)
        .into_iter()
        .map(|q| QuotaOut {
            ratio: q.ratio.map(|r| (r * 10_000.0).round() / 10_000.0),
            county: q.county,
            village_secretaries: q.village_secretaries,
            city_level_completed: q.city_level_completed,
            meets: q.meets,
        })
        .collect()
}

/// A field as reports key it: its code, or `unknown`.
fn field_key(field: Option<crate::domain::Field>) -> String {
    field.map_or("unknown", |f| f.code()).to_string()
}

/// Rounded to a tenth; never `-0` (an empty sum of floats is -0.0, printed "-0").
fn tenth(hours: f64) -> f64 {
    (hours * 10.0).round() / 10.0 + 0.0
}

fn hours_list(map: impl IntoIterator<Item = (String, f64)>) -> Vec<HoursCount> {
    let sorted: BTreeMap<String, f64> = map.into_iter().collect();
    sorted
        .into_iter()
        .map(|(key, hours)| HoursCount {
            key,
            hours: tenth(hours),
        })
        .collect()
}

fn cohort_lines(all: &[CohortRecords<'_>]) -> Vec<CohortLine> {
    all.iter()
        .map(|r| CohortLine {
            code: r.cohort.code.clone(),
            name: r.cohort.name.clone(),
            level: r.cohort.level.code(),
            field: r.cohort.field_focus.map(|f| f.code()),
            start: r.cohort.start.to_string(),
            days: r.cohort.days,
            enrolled: r.credit.people.len(),
            completed: r.credit.completers().count(),
            legacy: r.credit.legacy,
            total_hours: r.credit.rules.hours(r.credit.total_minutes),
            credited_hours: tenth(
                r.credit
                    .people
                    .iter()
                    .map(|p| f64::from(p.credited_minutes))
                    .sum::<f64>()
                    / f64::from(r.credit.rules.hour_minutes.max(1)),
            ),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    /// A year with no credited hours says 0, not -0.
    #[test]
    fn no_hours_print_as_zero() {
        let none: f64 = std::iter::empty::<f64>().sum();
        assert_eq!(super::tenth(none).to_string(), "0");
        assert_eq!(super::tenth(2.25).to_string(), "2.3");
    }
}
