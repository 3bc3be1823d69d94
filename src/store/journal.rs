//! The journal: a second, plain copy of every commit since the last automatic backup.
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
use std::path::Path;

use super::{TreeName, folder};

pub const FILE: &str = "lunxun.journal";
const MAGIC: &[u8; 8] = b"LXJRNL01";
const HEADER: usize = 16;

pub type Put = (TreeName, Vec<u8>, Vec<u8>);

pub struct Journal {
    /// None for a store opened only to check a copy (see `Store::open`): it never writes.
    file: Option<File>,
    /// Entries of commits sled holds but the journal does not yet (a failed flush or
    /// journal write): written before the next entry.
    pending: Vec<u8>,
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
    /// Bytes after the last good entry (a torn or damaged end), if any.
    pub damaged_bytes: usize,
}

impl Journal {
    /// Opens the folder's journal for appending. `held` is the last commit sled holds:
    /// a new journal starts after it, and one that ends before it is behind.
    pub fn open(dir: &Path, held: u64) -> std::io::Result<Journal> {
        let path = dir.join(FILE);
        let mut file = OpenOptions::new()
            .create(true)
            .append(true)
            .read(true)
            .open(&path)?;
        let _ = folder::restrict(&path, false);
        let (good, last) = tail(&mut file)?;
        let mut journal = Journal {
            file: Some(file),
            pending: Vec::new(),
            behind: false,
        };
        let Some(last) = last else {
            // New, or cut short while restarting (a kill right after a backup): it starts
            // again after the commits the store holds.
            journal.restart(held)?;
            return Ok(journal);
        };
        if good < journal.file()?.metadata()?.len() {
            // An entry torn by a kill belongs to a commit never acknowledged; left there,
            // it would hide every entry appended after it.
            let file = journal.file()?;
            file.set_len(good)?;
            file.sync_data()?;
        }
        journal.behind = last < held;
        Ok(journal)
    }

    /// A journal that refuses every write, for a store opened only to be checked.
    pub fn detached() -> Journal {
        Journal {
            file: None,
            pending: Vec::new(),
            behind: false,
        }
    }

    fn file(&mut self) -> std::io::Result<&mut File> {
        self.file
            .as_mut()
            .ok_or_else(|| std::io::Error::other("a store opened for a check does not write"))
    }

    /// Whether the journal lacks commits that sled holds (see [`Journal::open`]); a
    /// backup followed by [`Journal::restart`] makes it whole again.
    pub fn is_behind(&self) -> bool {
        self.behind
    }

    /// Queues one commit's records; [`Journal::write`] makes them durable.
    pub fn stage(&mut self, seq: u64, puts: &[Put]) {
        let payload = encode(seq, puts);
        self.pending
            .extend_from_slice(&(payload.len() as u32).to_be_bytes());
        self.pending
            .extend_from_slice(&crc32fast::hash(&payload).to_be_bytes());
        self.pending.extend_from_slice(&payload);
    }

    /// Appends the queued entries and syncs them. On failure nothing half-written stays
    /// (it would hide every later entry) and the entries stay queued for the next try.
    /// `cut_short` (fault injection) writes half of them, then fails.
    pub fn write(&mut self, cut_short: bool) -> std::io::Result<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let Journal { file, pending, .. } = self;
        let file = file
            .as_mut()
            .ok_or_else(|| std::io::Error::other("a store opened for a check does not write"))?;
        let before = file.metadata()?.len();
        let written = if cut_short {
            file.write_all(&pending[..pending.len() / 2])
                .and_then(|()| Err(std::io::Error::other("injected journal fault")))
        } else {
            file.write_all(pending).and_then(|()| file.sync_data())
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
        file.write_all(&header(seq))?;
        file.sync_data()?;
        self.pending.clear();
        self.behind = false;
        Ok(())
    }
}

fn header(seq: u64) -> [u8; HEADER] {
    let mut out = [0u8; HEADER];
    out[..8].copy_from_slice(MAGIC);
    out[8..].copy_from_slice(&seq.to_be_bytes());
    out
}

fn encode(seq: u64, puts: &[Put]) -> Vec<u8> {
    let size: usize = puts.iter().map(|(_, k, v)| 9 + k.len() + v.len()).sum();
    let mut out = Vec::with_capacity(12 + size);
    out.extend_from_slice(&seq.to_be_bytes());
    out.extend_from_slice(&(puts.len() as u32).to_be_bytes());
    for (tree, key, value) in puts {
        out.push(tree.index() as u8);
        for bytes in [key, value] {
            out.extend_from_slice(&(bytes.len() as u32).to_be_bytes());
            out.extend_from_slice(bytes);
        }
    }
    out
}

