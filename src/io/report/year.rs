//! The year report: cohorts held, people trained, the cohorts × modules coverage
//! matrix, the city-level quota per county and every register person not trained this
//! year.

use std::collections::HashSet;

use serde::Serialize;

use super::coverage::{MatrixJson, matrix_json};
use crate::domain::coverage::{CohortRecord, CohortsMatrix, cohorts_matrix};
use crate::domain::report::{
    CohortCompletion, YearFacts, cohort_attendance, quota, trained_counts, untrained,
};
use crate::domain::{AttendanceEvent, Catalogue, Cohort, Person, PersonId, TeachingActivity};

use super::{Count, PersonLine};

/// One cohort's records, as the store holds them.
pub struct CohortRecords<'a> {
    pub cohort: &'a Cohort,
    pub roster: Vec<PersonId>,
    pub events: Vec<AttendanceEvent>,
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
    pub quota_percent: f64,
    pub cohorts: Vec<CohortLine>,
    pub cohorts_by_level_and_field: Vec<LevelFieldCount>,
    pub trained: usize,
    pub trained_by_field: Vec<Count>,
    pub trained_by_county: Vec<Count>,
    /// Held activities per cohort and module, cohorts in the order of `cohorts`
    /// (filled by [`YearReport::with_coverage`]).
    pub coverage_matrix: MatrixJson,
    pub quota: Vec<QuotaOut>,
    pub untrained: Vec<PersonLine>,
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
    pub register: &'a [Person],
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
        .map(|r| CohortCompletion {
            cohort: r.cohort,
            completed: completed(r),
            credited: Vec::new(),
            hour_minutes: r.cohort.rules().hour_minutes,
        })
        .collect();
    let lines = cohort_lines(&input.cohorts, &completions);
    let facts = YearFacts::new(input.year, completions);
    let (by_field, by_county) = trained_counts(input.register, &facts);
    let counted: Vec<&Person> = input.register.iter().collect();
    YearReport {
        generated_at: input.generated_at.to_string(),
        year: input.year,
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
                key: f.map_or("unknown", |f| f.code()).to_string(),
                count,
            })
            .collect(),
        trained_by_county: by_county
            .into_iter()
            .map(|(key, count)| Count { key, count })
            .collect(),
        coverage_matrix: matrix_json(&CohortsMatrix {
            modules: Vec::new(),
            rows: Vec::new(),
        }),
        quota: quota(&counted, &facts, input.quota_percent)
            .into_iter()
            .map(|q| QuotaOut {
                ratio: q.ratio.map(|r| (r * 10_000.0).round() / 10_000.0),
                county: q.county,
                village_secretaries: q.village_secretaries,
                city_level_completed: q.city_level_completed,
                meets: q.meets,
            })
            .collect(),
        untrained: untrained(&counted, &facts)
            .into_iter()
            .map(|p| PersonLine::new(p, input.include_sensitive))
            .collect(),
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

fn completed(records: &CohortRecords<'_>) -> HashSet<PersonId> {
    let tally = cohort_attendance(records.cohort, &records.roster, &records.events);
    tally.completed().cloned().collect()
}

fn cohort_lines(all: &[CohortRecords<'_>], completions: &[CohortCompletion]) -> Vec<CohortLine> {
    all.iter()
        .zip(completions)
        .map(|(r, c)| CohortLine {
            code: r.cohort.code.clone(),
            name: r.cohort.name.clone(),
            level: r.cohort.level.code(),
            field: r.cohort.field_focus.map(|f| f.code()),
            start: r.cohort.start.to_string(),
            days: r.cohort.days,
            enrolled: r.roster.len(),
            completed: c.completed.len(),
        })
        .collect()
}
