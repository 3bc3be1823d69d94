//! 合并: what a bundle adds to this data folder, decided without touching the disk.
//! Records arrive under the exporter's labels (cohort codes, activity and module
//! numbers); each is translated through its global id (cohort uid, creation-event id,
//! module uid) to this folder's label, and a label another record already holds here
//! is renumbered (reported). Everything keyed by an id is united: an id this folder
//! holds adds nothing, so a second merge of the same bundle plans nothing, and the
//! order of merging two bundles changes nothing keyed by ids (labels follow the order
//! of arrival). People new here are matched against the register
//! ([`crate::domain::matching`]); a match is an alias, written as a change.

mod activities;
mod clock;
mod cohorts;
mod conflicts;
mod modules;
mod records;
mod taken_off;
#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Serialize;

use super::attendance::AttendanceEvent;
use super::base::TrainingBase;
use super::bundle::Contents;
use super::cohort::{Cohort, Enrolment};
use super::matching::{Joining, NearMatch, match_people};
use super::module::{Catalogue, Module};
use super::person::{Person, PersonId};
use super::register::{Change, RegisterEvent};
use super::teaching::ActivityEvent;

pub use clock::{ClockSkew, MIN_ARRIVALS, SKEW_MINUTES, skews};
pub use cohorts::{CohortEdits, Difference, differences};
pub use conflicts::{DoubleArrival, double_arrivals};

/// What this folder holds that a merge reads: the whole register and catalogue, and the
/// records of the cohorts the bundle touches (by this folder's codes).
#[derive(Debug, Clone, Default)]
pub struct Local {
    pub cohorts: Vec<Cohort>,
    pub catalogue: Catalogue,
    pub cohort_catalogues: BTreeMap<String, Catalogue>,
    pub enrolments: HashMap<(String, PersonId), Enrolment>,
    pub events: BTreeMap<String, Vec<AttendanceEvent>>,
    pub activities: BTreeMap<String, Vec<ActivityEvent>>,
    pub changes: Vec<RegisterEvent>,
    pub people: Vec<Person>,
    pub bases: Vec<TrainingBase>,
    pub desks: BTreeMap<String, String>,
}

/// A label changed on the way in: the record kept its global id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Renumbering {
    Cohort {
        uid: String,
        from: String,
        to: String,
    },
    /// An activity of a cohort (this folder's code).
    Activity { cohort: String, from: u32, to: u32 },
    Module {
        uid: String,
        name: String,
        from: u16,
        to: u16,
    },
}

/// Everything a merge writes (under this folder's labels) and reports.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    /// Exporter cohort code → this folder's code.
    pub codes: HashMap<String, String>,
    /// Cohorts new here, then cohorts here whose settings change.
    pub cohorts: Vec<Cohort>,
    pub new_cohorts: usize,
    pub updated_cohorts: usize,
    pub modules: Vec<Module>,
    pub cohort_catalogues: Vec<(String, Catalogue)>,
    pub enrolments: Vec<Enrolment>,
    /// Enrolments here that an undo the bundle brings took off (cohort code, person).
    pub enrolment_removals: Vec<(String, PersonId)>,
    pub events: Vec<AttendanceEvent>,
    pub activity_events: Vec<ActivityEvent>,
    pub new_activities: usize,
    pub changes: Vec<RegisterEvent>,
    pub new_people: Vec<Person>,
    pub updated_people: Vec<Person>,
    pub bases: Vec<TrainingBase>,
    pub desks: Vec<(String, String)>,
    pub renumbered: Vec<Renumbering>,
    pub edited_on_both: Vec<CohortEdits>,
    /// People new here found to be people already here (not yet recorded as such).
    pub joinings: Vec<Joining>,
    pub near: Vec<NearMatch>,
}

