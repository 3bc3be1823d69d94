//! Matching one term against one name, character by character.
//!
//! A term is read as a sequence of pieces: a non-Latin character equal to a name
//! character, or a run of letters that is a prefix of one reading of a name character
//! (`zhang`, `zh` and `z` all fit 张). Reachable term positions after each name
//! character are kept as bits of a `u128`, so every reading of every polyphonic
//! character is tried without ever listing whole spellings of the name.

use super::MatchTier;
use super::index::{Glyph, SearchIndex};
use super::query::{MAX_TERM, Term};

/// How a name character was matched, for highlighting and fuzzy scoring.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Piece {
    /// By the character itself.
    Char,
    /// By (a prefix of) this reading.
    Reading(u16),
}

/// One person's name as seen by the matcher.
pub(crate) struct Name<'a> {
    ix: &'a SearchIndex,
    units: &'a [u32],
}

/// Length of the common prefix of a term's Latin bytes and a reading.
#[inline]
fn common_prefix(latin: &[u8], reading: &[u8]) -> usize {
    latin
        .iter()
        .zip(reading)
        .take_while(|(a, b)| a == b)
        .count()
}

/// Common prefix length of packed term bytes and a packed reading, and the reading's
/// length. The first differing byte ends the prefix: term bytes past its Latin run are
/// 0 and reading bytes never are, while reading bytes past its end are 0, hence the cap.
#[inline]
fn packed_prefix(term: u64, reading: u64) -> (usize, usize) {
    let whole = 8 - (reading.leading_zeros() / 8) as usize;
    let same = ((term ^ reading).trailing_zeros() / 8) as usize;
    (same.min(whole), whole)
}

/// Lengths (as bits: bit k for length k) of the pieces that spell a reading in full
/// or by its initial, given the common prefix `l` of term and reading: the whole
/// reading, its first letter, and `zh`/`ch`/`sh` (typed as one initial by pinyin input
/// methods: `zhw` for 张伟).
#[inline]
fn whole_or_initial(l: usize, whole: usize, reading: u64) -> u128 {
    if l == 0 {
        return 0;
    }
    let mut bits = 1 << 1;
    if l == whole {
        bits |= 1 << whole;
    }
    let retroflex = matches!(reading as u8, b'z' | b'c' | b's') && (reading >> 8) as u8 == b'h';
    if l >= 2 && retroflex {
        bits |= 1 << 2;
    }
    bits
}

impl<'a> Name<'a> {
    pub(crate) fn new(ix: &'a SearchIndex, idx: u32) -> Name<'a> {
        Name {
            ix,
            units: ix.name_units(idx),
        }
    }

    #[inline]
    fn glyph(&self, u: usize) -> &'a Glyph {
        &self.ix.glyphs[self.units[u] as usize]
    }

    /// Whether the name, character for character, is `whole`.
    pub(crate) fn is_exact(&self, whole: &[char]) -> bool {
        self.units.len() == whole.len() && (0..whole.len()).all(|u| self.glyph(u).ch == whole[u])
    }

    /// Term positions reachable by matching one piece against glyph `g` from any
    /// position in `from`. `full` allows only whole readings and initials (for `Full`);
    /// `alt` allows readings other than the preferred one.
    #[inline]
    fn step(&self, term: &Term, g: &Glyph, from: u128, alt: bool, full: bool) -> u128 {
        let m = term.len();
        let mut bits = from & ((1u128 << m) - 1);
        let mut out = 0u128;
        while bits != 0 {
            let i = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            if term.latin[i] == 0 {
                if term.chars[i] == g.ch {
                    out |= 1 << (i + 1);
                }
                continue;
            }
            for &r in self.ix.packed_readings(g, alt) {
                let (l, whole) = packed_prefix(term.packed[i], r);
                if full {
                    out |= whole_or_initial(l, whole, r) << i;
                } else if l > 0 {
                    out |= ((1u128 << l) - 1) << (i + 1);
                }
            }
        }
        out
    }

    /// The best tier at which `term` matches the name, and whether that needed a
    /// non-preferred reading (a surname read as in ordinary words, say).
    pub(crate) fn tier(&self, term: &Term) -> Option<(MatchTier, bool)> {
        let preferred = self.tier_with(term, false);
        if preferred == Some(MatchTier::Full) || !self.other_readings_matter(term) {
            return preferred.map(|t| (t, false));
        }
        let with_alt = match preferred {
            // Already a prefix match: other readings can only make it a full one.
            Some(MatchTier::Prefix) => Some(self.full_or_prefix(term, true)),
            _ => self.tier_with(term, true),
        };
        match with_alt {
            Some(t) if Some(t) > preferred => Some((t, true)),
            _ => preferred.map(|t| (t, false)),
        }
    }

    /// Whether some non-preferred reading starts with a letter of the term (a reading
    /// is only ever used from its first letter).
    fn other_readings_matter(&self, term: &Term) -> bool {
        term.letters != 0
            && (0..self.units.len()).any(|u| self.glyph(u).alt_initials & term.letters != 0)
    }

