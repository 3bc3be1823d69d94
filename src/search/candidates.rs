//! Candidate generation from the inverted lists: for each term with Hanzi, people whose
//! name has all its Hanzi or whose field contains it; candidates are the intersection
//! over such terms. Pinyin-only queries scan everybody's letter mask instead (a few
//! hundred microseconds at a million people), which is as selective as letter lists.

use super::index::SearchIndex;
use super::lists::{intersect, union};
use super::query::{Query, Term};

/// Sorted people to evaluate for `q`, or `None` when no term narrows it (evaluate all).
pub(crate) fn candidates(ix: &SearchIndex, q: &Query) -> Option<Vec<u32>> {
    let mut acc: Option<Vec<u32>> = None;
    for term in q.terms.iter().filter(|t| t.has_hanzi()) {
        let Some(set) = term_set(ix, term) else {
            continue;
        };
        let next = match acc {
            None => set,
            Some(prev) => intersect(&prev, &set),
        };
        let done = next.is_empty();
        acc = Some(next);
        if done {
            break;
        }
    }
    acc
}

/// People the term can match: by name or by field. `None` when the field side is too
/// broad to be worth listing (a term like `村`).
fn term_set(ix: &SearchIndex, term: &Term) -> Option<Vec<u32>> {
    let fields = field_set(ix, term)?;
    let names = name_set(ix, term);
    Some(if fields.is_empty() {
        names
    } else {
        union(&names, &fields)
    })
}

/// People whose name contains every non-Latin character of the term.
fn name_set(ix: &SearchIndex, term: &Term) -> Vec<u32> {
    let Some(slots) = &term.slots else {
        return Vec::new();
    };
    let mut lists: Vec<&[u32]> = slots
        .iter()
        .map(|&s| ix.postings[s as usize].as_slice())
        .collect();
    lists.sort_by_key(|l| l.len());
    let Some((first, rest)) = lists.split_first() else {
        return Vec::new();
    };
    rest.iter()
        .fold(first.to_vec(), |set, l| intersect(&set, l))
}

/// People with a field containing the term, or `None` if more than a quarter of all.
fn field_set(ix: &SearchIndex, term: &Term) -> Option<Vec<u32>> {
    let Some(hits) = &term.field_hits else {
        return Some(Vec::new());
    };
    let lists: Vec<&Vec<u32>> = hits
        .iter()
        .zip(&ix.field_postings)
        .filter(|(hit, _)| **hit)
        .map(|(_, list)| list)
        .collect();
    let total: usize = lists.iter().map(|l| l.len()).sum();
    if total > ix.len() / 4 {
        return None;
    }
    let mut set: Vec<u32> = Vec::with_capacity(total);
    lists.iter().for_each(|l| set.extend_from_slice(l));
    if lists.len() > 1 {
        set.sort_unstable();
        set.dedup();
    }
    Some(set)
}
