//! Scoring and ranking. A person's tier is the best tier any term reached on the name
//! (or `Field` when every term matched only unit/township/county/position); the score
//! is the tier in the high bits plus per-term points. Fuzzy points come from
//! SkimMatcherV2 and are computed only for the people who can still make the cut.

use std::cmp::Reverse;

use fuzzy_matcher::FuzzyMatcher;
use rayon::prelude::*;

use super::index::{NO_FIELD, SearchIndex};
use super::matcher::Name;
use super::query::{Query, Term};
use super::{Hit, MatchTier};

/// Candidate counts from which evaluation runs on all cores and in two passes.
pub(crate) const PARALLEL_FROM: usize = 16_384;

/// Tiers sit above any sum of per-term points.
const TIER_SHIFT: u32 = 40;
/// Per-term points for a term matched at a tier (tier × this), minus `ALT_PENALTY` when
/// it needed a non-preferred reading; fuzzy terms add up to `FUZZY_MAX` from Skim.
const TERM_POINTS: i64 = 1000;
const ALT_PENALTY: i64 = 500;
const FUZZY_MAX: i64 = 499;

/// A matching person before fuzzy points and highlighting.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Scored {
    pub(crate) idx: u32,
    pub(crate) tier: MatchTier,
    score: i64,
    /// Some term matched the name only fuzzily: Skim points still to add.
    needs_fuzzy: bool,
}

pub(crate) fn tier_base(tier: MatchTier) -> i64 {
    (tier as i64) << TIER_SHIFT
}

/// Whether any of person `idx`'s fields contains the term.
fn field_match(ix: &SearchIndex, term: &Term, idx: u32) -> bool {
    match &term.field_hits {
        None => false,
        Some(hits) => ix.fields[idx as usize]
            .iter()
            .any(|&f| f != NO_FIELD && hits[f as usize]),
    }
}

/// How `term` matches person `idx`: name tier (and whether another reading was
/// needed), else `Field`, else `None`.
fn term_match(ix: &SearchIndex, name: &Name, term: &Term, idx: u32) -> Option<(MatchTier, bool)> {
    let i = idx as usize;
    let maybe_name = ix.masks[i] & term.required == term.required
        && ix.sigs[i] & term.sig == term.sig
        && term.slots.is_some();
    let on_name = if maybe_name { name.tier(term) } else { None };
    on_name.or_else(|| field_match(ix, term, idx).then_some((MatchTier::Field, false)))
}

/// Tier and structural score of person `idx`, or `None` if some term does not match.
pub(crate) fn evaluate(ix: &SearchIndex, q: &Query, idx: u32) -> Option<Scored> {
    let name = Name::new(ix, idx);
    if name.is_exact(&q.whole) {
        let score = tier_base(MatchTier::Exact);
        return Some(Scored {
            idx,
            tier: MatchTier::Exact,
            score,
            needs_fuzzy: false,
        });
    }
    let (mut best, mut points, mut needs_fuzzy) = (MatchTier::Field, 0, false);
    for term in &q.terms {
        let (tier, alt) = term_match(ix, &name, term, idx)?;
        best = best.max(tier);
        points += tier as i64 * TERM_POINTS - if alt { ALT_PENALTY } else { 0 };
        needs_fuzzy |= tier == MatchTier::Fuzzy;
    }
    Some(Scored {
        idx,
        tier: best,
        score: tier_base(best) + points,
        needs_fuzzy,
    })
}

/// SkimMatcherV2 points for the fuzzy terms of a person's match.
fn fuzzy_points(ix: &SearchIndex, q: &Query, idx: u32) -> i64 {
    let name = Name::new(ix, idx);
    let mut spelling = String::new();
    let mut points = 0;
    for term in &q.terms {
        if let Some((MatchTier::Fuzzy, alt)) = name.tier(term) {
            name.spelling(&name.align(term, alt, true), &mut spelling);
            let skim = ix.matcher.fuzzy_match(&spelling, &term.text).unwrap_or(0);
            points += skim.clamp(0, FUZZY_MAX);
        }
    }
    points
}

/// The lowest tier that can still reach the top `limit`.
fn cut_tier(scored: &[Scored], limit: usize) -> MatchTier {
    let mut counts = [0usize; MatchTier::ALL.len() + 1];
    for s in scored {
        counts[s.tier as usize] += 1;
    }
    let mut above = 0;
    for tier in MatchTier::ALL.iter().rev() {
        above += counts[*tier as usize];
        if above >= limit {
            return *tier;
        }
    }
    MatchTier::Field
}

/// The best `limit` of `scored` as hits, best first.
pub(crate) fn select(
    ix: &SearchIndex,
    q: &Query,
    mut scored: Vec<Scored>,
    limit: usize,
) -> Vec<Hit> {
    if limit == 0 {
        return Vec::new();
    }
    let cut = cut_tier(&scored, limit);
    scored.retain(|s| s.tier >= cut);
    let add_fuzzy = |s: &mut Scored| {
        if s.needs_fuzzy {
            s.score += fuzzy_points(ix, q, s.idx);
        }
    };
    if scored.len() >= PARALLEL_FROM / 4 {
        scored.par_iter_mut().for_each(add_fuzzy);
    } else {
        scored.iter_mut().for_each(add_fuzzy);
    }
    let key = |s: &Scored| (Reverse(s.score), ix.name_len(s.idx), s.idx);
    if scored.len() > limit {
        scored.select_nth_unstable_by_key(limit - 1, key);
        scored.truncate(limit);
    }
    scored.sort_unstable_by_key(key);
    scored.iter().map(|s| hit(ix, q, s)).collect()
}

fn hit(ix: &SearchIndex, q: &Query, s: &Scored) -> Hit {
    Hit {
        index: s.idx as usize,
        score: s.score,
        tier: s.tier,
        name_highlight: highlight(ix, q, s),
    }
}

/// Char indices of the whole name of person `idx`.
pub(crate) fn whole_name(ix: &SearchIndex, idx: u32) -> Vec<usize> {
    let name = Name::new(ix, idx);
    name.positions(0..name.len(), idx)
}

/// Char indices of the name that the query matched.
fn highlight(ix: &SearchIndex, q: &Query, s: &Scored) -> Vec<usize> {
    let name = Name::new(ix, s.idx);
    let all = || 0..name.len();
    if s.tier == MatchTier::Exact {
        return name.positions(all(), s.idx);
    }
    let mut units: Vec<usize> = Vec::new();
    for term in &q.terms {
        let Some((tier, alt)) = name.tier(term) else {
            continue;
        };
        match tier {
            MatchTier::Full => units.extend(all()),
            MatchTier::Prefix | MatchTier::Fuzzy => {
                let fuzzy = tier == MatchTier::Fuzzy;
                units.extend(name.align(term, alt, fuzzy).iter().map(|&(u, _)| u));
            }
            MatchTier::Exact | MatchTier::Identity | MatchTier::Field => {}
        }
    }
    let mut positions = name.positions(units.into_iter(), s.idx);
    positions.sort_unstable();
    positions.dedup();
    positions
}
