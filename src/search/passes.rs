//! Evaluation passes over the candidates. With many candidates (a one- or two-letter
//! query at a million people), people whose first name character fits the start of
//! some term are evaluated first: only they can reach `Prefix` or better, so when they
//! alone fill the requested number of hits the rest (fuzzy and field matches, which
//! would rank below all of them) is never looked at.

use rayon::prelude::*;

use super::MatchTier;
use super::index::SearchIndex;
use super::lists::union;
use super::query::Query;
use super::rank::{PARALLEL_FROM, Scored, evaluate};
use super::text::{is_latin, letter_bit};

/// Who to evaluate: everybody (pinyin-only queries, pre-filtered per person by letter
/// mask) or a sorted candidate list from the posting lists.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Candidates<'c> {
    All,
    List(&'c [u32]),
}

impl Candidates<'_> {
    fn len(&self, ix: &SearchIndex) -> usize {
        match self {
            Candidates::All => ix.len(),
            Candidates::List(ids) => ids.len(),
        }
    }
}

/// The people of `cands` that match `q`, in roster order, and whether that is all of
/// them (`false` when the second pass was skipped: only people who can rank above
/// every skipped one are listed).
pub(crate) fn evaluate_pass(
    ix: &SearchIndex,
    q: &Query,
    cands: Candidates,
    limit: usize,
) -> (Vec<Scored>, bool) {
    if cands.len(ix) < PARALLEL_FROM {
        return (evaluate_where(ix, q, cands, |_| true), true);
    }
    let mut first = match (cands, prefix_people(ix, q)) {
        (Candidates::All, Some(list)) => evaluate_where(ix, q, Candidates::List(&list), |_| true),
        _ => evaluate_where(ix, q, cands, |i| starts_right(ix, q, i)),
    };
    let strong = first.iter().filter(|s| s.tier >= MatchTier::Prefix).count();
    if strong >= limit {
        return (first, false);
    }
    first.extend(evaluate_where(ix, q, cands, |i| !starts_right(ix, q, i)));
    first.sort_unstable_by_key(|s| s.idx);
    (first, true)
}

/// For a query whose terms all start with a letter: the people whose first name
/// character has a reading starting with one of those letters (from the lists, rather
/// than testing everybody with `starts_right`).
fn prefix_people(ix: &SearchIndex, q: &Query) -> Option<Vec<u32>> {
    let mut bits = 0u32;
    for t in &q.terms {
        let c = t.chars[0];
        if !is_latin(c) {
            return None;
        }
        bits |= letter_bit(c as u8);
    }
    let mut lists = (0..27)
        .filter(|b| bits & (1 << b) != 0)
        .map(|b| ix.first_postings[b].as_slice());
    let first = lists.next()?.to_vec();
    Some(lists.fold(first, |acc, l| union(&acc, l)))
}

/// Whether person `idx`'s first name character fits the first character of some term
/// (necessary for a `Prefix`, `Full` or `Exact` match).
fn starts_right(ix: &SearchIndex, q: &Query, idx: u32) -> bool {
    q.terms.iter().any(|t| {
        let c = t.chars[0];
        if is_latin(c) {
            ix.firsts[idx as usize] & letter_bit(c as u8) != 0
        } else {
            let first = ix.name_units(idx).first();
            first.is_some_and(|&g| ix.glyphs[g as usize].ch == c)
        }
    })
}

/// Cheap necessary condition for a match: every term's letters and characters occur
/// in the name (by letter mask and signature), or the term occurs in some field text.
#[inline]
fn plausible(ix: &SearchIndex, q: &Query, idx: u32) -> bool {
    let (mask, sig) = (ix.masks[idx as usize], ix.sigs[idx as usize]);
    q.terms.iter().all(|t| {
        (mask & t.required == t.required && sig & t.sig == t.sig) || t.field_hits.is_some()
    })
}

/// Evaluates the candidates that pass `keep`, in roster order, on all cores when many.
fn evaluate_where(
    ix: &SearchIndex,
    q: &Query,
    cands: Candidates,
    keep: impl Fn(u32) -> bool + Sync,
) -> Vec<Scored> {
    let eval = |i: u32| {
        if plausible(ix, q, i) && keep(i) {
            evaluate(ix, q, i)
        } else {
            None
        }
    };
    match cands {
        Candidates::All => {
            let n = ix.len() as u32;
            if n as usize >= PARALLEL_FROM {
                (0..n).into_par_iter().filter_map(eval).collect()
            } else {
                (0..n).filter_map(eval).collect()
            }
        }
        Candidates::List(ids) if ids.len() >= PARALLEL_FROM => {
            ids.par_iter().copied().filter_map(eval).collect()
        }
        Candidates::List(ids) => ids.iter().copied().filter_map(eval).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::rank::select;

    /// Big enough for the parallel, two-pass path; checked against one plain pass.
    #[test]
    fn two_passes_rank_like_one_pass_over_everybody() {
        let people = crate::demo::generate_register(3 * PARALLEL_FROM, 3);
        let ix = SearchIndex::build(&people);
        let queries = [
            "z", "zh", "w", "张", "l 新", "伟", "zw", "村", "x 书记", "wei", "湖",
        ];
        for query in queries {
            let q = Query::parse(&ix, query).unwrap();
            for limit in [1, 50, 5000] {
                let all = (0..ix.len() as u32)
                    .filter_map(|i| evaluate(&ix, &q, i))
                    .collect();
                let expected = select(&ix, &q, all, limit);
                assert_eq!(ix.search(query, limit), expected, "{query:?} limit {limit}");
            }
        }
    }

    #[test]
    fn searcher_narrowing_agrees_on_a_big_register() {
        let people = crate::demo::generate_register(2 * PARALLEL_FROM, 4);
        let ix = SearchIndex::build(&people);
        let mut searcher = crate::search::Searcher::new(&ix);
        for typed in ["zhangwei", "张伟", "l 新开", "wf 书"] {
            let chars: Vec<char> = typed.chars().collect();
            for end in 1..=chars.len() {
                let query: String = chars[..end].iter().collect();
                assert_eq!(
                    searcher.search(&query, 30),
                    ix.search(&query, 30),
                    "{query:?}"
                );
            }
        }
    }
}
