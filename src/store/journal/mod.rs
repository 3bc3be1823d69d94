//! The journal: a second, plain copy of every commit after the one the newest automatic
//! backup holds (a backup then drops the entries it holds, rewrite.rs).
//! Each commit's records are appended to `lunxun.journal` and synced before the commit
//! is acknowledged, so if sled's files are ever damaged, the newest backup plus the
//! journal give back every acknowledged check-in (`lunxun restore` replays it).
//!
//! Format: a header (`LXJRNL01`, then the commit number the journal starts after, u64
//! big-endian), then one entry per commit: payload length (u32), CRC-32 of the payload
//! (u32), payload = commit number (u64), record count (u32), and per record the tree
//! (u8), key and value (each u32 length + bytes). A torn or damaged entry ends the
//! journal there: what follows cannot be trusted.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use super::trace::{self, Synced};
use super::{TreeName, folder};

mod format;
mod rewrite;

pub use format::read;
use format::{encode_entry, entry_at, header};

pub const FILE: &str = "lunxun.journal";
/// The journal being rewritten after a backup ([`Journal::drop_through`]), renamed over
/// [`FILE`] once whole; one left by a kill is removed at the next open.
const REWRITE: &str = "lunxun.journal.new";
const MAGIC: &[u8; 8] = b"LXJRNL01";
const HEADER: usize = 16;

pub type Put = (TreeName, Vec<u8>, Vec<u8>);

pub struct Journal {
    /// None for a store opened only to check a copy (see `Store::open`): it never writes.
    path: Option<PathBuf>,
    /// The open journal; None after a rewrite could not open it again (the next write
    /// tries again).
    file: Option<File>,
    /// Entries of commits sled holds but the journal does not yet (a failed flush or
    /// journal write): written before the next entry.
    pending: Vec<u8>,
    /// The number of the last commit staged (for the sync trace).
    staged: u64,
    /// The journal lacks commits sled holds from before this process (a kill between
    /// sled's flush and the journal's, or a journal write that failed for good).
    behind: bool,
}

/// One commit as journaled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub seq: u64,
    pub puts: Vec<Put>,
}

/// A journal as read back.
#[derive(Debug)]
pub struct Journaled {
    /// Commits up to this number are not in the journal (they are in a backup).
    pub base: u64,
    pub entries: Vec<Entry>,
    /// Commits whose entries are damaged but could be stepped over (media damage).
    pub skipped: Vec<u64>,
    /// Bytes after the last good entry (a torn or damaged end), if any.
    pub damaged_bytes: usize,
}

impl Journal {
    /// Opens the folder's journal for appending, its tail `found` already read (the
    /// store reads it once at start, for its own checks too). `held` is the last commit
    /// sled holds: a new journal starts after it, and one that ends before it is behind.
    pub fn open(dir: &Path, held: u64, found: Option<Tail>) -> std::io::Result<Journal> {
        let path = dir.join(FILE);
        // A rewrite cut short by a kill: the journal beside it is the one in use.
        let _ = std::fs::remove_file(dir.join(REWRITE));
        let file = open_file(&path)?;
        let mut journal = Journal {
            path: Some(path),
            file: Some(file),
            pending: Vec::new(),
            staged: 0,
            behind: false,
        };
        let Some(Tail { end, last }) = found else {
            // New, or cut short while restarting (a kill right after a backup): it starts
            // again after the commits the store holds, which no backup may hold yet.
            journal.restart(held)?;
            journal.behind = held > 0;
            return Ok(journal);
        };
        if end < journal.file()?.metadata()?.len() {
            // An entry torn by a kill belongs to a commit never acknowledged; left there,
            // it would hide every entry appended after it.
            let file = journal.file()?;
            file.set_len(end)?;
            file.sync_data()?;
        }
        // Behind: sled holds commits the journal lacks (a kill between the two flushes).
        // Ahead: sled lost commits a backup already holds (a failed flush before a clean
        // exit), so new commits would reuse their numbers. Either way a backup restarts it.
        journal.behind = last != held;
        Ok(journal)
    }

    /// A journal that refuses every write, for a store opened only to be checked.
    pub fn detached() -> Journal {
        Journal {
            path: None,
            file: None,
            pending: Vec::new(),
            staged: 0,
            behind: false,
        }
    }

    fn file(&mut self) -> std::io::Result<&mut File> {
        let Journal { path, file, .. } = self;
        reopened(path.as_deref(), file)
    }

    /// Whether the journal and sled disagree on the last commit (see [`Journal::open`]);
    /// a backup followed by [`Journal::drop_through`] makes it whole again.
    pub fn is_behind(&self) -> bool {
        self.behind
    }

    /// Queues one commit's records; [`Journal::write`] makes them durable.
    pub fn stage(&mut self, seq: u64, puts: &[Put]) {
        self.pending.extend_from_slice(&encode_entry(seq, puts));
        self.staged = seq;
    }

