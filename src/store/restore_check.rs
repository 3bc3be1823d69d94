//! The check after a restore: every tree the store has ([`TreeName::ALL`], so a tree
//! added later is checked without anyone remembering to) holds exactly the records
//! the backup and the journal's later commits give, byte for byte.

use std::collections::BTreeMap;

use super::backup::{import_value, is_own_setting, tree_named};
use super::{Backup, JournalEntry, Store, StoreResult, TreeName};

/// One tree's records, key → value.
type Records = BTreeMap<Vec<u8>, Vec<u8>>;

impl Store {
    /// The trees whose records are not what restoring `backup` and then `replay`
    /// writes: none after a good restore. The folder's own settings (its desk id, its
    /// commit count, its schema version) are its own and left out.
    pub fn restore_differences(
        &self,
        backup: &Backup,
        replay: &[JournalEntry],
    ) -> StoreResult<Vec<TreeName>> {
        let mut expected = expected_records(backup, replay)?;
        let mut differ = Vec::new();
        for tree in TreeName::ALL {
            let wanted = expected.remove(&tree.index()).unwrap_or_default();
            if self.records_of(tree)? != wanted {
                differ.push(tree);
            }
        }
        Ok(differ)
    }

    fn records_of(&self, tree: TreeName) -> StoreResult<Records> {
        let mut records = Records::new();
        for entry in self.tree(tree).iter() {
            let (key, value) = entry?;
            if !is_folders_own(tree, &key) {
                records.insert(key.to_vec(), value.to_vec());
            }
        }
        Ok(records)
    }
}

/// Tree (by its index in [`TreeName::ALL`]) → the records a restore writes into it.
fn expected_records(
    backup: &Backup,
    replay: &[JournalEntry],
) -> StoreResult<BTreeMap<usize, Records>> {
    let mut expected: BTreeMap<usize, Records> = BTreeMap::new();
    for (name, records) in &backup.trees {
        let tree = tree_named(name)?;
        let into = expected.entry(tree.index()).or_default();
        for record in records {
            let key = record.key.as_bytes();
            if !is_folders_own(tree, key) {
                into.insert(key.to_vec(), import_value(tree, &record.value)?);
            }
        }
    }
    for (tree, key, value) in replay.iter().flat_map(|e| &e.puts) {
        if !is_folders_own(*tree, key) {
            let into = expected.entry(tree.index()).or_default();
            if super::is_removal(value) {
                into.remove(key);
            } else {
                into.insert(key.clone(), value.clone());
            }
        }
    }
    Ok(expected)
}

fn is_folders_own(tree: TreeName, key: &[u8]) -> bool {
    tree == TreeName::Meta && (is_own_setting(key) || key == b"schema_version")
}
