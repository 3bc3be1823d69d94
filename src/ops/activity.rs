//! 教学活动: log a teaching activity, change it, mark it held or delete it. Every
//! change is an appended event (the earlier details stay in the history); the stored
//! cohort decides whether its log may be written.

use chrono::{DateTime, FixedOffset};

use crate::domain::module::Catalogue;
use crate::domain::teaching::{ActivityDetails, ActivityEdit, GivenHours, Method, TeachingError};
use crate::domain::{Cohort, Session, TeachingActivity};
use crate::store::{ActivityOutcome, ActivityRequest, PlannedOutcome, Store, StoreResult};
use crate::text::Teaching as Tg;

use super::{OpError, OpResult, Refusal, cohort};

/// Modules as typed on the command line (`1,3` or names), or as numbers chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Modules {
    Named(String),
    Numbers(Vec<u16>),
}

/// An activity as typed. `hours`: `2学时` (class hours), `2`, `1.5`, `2小时` or `1:30`, empty for none; `base`: a
/// base's name, empty for none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewActivity {
    pub session: Session,
    pub method: String,
    pub title: String,
    pub lecturer: String,
    pub role: String,
    pub modules: Modules,
    pub hours: String,
    pub base: String,
    pub notes: String,
}

/// What an edit changes; `None` keeps a detail. An empty `hours` or `base` clears it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActivityChanges {
    pub session: Option<Session>,
    pub method: Option<String>,
    pub title: Option<String>,
    pub lecturer: Option<String>,
    pub role: Option<String>,
    pub modules: Option<Modules>,
    pub hours: Option<String>,
    pub base: Option<String>,
    pub notes: Option<String>,
    /// A planned activity whose session has begun is marked held too: the edit records
    /// what took place.
    pub hold_if_started: bool,
}

/// Who changes which cohort's log, and when.
#[derive(Debug, Clone, Copy)]
pub struct LogBy<'a> {
    pub cohort: &'a str,
    pub at: DateTime<FixedOffset>,
    /// The organiser, when given.
    pub by: Option<&'a str>,
}

/// What came of a change: written (and durable), or an answer with nothing written
/// ("already held", "nothing to change").
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Logged {
    Recorded(Box<TeachingActivity>),
    Unchanged(TeachingError),
}

/// Logs an activity: planned if its session has not started (or `planned`), else held.
pub fn log(store: &Store, who: LogBy<'_>, input: &NewActivity, planned: bool) -> OpResult<Logged> {
    let cohort = cohort::find(store, who.cohort)?;
    let (modules, catalogue) = resolve(store, &cohort, &input.modules)?;
    let hours = parse_hours(&input.hours, &cohort)?;
    let details = ActivityDetails {
        session: input.session,
        method: parse_method(&input.method)?,
        title: input.title.trim().to_string(),
        lecturer: input.lecturer.trim().to_string(),
        role: input.role.trim().to_string(),
        modules,
        minutes: hours.map(|h| h.0),
        class_hours: hours.and_then(|h| h.1),
        base: find_base(store, &input.base)?,
        notes: input.notes.trim().to_string(),
    };
    let request = request(&cohort, who, catalogue);
    outcome(store.add_activity(&request, details, planned))
}

/// Records the changed details as an edit event.
pub fn edit(store: &Store, who: LogBy<'_>, id: u32, input: &ActivityChanges) -> OpResult<Logged> {
    let cohort = cohort::find(store, who.cohort)?;
    let (modules, catalogue) = match &input.modules {
        Some(modules) => {
            let (numbers, catalogue) = resolve(store, &cohort, modules)?;
            (Some(numbers), catalogue)
        }
        None => (None, None),
    };
    let trim = |t: &Option<String>| t.as_deref().map(|t| t.trim().to_string());
    let hours = input
        .hours
        .as_deref()
        .map(|h| parse_hours(h, &cohort))
        .transpose()?;
    let edit = ActivityEdit {
        session: input.session,
        method: input.method.as_deref().map(parse_method).transpose()?,
        title: trim(&input.title),
        lecturer: trim(&input.lecturer),
        role: trim(&input.role),
        modules,
        minutes: hours.map(|h| h.map(|h| h.0)),
        class_hours: hours.map(|h| h.and_then(|h| h.1)),
        base: input
            .base
            .as_deref()
            .map(|b| find_base(store, b))
            .transpose()?,
        notes: trim(&input.notes),
    };
    let request = request(&cohort, who, catalogue);
    outcome(store.edit_activity_holding(&request, id, &edit, input.hold_if_started))
}

