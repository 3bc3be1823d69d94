//! Ranking tests over small rosters (the table-driven ones live in tests/search.rs).

use super::*;
use crate::domain::{Person, PersonId};

fn roster(names: &[&str]) -> Vec<Person> {
    names
        .iter()
        .enumerate()
        .map(|(i, n)| Person::named(PersonId(format!("p{i}")), *n))
        .collect()
}

fn names(people: &[Person], hits: &[Hit]) -> Vec<String> {
    hits.iter().map(|h| people[h.index].name.clone()).collect()
}

#[test]
fn exact_name_comes_first_then_prefix_then_fuzzy() {
    let people = roster(&["张大伟", "张伟明", "张伟", "李张伟"]);
    let ix = SearchIndex::build(&people);
    let hits = ix.search("张伟", 10);
    assert_eq!(
        names(&people, &hits),
        ["张伟", "张伟明", "张大伟", "李张伟"]
    );
    assert_eq!(hits[0].tier, MatchTier::Exact);
    assert_eq!(hits[1].tier, MatchTier::Prefix);
    assert_eq!(hits[2].tier, MatchTier::Fuzzy);
    assert_eq!(hits[0].name_highlight, [0, 1]);
    assert_eq!(hits[2].name_highlight, [0, 2]);
}

#[test]
fn limit_keeps_the_best() {
    let people = roster(&["王芳", "王伟", "汪洋", "张伟"]);
    let ix = SearchIndex::build(&people);
    let hits = ix.search("w", 2);
    assert_eq!(names(&people, &hits), ["王芳", "王伟"]);
    assert!(ix.search("w", 0).is_empty());
}

#[test]
fn searcher_gives_the_same_results_as_search() {
    let people = roster(&["张伟", "张三", "赵伟", "王伟", "张伟明", "章维"]);
    let ix = SearchIndex::build(&people);
    let mut s = Searcher::new(&ix);
    for q in [
        "z", "zh", "zha", "zhang", "zhangw", "zhangwe", "zhang", "z w", "张", "张 w", "", "w",
    ] {
        assert_eq!(s.search(q, 10), ix.search(q, 10), "query {q:?}");
    }
}

#[test]
fn fuzzy_scores_come_from_skim() {
    let people = roster(&["张大伟", "张伟大"]);
    let ix = SearchIndex::build(&people);
    let hits = ix.search("dw", 10);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].tier, MatchTier::Fuzzy);
    let base = (MatchTier::Fuzzy as i64) << 40;
    assert!(
        hits[0].score > base + 2000,
        "skim points added: {}",
        hits[0].score
    );
}

#[test]
fn empty_index_and_blank_query_find_nobody() {
    let ix = SearchIndex::build(&[]);
    assert!(ix.is_empty());
    assert!(ix.search("张", 10).is_empty());
    let people = roster(&["张伟"]);
    let ix = SearchIndex::build(&people);
    assert!(ix.search("   ", 10).is_empty());
}

#[test]
fn names_with_spaces_and_latin_letters() {
    let people = roster(&["Anna Li", "阿依古丽·买买提"]);
    let ix = SearchIndex::build(&people);
    let hits = ix.search("ANNA LI", 10);
    assert_eq!(hits[0].index, 0);
    assert_eq!(hits[0].tier, MatchTier::Exact);
    assert_eq!(hits[0].name_highlight, [0, 1, 2, 3, 5, 6]);
    let hits = ix.search("阿依古丽·", 10);
    assert_eq!(hits[0].index, 1);
    assert_eq!(hits[0].tier, MatchTier::Prefix);
}

#[test]
fn odd_input_does_not_panic() {
    let long_name: String = "张".repeat(300);
    let people = roster(&["", "·", long_name.as_str(), "张伟"]);
    let ix = SearchIndex::build(&people);
    let long_latin = "zhang".repeat(40);
    let long_hanzi = "张".repeat(200);
    for q in [
        long_latin.as_str(),
        long_hanzi.as_str(),
        "·",
        "!!",
        "张 张 张 张",
        "ｚ\u{301}",
    ] {
        let _ = ix.search(q, 5);
    }
    assert_eq!(ix.search(&long_hanzi[..3 * 100], 5).len(), 1);
    assert!(
        ix.search(&long_hanzi[..3 * 150], 5).is_empty(),
        "past MAX_TERM: fields only"
    );
}

#[test]
fn index_can_be_shared_across_threads() {
    fn shareable<T: Send + Sync>() {}
    shareable::<SearchIndex>();
    shareable::<Hit>();
}
