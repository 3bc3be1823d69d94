//! The store: sled trees, one per record kind, with durable commits and a folder lock.
//!
//! Every write goes through [`Store::commit`] (commit.rs: one sled transaction, made
//! durable, journaled, numbered). Opening takes the folder lock, keeps a copy of sled's
//! files unless they are as lunxun left them (preserve.rs), repairs an unreadable
//! snapshot (repair.rs), and refuses a database that lost acknowledged commits (seq.rs,
//! opening.rs).

mod aliases;
mod attendance;
mod backup;
mod batch;
mod changes;
mod closing;
mod codec;
mod cohorts;
mod commit;
mod desks;
mod enrolled;
mod error;
mod faults;
mod folder;
mod import;
mod import_run;
mod integrity;
mod journal;
mod lock;
mod migrate;
mod opening;
mod people;
mod person_codec;
mod preserve;
mod register_cache;
mod repair;
mod restore_check;
mod seq;
pub mod trace;

// The teaching log, the module catalogue and the training bases.
mod bases;
mod modules;
mod teaching;
mod timetable;

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

pub use aliases::PersonFacts;
pub use attendance::{CheckInOutcome, DeskRequest, SignOutOutcome};
pub use backup::{BACKUP_FORMAT, Backup, HexBytes, Key as RecordKey, Record, Snapshot};
pub use batch::Batch;
pub use closing::CohortChange;
pub use error::{Damage, StoreError, StoreResult};
pub use faults::{FaultPlan, FaultPoint};
pub use folder::restrict as restrict_path;
pub use import_run::ImportRun;
pub use integrity::Integrity;
pub use journal::{Entry as JournalEntry, FILE as JOURNAL_FILE, Journaled, read as read_journal};
pub use teaching::{ActivityOutcome, ActivityRequest};
pub use timetable::PlannedOutcome;

/// `--db DIR`, else `LUNXUN_DB`, else the platform data folder (`…/lunxun`).
pub fn resolve_folder(flag: Option<&Path>) -> StoreResult<PathBuf> {
    folder::resolve(flag).ok_or_else(|| StoreError::Folder {
        dir: PathBuf::from("~"),
        source: std::io::Error::other("no home folder found; pass --db DIR"),
    })
}

#[derive(Debug, Clone, Copy)]
enum Opening {
    /// A copy of sled's files, opened only to be checked.
    Check,
    /// The files themselves, for use, with the journal's tail if the seal vouches for it.
    Live(Option<journal::Tail>),
}

impl Opening {
    fn is_check(self) -> bool {
        matches!(self, Opening::Check)
    }
}

/// The value that stands for "remove this key" in a batch and in the journal (never a
/// record's value: those are JSON, person records or numbers). Rolling back an unfinished
/// import and undoing an enrolment made by mistake (`change undo`) write removals.
pub(crate) const REMOVED: &[u8] = b"\xFFlunxun:removed\xFF";

/// Whether a batch's or journal entry's value stands for a removal ([`REMOVED`]).
pub(crate) fn is_removal(value: &[u8]) -> bool {
    value == REMOVED
}

/// The schema this build writes and the newest it can read.
///
/// 1: the first. 2 (issue 13): slot end times, credit rules with each cohort, sign-out
/// events, the register's changes; a schema-1 folder reads as it is and is upgraded on
/// open after a backup ([`Store::migrate`]). 3 (issue 14): global ids for cohorts and
/// modules, desk names, paper (补录) attendance, aliases of people.
pub const SCHEMA_VERSION: u32 = 3;

/// The record kinds, one sled tree each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TreeName {
    Meta,
    People,
    Cohorts,
    Enrolments,
    Events,
    /// The organisers' module catalogue, by module number.
    Modules,
    /// The catalogue each cohort runs with, by cohort code.
    CohortModules,
    /// Teaching-activity events, keyed `cohort 0 activity 0 event`.
    Activities,
    /// Training bases, by id.
    Bases,
    /// Changes to the register and to rosters (edits, retirements, withdrawals,
    /// substitutes, hours from elsewhere, make-ups, certificates), by event id.
    Changes,
}

impl TreeName {
    pub const ALL: [TreeName; 10] = [
        TreeName::Meta,
        TreeName::People,
        TreeName::Cohorts,
        TreeName::Enrolments,
        TreeName::Events,
        TreeName::Modules,
        TreeName::CohortModules,
        TreeName::Activities,
        TreeName::Bases,
        TreeName::Changes,
    ];

    /// Its place in [`TreeName::ALL`], which lists the trees in declaration order (every
    /// read and every commit asks).
    pub fn index(self) -> usize {
        self as usize
    }

    pub fn name(self) -> &'static str {
        match self {
            TreeName::Meta => "meta",
            TreeName::People => "people",
            TreeName::Cohorts => "cohorts",
            TreeName::Enrolments => "enrolments",
            TreeName::Events => "events",
            TreeName::Modules => "modules",
            TreeName::CohortModules => "cohort_modules",
            TreeName::Activities => "activities",
            TreeName::Bases => "bases",
            TreeName::Changes => "changes",
        }
    }
}

