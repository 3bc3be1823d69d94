//! The teaching log: activity events, only ever appended, keyed
//! `cohort 0 activity(10 digits) 0 event-ulid` so one activity's events sit together
//! in written order and the last key holds the highest activity number.

use chrono::{DateTime, FixedOffset, NaiveDateTime};

use crate::domain::Cohort;
use crate::domain::coverage::{self, CohortCoverage, CohortsMatrix, CoverageInput};
use crate::domain::module::Catalogue;
use crate::domain::teaching::{
    self, ActivityChange, ActivityDetails, ActivityEdit, ActivityEvent, TeachingActivity,
    TeachingError,
};

use super::codec::{decode, encode, next_ulid, scope_prefix, scoped_key};
use super::{Batch, Store, StoreResult, TreeName};

/// What came of a change to the log: written (and durable), or refused with nothing written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActivityOutcome {
    Recorded(Box<TeachingActivity>),
    Refused(TeachingError),
}

/// Who changes a cohort's log, and when.
pub struct ActivityRequest<'a> {
    pub cohort: &'a Cohort,
    pub at: DateTime<FixedOffset>,
    /// The organiser, when given.
    pub by: Option<String>,
    /// The cohort's catalogue, when it is new or has grown with this change (from
    /// [`Store::resolve_modules`]); written in the same commit.
    pub catalogue: Option<Catalogue>,
}

impl Store {
    /// Every event of a cohort's log, each activity's events in written order.
    pub fn activity_events(&self, code: &str) -> StoreResult<Vec<ActivityEvent>> {
        self.activity_events_under(scope_prefix(code))
    }

    /// The events whose keys start with `prefix` (a cohort's or one activity's), in
    /// key order.
    fn activity_events_under(&self, prefix: Vec<u8>) -> StoreResult<Vec<ActivityEvent>> {
        let mut events = Vec::new();
        for entry in self.tree(TreeName::Activities).scan_prefix(prefix) {
            let (_, bytes) = entry?;
            events.push(decode("activities", &bytes)?);
        }
        Ok(events)
    }

    /// Every activity of a cohort, deleted ones included, in session order.
    pub fn activities(&self, code: &str) -> StoreResult<Vec<TeachingActivity>> {
        Ok(teaching::derive_all(&self.activity_events(code)?))
    }

    /// One activity as its events make it now (deleted or not).
    pub fn activity(&self, code: &str, id: u32) -> StoreResult<Option<TeachingActivity>> {
        let events = self.activity_events_under(activity_prefix(code, id))?;
        Ok(teaching::fold(&events))
    }

    /// Logs a new activity: planned if its session has not started (or `planned`),
    /// else held. The cohort gets its copy of the catalogue now if it has none.
    pub fn add_activity(
        &self,
        request: &ActivityRequest<'_>,
        details: ActivityDetails,
        planned: bool,
    ) -> StoreResult<ActivityOutcome> {
        if let Err(refusal) = self.log_writable(request)? {
            return Ok(ActivityOutcome::Refused(refusal));
        }
        if let Err(refusal) = details.validate(request.cohort) {
            return Ok(ActivityOutcome::Refused(refusal));
        }
        let now = request.at.naive_local();
        let planned = teaching::enters_as_planned(request.cohort, details.session, now, planned);
        let id = self.next_activity_number(&request.cohort.code)?;
        let change = ActivityChange::Created { details, planned };
        self.append_activity(request, id, vec![change])
    }

    /// Replaces what `edit` names; the earlier details stay in the history.
    pub fn edit_activity(
        &self,
        request: &ActivityRequest<'_>,
        id: u32,
        edit: &ActivityEdit,
    ) -> StoreResult<ActivityOutcome> {
        self.edit_activity_holding(request, id, edit, false)
    }

