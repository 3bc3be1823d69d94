//! The cohort report: enrolment, attendance per session, completion per person, and
//! what was taught (methods, module coverage, bases visited).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::domain::report::{Mark, cohort_attendance};
use crate::domain::{AttendanceEvent, Cohort, Person, PersonId};

use super::teaching::TeachingSection;
use super::{Count, PersonLine};

#[derive(Debug, Clone, Serialize)]
pub struct CohortReport {
    pub generated_at: String,
    pub cohort: CohortInfo,
    pub enrolled: usize,
    pub by_field: Vec<Count>,
    pub by_county: Vec<Count>,
    pub sessions: Vec<SessionLine>,
    pub people: Vec<PersonAttendance>,
    pub completed: usize,
    pub teaching: TeachingSection,
}

#[derive(Debug, Clone, Serialize)]
pub struct CohortInfo {
    pub code: String,
    pub name: String,
    pub level: &'static str,
    pub start: String,
    pub end: String,
    pub days: u16,
    pub venue: String,
    pub open: bool,
    pub completion_percent: u8,
}

#[derive(Debug, Clone, Serialize)]
pub struct SessionLine {
    pub session: String,
    pub date: String,
    pub slot: &'static str,
    pub closed: bool,
    pub present: usize,
    pub late: usize,
    pub leave: usize,
    pub absent: usize,
    pub none: usize,
    /// (present + late) / enrolled, rounded to 4 places.
    pub rate: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct PersonAttendance {
    #[serde(flatten)]
    pub person: PersonLine,
    pub attended: usize,
    pub sessions: usize,
    pub marks: Vec<&'static str>,
    pub completed: bool,
}

/// What the cohort report is built from.
pub struct CohortInput<'a> {
    pub cohort: &'a Cohort,
    pub roster: &'a [Person],
    pub events: &'a [AttendanceEvent],
    /// From [`super::teaching::build`].
    pub teaching: TeachingSection,
    pub generated_at: &'a str,
    pub include_sensitive: bool,
}

/// Builds the report; `generated_at` is the only field that depends on the clock.
pub fn build(input: CohortInput<'_>) -> CohortReport {
    let CohortInput {
        cohort,
        roster,
        events,
        teaching,
        generated_at,
        include_sensitive,
    } = input;
    let ids: Vec<PersonId> = roster.iter().map(|p| p.id.clone()).collect();
    let tally = cohort_attendance(cohort, &ids, events);
    let sessions = tally
        .sessions
        .iter()
        .map(|t| SessionLine {
            session: t.session.code(),
            date: cohort.date_of(t.session.day).to_string(),
            slot: t.session.slot.code(),
            closed: !cohort.open || cohort.is_closed(t.session),
            present: t.present,
            late: t.late,
            leave: t.leave,
            absent: t.absent,
            none: t.none,
            rate: (t.rate() * 10_000.0).round() / 10_000.0,
        })
        .collect();
    let people: Vec<PersonAttendance> = roster
        .iter()
        .zip(&tally.people)
        .map(|(p, record)| PersonAttendance {
            person: PersonLine::new(p, include_sensitive),
            attended: record.attended(),
            sessions: record.marks.len(),
            marks: record.marks.iter().map(|m| Mark::code(*m)).collect(),
            completed: record.completed,
        })
        .collect();
    CohortReport {
        generated_at: generated_at.to_string(),
        cohort: info(cohort),
        enrolled: roster.len(),
        by_field: count_by(roster, |p| {
            p.field.map_or("unknown", |f| f.code()).to_string()
        }),
        by_county: count_by(roster, |p| p.county.clone()),
        completed: people.iter().filter(|p| p.completed).count(),
        sessions,
        people,
        teaching,
    }
}

fn info(c: &Cohort) -> CohortInfo {
    CohortInfo {
        code: c.code.clone(),
        name: c.name.clone(),
        level: c.level.code(),
        start: c.start.to_string(),
        end: c.end_date().to_string(),
        days: c.days,
        venue: c.venue.clone(),
        open: c.open,
        completion_percent: c.completion_percent,
    }
}

/// Counts by a key, sorted by key so the output is stable.
pub fn count_by(people: &[Person], key: impl Fn(&Person) -> String) -> Vec<Count> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for p in people {
        *counts.entry(key(p)).or_insert(0) += 1;
    }
    counts
        .into_iter()
        .map(|(key, count)| Count { key, count })
        .collect()
}
