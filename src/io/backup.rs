//! Backup files: written atomically (mode 0600) into `<data folder>/backups/`, the last
//! ten kept; and read back for `restore`. An automatic backup copies the records under
//! the commit lock and can be written in the background ([`start`]): commits go on
//! meanwhile, and the journal then drops only the commits the backup holds.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Arc, mpsc};

use chrono::{DateTime, FixedOffset};

use crate::store::{Backup, Snapshot, Store, StoreError};
use crate::text::{Backups, Lang};
use crate::tr;

/// How many automatic backups the data folder keeps.
pub const KEEP: usize = 10;

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("{path}: {source}")]
    File {
        path: PathBuf,
        source: std::io::Error,
    },
    /// Where reading stopped; never serde's own words, which can quote a record (a
    /// phone number, an ID number) from the file.
    #[error("{path} is not a lunxun backup (unreadable at line {line}, column {column})")]
    NotABackup {
        path: PathBuf,
        line: usize,
        column: usize,
    },
}

impl BackupError {
    /// What a person is told, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            BackupError::Store(e) => e.message(lang),
            BackupError::File { path, source } => tr!(
                lang,
                Backups::BackupFile,
                path = path.display(),
                reason = source
            ),
            BackupError::NotABackup { path, line, column } => tr!(
                lang,
                Backups::BackupNotABackup,
                path = path.display(),
                line = line,
                column = column
            ),
        }
    }
}

pub fn folder(data_dir: &Path) -> PathBuf {
    data_dir.join("backups")
}

/// Exports the store to `path` (atomically, private).
pub fn write(
    store: &Store,
    path: &Path,
    now: DateTime<FixedOffset>,
) -> Result<Backup, BackupError> {
    write_snapshot(&store.snapshot()?, path, now)
}

fn write_snapshot(
    snapshot: &Snapshot,
    path: &Path,
    now: DateTime<FixedOffset>,
) -> Result<Backup, BackupError> {
    let backup = snapshot.to_backup(&now.to_rfc3339())?;
    let bytes = serde_json::to_vec_pretty(&backup).expect("backups serialise");
    super::write_atomic(path, &bytes).map_err(|source| BackupError::File {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(backup)
}

/// Writes a timestamped backup into the data folder's `backups/`, keeps the last ten,
/// and drops from the journal what the backup holds; returns when all that is done.
pub fn automatic(store: &Store, now: DateTime<FixedOffset>) -> Result<PathBuf, BackupError> {
    let path = prepare(store, now)?;
    make(store, &path, now, |_| {})?;
    Ok(path)
}

/// An automatic backup being made by a thread of its own (see [`start`]).
pub struct Writing {
    path: PathBuf,
    /// The commit number of the copy, sent once it is taken.
    copied: mpsc::Receiver<u64>,
    seq: Option<u64>,
    thread: std::thread::JoinHandle<Result<(), BackupError>>,
}

/// Starts an automatic backup in the background: a thread copies every record under
/// the commit lock (see `Store::snapshot`; a commit meanwhile waits for the copy, the
/// caller does not), writes the file while commits go on, and drops from the journal
/// the commits the copy holds. The backups folder and the name are made first, here.
pub fn start(store: &Arc<Store>, now: DateTime<FixedOffset>) -> Result<Writing, BackupError> {
    start_held(store, now, None)
}

/// Test aid: [`start`], with the thread waiting for `hold` (a message or its sender
/// dropped) once the records are copied, before it writes anything.
#[doc(hidden)]
pub fn start_held(
    store: &Arc<Store>,
    now: DateTime<FixedOffset>,
    hold: Option<mpsc::Receiver<()>>,
) -> Result<Writing, BackupError> {
    let path = prepare(store, now)?;
    let (to, store) = (path.clone(), Arc::clone(store));
    let (copied_tx, copied) = mpsc::channel();
    let thread = std::thread::Builder::new()
        .name("lunxun-backup".into())
        .spawn(move || {
            make(&store, &to, now, |seq| {
                let _ = copied_tx.send(seq);
                if let Some(hold) = hold {
                    let _ = hold.recv();
                }
            })
        })
        .map_err(|source| BackupError::File {
            path: path.clone(),
            source,
        })?;
    Ok(Writing {
        path,
        copied,
        seq: None,
        thread,
    })
}

impl Writing {
    /// Where the backup is being written.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The number of the last commit it holds; waits for the copy to be taken (`None`
    /// if it failed).
    pub fn seq(&mut self) -> Option<u64> {
        if self.seq.is_none() {
            self.seq = self.copied.recv().ok();
        }
        self.seq
    }

    /// Whether it is done (or failed): [`Writing::finish`] will not wait.
    pub fn is_finished(&self) -> bool {
        self.thread.is_finished()
    }

    /// Waits until the file is written and the journal has dropped what it holds. On a
    /// failure the journal keeps every commit the backup may lack, so the previous
    /// backup and the journal still give back every commit.
    pub fn finish(self) -> Result<PathBuf, BackupError> {
        let done = self.thread.join().unwrap_or_else(|_| {
            Err(BackupError::File {
                path: self.path.clone(),
                source: std::io::Error::other("the backup stopped unexpectedly"),
            })
        });
        done.map(|()| self.path)
    }
}

/// The backups folder made (private), and the new backup's name.
fn prepare(store: &Store, now: DateTime<FixedOffset>) -> Result<PathBuf, BackupError> {
    let dir = folder(store.dir());
    let wrap = |source| BackupError::File {
        path: dir.clone(),
        source,
    };
    fs::create_dir_all(&dir).map_err(wrap)?;
    // Every time, not only when made: a folder loosened since is tightened again.
    crate::store::restrict_path(&dir, true).map_err(wrap)?;
    let existing = backups_in(&dir).map_err(wrap)?;
    let stem = format!("lunxun-{}", now.format("%Y%m%d-%H%M%S%.3f"));
    Ok(dir.join(next_name(&stem, existing.last())))
}

/// An automatic backup, at `path`: copies the records (then tells `copied` the copy's
/// commit number), writes the file (atomically, synced), prunes the folder, and only
/// then drops from the journal the commits the file holds.
fn make(
    store: &Store,
    path: &Path,
    now: DateTime<FixedOffset>,
    copied: impl FnOnce(u64),
) -> Result<(), BackupError> {
    let snapshot = store.snapshot()?;
    copied(snapshot.seq());
    write_snapshot(&snapshot, path, now)?;
    let dir = path.parent().unwrap_or(Path::new("."));
    prune(dir, KEEP).map_err(|source| BackupError::File {
        path: dir.to_path_buf(),
        source,
    })?;
    store.drop_journal_through(snapshot.seq())?;
    Ok(())
}

/// The automatic backups in `dir` (a data folder's [`folder`]), oldest first (their names
/// sort in the order made).
pub fn backups_in(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut names: Vec<PathBuf> = fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("lunxun-"))
        })
        .collect();
    names.sort();
    Ok(names)
}

