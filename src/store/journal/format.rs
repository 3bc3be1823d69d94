//! The journal's bytes: the header, entries (length, CRC-32, payload) and their payloads.
//! A record is a put (tree index, key, value) or, since removals (an unfinished import
//! rolled back), a removal: the tree index with its high bit set, then the key alone.
//! Journals written before removals existed read as they always did.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use super::super::{REMOVED, is_removal};
use super::{Entry, HEADER, Journaled, MAGIC, Put, TreeName};

/// The high bit of a record's tree byte: the record removes its key.
const REMOVAL: u8 = 0x80;

pub(super) fn header(seq: u64) -> [u8; HEADER] {
    let mut out = [0u8; HEADER];
    out[..8].copy_from_slice(MAGIC);
    out[8..].copy_from_slice(&seq.to_be_bytes());
    out
}

/// One entry: payload length, CRC-32 of the payload, payload.
pub(super) fn encode_entry(seq: u64, puts: &[Put]) -> Vec<u8> {
    let payload = encode(seq, puts);
    let mut entry = Vec::with_capacity(payload.len() + 8);
    entry.extend_from_slice(&(payload.len() as u32).to_be_bytes());
    entry.extend_from_slice(&crc32fast::hash(&payload).to_be_bytes());
    entry.extend_from_slice(&payload);
    entry
}

fn encode(seq: u64, puts: &[Put]) -> Vec<u8> {
    let size: usize = puts.iter().map(|(_, k, v)| 9 + k.len() + v.len()).sum();
    let mut out = Vec::with_capacity(12 + size);
    out.extend_from_slice(&seq.to_be_bytes());
    out.extend_from_slice(&(puts.len() as u32).to_be_bytes());
    for (tree, key, value) in puts {
        let removal = is_removal(value);
        out.push(tree.index() as u8 | if removal { REMOVAL } else { 0 });
        let sized: &[&Vec<u8>] = if removal { &[key] } else { &[key, value] };
        for bytes in sized {
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
    let mut entries: Vec<Entry> = Vec::new();
    let mut skipped = Vec::new();
    loop {
        if let Some((entry, next)) = entry_at(&bytes, at) {
            entries.push(entry);
            at = next;
            continue;
        }
        // A damaged entry whose length still leads to a good entry (or the very end):
        // only that commit is lost, and it is named.
        match skip_at(&bytes, at) {
            Some(next) => {
                skipped.push(entries.last().map_or(base, |e| e.seq) + 1);
                at = next;
            }
            None => break,
        }
    }
    Ok(Some(Journaled {
        base,
        entries,
        skipped,
        damaged_bytes: bytes.len() - at,
    }))
}

/// Where the entry at `at` ends, if its length field leads to another good entry or to
/// the end of the journal exactly.
fn skip_at(bytes: &[u8], at: usize) -> Option<usize> {
    let len = u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?) as usize;
    let next = (at + 8).checked_add(len)?;
    let lands = next == bytes.len() || entry_at(bytes, next).is_some();
    (next <= bytes.len() && lands).then_some(next)
}

pub(super) fn entry_at(bytes: &[u8], at: usize) -> Option<(Entry, usize)> {
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
        let kind = cursor.take(1)?[0];
        let tree = *TreeName::ALL.get(usize::from(kind & !REMOVAL))?;
        let key = cursor.sized()?.to_vec();
        let value = if kind & REMOVAL != 0 {
            REMOVED.to_vec()
        } else {
            cursor.sized()?.to_vec()
        };
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

    /// A removal is written as its own record kind (the key alone) and reads back as a
    /// removal; puts around it read back as they were.
    #[test]
    fn a_removal_round_trips_beside_puts() {
        let puts: Vec<Put> = vec![
            (TreeName::People, b"01A".to_vec(), b"\x01person".to_vec()),
            (
                TreeName::Meta,
                b"import/X/00000000".to_vec(),
                REMOVED.to_vec(),
            ),
            (TreeName::Enrolments, b"2015-01\x0001A".to_vec(), Vec::new()),
        ];
        let entry = encode_entry(7, &puts);
        let removal_bytes = REMOVED.len() + 4;
        let plain: usize = puts.iter().map(|(_, k, v)| 9 + k.len() + v.len()).sum();
        assert_eq!(
            entry.len(),
            8 + 12 + plain - removal_bytes,
            "no value stored"
        );
        let (read, end) = entry_at(&entry, 0).unwrap();
        assert_eq!((read.seq, read.puts, end), (7, puts, entry.len()));
    }
}