pub struct Store {
    dir: PathBuf,
    db: sled::Db,
    trees: Vec<sled::Tree>,
    data_file: File,
    desk: String,
    faults: faults::Faults,
    seq: std::sync::Mutex<(u64, seq::SeqFile)>,
    journal: std::sync::Mutex<journal::Journal>,
    /// The journal's fingerprint once opened, and its tail then: unchanged at the close,
    /// the close seals that tail instead of reading the journal's last entry again.
    journal_seen: Option<(String, journal::Tail)>,
    _lock: lock::FolderLock,
}

impl Store {
    /// Opens (creating if needed) the store in `dir`. Fails before touching sled when
    /// another lunxun holds the folder, and refuses a database from a newer schema.
    pub fn open(dir: &Path) -> StoreResult<Store> {
        let folder_error = |source| StoreError::Folder {
            dir: dir.to_path_buf(),
            source,
        };
        folder::create_private(dir).map_err(folder_error)?;
        let lock = lock::FolderLock::acquire(dir)?;
        let sled_dir = dir.join("sled");
        let found = preserve::copy_unless_sealed(dir, &sled_dir).map_err(folder_error)?;
        // Only a seal vouches for the journal's tail it records.
        let (lock, sealed) = match found {
            preserve::Found::AsSealed(tail) => (lock, tail),
            // sled rewrites what it opens: it opens the copy first, and the files
            // themselves only once the copy has passed every check.
            preserve::Found::Copied(copy) => {
                let tried = Store::open_locked(dir, &copy, lock, Opening::Check)
                    .map_err(|e| e.at_open(dir));
                let checked = tried.map(|(store, repaired)| (store.release(), repaired));
                preserve::discard(&copy);
                let (lock, repaired) = checked.map_err(|e| e.untouched())?;
                if repaired {
                    repair::set_snapshots_aside(dir, &sled_dir)?;
                }
                (lock, None)
            }
        };
        // From here sled writes: a kill before the next clean close must find no seal.
        preserve::unseal(dir).map_err(folder_error)?;
        Store::open_locked(dir, &sled_dir, lock, Opening::Live(sealed))
            .map(|(store, _)| store)
            .map_err(|e| e.at_open(dir))
    }

    /// Opens sled in `sled_dir` and checks it; returns whether its snapshots had to be
    /// set aside. `Opening::Check` writes nothing and does not use the journal.
    fn open_locked(
        dir: &Path,
        sled_dir: &Path,
        lock: lock::FolderLock,
        opening: Opening,
    ) -> StoreResult<(Store, bool)> {
        let (db, repaired) = match opening::open_sled(dir, sled_dir) {
            Err(StoreError::Damaged { .. }) if repair::has_snapshots(sled_dir) => {
                let aside = repair::aside_folder(dir, sled_dir, opening.is_check());
                (repair::open_without_snapshots(dir, sled_dir, &aside)?, true)
            }
            other => (other?, false),
        };
        let trees = TreeName::ALL
            .iter()
            .map(|t| db.open_tree(t.name()))
            .collect::<Result<Vec<_>, _>>()?;
        // Writable: on Windows, syncing a file (FlushFileBuffers) needs write access.
        let data_file = OpenOptions::new()
            .read(true)
            .write(true)
            .open(sled_dir.join("db"))?;
        let (seq, confirmed) = opening::check_sequence(dir, &trees[0])?;
        let journaled = match opening {
            Opening::Live(Some(sealed)) => Some(sealed),
            _ => journal::read_tail(dir),
        };
        opening::check_journal(dir, seq.0, journaled)?;
        // Records were confirmed here once: a missing schema version then means loss. A
        // kill in the very first start (nothing confirmed yet) leaves a new database.
        let existed = seq.0 > 0 || confirmed > 0 || opening::io_traces(dir, journaled);
        let journal = match opening {
            Opening::Live(_) => journal::Journal::open(dir, seq.0, journaled)?,
            Opening::Check => journal::Journal::detached(),
        };
        let journal_seen = match (opening, journaled) {
            (Opening::Live(_), Some(tail)) => preserve::journal_print(dir).ok().map(|p| (p, tail)),
            _ => None,
        };
        let mut store = Store {
            dir: dir.to_path_buf(),
            db,
            trees,
            data_file,
            desk: String::new(),
            faults: faults::Faults::default(),
            seq: std::sync::Mutex::new(seq),
            journal: std::sync::Mutex::new(journal),
            journal_seen,
            _lock: lock,
        };
        store.check_opened(sled_dir, opening, existed, repaired)?;
        let _ = folder::restrict_tree(sled_dir).and_then(|()| folder::restrict(sled_dir, true));
        Ok((store, repaired))
    }