    /// [`Store::edit_activity`]; with `hold_if_started`, a planned activity whose
    /// (edited) session has begun is marked held in the same commit: the edit records
    /// what took place, and both events are written or neither.
    pub fn edit_activity_holding(
        &self,
        request: &ActivityRequest<'_>,
        id: u32,
        edit: &ActivityEdit,
        hold_if_started: bool,
    ) -> StoreResult<ActivityOutcome> {
        let current = match self.current(request, id)? {
            Ok(current) => current,
            Err(refusal) => return Ok(ActivityOutcome::Refused(refusal)),
        };
        let details = edit.apply(&current.details);
        let checked = details
            .validate(request.cohort)
            .and_then(|()| teaching::check_edit(&current, &details));
        if let Err(refusal) = checked {
            return Ok(ActivityOutcome::Refused(refusal));
        }
        let now = request.at.naive_local();
        let holds =
            hold_if_started && teaching::edit_holds(&current, &details, request.cohort, now);
        let mut changes = vec![ActivityChange::Edited { details }];
        if holds {
            changes.push(ActivityChange::Held);
        }
        self.append_activity(request, id, changes)
    }

    /// Marks a planned activity as held.
    pub fn mark_held(
        &self,
        request: &ActivityRequest<'_>,
        id: u32,
    ) -> StoreResult<ActivityOutcome> {
        let now = request.at.naive_local();
        let checked = self
            .current(request, id)?
            .and_then(|current| teaching::check_held(&current, request.cohort, now));
        match checked {
            Err(refusal) => Ok(ActivityOutcome::Refused(refusal)),
            Ok(()) => self.append_activity(request, id, vec![ActivityChange::Held]),
        }
    }

    /// Takes an activity out of the log; its events stay.
    pub fn delete_activity(
        &self,
        request: &ActivityRequest<'_>,
        id: u32,
        reason: Option<String>,
    ) -> StoreResult<ActivityOutcome> {
        let checked = self
            .current(request, id)?
            .and_then(|current| teaching::check_delete(&current));
        match checked {
            Err(refusal) => Ok(ActivityOutcome::Refused(refusal)),
            Ok(()) => self.append_activity(request, id, vec![ActivityChange::Deleted { reason }]),
        }
    }

    /// A closed cohort's log is look-up only (the stored cohort decides).
    pub(super) fn log_writable(
        &self,
        request: &ActivityRequest<'_>,
    ) -> StoreResult<Result<(), TeachingError>> {
        let closed = self.closed_for(&request.cohort.code, None)?;
        Ok(closed.map_err(|_| TeachingError::CohortClosed))
    }

    /// The activity as it stands, if the log may be changed.
    fn current(
        &self,
        request: &ActivityRequest<'_>,
        id: u32,
    ) -> StoreResult<Result<TeachingActivity, TeachingError>> {
        if let Err(refusal) = self.log_writable(request)? {
            return Ok(Err(refusal));
        }
        Ok(self
            .activity(&request.cohort.code, id)?
            .ok_or(TeachingError::NotFound(id)))
    }

    /// Writes `changes` to the activity's history, in order, in one commit (with the
    /// cohort's catalogue when it is new).
    fn append_activity(
        &self,
        request: &ActivityRequest<'_>,
        activity: u32,
        changes: Vec<ActivityChange>,
    ) -> StoreResult<ActivityOutcome> {
        let code = &request.cohort.code;
        let mut batch = Batch::default();
        let mut id = self.next_activity_event_id(code, activity)?;
        for change in changes {
            let event = ActivityEvent {
                id: id.clone(),
                cohort: code.clone(),
                activity,
                change,
                at: request.at,
                desk: self.desk().to_string(),
                by: request.by.clone(),
            };
            Store::stage_activity_event(&mut batch, &event);
            id = next_after(&id);
        }
        self.stage_request_catalogue(&mut batch, request)?;
        self.commit(batch)?;
        let recorded = self.activity(code, activity)?;
        let recorded = recorded.expect("the activity was just written");
        Ok(ActivityOutcome::Recorded(Box::new(recorded)))
    }

