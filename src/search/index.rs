//! The index: people's names as sequences of glyphs (a character plus its readings),
//! inverted lists from name characters to people, a letter mask and a character
//! signature per person for cheap rejection, and interned unit/township/county/position
//! texts with their own lists. Built once from the roster, read-only afterwards.

use std::collections::{HashMap, HashSet};

use fuzzy_matcher::skim::SkimMatcherV2;

use crate::domain::Person;

use super::hash::FxBuild;
use super::readings::{Syllables, readings_of};
use super::surname::surname_readings;
use super::text::{fold, fold_char, is_latin, letter_bit, nfc};

/// Marks a person's field as empty.
pub(crate) const NO_FIELD: u32 = u32::MAX;

/// One distinct name character with its readings (first preferred). The same character
/// is a different glyph when read as a surname (曾 zeng vs 曾 ceng).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Glyph {
    pub(crate) ch: char,
    start: u32,
    len: u8,
    /// First letters of all readings, as in `letter_bit`.
    pub(crate) initials: u32,
}

/// The search index over a roster; see the module docs of `search` for how it is used.
pub struct SearchIndex {
    pub(crate) syllables: Syllables,
    /// Packed reading prefixes of two or more letters.
    pub(crate) prefixes: HashSet<u64, FxBuild>,
    pub(crate) glyphs: Vec<Glyph>,
    glyph_readings: Vec<u16>,
    /// Glyph id of every name character of every person, back to back.
    pub(crate) units: Vec<u32>,
    /// Char index in the (NFC) name of each unit, for highlighting.
    pub(crate) unit_pos: Vec<u16>,
    /// `units[starts[i]..starts[i + 1]]` is person `i`'s name.
    pub(crate) starts: Vec<u32>,
    /// Letters that start some reading of some character of the person's name.
    pub(crate) masks: Vec<u32>,
    /// Bloom-style bits of the person's non-Latin name characters.
    pub(crate) sigs: Vec<u64>,
    /// Posting slot of each non-Latin name character.
    pub(crate) slots: HashMap<char, u32, FxBuild>,
    /// People (ascending) whose name contains the slot's character.
    pub(crate) postings: Vec<Vec<u32>>,
    /// Unit, township, county and position text ids per person (`NO_FIELD` if empty).
    pub(crate) fields: Vec<[u32; 4]>,
    pub(crate) field_texts: Vec<Box<str>>,
    /// People (ascending) having the field text, in any of their four fields.
    pub(crate) field_postings: Vec<Vec<u32>>,
    /// Whether any field text contains an ASCII letter or digit (else pinyin-only terms
    /// skip the field scan).
    pub(crate) fields_have_latin: bool,
    pub(crate) matcher: SkimMatcherV2,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("people", &self.len())
            .field("glyphs", &self.glyphs.len())
            .field("field_texts", &self.field_texts.len())
            .finish_non_exhaustive()
    }
}

/// Signature bit of a non-Latin name character.
pub(crate) fn sig_bit(c: char) -> u64 {
    1 << ((c as u32).wrapping_mul(0x9E37_79B1) >> 26)
}

impl SearchIndex {
    /// Indexes `people` in roster order: hits refer to positions in this slice, and ties
    /// are broken by it. Allocates per distinct character and text, not per person.
    pub fn build(people: &[Person]) -> SearchIndex {
        let mut builder = Builder::new(people.len());
        for (i, person) in people.iter().enumerate() {
            builder.add(i as u32, person);
        }
        builder.finish()
    }

    /// Number of people indexed.
    pub fn len(&self) -> usize {
        self.starts.len() - 1
    }

    /// Whether the index has nobody in it.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Readings of a glyph: all of them, or only the preferred one.
    #[inline]
    pub(crate) fn readings(&self, glyph: &Glyph, alt: bool) -> &[u16] {
        let len = if alt { glyph.len } else { glyph.len.min(1) };
        &self.glyph_readings[glyph.start as usize..][..usize::from(len)]
    }

    /// Glyph ids of person `idx`'s name.
    #[inline]
    pub(crate) fn name_units(&self, idx: u32) -> &[u32] {
        let i = idx as usize;
        &self.units[self.starts[i] as usize..self.starts[i + 1] as usize]
    }

    /// Name length in characters (whitespace excluded), the first tie-breaker.
    #[inline]
    pub(crate) fn name_len(&self, idx: u32) -> u32 {
        let i = idx as usize;
        self.starts[i + 1] - self.starts[i]
    }
}

struct Builder<'p> {
    ix: SearchIndex,
    glyph_ids: HashMap<(char, &'static str), u32, FxBuild>,
    raw_fields: HashMap<&'p str, u32, FxBuild>,
    folded_fields: HashMap<String, u32, FxBuild>,
}