    /// What is checked once sled is open: the schema, every record (on a copy with
    /// snapshots) or every reference (after a repair); a live store learns its desk.
    fn check_opened(
        &mut self,
        sled_dir: &Path,
        opening: Opening,
        existed: bool,
        repaired: bool,
    ) -> StoreResult<()> {
        self.check_schema(existed, opening)?;
        // sled trusts a snapshot and reads the pages it names only when asked: only a
        // copy that reads whole lets sled open the files themselves. (Without one,
        // sled's recovery has just read its whole log.)
        if opening.is_check() && repair::has_snapshots(sled_dir) {
            self.read_every_record()?;
        }
        if repaired {
            // Rebuilt from sled's log: every record must read and every reference resolve.
            self.check_integrity().map_err(|e| StoreError::Damaged {
                dir: self.dir.clone(),
                reason: Damage::Inconsistent(Box::new(e)),
                untouched: false,
            })?;
        }
        if !opening.is_check() {
            self.desk = self.desk_id()?;
            self.ensure_people_version()?;
            self.keep_enrolment_counts()?;
            self.roll_back_unfinished_imports()?;
        }
        Ok(())
    }

    /// Closes a store opened for a check and hands back the folder lock.
    fn release(self) -> lock::FolderLock {
        let Store {
            db, trees, _lock, ..
        } = self;
        drop(trees);
        drop(db);
        _lock
    }

    /// A clean close: flushes, waits for sled's threads to let go of its files, and
    /// records their fingerprint, so the next open need not copy them first, and the
    /// journal's tail, so it need not read the journal's last entry either.
    pub fn close(self) {
        let Store {
            dir,
            db,
            trees,
            data_file,
            journal,
            journal_seen,
            _lock,
            ..
        } = self;
        drop(journal);
        let tail = match (journal_seen, preserve::journal_print(&dir)) {
            (Some((seen, tail)), Ok(now)) if seen == now => Some(tail),
            // Written since it opened: read back once here rather than at the next open.
            _ => journal::read_tail(&dir),
        };
        let flushed = db.flush().is_ok() && data_file.sync_data().is_ok();
        drop(trees);
        drop(db);
        if flushed {
            preserve::seal(&dir, &dir.join("sled"), tail);
        }
        drop(_lock);
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// This database's desk id, written into every attendance event.
    pub fn desk(&self) -> &str {
        &self.desk
    }

    fn tree(&self, name: TreeName) -> &sled::Tree {
        &self.trees[name.index()]
    }

    /// Refuses a newer schema; writes the version into a new database. A database file
    /// that held records but has lost its version key has lost them: sled 0.34 reads a
    /// damaged log as "empty from here on", so this is how damage shows.
    fn check_schema(&self, existed: bool, opening: Opening) -> StoreResult<()> {
        let meta = self.tree(TreeName::Meta);
        match meta.get("schema_version")? {
            Some(bytes) => {
                let found = decode_u32(&bytes)?;
                if found > SCHEMA_VERSION {
                    return Err(StoreError::NewerSchema {
                        dir: self.dir.clone(),
                        found,
                        supported: SCHEMA_VERSION,
                    });
                }
                Ok(())
            }
            None if existed => Err(StoreError::Damaged {
                dir: self.dir.clone(),
                reason: Damage::NoSchema,
                untouched: false,
            }),
            // A copy opened for a check writes nothing; the real open writes the version.
            None if opening.is_check() => Ok(()),
            None => {
                let mut batch = Batch::default();
                let version = SCHEMA_VERSION.to_be_bytes().to_vec();
                batch.put(TreeName::Meta, "schema_version", version);
                Store::stage_counts_kept(&mut batch);
                self.commit(batch)
            }
        }
    }

    fn desk_id(&self) -> StoreResult<String> {
        if let Some(desk) = self.meta_get("desk")? {
            return Ok(desk);
        }
        let desk = format!("desk-{}", &ulid::Ulid::generate().to_string()[20..]);
        let mut batch = Batch::default();
        batch.put(TreeName::Meta, "desk", desk.clone().into_bytes());
        self.commit(batch)?;
        Ok(desk)
    }

    /// A small text value kept in the meta tree (e.g. the demo cohort's code).
    pub fn meta_get(&self, key: &str) -> StoreResult<Option<String>> {
        let value = self.tree(TreeName::Meta).get(key)?;
        Ok(value.map(|v| String::from_utf8_lossy(&v).into_owned()))
    }

    /// Adds the write of a small text value in the meta tree to `batch`.
    pub fn stage_meta(batch: &mut Batch, key: &str, value: &str) {
        batch.put(TreeName::Meta, key, value.as_bytes().to_vec());
    }
}

fn decode_u32(bytes: &[u8]) -> StoreResult<u32> {
    let array: [u8; 4] = bytes
        .try_into()
        .map_err(|_| StoreError::Corrupt("meta: schema_version".into()))?;
    Ok(u32::from_be_bytes(array))
}

#[cfg(test)]
mod enrolled_tests;
#[cfg(test)]
mod seal_tests;

#[cfg(test)]
mod tests {
    use super::TreeName;

    #[test]
    fn every_tree_sits_at_its_index() {
        for (i, tree) in TreeName::ALL.into_iter().enumerate() {
            assert_eq!(tree.index(), i, "{}", tree.name());
        }
    }
}
