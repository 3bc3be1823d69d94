//! Pinyin readings of name characters, interned as small syllable ids.
//!
//! Every character keeps all its readings (heteronyms from `ToPinyinMulti`), the
//! preferred one first: the surname reading for surname characters, else the
//! dictionary's most common one. Matching works per character over these lists, so a
//! name with several polyphonic characters never expands into all its spellings.

use std::collections::{HashMap, HashSet};

use pinyin::{Pinyin, ToPinyinMulti};

use super::hash::FxBuild;
use super::text::is_latin;

/// Interned reading texts (`zhang`, `lv`, `a`…); ids are `u16`.
#[derive(Debug, Default)]
pub(crate) struct Syllables {
    text: Vec<u8>,
    ends: Vec<u32>,
    /// Each reading's bytes little-endian in a `u64` (readings are at most 8 letters),
    /// for prefix comparison by XOR (see `matcher::common_prefix`).
    packed: Vec<u64>,
    ids: HashMap<Box<str>, u16, FxBuild>,
}

impl Syllables {
    pub(crate) fn intern(&mut self, reading: &str) -> u16 {
        if let Some(&id) = self.ids.get(reading) {
            return id;
        }
        let id = u16::try_from(self.ends.len()).expect("fewer than 65536 distinct readings");
        self.text.extend_from_slice(reading.as_bytes());
        self.ends.push(self.text.len() as u32);
        self.packed.push(pack_le(reading.as_bytes()));
        self.ids.insert(reading.into(), id);
        id
    }

    pub(crate) fn bytes(&self, id: u16) -> &[u8] {
        let id = usize::from(id);
        let start = if id == 0 {
            0
        } else {
            self.ends[id - 1] as usize
        };
        &self.text[start..self.ends[id] as usize]
    }

    #[inline]
    pub(crate) fn packed(&self, id: u16) -> u64 {
        self.packed[usize::from(id)]
    }

    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    /// Every prefix of two or more letters of every reading, packed: used to tell which
    /// letters of a query must start a syllable (see `query::required_letters`).
    pub(crate) fn prefixes(&self) -> HashSet<u64, FxBuild> {
        let mut set = HashSet::default();
        for id in 0..self.len() {
            let bytes = self.bytes(id as u16);
            for end in 2..=bytes.len().min(8) {
                set.insert(pack(&bytes[..end]));
            }
        }
        set
    }
}

/// Up to 8 ASCII bytes as one integer (longer input is never a reading prefix).
pub(crate) fn pack(bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .take(8)
        .fold(0u64, |acc, &b| (acc << 8) | u64::from(b))
}

/// Up to 8 bytes little-endian, zero-padded: byte k of `bytes` is byte k of the number.
pub(crate) fn pack_le(bytes: &[u8]) -> u64 {
    let mut buf = [0u8; 8];
    let n = bytes.len().min(8);
    buf[..n].copy_from_slice(&bytes[..n]);
    u64::from_le_bytes(buf)
}

/// Readings of `c` in preference order, deduplicated: `surname` first when given, then
/// the dictionary's (tones dropped, `ü` as `v`), then `u` spellings of `v` readings
/// (`lu` for 吕) as a last resort. ASCII letters and digits read as themselves; other
/// characters without pinyin have no readings and match only by equality.
pub(crate) fn readings_of(c: char, surname: Option<&'static str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    fn add(out: &mut Vec<String>, r: String) {
        if !r.is_empty() && r.len() <= 8 && !out.contains(&r) {
            out.push(r);
        }
    }
    if let Some(s) = surname {
        add(&mut out, s.to_string());
    }
    if is_latin(c) {
        add(&mut out, c.to_ascii_lowercase().to_string());
    } else if let Some(multi) = c.to_pinyin_multi() {
        for p in multi {
            add(&mut out, Pinyin::plain(p).replace('ü', "v"));
        }
    }
    let u_spellings: Vec<String> = out
        .iter()
        .filter(|r| r.starts_with("lv") || r.starts_with("nv"))
        .map(|r| r.replace('v', "u"))
        .collect();
    for r in u_spellings {
        add(&mut out, r);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surname_reading_comes_first_and_others_follow() {
        assert_eq!(readings_of('曾', Some("zeng")), ["zeng", "ceng"]);
        assert_eq!(readings_of('曾', None), ["ceng", "zeng"]);
        assert_eq!(readings_of('长', None), ["zhang", "chang"]);
    }

    #[test]
    fn umlaut_reads_as_v_then_u() {
        assert_eq!(readings_of('吕', None), ["lv", "lu"]);
    }

    #[test]
    fn latin_reads_as_itself_and_punctuation_has_no_reading() {
        assert_eq!(readings_of('a', None), ["a"]);
        assert!(readings_of('·', None).is_empty());
    }

    #[test]
    fn syllables_intern_once_and_give_prefixes() {
        let mut s = Syllables::default();
        let a = s.intern("zhang");
        assert_eq!(s.intern("zhang"), a);
        assert_eq!(s.bytes(a), b"zhang");
        let p = s.prefixes();
        assert!(p.contains(&pack(b"zh")) && p.contains(&pack(b"zhang")));
        assert!(!p.contains(&pack(b"gw")));
    }
}