    /// Stages the cohort's catalogue with a change to its log: the request's (new or
    /// grown), else a copy of the modules offered today when the cohort has none yet.
    pub(super) fn stage_request_catalogue(
        &self,
        batch: &mut Batch,
        request: &ActivityRequest<'_>,
    ) -> StoreResult<()> {
        let code = &request.cohort.code;
        match &request.catalogue {
            Some(catalogue) => Store::stage_cohort_catalogue(batch, code, catalogue),
            None if self.cohort_catalogue(code)?.is_none() => {
                let catalogue = self.catalogue()?.snapshot();
                Store::stage_cohort_catalogue(batch, code, &catalogue);
            }
            None => {}
        }
        Ok(())
    }

    /// Stages an activity event under its key (`cohort 0 activity event-ulid`): the log's
    /// writes, a timetable import and the demo's timetable. The caller checks and commits.
    pub fn stage_activity_event(batch: &mut Batch, event: &ActivityEvent) {
        let mut key = activity_prefix(&event.cohort, event.activity);
        key.extend_from_slice(event.id.as_bytes());
        batch.put(TreeName::Activities, key, encode(event));
    }

    /// One more than the highest activity number of the cohort (deleted ones count).
    pub(super) fn next_activity_number(&self, code: &str) -> StoreResult<u32> {
        let prefix = scope_prefix(code);
        let last = self
            .tree(TreeName::Activities)
            .scan_prefix(&prefix)
            .next_back()
            .transpose()?;
        let highest = last.and_then(|(key, _)| {
            let rest = &key[prefix.len()..];
            let digits = rest.split(|b| *b == 0).next()?;
            std::str::from_utf8(digits).ok()?.parse::<u32>().ok()
        });
        Ok(highest.unwrap_or(0) + 1)
    }

    /// A new ULID, forced above the activity's last one so written order holds even
    /// within one millisecond.
    fn next_activity_event_id(&self, code: &str, activity: u32) -> StoreResult<String> {
        next_ulid(
            self.tree(TreeName::Activities),
            &activity_prefix(code, activity),
        )
    }
}

/// The event id just above `id`, so events staged together keep their written order.
fn next_after(id: &str) -> String {
    let next = ulid::Ulid::from_string(id)
        .ok()
        .and_then(|u| u.increment().ok());
    next.map_or_else(|| ulid::Ulid::generate().to_string(), |u| u.to_string())
}

pub(super) fn activity_prefix(code: &str, activity: u32) -> Vec<u8> {
    let mut key = scoped_key(code, &format!("{activity:010}"));
    key.push(0);
    key
}

impl Store {
    /// What a cohort covered, as of `now` (local time): loads the cohort's catalogue,
    /// activities and the bases, and computes.
    pub fn cohort_coverage(
        &self,
        cohort: &Cohort,
        now: NaiveDateTime,
    ) -> StoreResult<CohortCoverage> {
        let catalogue = self.catalogue_for(&cohort.code)?;
        let activities = self.activities(&cohort.code)?;
        let bases = self.bases()?;
        Ok(coverage::cohort_coverage(&CoverageInput {
            cohort,
            catalogue: &catalogue,
            activities: &activities,
            bases: &bases,
            now,
        }))
    }

    /// The cohorts × modules matrix over every cohort, oldest first.
    pub fn cohorts_matrix(&self) -> StoreResult<CohortsMatrix> {
        let current = self.catalogue()?;
        let mut loaded = Vec::new();
        for cohort in self.cohorts()? {
            let catalogue = self.catalogue_for(&cohort.code)?;
            let activities = self.activities(&cohort.code)?;
            loaded.push((cohort, catalogue, activities));
        }
        let records: Vec<_> = loaded
            .iter()
            .map(|(c, m, a)| (c, m, a.as_slice()))
            .collect();
        Ok(coverage::cohorts_matrix(&current, &records))
    }
}
