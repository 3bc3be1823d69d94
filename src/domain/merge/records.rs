//! The records merged by id: attendance and register events (union, cohort codes
//! translated), enrolments (the earlier one stands), training bases (the newer edit
//! stands), people (new ones added; of two versions of one record, the one whose side
//! made the latest edit of that person stands) and desk names.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::domain::attendance::AttendanceEvent;
use crate::domain::base::TrainingBase;
use crate::domain::cohort::Enrolment;
use crate::domain::person::{Person, PersonId};
use crate::domain::register::{Change, RegisterEvent};

/// Attendance events whose id this folder does not hold, under this folder's codes.
pub(super) fn events(
    here: &BTreeMap<String, Vec<AttendanceEvent>>,
    incoming: &[AttendanceEvent],
    codes: &HashMap<String, String>,
) -> Vec<AttendanceEvent> {
    let ids: HashSet<&str> = here.values().flatten().map(|e| e.id.as_str()).collect();
    incoming
        .iter()
        .filter(|e| !ids.contains(e.id.as_str()))
        .filter_map(|e| {
            let code = codes.get(&e.cohort)?;
            Some(AttendanceEvent {
                cohort: code.clone(),
                ..e.clone()
            })
        })
        .collect()
}

/// Register changes whose id this folder does not hold, under this folder's codes.
pub(super) fn changes(
    here: &[RegisterEvent],
    incoming: &[RegisterEvent],
    codes: &HashMap<String, String>,
) -> Vec<RegisterEvent> {
    let ids: HashSet<&str> = here.iter().map(|e| e.id.as_str()).collect();
    incoming
        .iter()
        .filter(|e| !ids.contains(e.id.as_str()))
        .filter_map(|e| {
            let mut event = e.clone();
            if let Some(code) = event.change.cohort_mut() {
                *code = codes.get(code.as_str())?.clone();
            }
            Some(event)
        })
        .collect()
}

/// Enrolments to write: new ones, and an earlier enrolment of one already here.
pub(super) fn enrolments(
    here: &HashMap<(String, PersonId), Enrolment>,
    incoming: &[Enrolment],
    codes: &HashMap<String, String>,
) -> Vec<Enrolment> {
    let mut out: Vec<Enrolment> = Vec::new();
    for enrolment in incoming {
        let Some(code) = codes.get(&enrolment.cohort) else {
            continue;
        };
        let enrolment = Enrolment {
            cohort: code.clone(),
            ..enrolment.clone()
        };
        let key = (enrolment.cohort.clone(), enrolment.person.clone());
        let earlier = match here.get(&key) {
            None => true,
            Some(current) => earlier(&enrolment, current),
        };
        if earlier {
            out.push(enrolment);
        }
    }
    out
}

/// Of two enrolments of one person, the one that stands: the earlier (then: not a
/// walk-in), so either order of merging keeps the same one.
fn earlier(a: &Enrolment, b: &Enrolment) -> bool {
    (a.enrolled_at, a.walk_in) < (b.enrolled_at, b.walk_in)
}

/// When a base was last edited, then the base itself as JSON: of two edits at the same
/// time, every folder keeps the same one.
fn base_order(base: &TrainingBase) -> (Option<chrono::DateTime<chrono::FixedOffset>>, String) {
    (
        base.updated_at,
        serde_json::to_string(base).unwrap_or_default(),
    )
}

/// Bases to write: new ones, and a newer edit of one here.
pub(super) fn bases(here: &[TrainingBase], incoming: &[TrainingBase]) -> Vec<TrainingBase> {
    let by_id: HashMap<&str, &TrainingBase> = here.iter().map(|b| (b.id.as_str(), b)).collect();
    incoming
        .iter()
        .filter(|b| match by_id.get(b.id.as_str()) {
            None => true,
            Some(current) => base_order(b) > base_order(current),
        })
        .cloned()
        .collect()
}

/// People to write: records new here, and records here whose latest edit (in both
/// folders' changes) was made by the bundle's side. Returns (new, updated).
pub(super) fn people(
    here: &HashMap<PersonId, Person>,
    incoming: &[Person],
    here_changes: &[RegisterEvent],
    new_changes: &[RegisterEvent],
) -> (Vec<Person>, Vec<Person>) {
    let latest_here = latest_edits(here_changes);
    let latest_incoming = latest_edits(new_changes);
    let mut new = Vec::new();
    let mut updated = Vec::new();
    for person in incoming {
        match here.get(&person.id) {
            None => new.push(person.clone()),
            Some(current) if current != person => {
                let theirs = latest_incoming.get(&person.id);
                if theirs.is_some() && theirs > latest_here.get(&person.id) {
                    updated.push(person.clone());
                }
            }
            Some(_) => {}
        }
    }
    (new, updated)
}

/// The id of each person's latest edit.
fn latest_edits(changes: &[RegisterEvent]) -> HashMap<PersonId, &str> {
    let mut latest: HashMap<PersonId, &str> = HashMap::new();
    for change in changes {
        if let Change::PersonEdited { person, .. } = &change.change {
            let id = latest.entry(person.clone()).or_insert(&change.id);
            if change.id.as_str() > *id {
                *id = &change.id;
            }
        }
    }
    latest
}

/// Desk names this folder does not know yet.
pub(super) fn desks(
    here: &BTreeMap<String, String>,
    incoming: &BTreeMap<String, String>,
) -> Vec<(String, String)> {
    incoming
        .iter()
        .filter(|(desk, _)| !here.contains_key(*desk))
        .map(|(d, n)| (d.clone(), n.clone()))
        .collect()
}
