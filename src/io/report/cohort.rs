//! The cohort report: enrolment, attendance and 学时 per session, 学时 credited and
//! standing per person, completion (completers, non-completers with the rule that
//! failed, withdrawals and substitutes: [`super::cohort_credit`]), and what was taught
//! (methods, module coverage, bases visited).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::domain::credit::{CohortCredit, Standing};
use crate::domain::report::{Mark, PersonRecord, cohort_attendance};
use crate::domain::{AttendanceEvent, Cohort, Person, PersonId};

use super::cohort_credit::{CreditSection, section};
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
    /// The cohort's 学时: the sessions' summed.
    pub total_minutes: u32,
    pub total_hours: f64,
    pub credit: CreditSection,
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
    /// Of sessions attended (the old rule) for a legacy cohort, else of the 学时.
    pub completion_percent: u8,
    /// Made before the hours rules: completion by sessions attended.
    pub legacy: bool,
    pub hour_minutes: u32,
    /// Leave and absence limit, a share of the total 学时 (`1/7`).
    pub leave_limit: String,
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
    /// The session's 学时 (its held activities' hours, or the cohort's default).
    pub minutes: u32,
    pub hours: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct PersonAttendance {
    #[serde(flatten)]
    pub person: PersonLine,
    pub attended: usize,
    pub sessions: usize,
    pub marks: Vec<&'static str>,
    pub completed: bool,
    /// `completed`, `not_completed`, `in_progress`, `withdrawn` or `substituted`.
    pub standing: &'static str,
    pub credited_minutes: u32,
    pub credited_hours: f64,
    #[serde(skip)]
    pub standing_of: Option<Standing>,
}

/// What the cohort report is built from.
pub struct CohortInput<'a> {
    pub cohort: &'a Cohort,
    pub roster: &'a [Person],
    pub events: &'a [AttendanceEvent],
    /// The cohort's credit, from `ops::credit` (computed once).
    pub credit: &'a CohortCredit,
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
        credit,
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
            minutes: session_minutes(credit, t.session),
            hours: credit.rules.hours(session_minutes(credit, t.session)),
        })
        .collect();
    let people: Vec<PersonAttendance> = roster
        .iter()
        .zip(&tally.people)
        .map(|(p, record)| person(PersonLine::new(p, include_sensitive), record, credit))
        .collect();
    CohortReport {
        generated_at: generated_at.to_string(),
        cohort: info(cohort, credit),
        enrolled: roster.len(),
        by_field: count_by(roster, |p| {
            p.field.map_or("unknown", |f| f.code()).to_string()
        }),
        by_county: count_by(roster, |p| p.county.clone()),
        completed: people.iter().filter(|p| p.completed).count(),
        total_minutes: credit.total_minutes,
        total_hours: credit.rules.hours(credit.total_minutes),
        credit: section(credit, roster),
        sessions,
        people,
        teaching,
    }
}

/// One person's attendance with the 学时 credited and their standing.
fn person(line: PersonLine, record: &PersonRecord, credit: &CohortCredit) -> PersonAttendance {
    let own = credit.person(&record.person);
    let standing = own.map(|c| c.standing.clone());
    let minutes = own.map_or(0, |c| c.credited_minutes);
    PersonAttendance {
        person: line,
        attended: record.attended(),
        sessions: record.marks.len(),
        marks: record.marks.iter().map(|m| Mark::code(*m)).collect(),
        completed: matches!(standing, Some(Standing::Completed)),
        standing: standing.as_ref().map_or("in_progress", Standing::code),
        credited_minutes: minutes,
        credited_hours: credit.rules.hours(minutes),
        standing_of: standing,
    }
}

fn session_minutes(credit: &CohortCredit, session: crate::domain::Session) -> u32 {
    credit
        .sessions
        .iter()
        .find(|s| s.session == session)
        .map_or(0, |s| s.minutes)
}

fn info(c: &Cohort, credit: &CohortCredit) -> CohortInfo {
    CohortInfo {
        code: c.code.clone(),
        name: c.name.clone(),
        level: c.level.code(),
        start: c.start.to_string(),
        end: c.end_date().to_string(),
        days: c.days,
        venue: c.venue.clone(),
        open: c.open,
        completion_percent: if credit.legacy {
            c.completion_percent
        } else {
            credit.rules.completion_percent
        },
        legacy: credit.legacy,
        hour_minutes: credit.rules.hour_minutes,
        leave_limit: credit.rules.leave_limit.to_string(),
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
