//! The register: people by id (ULID, so id order is the order they were added).

use crate::domain::{Person, PersonId};

use super::codec::{decode, encode};
use super::{Batch, Store, StoreResult, TreeName};

impl Store {
    pub fn person(&self, id: &PersonId) -> StoreResult<Option<Person>> {
        let tree = self.tree(TreeName::People);
        match tree.get(id.as_str())? {
            Some(bytes) => Ok(Some(decode("people", &bytes)?)),
            None => Ok(None),
        }
    }

    /// The whole register in the order people were added.
    pub fn people(&self) -> StoreResult<Vec<Person>> {
        let tree = self.tree(TreeName::People);
        let mut people = Vec::with_capacity(tree.len());
        for entry in tree.iter() {
            let (_, bytes) = entry?;
            people.push(decode("people", &bytes)?);
        }
        Ok(people)
    }

    pub fn people_count(&self) -> usize {
        self.tree(TreeName::People).len()
    }

    /// Adds the writes that save `person` (new or changed) to `batch`.
    pub fn stage_person(batch: &mut Batch, person: &Person) {
        batch.put(TreeName::People, person.id.as_str(), encode(person));
    }
}