    fn tier_with(&self, term: &Term, alt: bool) -> Option<MatchTier> {
        let m = term.len();
        if m == 0 || m > MAX_TERM {
            return None;
        }
        let goal = 1u128 << m;
        let mut reach = 1u128;
        for u in 0..self.units.len() {
            reach = self.step(term, self.glyph(u), reach, alt, false);
            if reach & goal != 0 {
                return Some(self.full_or_prefix(term, alt));
            }
            if reach == 0 {
                break;
            }
        }
        let mut reach = 1u128;
        for u in 0..self.units.len() {
            reach |= self.step(term, self.glyph(u), reach, alt, false);
            if reach & goal != 0 {
                return Some(MatchTier::Fuzzy);
            }
        }
        None
    }

    /// For a term known to match from the first character: `Full` if some reading of
    /// the term spells every character, each by its whole reading, its initial or the
    /// character itself (`zhangwei`, `zw`, `zhw`, `zhangw`, `zwei`, `张w` for 张伟), else
    /// `Prefix`.
    fn full_or_prefix(&self, term: &Term, alt: bool) -> MatchTier {
        // Every piece is at least one character long (the common case while typing:
        // `z` or `zh` against a name of two or three characters).
        if term.len() < self.units.len() || !self.may_end_whole(term, alt) {
            return MatchTier::Prefix;
        }
        let mut full = 1u128;
        for u in 0..self.units.len() {
            full = self.step(term, self.glyph(u), full, alt, true);
            if full == 0 {
                break;
            }
        }
        if full & (1u128 << term.len()) != 0 {
            MatchTier::Full
        } else {
            MatchTier::Prefix
        }
    }

    /// Whether the term ends with a whole piece of the last character: its whole
    /// reading, its initial, or the character itself (a quick test that rules out
    /// most prefixes while typing: `zhan` cannot spell 张伟 whole).
    fn may_end_whole(&self, term: &Term, alt: bool) -> bool {
        let (Some(&last), m) = (self.units.last(), term.len()) else {
            return false;
        };
        let g = &self.ix.glyphs[last as usize];
        if term.latin[m - 1] == 0 {
            return term.chars[m - 1] == g.ch;
        }
        self.ix.readings(g, alt).iter().any(|&r| {
            let r = self.ix.syllables.bytes(r);
            let retroflex = r.len() > 2 && matches!(r[..2], [b'z' | b'c' | b's', b'h']);
            term.latin.ends_with(r)
                || term.latin[m - 1] == r[0]
                || (retroflex && term.latin.ends_with(&r[..2]))
        })
    }

    /// One way the term matches: which name characters, by which piece. `fuzzy` lets
    /// the term skip characters; otherwise it must match from the first character on.
    pub(crate) fn align(&self, term: &Term, alt: bool, fuzzy: bool) -> Vec<(usize, Piece)> {
        let (n, m) = (self.units.len(), term.len());
        if m == 0 || m > MAX_TERM {
            return Vec::new();
        }
        let goal = 1u128 << m;
        let mut sets = Vec::with_capacity(n + 1);
        sets.push(1u128);
        for u in 0..n {
            let prev = sets[u];
            let next = self.step(term, self.glyph(u), prev, alt, false);
            sets.push(if fuzzy { prev | next } else { next });
        }
        let Some(mut u) = (1..=n).find(|&e| sets[e] & goal != 0) else {
            return Vec::new();
        };
        let (mut pos, mut out) = (m, Vec::new());
        while pos > 0 && u > 0 {
            u -= 1;
            if fuzzy && sets[u] & (1 << pos) != 0 {
                continue;
            }
            let Some((start, piece)) = self.piece_ending(term, u, sets[u], pos, alt) else {
                break;
            };
            out.push((u, piece));
            pos = start;
        }
        out.reverse();
        out
    }

    /// A start in `from` from which one piece matching glyph `u` ends exactly at `end`.
    fn piece_ending(
        &self,
        term: &Term,
        u: usize,
        from: u128,
        end: usize,
        alt: bool,
    ) -> Option<(usize, Piece)> {
        let g = self.glyph(u);
        (0..end)
            .rev()
            .filter(|&i| from & (1 << i) != 0)
            .find_map(|i| {
                if term.latin[i] == 0 {
                    return (end == i + 1 && term.chars[i] == g.ch).then_some((i, Piece::Char));
                }
                self.ix.readings(g, alt).iter().find_map(|&r| {
                    let l = common_prefix(&term.latin[i..], self.ix.syllables.bytes(r));
                    (l >= end - i).then_some((i, Piece::Reading(r)))
                })
            })
    }