/// `stem.json` from the clock, unless that would not sort after the newest backup (two
/// in one millisecond with a fixed clock, `LUNXUN_NOW`, or a clock set back): then the
/// newest one's name with the next `_NN`. `_` sorts after `.`, so names keep the order
/// made, and pruning can never take the backup just written for an old one.
fn next_name(stem: &str, newest: Option<&PathBuf>) -> String {
    let name = format!("{stem}.json");
    let Some(newest) = newest
        .and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy())
    else {
        return name;
    };
    if name.as_str() > newest.as_ref() {
        return name;
    }
    let newest = newest.trim_end_matches(".json");
    let (base, n) = match newest.rsplit_once('_') {
        Some((base, n)) if n.len() == 2 && n.chars().all(|c| c.is_ascii_digit()) => {
            (base, n.parse::<u32>().unwrap_or(0))
        }
        _ => (newest, 0),
    };
    format!("{base}_{:02}.json", n + 1)
}

/// Deletes all but the newest `keep` backups (names sort by time), and half-written
/// ones left by a process killed while writing (`.lunxun-….tmp-PID`; only one lunxun
/// uses the folder at a time, so none is being written now).
fn prune(dir: &Path, keep: usize) -> std::io::Result<()> {
    for entry in fs::read_dir(dir)?.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with(".lunxun-") && name.contains(".tmp-") {
            let _ = fs::remove_file(entry.path());
        }
    }
    let names = backups_in(dir)?;
    let excess = names.len().saturating_sub(keep);
    for old in &names[..excess] {
        fs::remove_file(old)?;
    }
    Ok(())
}

pub fn read(path: &Path) -> Result<Backup, BackupError> {
    let bytes = fs::read(path).map_err(|source| BackupError::File {
        path: path.to_path_buf(),
        source,
    })?;
    serde_json::from_slice(&bytes).map_err(|e| BackupError::NotABackup {
        path: path.to_path_buf(),
        line: e.line(),
        column: e.column(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has_cjk(s: &str) -> bool {
        s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    }

    #[test]
    fn a_file_that_is_no_backup_is_told_in_each_language_without_quoting_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.json");
        fs::write(&path, r#"{"trees": {"people": "13812345678"}}"#).unwrap();
        let error = read(&path).unwrap_err();
        let (zh, en) = (error.message(Lang::Zh), error.message(Lang::En));
        assert!(has_cjk(&zh) && zh.contains("不是 lunxun 备份文件"), "{zh}");
        assert!(
            en.contains("is not a lunxun backup") && !has_cjk(&en),
            "{en}"
        );
        for text in [zh, en, error.to_string()] {
            assert!(!text.contains("13812345678"), "{text}");
        }
        let missing = read(&dir.path().join("none.json")).unwrap_err();
        assert!(missing.message(Lang::Zh).starts_with("无法读写备份文件"));
        assert!(
            missing
                .message(Lang::En)
                .starts_with("cannot read or write the backup")
        );
    }

    #[test]
    fn names_always_sort_after_the_newest_backup() {
        let newest = |name: &str| Some(PathBuf::from(format!("/b/{name}")));
        let stem = "lunxun-20150316-083500.000";
        assert_eq!(next_name(stem, None), format!("{stem}.json"));
        let before = newest(&format!("{stem}.json"));
        let later = next_name("lunxun-20150316-090000.000", before.as_ref());
        assert_eq!(later, "lunxun-20150316-090000.000.json");
        assert_eq!(
            next_name(stem, newest(&format!("{stem}.json")).as_ref()),
            format!("{stem}_01.json")
        );
        assert_eq!(
            next_name(stem, newest(&format!("{stem}_09.json")).as_ref()),
            format!("{stem}_10.json")
        );
        // A clock set back a day: still after the newest.
        assert_eq!(
            next_name(
                "lunxun-20150315-083500.000",
                newest(&format!("{stem}.json")).as_ref()
            ),
            format!("{stem}_01.json")
        );
    }
}
