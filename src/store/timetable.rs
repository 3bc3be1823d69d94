//! Importing a timetable: many planned activities in one durable commit, so an
//! interrupted import leaves the log as it was.

use crate::domain::teaching::{ActivityChange, ActivityDetails, ActivityEvent, TeachingError};

use super::{ActivityRequest, Batch, Store, StoreResult};

/// What came of entering a timetable's activities.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlannedOutcome {
    /// Written and durable: the new activities' numbers, in the order given.
    Recorded(Vec<u32>),
    /// The activity at `index` is refused; nothing was written.
    Refused {
        index: usize,
        refusal: TeachingError,
    },
    /// The cohort is closed; nothing was written.
    CohortClosed,
}

impl Store {
    /// Enters every activity as planned, numbered in the order given, all in one commit
    /// with the cohort's catalogue (`request.catalogue`, else a copy of the modules
    /// offered today when the cohort has none yet). Nothing is written if one is refused.
    pub fn add_planned_activities(
        &self,
        request: &ActivityRequest<'_>,
        activities: Vec<ActivityDetails>,
    ) -> StoreResult<PlannedOutcome> {
        let cohort = request.cohort;
        if self.log_writable(request)?.is_err() {
            return Ok(PlannedOutcome::CohortClosed);
        }
        for (index, details) in activities.iter().enumerate() {
            if let Err(refusal) = details.validate(cohort) {
                return Ok(PlannedOutcome::Refused { index, refusal });
            }
        }
        if activities.is_empty() {
            return Ok(PlannedOutcome::Recorded(Vec::new()));
        }
        let first = self.next_activity_number(&cohort.code)?;
        let mut ids = ulid::Generator::new();
        let mut batch = Batch::default();
        let mut numbers = Vec::with_capacity(activities.len());
        for (number, details) in (first..).zip(activities) {
            let id = ids.generate().unwrap_or_else(|_| ulid::Ulid::generate());
            let event = ActivityEvent {
                id: id.to_string(),
                cohort: cohort.code.clone(),
                activity: number,
                change: ActivityChange::Created {
                    details,
                    planned: true,
                },
                at: request.at,
                desk: self.desk().to_string(),
                by: request.by.clone(),
            };
            Store::stage_activity_event(&mut batch, &event);
            numbers.push(number);
        }
        self.stage_request_catalogue(&mut batch, request)?;
        self.commit(batch)?;
        Ok(PlannedOutcome::Recorded(numbers))
    }
}
