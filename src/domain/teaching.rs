//! 教学活动: what was taught in each session — method, title, lecturer, modules, hours
//! and, for a site visit, the training base. Like attendance, the log is an append-only
//! list of events (created, edited, held, deleted); an activity is derived from its
//! events, so an edit or a deletion never erases what was recorded before.

use chrono::{DateTime, FixedOffset, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::text::{Lang, Names, Rules};
use crate::tr;

use super::cohort::Cohort;
use super::session::Session;

pub use super::method::{GivenHours, Method, hours, parse_hours};

/// What an activity is: everything an organiser types in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityDetails {
    pub session: Session,
    pub method: Method,
    pub title: String,
    /// 授课人
    #[serde(default)]
    pub lecturer: String,
    /// The lecturer's role, e.g. 县委书记, 组织部长, 专家, 优秀村党组织书记.
    #[serde(default)]
    pub role: String,
    /// Module numbers, sorted, at least one.
    pub modules: Vec<u16>,
    /// How long it lasts, in minutes (from `class_hours` when given in 学时).
    #[serde(default)]
    pub minutes: Option<u32>,
    /// The hours when given in 学时 (class hours, `2学时`); `minutes` is then
    /// `class_hours × hour_minutes` of the cohort. `None` when given in clock hours.
    #[serde(default)]
    pub class_hours: Option<u32>,
    /// The training base (its id), for a site visit.
    #[serde(default)]
    pub base: Option<String>,
    #[serde(default)]
    pub notes: String,
}

impl ActivityDetails {
    pub fn validate(&self, cohort: &Cohort) -> Result<(), TeachingError> {
        if self.title.trim().is_empty() {
            return Err(TeachingError::EmptyTitle);
        }
        let texts = [&self.title, &self.lecturer, &self.role];
        if texts.iter().any(|t| t.chars().any(char::is_control)) {
            return Err(TeachingError::ControlCharacters);
        }
        if !cohort.has_session(self.session) {
            return Err(TeachingError::NoSuchSession(self.session));
        }
        if self.modules.is_empty() {
            return Err(TeachingError::NoModules);
        }
        Ok(())
    }

    /// The same plan: everything but the notes agrees.
    fn same_plan(&self, other: &ActivityDetails) -> bool {
        let strip = |d: &ActivityDetails| ActivityDetails {
            notes: String::new(),
            ..d.clone()
        };
        strip(self) == strip(other)
    }
}

/// A change to some of the details; `None` keeps what is there.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActivityEdit {
    pub session: Option<Session>,
    pub method: Option<Method>,
    pub title: Option<String>,
    pub lecturer: Option<String>,
    pub role: Option<String>,
    pub modules: Option<Vec<u16>>,
    /// `Some(None)` clears the hours.
    pub minutes: Option<Option<u32>>,
    /// Set together with `minutes`: `Some(Some(n))` when the new hours are in 学时.
    pub class_hours: Option<Option<u32>>,
    /// `Some(None)` clears the base.
    pub base: Option<Option<String>>,
    pub notes: Option<String>,
}

impl ActivityEdit {
    pub fn is_empty(&self) -> bool {
        *self == ActivityEdit::default()
    }

    pub fn apply(&self, to: &ActivityDetails) -> ActivityDetails {
        let pick = |new: &Option<String>, old: &String| new.clone().unwrap_or(old.clone());
        ActivityDetails {
            session: self.session.unwrap_or(to.session),
            method: self.method.unwrap_or(to.method),
            title: pick(&self.title, &to.title),
            lecturer: pick(&self.lecturer, &to.lecturer),
            role: pick(&self.role, &to.role),
            modules: self.modules.clone().unwrap_or(to.modules.clone()),
            minutes: self.minutes.unwrap_or(to.minutes),
            class_hours: match self.minutes {
                Some(_) => self.class_hours.flatten(),
                None => to.class_hours,
            },
            base: self.base.clone().unwrap_or(to.base.clone()),
            notes: pick(&self.notes, &to.notes),
        }
    }
}

/// What one event records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ActivityChange {
    /// The activity enters the log: planned (from a timetable) or as held.
    Created {
        details: ActivityDetails,
        planned: bool,
    },
    /// New details; the earlier ones stay in the earlier events.
    Edited { details: ActivityDetails },
    /// A planned activity took place.
    Held,
    /// Taken out of the log (it stays in the history).
    Deleted {
        #[serde(default)]
        reason: Option<String>,
    },
}