impl Plan {
    /// Whether the merge writes nothing.
    pub fn is_empty(&self) -> bool {
        self.cohorts.is_empty()
            && self.modules.is_empty()
            && self.cohort_catalogues.is_empty()
            && self.enrolments.is_empty()
            && self.enrolment_removals.is_empty()
            && self.events.is_empty()
            && self.activity_events.is_empty()
            && self.changes.is_empty()
            && self.new_people.is_empty()
            && self.updated_people.is_empty()
            && self.bases.is_empty()
            && self.desks.is_empty()
            && self.joinings.is_empty()
    }
}

/// What merging `incoming` into `here` writes.
pub fn plan(here: &Local, incoming: &Contents) -> Plan {
    let cohorts = cohorts::plan(&here.cohorts, &incoming.cohorts);
    let module_plan = modules::plan(
        &here.catalogue,
        incoming
            .catalogue
            .modules
            .iter()
            .chain(incoming.cohort_catalogues.values().flat_map(|c| &c.modules)),
    );
    let copies = incoming
        .cohort_catalogues
        .iter()
        .filter_map(|(code, c)| Some((cohorts.codes.get(code)?.clone(), c.clone())));
    let cohort_catalogues = modules::cohort_copies(&module_plan, &here.cohort_catalogues, copies);
    let activities = activities::plan(
        &here.activities,
        &incoming.activities,
        &cohorts.codes,
        &module_plan,
    );
    let changes = records::changes(&here.changes, &incoming.changes, &cohorts.codes);
    let people_here: HashMap<PersonId, Person> = here
        .people
        .iter()
        .map(|p| (p.id.clone(), p.clone()))
        .collect();
    let (new_people, updated_people) =
        records::people(&people_here, &incoming.people, &here.changes, &changes);
    let matches = match_people(&here.people, &new_people);
    let recorded = joined_pairs(here.changes.iter().chain(&changes));
    let all_changes: Vec<&RegisterEvent> = here.changes.iter().chain(&changes).collect();
    let off = taken_off::taken_off(&all_changes);
    let mut enrolment_removals: Vec<(String, PersonId)> = off
        .iter()
        .filter(|key| here.enrolments.contains_key(*key))
        .cloned()
        .collect();
    enrolment_removals.sort();
    let mut renumbered = cohorts.renumbered;
    renumbered.extend(module_plan.renumbered.iter().cloned());
    renumbered.extend(activities.renumbered);
    Plan {
        events: records::events(&here.events, &incoming.events, &cohorts.codes),
        enrolments: records::enrolments(&here.enrolments, &incoming.enrolments, &cohorts.codes)
            .into_iter()
            .filter(|e| !off.contains(&(e.cohort.clone(), e.person.clone())))
            .collect(),
        enrolment_removals,
        bases: records::bases(&here.bases, &incoming.bases),
        desks: records::desks(&here.desks, &incoming.desks),
        codes: cohorts.codes,
        cohorts: cohorts.write,
        new_cohorts: cohorts.new,
        updated_cohorts: cohorts.updated,
        modules: module_plan.new,
        cohort_catalogues,
        activity_events: activities.events,
        new_activities: activities.new,
        changes,
        new_people,
        updated_people,
        renumbered,
        edited_on_both: cohorts.edited_on_both,
        joinings: matches
            .joinings
            .into_iter()
            .filter(|j| !recorded.contains(&pair(&j.kept, &j.joined)))
            .collect(),
        near: matches.near,
    }
}

/// Every pair of people a change has ever joined (undone or not: a merge never joins
/// again what an organiser parted).
fn joined_pairs<'a>(
    changes: impl Iterator<Item = &'a RegisterEvent>,
) -> HashSet<(PersonId, PersonId)> {
    changes
        .filter_map(|c| match &c.change {
            Change::PersonsJoined { kept, joined, .. } => Some(pair(kept, joined)),
            _ => None,
        })
        .collect()
}

fn pair(a: &PersonId, b: &PersonId) -> (PersonId, PersonId) {
    if a <= b {
        (a.clone(), b.clone())
    } else {
        (b.clone(), a.clone())
    }
}
