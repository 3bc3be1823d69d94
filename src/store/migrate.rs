//! Upgrading a data folder written by an older lunxun to [`SCHEMA_VERSION`].
//!
//! Schema 2 (issue 13) added slot end times, credit rules stored with each cohort,
//! sign-out events and the register's changes. Every one of them reads from a schema-1
//! record as it is (a cohort without rules keeps its old completion rule until edited,
//! a slot without an end time ends at its kind's default), so upgrading rewrites nothing
//! but the version. The caller makes a backup first (main.rs, before any command and
//! before the desk's first screen).

use super::{Batch, SCHEMA_VERSION, Store, StoreResult, TreeName, decode_u32};

impl Store {
    /// The schema the folder's records were written in.
    pub fn schema_version(&self) -> StoreResult<u32> {
        match self.tree(TreeName::Meta).get("schema_version")? {
            Some(bytes) => decode_u32(&bytes),
            // Opening writes the version into a new folder: only a check copy lacks it.
            None => Ok(SCHEMA_VERSION),
        }
    }

    /// Whether the folder was written by an older schema and should be upgraded (after
    /// a backup) by [`Store::migrate`].
    pub fn needs_migration(&self) -> StoreResult<bool> {
        Ok(self.schema_version()? < SCHEMA_VERSION)
    }

    /// Upgrades the folder to [`SCHEMA_VERSION`] in one durable commit; returns the
    /// version it was at. Nothing is written when it is current already.
    pub fn migrate(&self) -> StoreResult<u32> {
        let from = self.schema_version()?;
        if from < SCHEMA_VERSION {
            let mut batch = Batch::default();
            let version = SCHEMA_VERSION.to_be_bytes().to_vec();
            batch.put(TreeName::Meta, "schema_version", version);
            self.commit(batch)?;
        }
        Ok(from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_schema_1_folder_is_upgraded_once_and_keeps_its_records() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        assert!(!store.needs_migration().unwrap(), "a new folder is current");
        let mut batch = Batch::default();
        batch.put(
            TreeName::Meta,
            "schema_version",
            1u32.to_be_bytes().to_vec(),
        );
        Store::stage_meta(&mut batch, "demo_cohort", "2015-01");
        store.commit(batch).unwrap();
        assert!(store.needs_migration().unwrap());
        assert_eq!(store.migrate().unwrap(), 1);
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
        assert!(!store.needs_migration().unwrap());
        let seq = store.commit_seq();
        assert_eq!(store.migrate().unwrap(), SCHEMA_VERSION);
        assert_eq!(store.commit_seq(), seq, "nothing written when current");
        assert_eq!(
            store.meta_get("demo_cohort").unwrap().as_deref(),
            Some("2015-01")
        );
    }
}