/// One fact about one activity. Never changed or deleted once written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityEvent {
    /// ULID, increasing within an activity.
    pub id: String,
    pub cohort: String,
    /// The activity's number within its cohort (1, 2, …).
    pub activity: u32,
    pub change: ActivityChange,
    pub at: DateTime<FixedOffset>,
    /// Which desk (database) wrote it.
    pub desk: String,
    /// The organiser who made the change, when given.
    #[serde(default)]
    pub by: Option<String>,
}

/// Who did something and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stamp {
    pub at: DateTime<FixedOffset>,
    pub desk: String,
    pub by: Option<String>,
}

impl Stamp {
    fn of(event: &ActivityEvent) -> Stamp {
        Stamp {
            at: event.at,
            desk: event.desk.clone(),
            by: event.by.clone(),
        }
    }
}

/// Where an activity stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivityStatus {
    /// On the timetable, not yet marked held.
    Planned,
    /// Took place: marked held, or logged after the fact.
    Held,
    /// Took place, but not as first planned (edited since it was planned).
    Changed,
}

impl ActivityStatus {
    pub fn code(self) -> &'static str {
        match self {
            ActivityStatus::Planned => "planned",
            ActivityStatus::Held => "held",
            ActivityStatus::Changed => "changed",
        }
    }

    /// Its name in `lang`, as shown to a person.
    pub fn label(self, lang: Lang) -> &'static str {
        let entry = match self {
            ActivityStatus::Planned => Names::LabelActivityStatusPlanned,
            ActivityStatus::Held => Names::LabelActivityStatusHeld,
            ActivityStatus::Changed => Names::LabelActivityStatusChanged,
        };
        entry.get(lang)
    }

    /// Held or changed: it took place and counts towards coverage.
    pub fn took_place(self) -> bool {
        !matches!(self, ActivityStatus::Planned)
    }
}

/// An activity as its events make it now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TeachingActivity {
    pub cohort: String,
    pub id: u32,
    pub details: ActivityDetails,
    pub status: ActivityStatus,
    /// Entered as planned (from a timetable) rather than logged after the fact.
    pub planned: bool,
    /// Planned, and edited since in more than its notes.
    pub changed_from_plan: bool,
    pub created: Stamp,
    pub held: Option<Stamp>,
    pub edited: Option<Stamp>,
    pub edits: usize,
    pub deleted: Option<Stamp>,
}

/// Folds the events of one activity, in the order written. `None` if it has no
/// creation event.
pub fn fold<'a>(events: impl IntoIterator<Item = &'a ActivityEvent>) -> Option<TeachingActivity> {
    let mut events = events.into_iter();
    let first = events.next()?;
    let ActivityChange::Created { details, planned } = &first.change else {
        return None;
    };
    let original = details.clone();
    let mut activity = TeachingActivity {
        cohort: first.cohort.clone(),
        id: first.activity,
        details: details.clone(),
        status: ActivityStatus::Held,
        planned: *planned,
        changed_from_plan: false,
        created: Stamp::of(first),
        held: (!planned).then(|| Stamp::of(first)),
        edited: None,
        edits: 0,
        deleted: None,
    };
    for event in events {
        if activity.deleted.is_some() {
            break;
        }
        match &event.change {
            ActivityChange::Created { .. } => {}
            ActivityChange::Edited { details } => {
                activity.details = details.clone();
                activity.edited = Some(Stamp::of(event));
                activity.edits += 1;
            }
            ActivityChange::Held => activity.held = Some(Stamp::of(event)),
            ActivityChange::Deleted { .. } => activity.deleted = Some(Stamp::of(event)),
        }
    }
    activity.changed_from_plan = activity.planned && !original.same_plan(&activity.details);
    activity.status = match (activity.held.is_some(), activity.changed_from_plan) {
        (false, _) => ActivityStatus::Planned,
        (true, true) => ActivityStatus::Changed,
        (true, false) => ActivityStatus::Held,
    };
    Some(activity)
}

