//! 数据包: what one data folder hands another (a second desk at the venue, a county's
//! year for the city). Records travel as the exporting folder stores them, with their
//! local labels (cohort codes, activity and module numbers); each cohort and module
//! carries its global id, and a teaching activity is known everywhere by the id of the
//! event that created it, so the merging folder can tell which of its own records each
//! one is, and renumber the labels that collide. Events of every kind are keyed by their
//! ULIDs, so a union by id is all a merge adds.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::attendance::AttendanceEvent;
use super::base::TrainingBase;
use super::cohort::{Cohort, Enrolment};
use super::module::Catalogue;
use super::person::Person;
use super::register::RegisterEvent;
use super::teaching::ActivityEvent;

/// The bundle format this build writes and the newest it reads.
pub const BUNDLE_VERSION: u32 = 1;

/// Which records a bundle was asked for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Scope {
    /// Everything in the folder.
    All,
    /// One cohort (by its code in the exporting folder) and the people it references.
    Cohort { code: String },
    /// The cohorts starting in a year and the whole register (so the city's untrained
    /// list is complete).
    Year { year: i32 },
}

/// Everything a bundle carries.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Contents {
    /// Desk names the exporting folder knows (its own among them), by desk id.
    pub desks: BTreeMap<String, String>,
    pub cohorts: Vec<Cohort>,
    pub enrolments: Vec<Enrolment>,
    pub events: Vec<AttendanceEvent>,
    pub activities: Vec<ActivityEvent>,
    pub changes: Vec<RegisterEvent>,
    /// The organisers' catalogue (each module with its global id).
    pub catalogue: Catalogue,
    /// Each cohort's own copy of the catalogue, by cohort code.
    pub cohort_catalogues: BTreeMap<String, Catalogue>,
    pub bases: Vec<TrainingBase>,
    pub people: Vec<Person>,
}

impl Contents {
    /// How many records of each kind, for a bundle's header and a merge's report.
    pub fn counts(&self) -> Counts {
        Counts {
            cohorts: self.cohorts.len(),
            enrolments: self.enrolments.len(),
            events: self.events.len(),
            activities: self.activities.len(),
            changes: self.changes.len(),
            people: self.people.len(),
        }
    }
}

/// Numbers of records, by kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub cohorts: usize,
    pub enrolments: usize,
    pub events: usize,
    pub activities: usize,
    pub changes: usize,
    pub people: usize,
}
