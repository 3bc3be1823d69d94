//! The commit sequence: every commit writes its number into the meta tree (in the same
//! transaction) and, once durable, into `lunxun.seq` beside the database. sled 0.34 reads
//! a damaged log as "empty from here on", silently; if sled's number is ever behind the
//! file's, acknowledged records were lost and the store refuses to open.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::Path;

use super::folder;
use super::trace::{self, Synced};

pub const SEQ_KEY: &str = "commit_seq";

pub struct SeqFile {
    file: File,
}

impl SeqFile {
    pub fn open(dir: &Path) -> std::io::Result<SeqFile> {
        let path = dir.join("lunxun.seq");
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)?;
        let _ = folder::restrict(&path, false);
        Ok(SeqFile { file })
    }

    /// The last number written, 0 for a new file. A damaged file reads as 0 (it can
    /// only make the check weaker, never refuse a good database).
    pub fn read(&mut self) -> std::io::Result<u64> {
        let mut bytes = Vec::new();
        self.file.seek(SeekFrom::Start(0))?;
        self.file.read_to_end(&mut bytes)?;
        Ok(parse(&bytes).unwrap_or(0))
    }

    /// Records `seq` durably.
    pub fn write(&mut self, seq: u64) -> std::io::Result<()> {
        self.file.seek(SeekFrom::Start(0))?;
        self.file.write_all(&encode(seq))?;
        trace::sync_data(&self.file, Synced::Seq, seq)
    }
}

/// 8 bytes of the number and 8 bytes of its complement, so a torn write is detectable.
fn encode(seq: u64) -> [u8; 16] {
    let mut out = [0u8; 16];
    out[..8].copy_from_slice(&seq.to_be_bytes());
    out[8..].copy_from_slice(&(!seq).to_be_bytes());
    out
}

fn parse(bytes: &[u8]) -> Option<u64> {
    let seq = u64::from_be_bytes(bytes.get(..8)?.try_into().ok()?);
    let check = u64::from_be_bytes(bytes.get(8..16)?.try_into().ok()?);
    (check == !seq).then_some(seq)
}

pub fn decode_meta(bytes: &[u8]) -> u64 {
    bytes.try_into().map(u64::from_be_bytes).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_torn_or_empty_file_reads_as_zero() {
        assert_eq!(parse(&encode(42)), Some(42));
        assert_eq!(parse(&encode(42)[..12]), None);
        let mut bad = encode(42);
        bad[3] ^= 1;
        assert_eq!(parse(&bad), None);
        assert_eq!(parse(&[]), None);
    }
}