    /// Appends the queued entries and syncs them. On failure nothing half-written stays
    /// (it would hide every later entry) and the entries stay queued for the next try.
    /// `cut_short` (fault injection) writes half of them, then fails.
    pub fn write(&mut self, cut_short: bool) -> std::io::Result<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let Journal {
            path,
            file,
            pending,
            staged,
            ..
        } = self;
        let file = reopened(path.as_deref(), file)?;
        let before = file.seek(SeekFrom::End(0))?;
        let written = if cut_short {
            file.write_all(&pending[..pending.len() / 2])
                .and_then(|()| Err(std::io::Error::other("injected journal fault")))
        } else {
            file.write_all(pending)
                .and_then(|()| trace::sync_data(file, Synced::Journal, *staged))
        };
        match written {
            Ok(()) => pending.clear(),
            Err(_) => {
                let _ = file.set_len(before);
            }
        }
        written
    }

    /// Empties the journal once a backup holds every commit up to `seq`.
    pub fn restart(&mut self, seq: u64) -> std::io::Result<()> {
        let file = self.file()?;
        file.set_len(0)?;
        file.seek(SeekFrom::Start(0))?;
        file.write_all(&header(seq))?;
        file.sync_data()?;
        self.pending.clear();
        self.behind = false;
        Ok(())
    }
}

fn not_writable() -> std::io::Error {
    std::io::Error::other("a store opened for a check does not write")
}

/// Opens the journal for reading and writing, creating it. Not opened for appending: on
/// Windows an append-only handle cannot be cut back (set_len), so every write seeks to
/// the end itself.
fn open_file(path: &Path) -> std::io::Result<File> {
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .open(path)?;
    let _ = folder::restrict(path, false);
    Ok(file)
}

/// The open journal, opened again if a rewrite left it closed; an error for a journal
/// that never writes.
fn reopened<'a>(path: Option<&Path>, file: &'a mut Option<File>) -> std::io::Result<&'a mut File> {
    let path = path.ok_or_else(not_writable)?;
    if file.is_none() {
        *file = Some(open_file(path)?);
    }
    Ok(file.as_mut().expect("opened above"))
}

/// Where a journal's good entries end, and the last commit number it knows (its last
/// entry, else its header).
#[derive(Debug, Clone, Copy)]
pub struct Tail {
    pub end: u64,
    pub last: u64,
}

impl Tail {
    /// Whether it shows commits: a header after commit 1 or more, or entries.
    pub fn holds_commits(&self) -> bool {
        self.last > 0 || self.end > HEADER as u64
    }
}

/// The folder's journal's tail, read only; `None` without a readable journal.
pub fn read_tail(dir: &Path) -> Option<Tail> {
    let mut file = File::open(dir.join(FILE)).ok()?;
    match tail(&mut file) {
        Ok((end, Some(last))) => Some(Tail { end, last }),
        _ => None,
    }
}

/// Whether the folder's journal holds every commit since the folder was made (it was
/// never restarted by a backup): it alone can rebuild the folder.
pub fn holds_everything(dir: &Path) -> bool {
    let Ok(mut file) = File::open(dir.join(FILE)) else {
        return false;
    };
    let whole = matches!(base_of(&mut file), Ok(Some(0)));
    whole && read_tail(dir).is_some_and(|t| t.holds_commits())
}

/// The commit the journal starts after, from its header; `None` when the header is
/// missing or not a journal's.
fn base_of(file: &mut File) -> std::io::Result<Option<u64>> {
    let mut header = [0u8; HEADER];
    if file.metadata()?.len() < HEADER as u64 {
        return Ok(None);
    }
    read_at(file, 0, &mut header)?;
    let base = u64::from_be_bytes(header[8..].try_into().expect("8 bytes"));
    Ok((&header[..8] == MAGIC).then_some(base))
}

/// Where each whole entry starts (after the header), found by the entries' lengths
/// alone, and where the last of them ends.
fn entry_starts(file: &mut File) -> std::io::Result<(Vec<u64>, u64)> {
    let len = file.metadata()?.len();
    let mut starts = Vec::new();
    let mut at = HEADER as u64;
    let mut prefix = [0u8; 4];
    while at + 8 <= len {
        read_at(file, at, &mut prefix)?;
        let size = u64::from(u32::from_be_bytes(prefix));
        if at + 8 + size > len {
            break;
        }
        starts.push(at);
        at += 8 + size;
    }
    Ok((starts, at))
}

/// Where the last good entry ends and the last commit number in the journal (`None`
/// when the header is missing or wrong). Only the entries' lengths are read, and only
/// the last entry is checked in full: each earlier one was synced before the next was
/// written, so a kill can only have torn the last. The journal since the last backup
/// can hold a whole imported register, so reading all of it at every start would cost.
fn tail(file: &mut File) -> std::io::Result<(u64, Option<u64>)> {
    let Ok(Some(base)) = base_of(file) else {
        return Ok((0, None));
    };
    let (mut starts, mut at) = entry_starts(file)?;
    // From the end back: the last entry that reads in full, with its checksum.
    while let Some(start) = starts.pop() {
        let mut entry = vec![0u8; (at - start) as usize];
        read_at(file, start, &mut entry)?;
        if let Some((last, _)) = entry_at(&entry, 0) {
            return Ok((at, Some(last.seq)));
        }
        at = start;
    }
    Ok((HEADER as u64, Some(base)))
}

fn read_at(file: &mut File, at: u64, buf: &mut [u8]) -> std::io::Result<()> {
    file.seek(SeekFrom::Start(at))?;
    file.read_exact(buf)
}

#[cfg(test)]
mod tests;
