//! The index: people's names as sequences of glyphs (a character plus its readings),
//! inverted lists from name characters to people, a letter mask and a character
//! signature per person for cheap rejection, and interned unit/township/county/position
//! texts with their own lists. Built once from the roster, read-only afterwards.

use std::collections::{HashMap, HashSet};

use fuzzy_matcher::skim::SkimMatcherV2;

use crate::domain::Person;

use super::exact::ExactKeys;
use super::hash::FxBuild;
use super::readings::{Syllables, readings_of};
use super::surname::{SurnameReading, surname_readings};
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
    /// First letters of the readings other than the preferred one: a term without any
    /// of them cannot use those readings.
    pub(crate) alt_initials: u32,
}

/// The search index over a roster; see the module docs of `search` for how it is used.
pub struct SearchIndex {
    pub(crate) syllables: Syllables,
    /// Packed reading prefixes of two or more letters.
    pub(crate) prefixes: HashSet<u64, FxBuild>,
    pub(crate) glyphs: Vec<Glyph>,
    glyph_readings: Vec<u16>,
    /// The same readings packed as by `pack_le`, for the matcher's inner loop.
    glyph_packed: Vec<u64>,
    /// Glyph id of every name character of every person, back to back.
    pub(crate) units: Vec<u32>,
    /// Char index in the (NFC) name of each unit, for highlighting.
    pub(crate) unit_pos: Vec<u16>,
    /// `units[starts[i]..starts[i + 1]]` is person `i`'s name.
    pub(crate) starts: Vec<u32>,
    /// Letters that start some reading of some character of the person's name.
    pub(crate) masks: Vec<u32>,
    /// Letters that start a reading of the first name character.
    pub(crate) firsts: Vec<u32>,
    /// For each bit of `letter_bit`, people (ascending) whose first name character has
    /// a reading starting with that letter: the people a pinyin term can prefix-match.
    pub(crate) first_postings: Vec<Vec<u32>>,
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
    /// Field texts (ascending ids) containing each non-ASCII character, so a Hanzi term
    /// is tested only against texts that have all its characters.
    pub(crate) field_chars: HashMap<char, Vec<u32>, FxBuild>,
    pub(crate) matcher: SkimMatcherV2,
    /// ID number, phone and person code of each person, for exact picks.
    pub(crate) exact: ExactKeys,
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
    /// are broken by it. Strings are allocated per distinct character and field text,
    /// never per person; names and fields are indexed on separate cores.
    pub fn build(people: &[Person]) -> SearchIndex {
        build(people)
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

    /// Readings of a glyph packed as by `pack_le`, like `readings`.
    #[inline]
    pub(crate) fn packed_readings(&self, glyph: &Glyph, alt: bool) -> &[u64] {
        let len = if alt { glyph.len } else { glyph.len.min(1) };
        &self.glyph_packed[glyph.start as usize..][..usize::from(len)]
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

/// The name side of the index, built apart from the field side (in parallel with it).
#[derive(Default)]
struct NameBuilder {
    syllables: Syllables,
    glyphs: Vec<Glyph>,
    glyph_readings: Vec<u16>,
    glyph_ids: HashMap<(char, u16), u32, FxBuild>,
    units: Vec<u32>,
    unit_pos: Vec<u16>,
    starts: Vec<u32>,
    masks: Vec<u32>,
    firsts: Vec<u32>,
    first_postings: Vec<Vec<u32>>,
    sigs: Vec<u64>,
    slots: HashMap<char, u32, FxBuild>,
    postings: Vec<Vec<u32>>,
}

impl NameBuilder {
    fn build(people: &[Person]) -> NameBuilder {
        let n = people.len();
        let mut b = NameBuilder {
            units: Vec::with_capacity(n * 3),
            unit_pos: Vec::with_capacity(n * 3),
            starts: Vec::with_capacity(n + 1),
            masks: Vec::with_capacity(n),
            firsts: Vec::with_capacity(n),
            first_postings: vec![Vec::new(); 27],
            sigs: Vec::with_capacity(n),
            ..NameBuilder::default()
        };
        b.starts.push(0);
        for (i, person) in people.iter().enumerate() {
            b.add_name(i as u32, &person.name);
        }
        b
    }

    fn add_name(&mut self, i: u32, name: &str) {
        let name = nfc(name);
        let surname = surname_readings(&name);
        let (mut mask, mut sig, mut nth) = (0u32, 0u64, 0usize);
        for (pos, c) in name.chars().enumerate() {
            if c.is_whitespace() {
                continue;
            }
            let reading = surname.get(nth).copied().flatten();
            nth += 1;
            fold_char(c, |f| {
                if f.is_whitespace() {
                    return;
                }
                let g = self.glyph(f, reading);
                mask |= self.glyphs[g as usize].initials;
                if !is_latin(f) {
                    sig |= sig_bit(f);
                    let list = &mut self.postings[self.slots[&f] as usize];
                    if list.last() != Some(&i) {
                        list.push(i);
                    }
                }
                self.units.push(g);
                self.unit_pos.push(u16::try_from(pos).unwrap_or(u16::MAX));
            });
        }
        let start = *self.starts.last().unwrap_or(&0) as usize;
        let first = self
            .units
            .get(start)
            .map_or(0, |&g| self.glyphs[g as usize].initials);
        self.firsts.push(first);
        let mut bits = first;
        while bits != 0 {
            self.first_postings[bits.trailing_zeros() as usize].push(i);
            bits &= bits - 1;
        }
        self.masks.push(mask);
        self.sigs.push(sig);
        self.starts.push(self.units.len() as u32);
    }

    /// The glyph of `c` read with `surname` preferred, created on first sight.
    fn glyph(&mut self, c: char, surname: Option<SurnameReading>) -> u32 {
        let key = (c, surname.map_or(0, |(id, _)| id));
        if let Some(&g) = self.glyph_ids.get(&key) {
            return g;
        }
        let start = self.glyph_readings.len() as u32;
        let (mut initials, mut alt_initials) = (0, 0);
        let readings = readings_of(c, surname.map(|(_, r)| r));
        for (k, r) in readings.iter().take(usize::from(u8::MAX)).enumerate() {
            let bit = letter_bit(r.as_bytes()[0]);
            initials |= bit;
            if k > 0 {
                alt_initials |= bit;
            }
            let id = self.syllables.intern(r);
            self.glyph_readings.push(id);
        }
        let len = (self.glyph_readings.len() as u32 - start) as u8;
        if !is_latin(c) && !self.slots.contains_key(&c) {
            self.slots.insert(c, self.postings.len() as u32);
            self.postings.push(Vec::new());
        }
        let g = self.glyphs.len() as u32;
        self.glyphs.push(Glyph {
            ch: c,
            start,
            len,
            initials,
            alt_initials,
        });
        self.glyph_ids.insert(key, g);
        g
    }
}

/// One part of the field side: some of the four texts per person, interned.
#[derive(Default)]
struct FieldBuilder<'p> {
    fields: Vec<[u32; 4]>,
    texts: Vec<Box<str>>,
    postings: Vec<Vec<u32>>,
    have_latin: bool,
    chars: HashMap<char, Vec<u32>, FxBuild>,
    raw: HashMap<&'p str, u32, FxBuild>,
    folded: HashMap<String, u32, FxBuild>,
}

impl<'p> FieldBuilder<'p> {
    /// Interns fields `which` (0 unit, 1 township, 2 county, 3 position) of everybody;
    /// the others stay `NO_FIELD`.
    fn build(people: &'p [Person], which: &[usize]) -> FieldBuilder<'p> {
        let mut b = FieldBuilder {
            fields: Vec::with_capacity(people.len()),
            ..FieldBuilder::default()
        };
        for (i, p) in people.iter().enumerate() {
            let texts = [&p.unit, &p.township, &p.county, &p.position];
            let mut ids = [NO_FIELD; 4];
            for &k in which {
                ids[k] = b.field_id(texts[k]);
                if ids[k] != NO_FIELD && !ids[..k].contains(&ids[k]) {
                    b.postings[ids[k] as usize].push(i as u32);
                }
            }
            b.fields.push(ids);
        }
        b
    }

    /// Id of a field text (folded), interning it on first sight.
    fn field_id(&mut self, raw: &'p str) -> u32 {
        if let Some(&id) = self.raw.get(raw) {
            return id;
        }
        let folded = fold(raw.trim());
        let id = if folded.is_empty() {
            NO_FIELD
        } else {
            let next = self.texts.len() as u32;
            let id = *self.folded.entry(folded.clone()).or_insert(next);
            if id == next {
                self.have_latin |= folded.bytes().any(|b| b.is_ascii_alphanumeric());
                for c in folded.chars().filter(|c| !c.is_ascii()) {
                    let list = self.chars.entry(c).or_default();
                    if list.last() != Some(&id) {
                        list.push(id);
                    }
                }
                self.texts.push(folded.into());
                self.postings.push(Vec::new());
            }
            id
        };
        self.raw.insert(raw, id);
        id
    }

    /// Appends `other`'s texts after ours and merges the per-person ids. A text found
    /// by both parts keeps two ids, which matching treats alike.
    fn merge(mut self, other: FieldBuilder<'p>) -> FieldBuilder<'p> {
        let offset = self.texts.len() as u32;
        for (mine, theirs) in self.fields.iter_mut().zip(&other.fields) {
            for (m, &t) in mine.iter_mut().zip(theirs) {
                if t != NO_FIELD {
                    *m = t + offset;
                }
            }
        }
        self.texts.extend(other.texts);
        self.postings.extend(other.postings);
        self.have_latin |= other.have_latin;
        for (c, ids) in other.chars {
            let list = self.chars.entry(c).or_default();
            list.extend(ids.iter().map(|id| id + offset));
        }
        self
    }
}

/// Builds both sides at once (they share nothing) and puts them together.
fn build(people: &[Person]) -> SearchIndex {
    // Units are the one high-cardinality field: they get a core of their own.
    let ((names, others), (units, exact)) = rayon::join(
        || {
            rayon::join(
                || NameBuilder::build(people),
                || FieldBuilder::build(people, &[1, 2, 3]),
            )
        },
        || {
            rayon::join(
                || FieldBuilder::build(people, &[0]),
                || ExactKeys::build(people),
            )
        },
    );
    let fields = units.merge(others);
    let glyph_packed = names
        .glyph_readings
        .iter()
        .map(|&r| names.syllables.packed(r))
        .collect();
    SearchIndex {
        prefixes: names.syllables.prefixes(),
        syllables: names.syllables,
        glyphs: names.glyphs,
        glyph_packed,
        glyph_readings: names.glyph_readings,
        units: names.units,
        unit_pos: names.unit_pos,
        starts: names.starts,
        masks: names.masks,
        firsts: names.firsts,
        first_postings: names.first_postings,
        sigs: names.sigs,
        slots: names.slots,
        postings: names.postings,
        fields: fields.fields,
        field_texts: fields.texts,
        field_postings: fields.postings,
        fields_have_latin: fields.have_latin,
        field_chars: fields.chars,
        matcher: SkimMatcherV2::default(),
        exact,
    }
}