    /// The name spelt with the pieces of an alignment (other characters by their
    /// preferred reading), for fuzzy scoring: `张dawei` for `张w` against 张大伟.
    pub(crate) fn spelling(&self, alignment: &[(usize, Piece)], out: &mut String) {
        out.clear();
        for u in 0..self.units.len() {
            let g = self.glyph(u);
            let piece = alignment.iter().find(|(v, _)| *v == u).map(|&(_, p)| p);
            let reading = match piece {
                Some(Piece::Char) => None,
                Some(Piece::Reading(r)) => Some(r),
                None => self.ix.readings(g, false).first().copied(),
            };
            match reading {
                Some(r) => out.extend(self.ix.syllables.bytes(r).iter().map(|&b| char::from(b))),
                None => out.push(g.ch),
            }
        }
    }

    /// Char indices in the name of units `us`.
    pub(crate) fn positions(&self, us: impl Iterator<Item = usize>, idx: u32) -> Vec<usize> {
        let base = self.ix.starts[idx as usize] as usize;
        us.map(|u| usize::from(self.ix.unit_pos[base + u]))
            .collect()
    }

    pub(crate) fn len(&self) -> usize {
        self.units.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Person, PersonId};
    use crate::search::query::Query;

    fn tier_of(name: &str, term: &str) -> Option<(MatchTier, bool)> {
        let ix = SearchIndex::build(&[Person::named(PersonId("1".into()), name)]);
        let q = Query::parse(&ix, term).unwrap();
        Name::new(&ix, 0).tier(&q.terms[0])
    }

    #[test]
    fn tiers_of_pinyin_terms() {
        use MatchTier::*;
        assert_eq!(tier_of("张伟", "zhangwei"), Some((Full, false)));
        assert_eq!(tier_of("张伟", "zw"), Some((Full, false)));
        assert_eq!(tier_of("张伟明", "zw"), Some((Prefix, false)));
        assert_eq!(tier_of("张伟", "zhangw"), Some((Full, false)));
        assert_eq!(tier_of("张伟", "zwei"), Some((Full, false)));
        assert_eq!(tier_of("张伟", "zhw"), Some((Full, false)));
        assert_eq!(tier_of("周惠文", "zhw"), Some((Full, false)));
        assert_eq!(tier_of("陈杰", "chj"), Some((Full, false)));
        assert_eq!(tier_of("孙小明", "sxm"), Some((Full, false)));
        assert_eq!(tier_of("沈小明", "shxm"), Some((Full, false)));
        assert_eq!(tier_of("张伟明", "zhw"), Some((Prefix, false)));
        assert_eq!(tier_of("张伟", "zhanw"), Some((Prefix, false)));
        assert_eq!(tier_of("张伟", "zhangwe"), Some((Prefix, false)));
        assert_eq!(tier_of("张伟", "zh"), Some((Prefix, false)));
        assert_eq!(tier_of("赵伟", "zhw"), Some((Full, false)));
        assert_eq!(tier_of("祖伟", "zhw"), None);
        assert_eq!(tier_of("张大伟", "zw"), Some((Fuzzy, false)));
        assert_eq!(tier_of("张伟", "wei"), Some((Fuzzy, false)));
        assert_eq!(tier_of("张伟", "hang"), None);
        assert_eq!(tier_of("张伟", "zwm"), None);
    }

    #[test]
    fn tiers_of_hanzi_and_mixed_terms() {
        use MatchTier::*;
        assert_eq!(tier_of("张伟", "张"), Some((Prefix, false)));
        assert_eq!(tier_of("张伟", "伟"), Some((Fuzzy, false)));
        assert_eq!(tier_of("张伟", "张w"), Some((Full, false)));
        assert_eq!(tier_of("张大伟", "张wei"), Some((Fuzzy, false)));
        assert_eq!(tier_of("张伟", "李"), None);
    }

    #[test]
    fn other_readings_match_but_are_flagged() {
        use MatchTier::*;
        assert_eq!(tier_of("曾伟", "zengwei"), Some((Full, false)));
        assert_eq!(tier_of("曾伟", "cengwei"), Some((Full, true)));
        assert_eq!(tier_of("李长乐", "lcl"), Some((Full, true)));
        assert_eq!(tier_of("李长乐", "lizhangle"), Some((Full, false)));
        assert_eq!(tier_of("李长乐", "lichangyue"), Some((Full, true)));
        assert_eq!(tier_of("吕芳", "lvfang"), Some((Full, false)));
        assert_eq!(tier_of("吕芳", "lufang"), Some((Full, true)));
    }

    #[test]
    fn alignment_names_the_matched_characters() {
        let ix = SearchIndex::build(&[Person::named(PersonId("1".into()), "张大伟")]);
        let q = Query::parse(&ix, "zw").unwrap();
        let name = Name::new(&ix, 0);
        let a = name.align(&q.terms[0], false, true);
        assert_eq!(a.iter().map(|(u, _)| *u).collect::<Vec<_>>(), [0, 2]);
        let mut s = String::new();
        name.spelling(&a, &mut s);
        assert_eq!(s, "zhangdawei");
        assert!(name.align(&q.terms[0], false, false).is_empty());
    }
}
