//! Backup files: written atomically (mode 0600) into `<data folder>/backups/`, the last
//! ten kept; and read back for `restore`.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};

use crate::store::{Backup, Store, StoreError};

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
    #[error("{path} is not a lunxun backup: {reason}")]
    NotABackup { path: PathBuf, reason: String },
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
    let backup = store.backup(&now.to_rfc3339())?;
    let bytes = serde_json::to_vec_pretty(&backup).expect("backups serialise");
    super::write_atomic(path, &bytes).map_err(|source| BackupError::File {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(backup)
}

/// Writes a timestamped backup into the data folder's `backups/` and keeps the last ten.
pub fn automatic(store: &Store, now: DateTime<FixedOffset>) -> Result<PathBuf, BackupError> {
    let dir = folder(store.dir());
    let wrap = |source| BackupError::File {
        path: dir.clone(),
        source,
    };
    fs::create_dir_all(&dir).map_err(wrap)?;
    // Every time, not only when made: a folder loosened since is tightened again.
    crate::store::restrict_path(&dir, true).map_err(wrap)?;
    let path = free_name(&dir, &format!("lunxun-{}", now.format("%Y%m%d-%H%M%S%.3f")));
    let covered = store.commit_seq();
    write(store, &path, now)?;
    // The backup holds every commit so far: the journal starts again after it.
    store.restart_journal(covered)?;
    prune(&dir, KEEP).map_err(wrap)?;
    Ok(path)
}

/// `stem.json`, or `stem_01.json`, … when two backups fall in one millisecond (a fixed
/// clock, `LUNXUN_NOW`); `_` sorts after `.`, so names still sort by time.
fn free_name(dir: &Path, stem: &str) -> PathBuf {
    let first = dir.join(format!("{stem}.json"));
    if !first.exists() {
        return first;
    }
    (1u32..)
        .map(|n| dir.join(format!("{stem}_{n:02}.json")))
        .find(|p| !p.exists())
        .expect("a free name")
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
    let mut names: Vec<PathBuf> = fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("lunxun-"))
        })
        .collect();
    names.sort();
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
        reason: e.to_string(),
    })
}