impl<'p> Builder<'p> {
    fn new(people: usize) -> Builder<'p> {
        let mut starts = Vec::with_capacity(people + 1);
        starts.push(0);
        Builder {
            ix: SearchIndex {
                syllables: Syllables::default(),
                prefixes: HashSet::default(),
                glyphs: Vec::new(),
                glyph_readings: Vec::new(),
                units: Vec::with_capacity(people * 3),
                unit_pos: Vec::with_capacity(people * 3),
                starts,
                masks: Vec::with_capacity(people),
                sigs: Vec::with_capacity(people),
                slots: HashMap::default(),
                postings: Vec::new(),
                fields: Vec::with_capacity(people),
                field_texts: Vec::new(),
                field_postings: Vec::new(),
                fields_have_latin: false,
                matcher: SkimMatcherV2::default(),
            },
            glyph_ids: HashMap::default(),
            raw_fields: HashMap::default(),
            folded_fields: HashMap::default(),
        }
    }

    fn add(&mut self, i: u32, person: &'p Person) {
        self.add_name(i, &person.name);
        let texts = [
            person.unit.as_str(),
            person.township.as_str(),
            person.county.as_str(),
            person.position.as_str(),
        ];
        let ids = texts.map(|t| self.field_id(t));
        for (k, &id) in ids.iter().enumerate() {
            if id != NO_FIELD && !ids[..k].contains(&id) {
                self.ix.field_postings[id as usize].push(i);
            }
        }
        self.ix.fields.push(ids);
    }

    fn add_name(&mut self, i: u32, name: &str) {
        let name = nfc(name);
        let surname = surname_readings(&name);
        let (mut mask, mut sig, mut nth) = (0u32, 0u64, 0usize);
        for (pos, c) in name.chars().enumerate() {
            if c.is_whitespace() {
                continue;
            }
            let reading = surname.get(nth).copied();
            nth += 1;
            fold_char(c, |f| {
                if f.is_whitespace() {
                    return;
                }
                let g = self.glyph(f, reading);
                mask |= self.ix.glyphs[g as usize].initials;
                if !is_latin(f) {
                    sig |= sig_bit(f);
                    let slot = self.ix.slots[&f] as usize;
                    let list = &mut self.ix.postings[slot];
                    if list.last() != Some(&i) {
                        list.push(i);
                    }
                }
                self.ix.units.push(g);
                self.ix
                    .unit_pos
                    .push(u16::try_from(pos).unwrap_or(u16::MAX));
            });
        }
        self.ix.masks.push(mask);
        self.ix.sigs.push(sig);
        self.ix.starts.push(self.ix.units.len() as u32);
    }

    /// The glyph of `c` read with `surname` preferred, created on first sight.
    fn glyph(&mut self, c: char, surname: Option<&'static str>) -> u32 {
        let key = (c, surname.unwrap_or(""));
        if let Some(&g) = self.glyph_ids.get(&key) {
            return g;
        }
        let ix = &mut self.ix;
        let start = ix.glyph_readings.len() as u32;
        let mut initials = 0;
        for r in readings_of(c, surname).iter().take(usize::from(u8::MAX)) {
            initials |= letter_bit(r.as_bytes()[0]);
            let id = ix.syllables.intern(r);
            ix.glyph_readings.push(id);
        }
        let len = (ix.glyph_readings.len() as u32 - start) as u8;
        if !is_latin(c) && !ix.slots.contains_key(&c) {
            ix.slots.insert(c, ix.postings.len() as u32);
            ix.postings.push(Vec::new());
        }
        let g = ix.glyphs.len() as u32;
        ix.glyphs.push(Glyph {
            ch: c,
            start,
            len,
            initials,
        });
        self.glyph_ids.insert(key, g);
        g
    }

    /// Id of a field text (folded), interning it on first sight.
    fn field_id(&mut self, raw: &'p str) -> u32 {
        if raw.trim().is_empty() {
            return NO_FIELD;
        }
        if let Some(&id) = self.raw_fields.get(raw) {
            return id;
        }
        let folded = fold(raw.trim());
        let ix = &mut self.ix;
        let id = *self.folded_fields.entry(folded).or_insert_with_key(|text| {
            ix.fields_have_latin |= text.bytes().any(|b| b.is_ascii_alphanumeric());
            ix.field_texts.push(text.as_str().into());
            ix.field_postings.push(Vec::new());
            ix.field_texts.len() as u32 - 1
        });
        self.raw_fields.insert(raw, id);
        id
    }

    fn finish(mut self) -> SearchIndex {
        self.ix.prefixes = self.ix.syllables.prefixes();
        self.ix
    }
}
