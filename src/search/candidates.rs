//! Candidate generation from the inverted lists: for each term with Hanzi, people whose
//! name has all its Hanzi or whose field contains it; candidates are the intersection
//! over such terms. Pinyin-only queries scan everybody's letter mask instead (a few
//! hundred microseconds at a million people), which is as selective as letter lists.

use super::index::SearchIndex;
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

/// Intersection of two ascending lists; gallops through the longer one when the
/// lengths differ a lot.
pub(crate) fn intersect(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let mut out = Vec::with_capacity(small.len());
    if small.len() * 16 < large.len() {
        let mut rest = large;
        for &x in small {
            match rest.binary_search(&x) {
                Ok(i) => {
                    out.push(x);
                    rest = &rest[i + 1..];
                }
                Err(i) => rest = &rest[i..],
            }
        }
        return out;
    }
    let (mut i, mut j) = (0, 0);
    while i < small.len() && j < large.len() {
        match small[i].cmp(&large[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(small[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// Union of two ascending lists.
pub(crate) fn union(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => {
                out.push(a[i]);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                out.push(b[j]);
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_operations_on_sorted_lists() {
        let a = [1, 3, 5, 7, 9];
        let b = [3, 4, 5, 10];
        assert_eq!(intersect(&a, &b), [3, 5]);
        assert_eq!(union(&a, &b), [1, 3, 4, 5, 7, 9, 10]);
        let long: Vec<u32> = (0..1000).collect();
        assert_eq!(intersect(&[5, 500, 2000], &long), [5, 500]);
        assert_eq!(intersect(&long, &[999]), [999]);
    }
}
