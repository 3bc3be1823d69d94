//! Matching a timetable's rows against the cohort's log, so importing the same file
//! twice creates nothing the second time. A row is already in the log when a live
//! activity of the same session has the same method and title (spaces aside); it is
//! then left as logged, even where its other details differ (an organiser may have
//! changed the lecturer since). Two rows of one file with the same session, method and
//! title are refused: one of them is a mistake.

use std::collections::HashMap;

use crate::domain::teaching::TeachingActivity;
use crate::domain::{ActivityDetails, Method, Session};

use super::column::TimetableColumn;
use super::error::{TimetableProblem, TimetableRowError};
use super::rows::PlannedRow;

/// A row already in the log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unchanged {
    pub line: usize,
    /// The activity's number in the cohort's log.
    pub activity: u32,
    /// Where the log differs from the row (the log is kept as it is).
    pub differs: Vec<TimetableColumn>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TimetablePlan {
    /// New activities, in file order.
    pub create: Vec<PlannedRow>,
    pub unchanged: Vec<Unchanged>,
    /// Rows repeating an earlier row of the file.
    pub errors: Vec<TimetableRowError>,
}

type Key = (Session, Method, String);

fn key(details: &ActivityDetails) -> Key {
    let title = details.title.split_whitespace().collect::<String>();
    (details.session, details.method, title)
}

/// Plans the import of `rows` (in file order) into a log holding `existing`.
pub fn plan(rows: Vec<PlannedRow>, existing: &[TeachingActivity]) -> TimetablePlan {
    let logged: HashMap<Key, &TeachingActivity> = existing
        .iter()
        .filter(|a| a.deleted.is_none())
        .map(|a| (key(&a.details), a))
        .collect();
    let mut seen: HashMap<Key, usize> = HashMap::new();
    let mut plan = TimetablePlan::default();
    for row in rows {
        let key = key(&row.details);
        if let Some(first_line) = seen.get(&key) {
            plan.errors.push(TimetableRowError {
                line: row.line,
                problem: TimetableProblem::Repeats {
                    first_line: *first_line,
                },
            });
            continue;
        }
        seen.insert(key.clone(), row.line);
        match logged.get(&key) {
            Some(activity) => plan.unchanged.push(Unchanged {
                line: row.line,
                activity: activity.id,
                differs: differences(&activity.details, &row.details),
            }),
            None => plan.create.push(row),
        }
    }
    plan
}

/// The columns where two activities of the same session, method and title differ.
fn differences(logged: &ActivityDetails, row: &ActivityDetails) -> Vec<TimetableColumn> {
    use TimetableColumn as C;
    [
        (C::Title, logged.title != row.title),
        (C::Lecturer, logged.lecturer != row.lecturer),
        (C::Role, logged.role != row.role),
        (C::Modules, logged.modules != row.modules),
        (C::Base, logged.base != row.base),
        (
            C::Hours,
            (logged.minutes, logged.class_hours) != (row.minutes, row.class_hours),
        ),
        (C::Notes, logged.notes != row.notes),
    ]
    .into_iter()
    .filter(|(_, differ)| *differ)
    .map(|(column, _)| column)
    .collect()
}
