//! Search-as-you-type. Appending characters to a query can only shrink its matches
//! (every term must match, and a longer term matches a subset), so the searcher keeps
//! the previous query's full match list and evaluates only those people next time.

use super::candidates::candidates;
use super::lists::intersect;
use super::passes::{Candidates, evaluate_pass};
use super::query::Query;
use super::rank::select;
use super::{Hit, SearchIndex};

/// Runs successive queries against one index, narrowing when a query extends the
/// previous one (`zh` → `zha`, `张` → `张 新`). Results are always identical to
/// [`SearchIndex::search`]; only the work differs.
#[derive(Debug)]
pub struct Searcher<'a> {
    index: &'a SearchIndex,
    last_terms: Vec<String>,
    last_matches: Option<Vec<u32>>,
}

impl<'a> Searcher<'a> {
    pub fn new(index: &'a SearchIndex) -> Searcher<'a> {
        Searcher {
            index,
            last_terms: Vec::new(),
            last_matches: None,
        }
    }

    pub fn index(&self) -> &'a SearchIndex {
        self.index
    }

    /// Forgets the previous query (the next search starts from the whole index).
    pub fn reset(&mut self) {
        self.last_terms.clear();
        self.last_matches = None;
    }

    /// Same as [`SearchIndex::search`].
    pub fn search(&mut self, query: &str, limit: usize) -> Vec<Hit> {
        if let Some(hits) = self.index.exact(query, limit) {
            self.reset();
            return hits;
        }
        let Some(q) = Query::parse(self.index, query) else {
            self.reset();
            return Vec::new();
        };
        let terms: Vec<String> = q.terms.iter().map(|t| t.text.clone()).collect();
        let previous = match self.last_matches.take() {
            Some(m) if extends(&self.last_terms, &terms) => Some(m),
            _ => None,
        };
        let (hits, matches) = self.index.run(&q, limit, previous.as_deref(), true);
        self.last_terms = terms;
        self.last_matches = matches;
        hits
    }
}

/// Whether `new` has every term of `old`, the last one possibly lengthened, and maybe
/// more terms after it.
fn extends(old: &[String], new: &[String]) -> bool {
    let Some((last, head)) = old.split_last() else {
        return false;
    };
    new.len() >= old.len()
        && new[..head.len()] == *head
        && new[head.len()].starts_with(last.as_str())
}

impl SearchIndex {
    /// Ranks the matches of `q` among `within` (if given) and the candidates from the
    /// posting lists; optionally returns every match (for narrowing).
    pub(crate) fn run(
        &self,
        q: &Query,
        limit: usize,
        within: Option<&[u32]>,
        keep_matches: bool,
    ) -> (Vec<Hit>, Option<Vec<u32>>) {
        let fresh = candidates(self, q);
        let both = match (within, &fresh) {
            (Some(w), Some(f)) => Some(intersect(w, f)),
            _ => None,
        };
        let cands = match both.as_deref().or(within).or(fresh.as_deref()) {
            Some(list) => Candidates::List(list),
            None => Candidates::All,
        };
        let (scored, complete) = evaluate_pass(self, q, cands, limit);
        // Narrowing needs a superset of the matches: all of them, or else the candidates.
        let matches = match (keep_matches, complete, cands) {
            (false, _, _) => None,
            (true, true, _) => Some(scored.iter().map(|s| s.idx).collect()),
            (true, false, Candidates::List(list)) => Some(list.to_vec()),
            (true, false, Candidates::All) => None,
        };
        (select(self, q, scored, limit), matches)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn extension_means_longer_last_term_or_more_terms() {
        assert!(extends(&terms("zh"), &terms("zha")));
        assert!(extends(&terms("zh"), &terms("zh 新")));
        assert!(extends(&terms("a b"), &terms("a bc d")));
        assert!(!extends(&terms("zha"), &terms("zh")));
        assert!(!extends(&terms("a b"), &terms("ab")));
        assert!(!extends(&[], &terms("a")));
    }
}
