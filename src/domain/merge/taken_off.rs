//! Enrolments an undo took off: `change undo` of an `Enrolled` (not a return after
//! leaving) or of a `Substituted` removes the enrolment it made. A merge does the same
//! with the undos it brings, and never brings back an enrolment an undo here removed.

use std::collections::{HashMap, HashSet};

use crate::domain::person::PersonId;
use crate::domain::register::{Change, RegisterEvent, RegisterFacts};

/// (cohort code, person) of each enrolment that the undos in `changes` (both folders',
/// codes translated) took off and no later enrolment change put back.
pub(super) fn taken_off(changes: &[&RegisterEvent]) -> HashSet<(String, PersonId)> {
    let mut sorted: Vec<&RegisterEvent> = changes.to_vec();
    sorted.sort_by(|a, b| a.id.cmp(&b.id));
    let by_id: HashMap<&str, &RegisterEvent> = sorted.iter().map(|c| (c.id.as_str(), *c)).collect();
    let undone: HashSet<&str> = sorted
        .iter()
        .filter_map(|c| match &c.change {
            Change::Undone { target } => Some(target.as_str()),
            _ => None,
        })
        .collect();
    let mut off = HashSet::new();
    for undo in &sorted {
        let Change::Undone { target } = &undo.change else {
            continue;
        };
        let Some(target) = by_id.get(target.as_str()) else {
            continue;
        };
        let key = match &target.change {
            Change::Enrolled { cohort, person, .. }
                if !left_before(&sorted, target, cohort, person) =>
            {
                (cohort.clone(), person.clone())
            }
            Change::Substituted {
                cohort,
                replacement,
                ..
            } => (cohort.clone(), replacement.clone()),
            _ => continue,
        };
        let put_back = sorted
            .iter()
            .any(|c| c.id > undo.id && !undone.contains(c.id.as_str()) && enrols(&c.change, &key));
        if !put_back {
            off.insert(key);
        }
    }
    off
}

/// Whether `change` puts `key`'s person on its cohort's roster.
fn enrols(change: &Change, key: &(String, PersonId)) -> bool {
    match change {
        Change::Enrolled { cohort, person, .. } => (cohort, person) == (&key.0, &key.1),
        Change::Substituted {
            cohort,
            replacement,
            ..
        } => (cohort, replacement) == (&key.0, &key.1),
        _ => false,
    }
}

/// Whether `person` had left `cohort` before `target` put them back (the enrolment
/// then stays when `target` is undone).
fn left_before(
    sorted: &[&RegisterEvent],
    target: &RegisterEvent,
    cohort: &str,
    person: &PersonId,
) -> bool {
    let earlier: Vec<RegisterEvent> = sorted
        .iter()
        .filter(|c| c.id < target.id)
        .map(|c| (*c).clone())
        .collect();
    RegisterFacts::fold(&earlier)
        .withdrawal(cohort, person)
        .is_some()
}