/// Reads a journal file; `None` when the file is not a journal.
pub fn read(path: &Path) -> std::io::Result<Option<Journaled>> {
    let mut bytes = Vec::new();
    File::open(path)?.read_to_end(&mut bytes)?;
    if bytes.len() < HEADER || &bytes[..8] != MAGIC {
        return Ok(None);
    }
    let base = u64::from_be_bytes(bytes[8..16].try_into().expect("8 bytes"));
    let mut at = HEADER;
    let mut entries = Vec::new();
    while let Some((entry, next)) = entry_at(&bytes, at) {
        entries.push(entry);
        at = next;
    }
    Ok(Some(Journaled {
        base,
        entries,
        damaged_bytes: bytes.len() - at,
    }))
}

/// Where the last good entry ends and the last commit number in the journal (`None`
/// when the header is missing or wrong). Only the entries' lengths are read, and only
/// the last entry is checked in full: each earlier one was synced before the next was
/// written, so a kill can only have torn the last. The journal since the last backup
/// can hold a whole imported register, so reading all of it at every start would cost.
fn tail(file: &mut File) -> std::io::Result<(u64, Option<u64>)> {
    let len = file.metadata()?.len();
    let mut header = [0u8; HEADER];
    if len < HEADER as u64 || read_at(file, 0, &mut header).is_err() || &header[..8] != MAGIC {
        return Ok((0, None));
    }
    let base = u64::from_be_bytes(header[8..].try_into().expect("8 bytes"));
    let mut starts = Vec::new();
    let mut at = HEADER as u64;
    let mut prefix = [0u8; 8];
    while at + 8 <= len {
        read_at(file, at, &mut prefix)?;
        let size = u64::from(u32::from_be_bytes(prefix[..4].try_into().expect("4 bytes")));
        if at + 8 + size > len {
            break;
        }
        starts.push(at);
        at += 8 + size;
    }
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

fn entry_at(bytes: &[u8], at: usize) -> Option<(Entry, usize)> {
    let len = u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?) as usize;
    let crc = u32::from_be_bytes(bytes.get(at + 4..at + 8)?.try_into().ok()?);
    let payload = bytes.get(at + 8..(at + 8).checked_add(len)?)?;
    if crc32fast::hash(payload) != crc {
        return None;
    }
    Some((decode(payload)?, at + 8 + len))
}

fn decode(payload: &[u8]) -> Option<Entry> {
    let mut cursor = Cursor { bytes: payload };
    let seq = u64::from_be_bytes(cursor.take(8)?.try_into().ok()?);
    let count = u32::from_be_bytes(cursor.take(4)?.try_into().ok()?);
    let mut puts = Vec::new();
    for _ in 0..count {
        let tree = *TreeName::ALL.get(usize::from(cursor.take(1)?[0]))?;
        let key = cursor.sized()?.to_vec();
        let value = cursor.sized()?.to_vec();
        puts.push((tree, key, value));
    }
    cursor.bytes.is_empty().then_some(Entry { seq, puts })
}

