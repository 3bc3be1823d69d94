//! How many people each cohort has enrolled, kept in the meta tree (`enrolled/{code}` →
//! u64, big-endian) by [`Store::commit`] itself, inside the commit's transaction: every
//! put of an enrolment key that was not there adds one, every removal of one that was
//! there takes one away. One place, so no writer can forget, and reading the counts
//! costs one key per cohort instead of a walk over every enrolment ever made.
//!
//! The counts are derived records: a restore skips them in the backup and the journal
//! and lets the commit count the enrolments it writes (see `backup::is_own_setting`).
//! A folder made before them is counted once, the old way, when it is opened.

use std::collections::HashMap;

use sled::transaction::{TransactionalTree, UnabortableTransactionError};

use super::{Batch, Store, StoreResult, TreeName};

/// The meta key prefix of the counts.
const PREFIX: &[u8] = b"enrolled/";
/// Present once the counts are kept (written with the first counts of an older folder).
pub(super) const MARKER: &str = "enrolment_counts_v1";

/// Whether a meta key is one of the counts or their marker.
pub(super) fn is_derived(key: &[u8]) -> bool {
    key.starts_with(PREFIX) || key == MARKER.as_bytes()
}

fn count_key(code: &[u8]) -> Vec<u8> {
    [PREFIX, code].concat()
}

/// The cohort code of an enrolment key (`cohort 0x00 person`).
fn cohort_of(key: &[u8]) -> &[u8] {
    key.split(|b| *b == 0).next().unwrap_or_default()
}

fn decode(bytes: &[u8]) -> u64 {
    bytes.try_into().map_or(0, u64::from_be_bytes)
}

/// The changes to the counts made by one commit's writes, summed per cohort.
#[derive(Default)]
pub(super) struct Tally(HashMap<Vec<u8>, i64>);

impl Tally {
    /// One write of the commit: `existed` is whether the key held a value before it.
    pub(super) fn note(&mut self, tree: TreeName, key: &[u8], existed: bool, removal: bool) {
        let change = match (existed, removal) {
            (false, false) => 1,
            (true, true) => -1,
            _ => return,
        };
        if tree == TreeName::Enrolments {
            *self.0.entry(cohort_of(key).to_vec()).or_insert(0) += change;
        }
    }

    /// Writes the changed counts into the meta tree, in the commit's transaction; a count
    /// down to nought is removed.
    pub(super) fn apply(
        &self,
        meta: &TransactionalTree,
    ) -> Result<(), UnabortableTransactionError> {
        for (code, change) in self.0.iter().filter(|(_, c)| **c != 0) {
            let key = count_key(code);
            let before = meta.get(&key)?.map_or(0, |b| decode(&b));
            let now = (before as i64 + change).max(0) as u64;
            if now == 0 {
                meta.remove(key)?;
            } else {
                meta.insert(key, now.to_be_bytes().to_vec())?;
            }
        }
        Ok(())
    }
}

impl Store {
    /// How many people each cohort has enrolled (cohorts with none are left out).
    pub fn enrolment_counts(&self) -> StoreResult<HashMap<String, usize>> {
        let meta = self.tree(TreeName::Meta);
        if !meta.contains_key(MARKER)? {
            // A folder opened only to be checked, made before the counts were kept.
            return self.count_enrolments();
        }
        let mut counts = HashMap::new();
        for entry in meta.scan_prefix(PREFIX) {
            let (key, value) = entry?;
            let code = String::from_utf8_lossy(&key[PREFIX.len()..]).into_owned();
            counts.insert(code, decode(&value) as usize);
        }
        Ok(counts)
    }

    /// Counts every enrolment of every cohort: reads the whole enrolments tree.
    pub(super) fn count_enrolments(&self) -> StoreResult<HashMap<String, usize>> {
        let mut counts = HashMap::new();
        for key in self.tree(TreeName::Enrolments).iter().keys() {
            let key = key?;
            let code = String::from_utf8_lossy(cohort_of(&key)).into_owned();
            *counts.entry(code).or_insert(0) += 1;
        }
        Ok(counts)
    }

    /// A folder made before the counts were kept gets them, in one commit with the marker.
    pub(super) fn keep_enrolment_counts(&self) -> StoreResult<()> {
        let meta = self.tree(TreeName::Meta);
        if meta.contains_key(MARKER)? {
            return Ok(());
        }
        let mut batch = Batch::default();
        for key in meta.scan_prefix(PREFIX).keys() {
            batch.remove(TreeName::Meta, key?.to_vec());
        }
        for (code, n) in self.count_enrolments()? {
            let value = (n as u64).to_be_bytes().to_vec();
            batch.put(TreeName::Meta, count_key(code.as_bytes()), value);
        }
        Self::stage_counts_kept(&mut batch);
        self.commit(batch)
    }

    /// Marks the counts as kept (with the schema version of a new folder).
    pub(super) fn stage_counts_kept(batch: &mut Batch) {
        batch.put(TreeName::Meta, MARKER, b"1".to_vec());
    }
}
