//! Training bases by id (ULID).

use crate::domain::TrainingBase;

use super::codec::{decode, encode};
use super::{Batch, Store, StoreResult, TreeName};

impl Store {
    /// Every training base, in the order they were added.
    pub fn bases(&self) -> StoreResult<Vec<TrainingBase>> {
        let mut bases = Vec::new();
        for entry in self.tree(TreeName::Bases).iter() {
            let (_, bytes) = entry?;
            bases.push(decode("bases", &bytes)?);
        }
        Ok(bases)
    }

    /// The base with this name (ignoring case and surrounding space).
    pub fn base_named(&self, name: &str) -> StoreResult<Option<TrainingBase>> {
        Ok(self.bases()?.into_iter().find(|b| b.is_named(name)))
    }

    pub fn stage_base(batch: &mut Batch, base: &TrainingBase) {
        batch.put(TreeName::Bases, base.id.as_str(), encode(base));
    }
}