/// Marks a planned activity as held.
pub fn hold(store: &Store, who: LogBy<'_>, id: u32) -> OpResult<Logged> {
    let cohort = cohort::find(store, who.cohort)?;
    outcome(store.mark_held(&request(&cohort, who, None), id))
}

/// Takes an activity out of the log; its events stay in the history.
pub fn delete(store: &Store, who: LogBy<'_>, id: u32, reason: Option<&str>) -> OpResult<Logged> {
    let cohort = cohort::find(store, who.cohort)?;
    let reason = reason
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(str::to_string);
    outcome(store.delete_activity(&request(&cohort, who, None), id, reason))
}

fn request<'a>(
    cohort: &'a Cohort,
    who: LogBy<'_>,
    catalogue: Option<Catalogue>,
) -> ActivityRequest<'a> {
    ActivityRequest {
        cohort,
        at: who.at,
        by: organiser(who.by),
        catalogue,
    }
}

/// The organiser's name as kept with an event: trimmed, none when empty.
fn organiser(by: Option<&str>) -> Option<String> {
    by.map(str::trim)
        .filter(|b| !b.is_empty())
        .map(str::to_string)
}

/// Enters a timetable's new activities as planned, all in one commit or none. The rows
/// were read and checked against `cohort`, its catalogue and its log by
/// `io::timetable`; `catalogue` is the cohort's catalogue as that check left it.
pub fn log_planned(
    store: &Store,
    cohort: &Cohort,
    at: DateTime<FixedOffset>,
    by: Option<&str>,
    catalogue: Option<Catalogue>,
    activities: Vec<ActivityDetails>,
) -> StoreResult<PlannedOutcome> {
    let request = ActivityRequest {
        cohort,
        at,
        by: organiser(by),
        catalogue,
    };
    store.add_planned_activities(&request, activities)
}

fn outcome(result: StoreResult<ActivityOutcome>) -> OpResult<Logged> {
    match result? {
        ActivityOutcome::Recorded(a) => Ok(Logged::Recorded(a)),
        ActivityOutcome::Refused(
            e @ (TeachingError::AlreadyHeld(_) | TeachingError::Unchanged),
        ) => Ok(Logged::Unchanged(e)),
        ActivityOutcome::Refused(e) => Err(OpError::Teaching(e)),
    }
}

fn resolve(
    store: &Store,
    cohort: &Cohort,
    modules: &Modules,
) -> OpResult<(Vec<u16>, Option<Catalogue>)> {
    match modules {
        Modules::Numbers(numbers) => Ok((numbers.clone(), None)),
        Modules::Named(text) => store
            .resolve_modules(&cohort.code, text)?
            .map_err(OpError::Module),
    }
}

/// lecture, sharing, case, visit, discussion or elective (or their Chinese names).
pub fn parse_method(text: &str) -> Result<Method, Refusal> {
    Method::parse(text).ok_or_else(|| Refusal::of(Tg::MethodUnknown).with("text", text))
}

/// Hours as stored, `(minutes, class_hours)`: `2学时` is two of the cohort's class
/// hours, `2`, `2小时`, `1:30` clock time; an empty value means none.
pub fn parse_hours(text: &str, cohort: &Cohort) -> Result<Option<(u32, Option<u32>)>, Refusal> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    GivenHours::parse(text)
        .map(|given| Some(given.stored(cohort.rules().hour_minutes)))
        .ok_or_else(|| Refusal::of(Tg::HoursBad).with("text", text))
}

/// A base by name, as its id; an empty name means none.
pub fn find_base(store: &Store, name: &str) -> OpResult<Option<String>> {
    if name.trim().is_empty() {
        return Ok(None);
    }
    match store.base_named(name)? {
        Some(base) => Ok(Some(base.id)),
        None => Err(Refusal::of(Tg::BaseNotFound).with("name", name).into()),
    }
}

/// A method's short name in the catalogue: 专题辅导 / lecture.
pub fn method_entry(method: Method) -> Tg {
    match method {
        Method::Lecture => Tg::MethodLecture,
        Method::Sharing => Tg::MethodSharing,
        Method::Case => Tg::MethodCase,
        Method::Visit => Tg::MethodVisit,
        Method::Discussion => Tg::MethodDiscussion,
        Method::Elective => Tg::MethodElective,
    }
}

#[cfg(test)]
#[path = "activity_tests.rs"]
mod tests;
