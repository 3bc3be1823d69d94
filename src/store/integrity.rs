//! An integrity check over the whole store: every record decodes, and every reference
//! (enrolment → person and cohort, event → enrolment) resolves. Used after crashes in
//! tests, by `restore` to verify what it wrote, and available to the command line.

use std::collections::HashSet;

use rayon::prelude::*;

use crate::domain::{AttendanceEvent, Cohort, Enrolment, PersonId};

use super::codec::decode;
use super::people::{Range, key_ranges};
use super::person_codec;
use super::{Store, StoreError, StoreResult, TreeName};

/// What the check counted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Integrity {
    pub people: usize,
    pub cohorts: usize,
    pub enrolments: usize,
    pub events: usize,
}

impl Store {
    /// Reads every record of every tree from sled's files, so a page sled cannot read
    /// (a log cut short under a snapshot that still points into it) shows at open, on
    /// the copy, rather than in the middle of a command.
    pub(super) fn read_every_record(&self) -> StoreResult<()> {
        for name in TreeName::ALL {
            let tree = self.tree(name);
            // The register in key ranges on all cores, as `people` reads it.
            key_ranges(tree)?
                .into_par_iter()
                .try_for_each(|range: Range| {
                    for entry in tree.range::<Vec<u8>, _>(range) {
                        entry?;
                    }
                    Ok::<(), StoreError>(())
                })?;
        }
        Ok(())
    }

    /// Reads every record; returns the counts, or the first problem found.
    pub fn check_integrity(&self) -> StoreResult<Integrity> {
        let mut people = HashSet::new();
        for entry in self.tree(TreeName::People).iter() {
            let (_, bytes) = entry?;
            people.insert(person_codec::decode(&bytes)?.id);
        }
        let mut cohorts = HashSet::new();
        for entry in self.tree(TreeName::Cohorts).iter() {
            let (_, bytes) = entry?;
            cohorts.insert(decode::<Cohort>("cohorts", &bytes)?.code);
        }
        let mut enrolled: HashSet<(String, PersonId)> = HashSet::new();
        for entry in self.tree(TreeName::Enrolments).iter() {
            let (_, bytes) = entry?;
            let e: Enrolment = decode("enrolments", &bytes)?;
            if !people.contains(&e.person) || !cohorts.contains(&e.cohort) {
                return Err(broken(format!(
                    "enrolment {} / {} refers to a missing record",
                    e.cohort, e.person
                )));
            }
            enrolled.insert((e.cohort, e.person));
        }
        let mut events = 0;
        for entry in self.tree(TreeName::Events).iter() {
            let (_, bytes) = entry?;
            let e: AttendanceEvent = decode("events", &bytes)?;
            if !enrolled.contains(&(e.cohort.clone(), e.person.clone())) {
                return Err(broken(format!(
                    "event {} is for someone not enrolled",
                    e.id
                )));
            }
            events += 1;
        }
        Ok(Integrity {
            people: people.len(),
            cohorts: cohorts.len(),
            enrolments: enrolled.len(),
            events,
        })
    }
}

fn broken(what: String) -> StoreError {
    StoreError::Corrupt(what)
}
