//! 搜索: finding people in the register as the desk clerk types.
//!
//! Pure (no IO, no UI). [`SearchIndex::build`] indexes a roster once; [`SearchIndex::search`]
//! answers a query with ranked [`Hit`]s; [`Searcher`] does the same for search-as-you-type,
//! narrowing the previous matches when the query only grew.
//!
//! # What matches
//! The query is NFC-normalised, full-width letters folded to ASCII, tone marks dropped
//! (`ü` typed as `v`), lower-cased, and split on whitespace into terms that must **all**
//! match, each on any field (`lyt 新开` finds 李雅婷 of 新开村). A term matches:
//! - the name, read character by character as either the character itself or a
//!   prefix of one of its pinyin readings: Hanzi (`张`, `张伟`), full pinyin
//!   (`zhangwei`), initials (`zw`, or `zhw` with `zh`/`ch`/`sh` as one initial, as
//!   pinyin input methods take them), and mixes (`zhangw`, `zwei`, `张w`). Every way of
//!   cutting the term into pieces is tried (`zhw` is zh-w for 张伟 and z-h-w for
//!   周惠文, both spelling the whole name). Pinyin pieces start at syllable starts
//!   (`hang` does not match 张); name characters may be skipped (fuzzy: `zw` and `伟`
//!   match 张大伟). Surnames prefer their surname reading (曾 zeng, 单 shan, 尉迟
//!   yuchi, 万俟 moqi; see [`surname_len`] for compound surnames); other readings of
//!   any character still match, ranked lower.
//! - or, as a substring, the unit, township, county or position (`新开` matches
//!   荣家湾镇新开村).
//!
//! A query that is a whole 18-character ID number, a full phone number or a person code
//! (`domain::scan`) is not searched this way: it finds the people who have it, alone.
//!
//! # Ranking
//! By [`MatchTier`] (a name equal to the whole query first), then score (fuzzy terms
//! scored by SkimMatcherV2; a non-preferred reading costs points), then shorter name,
//! then roster order. People sharing a name are all listed.
//!
//! # Speed
//! Candidates come from inverted lists (name character → people, field text → people)
//! or, for pinyin-only queries, a scan of per-person letter masks; each candidate is then
//! matched with bit-parallel state over its few name characters, on all cores when there
//! are many. Fuzzy scoring runs only for people who can still make the top `limit`.

mod candidates;
mod exact;
mod hash;
mod index;
mod lists;
mod matcher;
mod passes;
mod query;
mod rank;
mod readings;
mod searcher;
mod spell;
mod surname;
mod text;

use crate::domain::scan::ExactKey;

pub use index::SearchIndex;
pub use searcher::Searcher;
pub use spell::{full_pinyin, initials};
pub use surname::surname_len;

/// How well a hit matched, best last (so tiers compare with `>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MatchTier {
    /// Every term matched only the unit, township, county or position.
    Field = 1,
    /// A term matched the name skipping characters (`伟` or `zw` for 张大伟).
    Fuzzy = 2,
    /// A term matched the start of the name (`张`, `zh`, `zhan` for 张伟; `zhw` for 张伟明).
    Prefix = 3,
    /// A term spelt the whole name, each character by its whole reading or its initial
    /// (`zh`, `ch`, `sh` count as one): `zhangwei`, `zw`, `zhw`, `zhangw`, `zwei` for
    /// 张伟, and `zhw` for 周惠文 alike.
    Full = 4,
    /// The name is the query (ignoring case and spaces).
    Exact = 5,
    /// The query is the person's whole ID number, full phone number or person code
    /// (see `domain::scan`): that person alone is the answer.
    Identity = 6,
}

impl MatchTier {
    /// All tiers, worst first.
    pub const ALL: [MatchTier; 6] = [
        MatchTier::Field,
        MatchTier::Fuzzy,
        MatchTier::Prefix,
        MatchTier::Full,
        MatchTier::Exact,
        MatchTier::Identity,
    ];
}

/// One person found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Position of the person in the slice given to [`SearchIndex::build`].
    pub index: usize,
    /// Higher is better; the tier dominates (it sits in the high bits).
    pub score: i64,
    pub tier: MatchTier,
    /// Char indices into the person's name (its NFC form, which is how the store keeps
    /// names) of the characters the query matched, ascending.
    pub name_highlight: Vec<usize>,
}

impl SearchIndex {
    /// The best `limit` people for `query`, best first. A query with nothing but
    /// whitespace finds nobody. A whole ID number, full phone number or person code
    /// finds only the people who have it (see `exact`).
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        if let Some(hits) = self.exact(query, limit) {
            return hits;
        }
        match query::Query::parse(self, query) {
            Some(q) => self.run(&q, limit, None, false).0,
            None => Vec::new(),
        }
    }

    /// The answer to a query that has an exact form: the people having that ID number,
    /// phone or code (roster order, all tier [`MatchTier::Identity`]); no one for an ID
    /// number or phone nobody has (digits are never a name, and a near hit must not be
    /// taken for the scanned person). `None` when the query is not of those forms, or is
    /// a code's shape that no one has (eight letters can be pinyin): search the names.
    pub(crate) fn exact(&self, query: &str, limit: usize) -> Option<Vec<Hit>> {
        let key = ExactKey::parse(query)?;
        let found = self.exact.find(key);
        if found.is_empty() && matches!(key, ExactKey::Code(_)) {
            return None;
        }
        let score = rank::tier_base(MatchTier::Identity);
        let hits = found.into_iter().take(limit).map(|index| Hit {
            index: index as usize,
            score,
            tier: MatchTier::Identity,
            name_highlight: rank::whole_name(self, index),
        });
        Some(hits.collect())
    }
}

#[cfg(test)]
mod exact_tests;
#[cfg(test)]
mod tests;