/// Every activity of a cohort, deleted ones included, in session order. `events` may
/// interleave activities but must keep each activity's events in written order.
pub fn derive_all(events: &[ActivityEvent]) -> Vec<TeachingActivity> {
    let mut by_activity: std::collections::BTreeMap<u32, Vec<&ActivityEvent>> =
        std::collections::BTreeMap::new();
    for event in events {
        by_activity.entry(event.activity).or_default().push(event);
    }
    let mut list: Vec<TeachingActivity> = by_activity.into_values().filter_map(fold).collect();
    list.sort_by_key(|a| (a.details.session, a.id));
    list
}

/// Activities still in the log (not deleted).
pub fn live(activities: &[TeachingActivity]) -> Vec<TeachingActivity> {
    activities
        .iter()
        .filter(|a| a.deleted.is_none())
        .cloned()
        .collect()
}

/// Why an activity change is not recorded. Nothing is written in these cases.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TeachingError {
    EmptyTitle,
    ControlCharacters,
    NoSuchSession(Session),
    NoModules,
    NotFound(u32),
    Deleted(u32),
    AlreadyHeld(u32),
    NotStarted(Session),
    Unchanged,
    CohortClosed,
}

impl TeachingError {
    /// What a person is told, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            TeachingError::EmptyTitle => tr!(lang, Rules::TeachingEmptyTitle),
            TeachingError::ControlCharacters => tr!(lang, Rules::TeachingControlCharacters),
            TeachingError::NoSuchSession(s) => {
                tr!(lang, Rules::TeachingNoSuchSession, session = s)
            }
            TeachingError::NoModules => tr!(lang, Rules::TeachingNoModules),
            TeachingError::NotFound(id) => tr!(lang, Rules::TeachingNotFound, id = id),
            TeachingError::Deleted(id) => tr!(lang, Rules::TeachingDeleted, id = id),
            TeachingError::AlreadyHeld(id) => tr!(lang, Rules::TeachingAlreadyHeld, id = id),
            TeachingError::NotStarted(s) => tr!(lang, Rules::TeachingNotStarted, session = s),
            TeachingError::Unchanged => tr!(lang, Rules::TeachingUnchanged),
            TeachingError::CohortClosed => tr!(lang, Rules::ClosedCohort),
        }
    }
}

/// English, for logs; what a user sees comes from [`TeachingError::message`].
impl std::fmt::Display for TeachingError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for TeachingError {}

fn not_deleted(current: &TeachingActivity) -> Result<(), TeachingError> {
    match current.deleted {
        Some(_) => Err(TeachingError::Deleted(current.id)),
        None => Ok(()),
    }
}

/// An edit may replace the details of an activity still in the log, if they differ.
pub fn check_edit(current: &TeachingActivity, next: &ActivityDetails) -> Result<(), TeachingError> {
    not_deleted(current)?;
    if *next == current.details {
        return Err(TeachingError::Unchanged);
    }
    Ok(())
}

/// A planned activity may be marked held once its session has started.
pub fn check_held(
    current: &TeachingActivity,
    cohort: &Cohort,
    now: NaiveDateTime,
) -> Result<(), TeachingError> {
    not_deleted(current)?;
    if current.held.is_some() {
        return Err(TeachingError::AlreadyHeld(current.id));
    }
    let session = current.details.session;
    match cohort.starts_at(session) {
        Some(start) if start > now => Err(TeachingError::NotStarted(session)),
        _ => Ok(()),
    }
}

/// Whether an edit asked to hold a started activity also marks it held: it is still
/// planned and its (edited) session has begun.
pub fn edit_holds(
    current: &TeachingActivity,
    next: &ActivityDetails,
    cohort: &Cohort,
    now: NaiveDateTime,
) -> bool {
    current.held.is_none()
        && cohort
            .starts_at(next.session)
            .is_some_and(|start| start <= now)
}

pub fn check_delete(current: &TeachingActivity) -> Result<(), TeachingError> {
    not_deleted(current)
}

/// A new activity for a session that has not started is planned; one for a session
/// that has started is logged as held, unless `planned` is asked for.
pub fn enters_as_planned(
    cohort: &Cohort,
    session: Session,
    now: NaiveDateTime,
    planned: bool,
) -> bool {
    planned || cohort.starts_at(session).is_some_and(|start| start > now)
}

#[cfg(test)]
#[path = "teaching_tests.rs"]
pub(crate) mod tests;
