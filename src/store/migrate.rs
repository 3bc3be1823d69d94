//! Upgrading a data folder written by an older lunxun to [`SCHEMA_VERSION`].
//!
//! Schema 2 (issue 13) added slot end times, credit rules stored with each cohort,
//! sign-out events and the register's changes. Every one of them reads from a schema-1
//! record as it is (a cohort without rules keeps its old completion rule until edited,
//! a slot without an end time ends at its kind's default), so upgrading rewrites nothing
//! but the version. The caller makes a backup first (main.rs, before any command and
//! before the desk's first screen).
//!
//! Schema 3 (issue 14) gave cohorts and modules global ids (teaching activities are
//! known by their creation event's id, which was global already): upgrading writes a new
//! ULID into every cohort without one, `builtin-N` into the notice's five modules and a
//! ULID into each organiser's module, in the catalogue and in every cohort's copy of it,
//! in the same commit as the version.

use std::collections::HashMap;

use crate::domain::module::Catalogue;

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
            if from < 3 {
                self.stage_global_ids(&mut batch)?;
            }
            let version = SCHEMA_VERSION.to_be_bytes().to_vec();
            batch.put(TreeName::Meta, "schema_version", version);
            self.commit(batch)?;
        }
        Ok(from)
    }

    /// Schema 3: a global id for every cohort and module without one.
    fn stage_global_ids(&self, batch: &mut Batch) -> StoreResult<()> {
        for cohort in self.cohorts()?.iter().filter(|c| c.uid.is_empty()) {
            Store::stage_cohort(batch, cohort);
        }
        let mut catalogue = self.catalogue()?;
        let mut uids = HashMap::new();
        for module in catalogue.modules.iter_mut().filter(|m| m.uid.is_empty()) {
            module.uid = module_uid(module.number);
            uids.insert(module.number, module.uid.clone());
        }
        if !uids.is_empty() {
            Store::stage_catalogue(batch, &catalogue);
        }
        for cohort in self.cohorts()? {
            if let Some(mut own) = self.cohort_catalogue(&cohort.code)?
                && give_uids(&mut own, &uids)
            {
                Store::stage_cohort_catalogue(batch, &cohort.code, &own);
            }
        }
        Ok(())
    }
}

/// The global id a module gets when its folder is upgraded: the notice's five are the
/// same module everywhere.
fn module_uid(number: u16) -> String {
    if number <= 5 {
        format!("builtin-{number}")
    } else {
        ulid::Ulid::generate().to_string()
    }
}

/// Gives a cohort's copy of the catalogue the ids its modules got in the catalogue
/// (`uids`, by number); whether anything changed.
fn give_uids(own: &mut Catalogue, uids: &HashMap<u16, String>) -> bool {
    let mut changed = false;
    for module in own.modules.iter_mut().filter(|m| m.uid.is_empty()) {
        module.uid = uids
            .get(&module.number)
            .cloned()
            .unwrap_or_else(|| module_uid(module.number));
        changed = true;
    }
    changed
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

    /// Schema 3: cohorts and modules written without global ids get them, the cohort's
    /// copy of the catalogue the same ids as the catalogue.
    #[test]
    fn upgrading_to_schema_3_gives_cohorts_and_modules_global_ids() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let mut cohort = crate::domain::cohort::tests::cohort();
        cohort.uid = String::new();
        let mut catalogue = Catalogue::builtin();
        catalogue
            .add(
                crate::domain::module::ModuleNames {
                    name_zh: Some("乡村振兴".into()),
                    ..Default::default()
                },
                String::new(),
            )
            .unwrap();
        for module in &mut catalogue.modules {
            module.uid = String::new();
        }
        let mut batch = Batch::default();
        batch.put(
            TreeName::Meta,
            "schema_version",
            2u32.to_be_bytes().to_vec(),
        );
        // As an older build wrote it: no uid in the record.
        let mut old = serde_json::to_value(&cohort).unwrap();
        old.as_object_mut().unwrap().remove("uid");
        batch.put(
            TreeName::Cohorts,
            cohort.code.as_str(),
            serde_json::to_vec(&old).unwrap(),
        );
        Store::stage_catalogue(&mut batch, &catalogue);
        Store::stage_cohort_catalogue(&mut batch, &cohort.code, &catalogue);
        store.commit(batch).unwrap();
        assert_eq!(store.cohort("2015-01").unwrap().unwrap().uid, "");

        assert_eq!(store.migrate().unwrap(), 2);
        let uid = store.cohort("2015-01").unwrap().unwrap().uid;
        assert_eq!(uid.len(), 26, "a ULID: {uid}");
        let modules = store.catalogue().unwrap().modules;
        assert_eq!(modules[0].uid, "builtin-1");
        assert_eq!(modules[4].uid, "builtin-5");
        assert_eq!(modules[5].uid.len(), 26);
        let own = store.cohort_catalogue("2015-01").unwrap().unwrap().modules;
        assert_eq!(own[5].uid, modules[5].uid, "the same module, the same id");
        store.migrate().unwrap();
        assert_eq!(
            store.cohort("2015-01").unwrap().unwrap().uid,
            uid,
            "kept once given"
        );
    }
}
