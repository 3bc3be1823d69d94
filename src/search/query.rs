//! A parsed query: folded, split on whitespace into terms that must all match, each
//! term analysed once against the index (which letters must start a syllable, which
//! posting lists and field texts it touches) so per-person work stays small.

use super::index::{SearchIndex, sig_bit};
use super::lists::intersect;
use super::readings::{pack, pack_le};
use super::text::{fold, is_latin, letter_bit};

/// Longest term matched against names (positions are tracked in a `u128`); longer
/// terms can still match unit, township, county or position.
pub(crate) const MAX_TERM: usize = 127;

/// One whitespace-separated part of a query.
#[derive(Debug)]
pub(crate) struct Term {
    pub(crate) chars: Vec<char>,
    /// The ASCII byte of each Latin char, 0 for the others (which never equal a reading
    /// byte, so prefix comparisons stop there).
    pub(crate) latin: Vec<u8>,
    /// For each position, the next 8 Latin bytes packed as by `pack_le` (zero from the
    /// first non-Latin char or the end on).
    pub(crate) packed: Vec<u64>,
    /// The folded term, for field substring tests and fuzzy scoring.
    pub(crate) text: String,
    /// Letters that start a reading in every way of reading the term as pinyin.
    pub(crate) required: u32,
    /// Every letter of the term (as in `letter_bit`).
    pub(crate) letters: u32,
    /// Signature bits of the term's non-Latin characters.
    pub(crate) sig: u64,
    /// Posting slots of the distinct non-Latin characters; `None` when one of them is in
    /// no name (then only fields can match). Empty for pure pinyin terms.
    pub(crate) slots: Option<Vec<u32>>,
    /// For each field text, whether it contains the term; `None` when none does.
    pub(crate) field_hits: Option<Vec<bool>>,
}

impl Term {
    fn parse(ix: &SearchIndex, text: &str) -> Term {
        let chars: Vec<char> = text.chars().collect();
        let latin: Vec<u8> = chars
            .iter()
            .map(|&c| if is_latin(c) { c as u8 } else { 0 })
            .collect();
        let mut sig = 0;
        let mut slots = Some(Vec::new());
        for &c in chars.iter().filter(|&&c| !is_latin(c)) {
            sig |= sig_bit(c);
            match (ix.slots.get(&c), slots.as_mut()) {
                (Some(&s), Some(list)) if !list.contains(&s) => list.push(s),
                (None, _) => slots = None,
                _ => {}
            }
        }
        Term {
            packed: (0..latin.len())
                .map(|i| {
                    let run = latin[i..].iter().take(8).take_while(|&&b| b != 0).count();
                    pack_le(&latin[i..i + run])
                })
                .collect(),
            required: required_letters(ix, &latin),
            letters: latin.iter().fold(0, |m, &b| m | letter_bit(b)),
            field_hits: field_hits(ix, text),
            chars,
            latin,
            text: text.to_string(),
            sig,
            slots,
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.chars.len()
    }

    /// Whether the term has a non-Latin character (so posting lists can narrow it).
    pub(crate) fn has_hanzi(&self) -> bool {
        self.latin.contains(&0)
    }
}

/// Letters that must start a reading, whatever syllables the term is split into: the
/// first letter of each Latin run, and any letter no multi-letter reading prefix can
/// span. `zhangwei` requires `z` and `w` (no reading contains `gw`).
fn required_letters(ix: &SearchIndex, latin: &[u8]) -> u32 {
    let n = latin.len();
    let mut spanned = vec![false; n];
    for a in 0..n {
        for b in a + 2..=n.min(a + 8) {
            if latin[b - 1] == 0 || latin[a] == 0 {
                break;
            }
            if ix.prefixes.contains(&pack(&latin[a..b])) {
                spanned[a + 1..b].iter_mut().for_each(|s| *s = true);
            }
        }
    }
    latin
        .iter()
        .zip(&spanned)
        .filter(|&(&b, &s)| b != 0 && !s)
        .fold(0, |mask, (&b, _)| mask | letter_bit(b))
}

/// For each field text, whether it contains the term; `None` if none does. Texts are
/// narrowed by the term's non-ASCII characters first when it has some.
fn field_hits(ix: &SearchIndex, text: &str) -> Option<Vec<bool>> {
    let mut wide: Vec<char> = text.chars().filter(|c| !c.is_ascii()).collect();
    if wide.is_empty() && !ix.fields_have_latin {
        return None;
    }
    let mut hits = vec![false; ix.field_texts.len()];
    if wide.is_empty() {
        for (hit, t) in hits.iter_mut().zip(&ix.field_texts) {
            *hit = t.contains(text);
        }
    } else {
        wide.sort_unstable();
        wide.dedup();
        let mut lists = Vec::with_capacity(wide.len());
        for c in &wide {
            lists.push(ix.field_chars.get(c)?.as_slice());
        }
        lists.sort_by_key(|l| l.len());
        let ids = lists[1..]
            .iter()
            .fold(lists[0].to_vec(), |acc, l| intersect(&acc, l));
        for id in ids {
            hits[id as usize] = ix.field_texts[id as usize].contains(text);
        }
    }
    hits.contains(&true).then_some(hits)
}

/// A whole query.
#[derive(Debug)]
pub(crate) struct Query {
    pub(crate) terms: Vec<Term>,
    /// All terms' characters back to back: a name equal to this is an exact match.
    pub(crate) whole: Vec<char>,
}

impl Query {
    /// `None` for a query with nothing but whitespace.
    pub(crate) fn parse(ix: &SearchIndex, query: &str) -> Option<Query> {
        let folded = fold(query);
        let terms: Vec<Term> = folded
            .split_whitespace()
            .map(|t| Term::parse(ix, t))
            .collect();
        if terms.is_empty() {
            return None;
        }
        let whole = terms.iter().flat_map(|t| t.chars.iter().copied()).collect();
        Some(Query { terms, whole })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Person, PersonId};

    fn index(names: &[&str]) -> SearchIndex {
        let people: Vec<Person> = names
            .iter()
            .map(|n| Person::named(PersonId((*n).into()), *n))
            .collect();
        SearchIndex::build(&people)
    }

    fn letters(mask: u32) -> String {
        (b'a'..=b'z')
            .filter(|&b| mask & letter_bit(b) != 0)
            .map(char::from)
            .collect()
    }

    #[test]
    fn required_letters_are_forced_syllable_starts() {
        let ix = index(&["张伟", "王芳", "李雅婷"]);
        let q = Query::parse(&ix, "zhangwei").unwrap();
        assert_eq!(letters(q.terms[0].required), "wz");
        let q = Query::parse(&ix, "zw").unwrap();
        assert_eq!(letters(q.terms[0].required), "wz");
        let q = Query::parse(&ix, "张w").unwrap();
        assert_eq!(letters(q.terms[0].required), "w");
    }

    #[test]
    fn terms_are_folded_and_split() {
        let ix = index(&["张伟"]);
        let q = Query::parse(&ix, " ＺＨ  伟 ").unwrap();
        let texts: Vec<&str> = q.terms.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(texts, ["zh", "伟"]);
        assert_eq!(q.whole, ['z', 'h', '伟']);
        assert!(Query::parse(&ix, " \u{3000} ").is_none());
    }

    #[test]
    fn unknown_hanzi_leaves_only_fields() {
        let ix = index(&["张伟"]);
        let q = Query::parse(&ix, "新开").unwrap();
        assert!(q.terms[0].slots.is_none());
        assert!(q.terms[0].field_hits.is_none());
    }
}
