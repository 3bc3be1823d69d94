//! The first look at a text file, read through once in blocks (never held whole): its
//! encoding by the rules of [`super::decode`] (a BOM, else strict UTF-8, else GB18030;
//! UTF-16 and binary files refused), and its delimiter from its first 50 lines. The
//! bytes `\t`, `,` and `\n` mean the same in UTF-8 and GB18030 (no multi-byte sequence
//! of either holds them), so the delimiter is counted on the bytes themselves.

use std::io::Read;

use super::decode::{EncodingChoice, TextEncoding};
use super::delimited::Delimiter;
use super::error::TabularError;

/// What the first pass found: how to decode, and what separates cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sniffed {
    pub encoding: TextEncoding,
    pub delimiter: Delimiter,
    /// Bytes to skip at the start (a UTF-8 byte order mark).
    pub skip: u64,
}

const BLOCK: usize = 1 << 20;
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";
/// Lines looked at for the delimiter.
const DELIMITER_LINES: usize = 50;
/// Bytes looked at for a UTF-16 text without a BOM (NULs in every other byte).
const NUL_SAMPLE: usize = 4096;

/// Reads `input` to its end once; `extension` (lower case) only breaks ties.
pub fn sniff(
    mut input: impl Read,
    choice: EncodingChoice,
    extension: &str,
) -> Result<Sniffed, TabularError> {
    let mut scan = Scan::default();
    let mut block = vec![0u8; BLOCK];
    loop {
        let n = read_full(&mut input, &mut block)?;
        if n == 0 {
            break;
        }
        scan.feed(&block[..n]);
    }
    scan.finish(choice, extension)
}

fn read_full(input: &mut impl Read, buf: &mut [u8]) -> Result<usize, TabularError> {
    let mut filled = 0;
    while filled < buf.len() {
        match input.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(TabularError::Unreadable(e.to_string())),
        }
    }
    Ok(filled)
}

#[derive(Default)]
struct Scan {
    /// The first bytes (for BOMs and the NUL sample).
    head: Vec<u8>,
    any_nul: bool,
    /// Bytes validated as UTF-8 so far, and the newlines among them.
    valid: u64,
    valid_newlines: usize,
    /// A character cut by the end of the last block.
    carry: Vec<u8>,
    /// The line of the first byte that is not UTF-8, once found.
    not_utf8_at: Option<usize>,
    /// CJK ideographs in the valid UTF-8 before that byte (counted up to two).
    ideographs: usize,
    lines: usize,
    tabs: usize,
    commas: usize,
}

impl Scan {
    fn feed(&mut self, block: &[u8]) {
        if self.head.len() < NUL_SAMPLE {
            let take = (NUL_SAMPLE - self.head.len()).min(block.len());
            self.head.extend_from_slice(&block[..take]);
        }
        self.any_nul |= block.contains(&0);
        self.count_delimiters(block);
        if self.not_utf8_at.is_none() {
            let mut joined = std::mem::take(&mut self.carry);
            joined.extend_from_slice(block);
            self.validate(&joined, false);
        }
    }

    fn count_delimiters(&mut self, block: &[u8]) {
        for &b in block {
            if self.lines >= DELIMITER_LINES {
                return;
            }
            match b {
                b'\n' => self.lines += 1,
                b'\t' => self.tabs += 1,
                b',' => self.commas += 1,
                _ => {}
            }
        }
    }

    /// Validates `bytes` (the carry and a block); `last` when no more bytes follow.
    fn validate(&mut self, bytes: &[u8], last: bool) {
        let (good, rest) = match std::str::from_utf8(bytes) {
            Ok(text) => (text, &[][..]),
            Err(e) => {
                let (good, rest) = bytes.split_at(e.valid_up_to());
                let good = std::str::from_utf8(good).unwrap_or_default();
                if e.error_len().is_some() || last {
                    self.note(good);
                    self.not_utf8_at = Some(self.valid_newlines + 1);
                    return;
                }
                (good, rest)
            }
        };
        self.note(good);
        self.carry = rest.to_vec();
    }

    fn note(&mut self, good: &str) {
        self.valid += good.len() as u64;
        self.valid_newlines += good.bytes().filter(|b| *b == b'\n').count();
        if self.ideographs < 2 {
            let cjk = |c: &char| ('\u{4E00}'..='\u{9FFF}').contains(c);
            self.ideographs += good.chars().filter(cjk).take(2).count();
        }
    }

    fn finish(mut self, choice: EncodingChoice, extension: &str) -> Result<Sniffed, TabularError> {
        if self.head.starts_with(b"\xFF\xFE") || self.head.starts_with(b"\xFE\xFF") {
            return Err(TabularError::Utf16);
        }
        self.check_nul()?;
        if self.not_utf8_at.is_none() && !self.carry.is_empty() {
            let carry = std::mem::take(&mut self.carry);
            self.validate(&carry, true);
        }
        let bom = self.head.starts_with(UTF8_BOM);
        let not_utf8 = |line| TabularError::NotUtf8 { line };
        let (encoding, skip) = match (bom, choice) {
            (true, EncodingChoice::Gbk) => return Err(TabularError::BomMismatch),
            (true, _) => match self.not_utf8_at {
                Some(line) => return Err(not_utf8(line)),
                None => (TextEncoding::Utf8Bom, UTF8_BOM.len() as u64),
            },
            (false, EncodingChoice::Utf8) => match self.not_utf8_at {
                Some(line) => return Err(not_utf8(line)),
                None => (TextEncoding::Utf8, 0),
            },
            (false, EncodingChoice::Gbk) => (TextEncoding::Gb18030, 0),
            (false, EncodingChoice::Auto) => match self.not_utf8_at {
                None => (TextEncoding::Utf8, 0),
                // Chinese UTF-8 text before the first bad byte: a damaged UTF-8 file.
                // Decoding it as GB18030 might succeed, and would give mojibake.
                Some(line) if self.ideographs >= 2 => {
                    return Err(TabularError::DamagedUtf8 { line });
                }
                Some(_) => (TextEncoding::Gb18030, 0),
            },
        };
        let delimiter = if extension == "tsv" || self.tabs > self.commas {
            Delimiter::Tab
        } else {
            Delimiter::Comma
        };
        Ok(Sniffed {
            encoding,
            delimiter,
            skip,
        })
    }

    /// UTF-16 without a BOM has a NUL in every other byte of ASCII text; other NULs mean
    /// a binary file (a renamed .doc, an image).
    fn check_nul(&self) -> Result<(), TabularError> {
        let nuls = self.head.iter().filter(|b| **b == 0).count();
        match nuls {
            0 if !self.any_nul => Ok(()),
            n if n * 4 >= self.head.len() => Err(TabularError::Utf16),
            _ => Err(TabularError::Binary),
        }
    }
}
