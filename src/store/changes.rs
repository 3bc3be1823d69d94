//! Changes to the register and to rosters ([`RegisterEvent`]), only ever appended, keyed
//! by their ULID so the tree reads in written order.

use chrono::{DateTime, FixedOffset};

use crate::domain::PersonId;
use crate::domain::register::{Change, RegisterEvent, RegisterFacts};

use super::codec::{decode, encode, next_ulid};
use super::{Batch, Store, StoreResult, TreeName};

impl Store {
    /// Every change, in written order.
    pub fn changes(&self) -> StoreResult<Vec<RegisterEvent>> {
        let mut events = Vec::new();
        for entry in self.tree(TreeName::Changes).iter() {
            let (_, bytes) = entry?;
            events.push(decode("changes", &bytes)?);
        }
        Ok(events)
    }

    /// The changes that concern one person, in written order.
    pub fn changes_of(&self, person: &PersonId) -> StoreResult<Vec<RegisterEvent>> {
        let mut all = self.changes()?;
        all.retain(|e| e.change.concerns(person));
        Ok(all)
    }

    /// What the changes say now, undos applied.
    pub fn register_facts(&self) -> StoreResult<RegisterFacts> {
        Ok(RegisterFacts::fold(&self.changes()?))
    }

    /// A new change event with a fresh id (above every id written), stamped with this
    /// desk; the caller stages it with [`Store::stage_change`] and commits.
    pub fn new_change(
        &self,
        at: DateTime<FixedOffset>,
        by: &str,
        change: Change,
    ) -> StoreResult<RegisterEvent> {
        Ok(RegisterEvent {
            id: next_ulid(self.tree(TreeName::Changes), b"")?,
            at,
            desk: self.desk().to_string(),
            by: by.to_string(),
            change,
        })
    }

    /// Adds the write of a change event to `batch`.
    pub fn stage_change(batch: &mut Batch, event: &RegisterEvent) {
        batch.put(TreeName::Changes, event.id.as_bytes(), encode(event));
    }
}
