//! What a cohort covered: a modules × sessions matrix, the teaching methods used with
//! counts and hours, and warnings (a module not covered, a past session with nothing
//! logged, a site visit to a base that is not accredited, …); and, across cohorts, a
//! cohorts × modules matrix. Pure functions over plain data, for exports and the desk.

use chrono::{Duration, NaiveDateTime};
use serde::Serialize;

mod matrix;
mod warning;

pub use matrix::{CohortRecord, CohortRow, CohortsMatrix, cohorts_matrix};
pub use warning::Warning;

use super::base::TrainingBase;
use super::cohort::Cohort;
use super::module::{Catalogue, Module};
use super::session::Session;
use super::teaching::{Method, TeachingActivity};

/// Everything the coverage of one cohort is computed from.
pub struct CoverageInput<'a> {
    pub cohort: &'a Cohort,
    /// The catalogue the cohort runs with.
    pub catalogue: &'a Catalogue,
    /// The cohort's activities; deleted ones are left out.
    pub activities: &'a [TeachingActivity],
    pub bases: &'a [TrainingBase],
    /// Sessions that ended before `now` are past.
    pub now: NaiveDateTime,
}

/// One cell of the matrix: activities on a module in a session.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Cell {
    /// Held (or changed): they took place.
    pub held: u16,
    /// Planned, not yet held.
    pub planned: u16,
}

/// One row of the matrix.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModuleCoverage {
    pub module: Module,
    /// One cell per session, in the order of [`CohortCoverage::sessions`].
    pub cells: Vec<Cell>,
    /// A held activity covered the module.
    pub covered: bool,
    /// Sessions with a held activity on the module.
    pub sessions: Vec<Session>,
    /// Minutes of held activities on the module (an activity on two modules counts
    /// for both).
    pub minutes: u32,
}

/// How much one teaching method was used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct MethodUse {
    pub method: Method,
    /// Held activities.
    pub count: u16,
    pub minutes: u32,
    /// Planned activities not yet held.
    pub planned: u16,
}

/// The coverage of one cohort.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CohortCoverage {
    pub sessions: Vec<Session>,
    pub modules: Vec<ModuleCoverage>,
    /// The methods used (held or planned), in the order of [`Method::ALL`].
    pub methods: Vec<MethodUse>,
    pub warnings: Vec<Warning>,
}

pub fn cohort_coverage(input: &CoverageInput<'_>) -> CohortCoverage {
    let sessions = input.cohort.sessions();
    let activities: Vec<&TeachingActivity> = input
        .activities
        .iter()
        .filter(|a| a.deleted.is_none())
        .collect();
    let modules: Vec<ModuleCoverage> = input
        .catalogue
        .modules
        .iter()
        .map(|m| module_row(m, &sessions, &activities))
        .collect();
    let mut warnings = module_warnings(&modules);
    warnings.extend(session_warnings(input, &sessions, &activities));
    warnings.extend(visit_warnings(input, &activities));
    CohortCoverage {
        methods: method_uses(&activities),
        sessions,
        modules,
        warnings,
    }
}

fn module_row(
    module: &Module,
    sessions: &[Session],
    activities: &[&TeachingActivity],
) -> ModuleCoverage {
    let mut cells = vec![Cell::default(); sessions.len()];
    let mut minutes = 0;
    for a in activities
        .iter()
        .filter(|a| a.details.modules.contains(&module.number))
    {
        let Some(index) = sessions.iter().position(|s| *s == a.details.session) else {
            continue;
        };
        if a.status.took_place() {
            cells[index].held += 1;
            minutes += a.details.minutes.unwrap_or(0);
        } else {
            cells[index].planned += 1;
        }
    }
    let held_in: Vec<Session> = sessions
        .iter()
        .zip(&cells)
        .filter(|(_, c)| c.held > 0)
        .map(|(s, _)| *s)
        .collect();
    ModuleCoverage {
        module: module.clone(),
        covered: !held_in.is_empty(),
        sessions: held_in,
        cells,
        minutes,
    }
}

fn method_uses(activities: &[&TeachingActivity]) -> Vec<MethodUse> {
    Method::ALL
        .into_iter()
        .map(|method| {
            let mut usage = MethodUse {
                method,
                count: 0,
                minutes: 0,
                planned: 0,
            };
            for a in activities.iter().filter(|a| a.details.method == method) {
                if a.status.took_place() {
                    usage.count += 1;
                    usage.minutes += a.details.minutes.unwrap_or(0);
                } else {
                    usage.planned += 1;
                }
            }
            usage
        })
        .filter(|u| u.count + u.planned > 0)
        .collect()
}

fn module_warnings(modules: &[ModuleCoverage]) -> Vec<Warning> {
    modules
        .iter()
        .filter(|m| !m.covered)
        .map(|m| Warning::ModuleNotCovered {
            module: m.module.number,
            planned: m.cells.iter().any(|c| c.planned > 0),
        })
        .collect()
}

fn session_warnings(
    input: &CoverageInput<'_>,
    sessions: &[Session],
    activities: &[&TeachingActivity],
) -> Vec<Warning> {
    let mut warnings = Vec::new();
    for session in sessions {
        let ended = session_end(input.cohort, *session).is_some_and(|end| end <= input.now);
        if !ended {
            continue;
        }
        let here: Vec<_> = activities
            .iter()
            .filter(|a| a.details.session == *session)
            .collect();
        if here.is_empty() {
            warnings.push(Warning::EmptySession { session: *session });
        }
        for a in here.iter().filter(|a| !a.status.took_place()) {
            let (activity, session) = (a.id, *session);
            warnings.push(Warning::NotMarkedHeld { activity, session });
        }
    }
    warnings
}

/// A session ends when the next slot of its day starts, or at midnight.
pub fn session_end(cohort: &Cohort, session: Session) -> Option<NaiveDateTime> {
    let start = cohort.starts_at(session)?;
    let next = cohort
        .slots
        .iter()
        .filter_map(|s| cohort.starts_at(Session::new(session.day, s.kind)))
        .filter(|t| *t > start)
        .min();
    let midnight = cohort.date_of(session.day).and_hms_opt(0, 0, 0)? + Duration::days(1);
    Some(next.unwrap_or(midnight))
}

fn visit_warnings(input: &CoverageInput<'_>, activities: &[&TeachingActivity]) -> Vec<Warning> {
    let mut warnings = Vec::new();
    for a in activities
        .iter()
        .filter(|a| a.details.method == Method::Visit)
    {
        let (activity, session) = (a.id, a.details.session);
        let Some(id) = &a.details.base else {
            warnings.push(Warning::VisitWithoutBase { activity, session });
            continue;
        };
        let Some(base) = input.bases.iter().find(|b| &b.id == id) else {
            let base = id.clone();
            warnings.push(Warning::UnknownBase {
                activity,
                session,
                base,
            });
            continue;
        };
        let day = input.cohort.date_of(session.day);
        if !base.accredited_on(day) {
            let base = base.name.clone();
            warnings.push(Warning::UnaccreditedBase {
                activity,
                session,
                base,
            });
        } else if !base.meets_standard() {
            warnings.push(Warning::BaseBelowStandard {
                activity,
                session,
                base: base.name.clone(),
                missing: base.haves.missing(),
            });
        }
    }
    warnings
}

#[cfg(test)]
mod tests;
