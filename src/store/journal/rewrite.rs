//! Rewriting the journal once a backup holds its first commits: the entries after the
//! backup's commit are copied into a new journal beside the old one, which is synced
//! and renamed over it.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::Path;

use super::format::header;
use super::{Journal, REWRITE, base_of, entry_starts, folder, not_writable, open_file, read_at};

impl Journal {
    /// Drops the entries of commits up to `seq`, which a backup now holds, and keeps
    /// those after it (commits made while the backup was written). The journal is
    /// written anew beside (header `seq`, then the kept entries), synced, and renamed
    /// over the old one, and the folder synced: a kill at any moment leaves the old
    /// journal or the new one, each whole. Entries still queued stay queued (they come
    /// after `seq`: the caller made every earlier one durable first).
    pub fn drop_through(&mut self, seq: u64) -> std::io::Result<()> {
        let path = self.path.clone().ok_or_else(not_writable)?;
        let file = self.file()?;
        if base_of(file)?.unwrap_or(0) >= seq {
            // It already starts there or later (made anew at open, or a newer backup
            // dropped more): nothing to drop, and the backup holds what it lacks.
            self.behind = false;
            return Ok(());
        }
        let kept = entries_after(file, seq)?;
        let fresh = path.with_file_name(REWRITE);
        let written = write_synced(&fresh, &[&header(seq), &kept]);
        if let Err(e) = written {
            let _ = std::fs::remove_file(&fresh);
            return Err(e);
        }
        stopped_for_test(RewriteStep::Written)?;
        // Closed first: Windows does not rename over a file open in this process.
        self.file = None;
        if let Err(e) = std::fs::rename(&fresh, &path) {
            let _ = std::fs::remove_file(&fresh);
            return Err(e);
        }
        stopped_for_test(RewriteStep::Renamed)?;
        if let Some(dir) = path.parent() {
            sync_folder(dir)?;
        }
        self.file = Some(open_file(&path)?);
        self.behind = false;
        Ok(())
    }
}

/// A new private file holding `parts`, synced.
fn write_synced(path: &Path, parts: &[&[u8]]) -> std::io::Result<()> {
    let mut file = OpenOptions::new()
        .create(true)
        .truncate(true)
        .write(true)
        .open(path)?;
    let _ = folder::restrict(path, false);
    for part in parts {
        file.write_all(part)?;
    }
    file.sync_all()
}

/// Makes a rename in `dir` durable (on some file systems it is not until the folder is
/// synced).
#[cfg(unix)]
fn sync_folder(dir: &Path) -> std::io::Result<()> {
    File::open(dir)?.sync_all()
}

/// On Windows std cannot open a folder to sync it; NTFS logs the rename itself.
#[cfg(not(unix))]
fn sync_folder(_dir: &Path) -> std::io::Result<()> {
    Ok(())
}

/// The bytes of the whole entries of commits after `seq`. Only each entry's length, and
/// commit numbers until the first one after `seq`, are read; entries are in commit order.
fn entries_after(file: &mut File, seq: u64) -> std::io::Result<Vec<u8>> {
    let (starts, end) = entry_starts(file)?;
    let mut start = None;
    let mut number = [0u8; 8];
    for (i, &at) in starts.iter().enumerate() {
        // An entry too short to hold a commit number is damage, not a commit: passed over.
        let next = starts.get(i + 1).copied().unwrap_or(end);
        if next < at + 16 {
            continue;
        }
        read_at(file, at + 8, &mut number)?;
        if u64::from_be_bytes(number) > seq {
            start = Some(at);
            break;
        }
    }
    let Some(start) = start else {
        return Ok(Vec::new());
    };
    let mut kept = vec![0u8; (end - start) as usize];
    read_at(file, start, &mut kept)?;
    Ok(kept)
}

/// Where a test can stop a rewrite as a kill would (see `stop_rewrite_at`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum RewriteStep {
    /// The new journal is written and synced beside the old one.
    Written,
    /// The new journal has replaced the old one; the folder is not synced yet.
    Renamed,
}

#[cfg(test)]
thread_local! {
    static STOP: std::cell::Cell<Option<RewriteStep>> = const { std::cell::Cell::new(None) };
}

/// Test aid: rewrites on this thread stop at `step` (with an error, touching nothing
/// more), leaving the files as a kill there would.
#[cfg(test)]
pub(super) fn stop_rewrite_at(step: Option<RewriteStep>) {
    STOP.with(|s| s.set(step));
}

fn stopped_for_test(step: RewriteStep) -> std::io::Result<()> {
    #[cfg(test)]
    if STOP.with(|s| s.get()) == Some(step) {
        return Err(std::io::Error::other(format!("stopped at {step:?}")));
    }
    let _ = step;
    Ok(())
}