struct Cursor<'a> {
    bytes: &'a [u8],
}

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if self.bytes.len() < n {
            return None;
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Some(head)
    }

    fn sized(&mut self) -> Option<&'a [u8]> {
        let len = u32::from_be_bytes(self.take(4)?.try_into().ok()?) as usize;
        self.take(len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn append(journal: &mut Journal, seq: u64, puts: &[Put]) {
        journal.stage(seq, puts);
        journal.write(false).unwrap();
    }

    #[test]
    fn a_failed_write_leaves_nothing_half_written_and_is_written_next_time() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE);
        let mut journal = Journal::open(dir.path(), 0).unwrap();
        append(&mut journal, 1, &puts());
        journal.stage(2, &puts());
        assert!(journal.write(true).is_err());
        let after_failure = read(&path).unwrap().unwrap();
        assert_eq!(after_failure.entries.len(), 1);
        assert_eq!(after_failure.damaged_bytes, 0, "the half entry was cut off");
        append(&mut journal, 3, &puts());
        let seqs: Vec<u64> = read(&path)
            .unwrap()
            .unwrap()
            .entries
            .iter()
            .map(|e| e.seq)
            .collect();
        assert_eq!(seqs, [1, 2, 3], "the failed entry went out first");
    }

    #[test]
    fn a_journal_that_ends_before_the_store_is_behind_until_restarted() {
        let dir = tempfile::tempdir().unwrap();
        let mut journal = Journal::open(dir.path(), 0).unwrap();
        append(&mut journal, 1, &puts());
        drop(journal);
        assert!(!Journal::open(dir.path(), 1).unwrap().is_behind());
        let mut journal = Journal::open(dir.path(), 2).unwrap();
        assert!(
            journal.is_behind(),
            "commit 2 is in sled, not in the journal"
        );
        journal.restart(2).unwrap();
        assert!(!journal.is_behind());
        drop(journal);
        assert!(!Journal::open(dir.path(), 2).unwrap().is_behind());
    }

    fn puts() -> Vec<Put> {
        vec![
            (TreeName::Events, b"e1".to_vec(), b"{\"x\":1}".to_vec()),
            (TreeName::People, b"p1".to_vec(), vec![0, 1, 2, 255]),
        ]
    }

    #[test]
    fn entries_read_back_and_a_torn_end_is_cut_off() {
        let dir = tempfile::tempdir().unwrap();
        let mut journal = Journal::open(dir.path(), 7).unwrap();
        append(&mut journal, 8, &puts());
        append(&mut journal, 9, &puts()[..1]);
        let read_back = read(&dir.path().join(FILE)).unwrap().unwrap();
        assert_eq!(read_back.base, 7);
        assert_eq!(read_back.entries.len(), 2);
        assert_eq!(read_back.entries[0].puts, puts());
        assert_eq!(read_back.damaged_bytes, 0);
        // A torn last entry, then a flipped byte inside the first.
        let path = dir.path().join(FILE);
        let mut bytes = std::fs::read(&path).unwrap();
        bytes.truncate(bytes.len() - 3);
        std::fs::write(&path, &bytes).unwrap();
        let torn = read(&path).unwrap().unwrap();
        assert_eq!(torn.entries.len(), 1);
        assert!(torn.damaged_bytes > 0);
        bytes[HEADER + 12] ^= 1;
        std::fs::write(&path, &bytes).unwrap();
        assert!(read(&path).unwrap().unwrap().entries.is_empty());
    }

    #[test]
    fn a_torn_end_is_cut_off_on_open_so_later_entries_stay_readable() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE);
        let mut journal = Journal::open(dir.path(), 0).unwrap();
        append(&mut journal, 1, &puts());
        append(&mut journal, 2, &puts());
        drop(journal);
        let len = std::fs::metadata(&path).unwrap().len();
        let file = OpenOptions::new().write(true).open(&path).unwrap();
        file.set_len(len - 5).unwrap();
        let mut journal = Journal::open(dir.path(), 2).unwrap();
        assert!(
            journal.is_behind(),
            "entry 2 was torn off: the journal ends at 1"
        );
        append(&mut journal, 3, &puts());
        let read_back = read(&path).unwrap().unwrap();
        let seqs: Vec<u64> = read_back.entries.iter().map(|e| e.seq).collect();
        assert_eq!(seqs, [1, 3]);
        assert_eq!(read_back.damaged_bytes, 0);
        // A torn entry after good ones: the last good one gives the number.
        append(&mut journal, 4, &puts());
        drop(journal);
        let len = std::fs::metadata(&path).unwrap().len();
        let file = OpenOptions::new().write(true).open(&path).unwrap();
        file.set_len(len - 1).unwrap();
        assert!(!Journal::open(dir.path(), 3).unwrap().is_behind());
        assert!(
            std::fs::metadata(&path).unwrap().len() < len - 1,
            "the torn entry is cut off"
        );
    }

    #[test]
    fn a_restart_empties_it_and_a_reopen_keeps_it() {
        let dir = tempfile::tempdir().unwrap();
        let mut journal = Journal::open(dir.path(), 0).unwrap();
        append(&mut journal, 1, &puts());
        drop(journal);
        let mut journal = Journal::open(dir.path(), 99).unwrap();
        let path = dir.path().join(FILE);
        assert_eq!(read(&path).unwrap().unwrap().base, 0, "kept on reopen");
        journal.restart(1).unwrap();
        append(&mut journal, 2, &puts());
        let read_back = read(&path).unwrap().unwrap();
        assert_eq!(read_back.base, 1);
        assert_eq!(read_back.entries.len(), 1);
        assert_eq!(read_back.entries[0].seq, 2);
        std::fs::write(&path, b"not a journal").unwrap();
        assert!(read(&path).unwrap().is_none());
        // Opened again, a file that is not a journal starts over after the store's commits.
        drop(journal);
        Journal::open(dir.path(), 5).unwrap();
        let restarted = read(&path).unwrap().unwrap();
        assert_eq!((restarted.base, restarted.entries.len()), (5, 0));
    }
}
