//! The register cache: `lunxun.register` in the data folder, every person's compact
//! record (person_codec.rs) in one contiguous body, so reading the whole register is
//! one file read and a decode instead of walking sled's pages (sled 0.34 materialises
//! every page it iterates: 6.6 s at 1M people under load).
//!
//! It is derived and self-checking, never a source of truth:
//! - every commit that writes the People tree also writes a new random people version
//!   into the meta tree, in the same transaction (commit.rs), so sled always says which
//!   register is current;
//! - the file's header names the version it was made at, and a CRC-32 covers everything
//!   after it: a file from before a change, from another folder (or a restore: the
//!   version is random, never reused), torn, truncated or damaged is not used, and the
//!   register is read from sled and the file written anew.
//!
//! Layout: `MAGIC` (8) | CRC-32 of the rest (4, LE) | version length (1) | version |
//! count (8, LE) | per person: record length (4, LE) | record.
//!
//! Backups export sled's records, never this file; restore commits, so it changes the
//! version. The file is written to a temporary name and renamed; it is not synced: a
//! rename that outlives its data after a power cut leaves a file the CRC refuses.

use std::fs;
use std::io::{Read, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;

use crate::domain::{Person, PersonId};

use super::person_codec::{decode, encode};
use super::{Batch, Store, StoreResult, TreeName, folder};

pub const FILE: &str = "lunxun.register";
const TEMP: &str = "lunxun.register.tmp";

/// The meta key holding the people version (random bytes, new at each People write).
pub const VERSION_KEY: &str = "people_version";

const MAGIC: &[u8; 8] = b"LXREG\0\0\x01";
const HEADER: usize = MAGIC.len() + 4;

/// A version never used before, here or in any other folder.
pub fn new_version() -> Vec<u8> {
    ulid::Ulid::generate().0.to_be_bytes().to_vec()
}

/// Adds a new people version to a batch that writes the People tree.
pub(super) fn stamp(batch: &mut Batch) {
    if batch
        .puts
        .iter()
        .any(|(tree, ..)| *tree == TreeName::People)
    {
        batch.put(TreeName::Meta, VERSION_KEY, new_version());
    }
}

impl Store {
    /// The people version sled holds, if any People write has stamped one.
    pub(super) fn people_version(&self) -> StoreResult<Option<sled::IVec>> {
        Ok(self.tree(TreeName::Meta).get(VERSION_KEY)?)
    }

    /// A register written before people versions existed gets one at the open (only
    /// the live open, before anyone else can read or write), so its cache can be made.
    pub(super) fn ensure_people_version(&self) -> StoreResult<()> {
        if self.people_version()?.is_some() || self.tree(TreeName::People).is_empty() {
            return Ok(());
        }
        let mut batch = Batch::default();
        batch.put(TreeName::Meta, VERSION_KEY, new_version());
        self.commit(batch)
    }
}

/// Bytes read at a time: the file is decoded as it is read, never held whole.
const CHUNK: u64 = 4 << 20;

/// The register the file in `dir` holds, if it was made at `version` and reads whole.
/// Records are decoded chunk by chunk as they are read and the CRC checked at the end:
/// a damaged file is then thrown away with what was decoded from it.
pub fn read(dir: &Path, version: &[u8]) -> Option<Vec<Person>> {
    let mut file = fs::File::open(dir.join(FILE)).ok()?;
    let size = file.metadata().ok()?.len();
    let mut head = [0u8; HEADER];
    file.read_exact(&mut head).ok()?;
    if &head[..MAGIC.len()] != MAGIC {
        return None;
    }
    let crc = u32::from_le_bytes(head[MAGIC.len()..].try_into().ok()?);
    let mut hasher = crc32fast::Hasher::new();
    let mut take = |n: usize| -> Option<Vec<u8>> {
        let mut bytes = vec![0; n];
        file.read_exact(&mut bytes).ok()?;
        hasher.update(&bytes);
        Some(bytes)
    };
    let len = take(1)?[0];
    if take(usize::from(len))? != version {
        return None;
    }
    let count = u64::from_le_bytes(take(8)?.try_into().ok()?);
    // Not yet vouched for by the CRC: room for no more people than the file can hold.
    let room = count.min(size / 5);
    let people = decode_all(&mut file, &mut hasher, usize::try_from(room).ok()?)?;
    let whole = hasher.finalize() == crc && people.len() as u64 == count;
    whole.then_some(people)
}

/// Decodes the records from `file`'s position to its end, feeding `hasher`; `None` if
/// the last record is cut short or any record does not decode.
fn decode_all(
    file: &mut fs::File,
    hasher: &mut crc32fast::Hasher,
    room: usize,
) -> Option<Vec<Person>> {
    let mut people = Vec::with_capacity(room);
    let mut buf = Vec::new();
    let spoilt = AtomicBool::new(false);
    loop {
        let held = buf.len();
        let read = Read::take(&mut *file, CHUNK).read_to_end(&mut buf).ok()?;
        if read == 0 {
            return (held == 0 && !spoilt.into_inner()).then_some(people);
        }
        hasher.update(&buf[held..]);
        let (records, used) = split_records(&buf);
        // Decoded straight into their places: an indexed extend.
        people.par_extend(records.into_par_iter().map(|record| {
            decode(record).unwrap_or_else(|_| {
                spoilt.store(true, Ordering::Relaxed);
                Person::named(PersonId(String::new()), "")
            })
        }));
        buf.drain(..used);
    }
}

/// The whole records at the start of `bytes`, and how many bytes they take.
fn split_records(bytes: &[u8]) -> (Vec<&[u8]>, usize) {
    let mut records = Vec::new();
    let mut at = 0;
    while let Some(len) = bytes.get(at..at + 4) {
        let len = u32::from_le_bytes([len[0], len[1], len[2], len[3]]) as usize;
        let Some(record) = bytes.get(at + 4..at + 4 + len) else {
            break;
        };
        records.push(record);
        at += 4 + len;
    }
    (records, at)
}

/// Writes the file for `people` at `version` (temporary name, then renamed over).
pub fn write(dir: &Path, version: &[u8], people: &[Person]) -> std::io::Result<()> {
    let len = u8::try_from(version.len()).map_err(std::io::Error::other)?;
    let encoded: Vec<Vec<u8>> = people.par_iter().map(encode).collect();
    let size: usize = encoded.iter().map(|r| r.len() + 4).sum();
    let mut rest = Vec::with_capacity(1 + version.len() + 8 + size);
    rest.push(len);
    rest.extend_from_slice(version);
    rest.extend_from_slice(&(people.len() as u64).to_le_bytes());
    for record in &encoded {
        let record_len = u32::try_from(record.len()).map_err(std::io::Error::other)?;
        rest.extend_from_slice(&record_len.to_le_bytes());
        rest.extend_from_slice(record);
    }
    drop(encoded);
    let temp = dir.join(TEMP);
    let mut file = fs::File::create(&temp)?;
    folder::restrict(&temp, false)?;
    file.write_all(MAGIC)?;
    file.write_all(&crc32fast::hash(&rest).to_le_bytes())?;
    file.write_all(&rest)?;
    drop(file);
    fs::rename(&temp, dir.join(FILE))
}

#[cfg(test)]
#[path = "register_cache_tests.rs"]
mod tests;
