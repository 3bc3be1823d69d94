//! Rewriting the journal once a backup holds its first commits: the entries after the
//! backup's commit are copied into a new journal beside the old one, which is synced
//! and renamed over it.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::Path;

use super::format::header;
use super::{HEADER, Journal, REWRITE, folder, not_writable, open_file, read_at};

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
        if base_of(file)? >= seq {
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

/// The commit the journal starts after, from its header.
fn base_of(file: &mut File) -> std::io::Result<u64> {
    let mut header = [0u8; HEADER];
    read_at(file, 0, &mut header)?;
    Ok(u64::from_be_bytes(header[8..].try_into().expect("8 bytes")))
}

/// The bytes of the whole entries of commits after `seq`. Only each entry's length and
/// commit number are read until the first one after `seq`; entries are in commit order.
fn entries_after(file: &mut File, seq: u64) -> std::io::Result<Vec<u8>> {
    let len = file.metadata()?.len();
    let mut at = HEADER as u64;
    let mut start = None;
    let mut prefix = [0u8; 16];
    while at + 16 <= len {
        read_at(file, at, &mut prefix)?;
        let size = u64::from(u32::from_be_bytes(prefix[..4].try_into().expect("4 bytes")));
        let entry_seq = u64::from_be_bytes(prefix[8..].try_into().expect("8 bytes"));
        if at + 8 + size > len {
            break;
        }
        if start.is_none() && entry_seq > seq {
            start = Some(at);
        }
        at += 8 + size;
    }
    let Some(start) = start else {
        return Ok(Vec::new());
    };
    let mut kept = vec![0u8; (at - start) as usize];
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
