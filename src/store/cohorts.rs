//! Cohorts by code, and enrolments keyed `cohort 0x00 person`.

use chrono::{DateTime, FixedOffset};

use crate::domain::{Cohort, Enrolment, Person, PersonId};

use super::codec::{decode, encode, scope_prefix, scoped_key};
use super::{Batch, Store, StoreResult, TreeName};

impl Store {
    pub fn cohort(&self, code: &str) -> StoreResult<Option<Cohort>> {
        match self.tree(TreeName::Cohorts).get(code)? {
            Some(bytes) => Ok(Some(decode("cohorts", &bytes)?)),
            None => Ok(None),
        }
    }

    /// Every cohort, oldest first by creation time.
    pub fn cohorts(&self) -> StoreResult<Vec<Cohort>> {
        let mut cohorts = Vec::new();
        for entry in self.tree(TreeName::Cohorts).iter() {
            let (_, bytes) = entry?;
            cohorts.push(decode::<Cohort>("cohorts", &bytes)?);
        }
        cohorts.sort_by_key(|c| c.created_at);
        Ok(cohorts)
    }

    /// Adds the write of `cohort`, under its code, to `batch`. A cohort without a
    /// global id (made by a test or an older build) is given one here, so that every
    /// stored cohort has one.
    pub fn stage_cohort(batch: &mut Batch, cohort: &Cohort) {
        let value = if cohort.uid.is_empty() {
            let uid = ulid::Ulid::generate().to_string();
            encode(&Cohort {
                uid,
                ..cohort.clone()
            })
        } else {
            encode(cohort)
        };
        batch.put(TreeName::Cohorts, cohort.code.as_str(), value);
    }

    pub fn enrolments(&self, code: &str) -> StoreResult<Vec<Enrolment>> {
        let mut list = Vec::new();
        for entry in self
            .tree(TreeName::Enrolments)
            .scan_prefix(scope_prefix(code))
        {
            let (_, bytes) = entry?;
            list.push(decode("enrolments", &bytes)?);
        }
        Ok(list)
    }

    pub fn is_enrolled(&self, code: &str, person: &PersonId) -> StoreResult<bool> {
        let key = scoped_key(code, person.as_str());
        Ok(self.tree(TreeName::Enrolments).contains_key(key)?)
    }

    /// The people enrolled in a cohort, in the order they were added to the register;
    /// records joined as one person (aliases.rs) are that person, once.
    pub fn roster(&self, code: &str) -> StoreResult<Vec<Person>> {
        let mut people = Vec::new();
        for enrolment in self.enrolments(code)? {
            match self.person(&enrolment.person)? {
                Some(person) => people.push(person),
                None => {
                    let what = format!("enrolment of missing person {}", enrolment.person);
                    return Err(super::StoreError::Corrupt(what));
                }
            }
        }
        self.as_one(people)
    }

    pub fn stage_enrolment(
        batch: &mut Batch,
        code: &str,
        person: &PersonId,
        at: DateTime<FixedOffset>,
        walk_in: bool,
    ) {
        let enrolment = Enrolment {
            cohort: code.to_string(),
            person: person.clone(),
            enrolled_at: at,
            walk_in,
        };
        let key = scoped_key(code, person.as_str());
        batch.put(TreeName::Enrolments, key, encode(&enrolment));
    }

    /// Adds the removal of an enrolment to `batch`: only for undoing the change that made
    /// it (an enrolment by mistake, with no attendance); a withdrawal keeps the enrolment.
    pub fn stage_enrolment_removal(batch: &mut Batch, code: &str, person: &PersonId) {
        batch.remove(TreeName::Enrolments, scoped_key(code, person.as_str()));
    }
}
