//! Exact picks by ID number, phone or person code (see `exact`).

use super::{MatchTier, SearchIndex};
use crate::domain::Person;
use crate::domain::PersonId;
use crate::domain::person_code::PersonCode;
use crate::search::Searcher;

const ID: &str = "430602199001011234";

fn people() -> Vec<Person> {
    let mut people: Vec<Person> = ["张伟", "张伟明", "李雅婷", "王芳", "赵六"]
        .iter()
        .enumerate()
        .map(|(i, n)| Person::named(PersonId(format!("01JD{i:022}")), *n))
        .collect();
    people[1].id_number = Some(ID.into());
    people[2].phone = Some("138-1234-1234".into());
    people[3].phone = Some("13812341234".into());
    people[4].id_number = Some("43060219900101123x".into());
    // A unit with digits in it: a substring search would find it.
    people[0].unit = "4306021990010112390组".into();
    people
}

fn found(ix: &SearchIndex, query: &str) -> Vec<usize> {
    ix.search(query, 10).iter().map(|h| h.index).collect()
}

#[test]
fn a_whole_id_number_finds_that_person_alone() {
    let ix = SearchIndex::build(&people());
    let hits = ix.search(ID, 10);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].index, 1);
    assert_eq!(hits[0].tier, MatchTier::Identity);
    assert_eq!(hits[0].name_highlight, [0, 1, 2], "the whole name marked");
    assert_eq!(found(&ix, "43060219900101123X"), [4], "x as X");
}

#[test]
fn an_id_number_nobody_has_finds_nobody_not_a_near_hit() {
    let ix = SearchIndex::build(&people());
    // Person 0's unit holds all 18 digits: a search of the fields would list them.
    assert_eq!(found(&ix, "43060219900101"), [0]);
    assert_eq!(found(&ix, "430602199001011239"), Vec::<usize>::new());
    assert_eq!(found(&ix, "13912341234"), Vec::<usize>::new());
}

#[test]
fn a_full_phone_finds_everyone_who_has_it() {
    let ix = SearchIndex::build(&people());
    assert_eq!(found(&ix, "13812341234"), [2, 3]);
    assert_eq!(found(&ix, "138 1234 1234"), [2, 3]);
    assert_eq!(
        found(&ix, "1381234123"),
        Vec::<usize>::new(),
        "ten digits: no one"
    );
}

#[test]
fn a_code_finds_its_person_and_a_code_shape_nobody_has_searches_names() {
    let people = people();
    let ix = SearchIndex::build(&people);
    let code = PersonCode::of(&people[3].id).to_string();
    assert_eq!(found(&ix, &code), [3]);
    assert_eq!(found(&ix, &code.to_lowercase()), [3]);
    let taken: Vec<String> = people
        .iter()
        .map(|p| PersonCode::of(&p.id).to_string())
        .collect();
    assert!(!taken.contains(&"ZHANGWE1".to_string()));
    assert_eq!(found(&ix, "zhangwei"), [0, 1], "pinyin of eight letters");
}

#[test]
fn typing_an_id_number_key_by_key_gives_what_search_gives() {
    let ix = SearchIndex::build(&people());
    let mut searcher = Searcher::new(&ix);
    for n in 1..=ID.len() {
        assert_eq!(
            searcher.search(&ID[..n], 10),
            ix.search(&ID[..n], 10),
            "{n}"
        );
    }
    let more = format!("{ID} 张");
    assert_eq!(searcher.search(&more, 10), ix.search(&more, 10));
    assert_eq!(searcher.search("zw", 10), ix.search("zw", 10));
}
