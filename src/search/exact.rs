//! Exact picks: a query that is someone's whole ID number, full phone number or person
//! code finds that person alone, before any name is searched (an ID-card reader or a
//! barcode scanner types the whole value and Enter at once; no fuzzy hit of a name may
//! stand in for it). Each person's three keys are numbers compared by a plain scan:
//! about a millisecond for a million people, paid only by queries of those shapes.

use crate::domain::Person;
use crate::domain::scan::{ExactKey, PersonKeys};

use super::{Hit, MatchTier, SearchIndex};

/// No key of this kind (no ID number, or a phone that is not 11 digits).
const NONE: u64 = u64::MAX;

/// Every person's exact keys, by position in the roster.
#[derive(Debug, Default)]
pub(crate) struct ExactKeys {
    id_numbers: Vec<u64>,
    phones: Vec<u64>,
    codes: Vec<u64>,
}

impl ExactKeys {
    pub(crate) fn build(people: &[Person]) -> ExactKeys {
        let n = people.len();
        let mut keys = ExactKeys {
            id_numbers: Vec::with_capacity(n),
            phones: Vec::with_capacity(n),
            codes: Vec::with_capacity(n),
        };
        for person in people {
            let k = PersonKeys::of(person);
            keys.id_numbers.push(k.id_number.unwrap_or(NONE));
            keys.phones.push(k.phone.unwrap_or(NONE));
            keys.codes.push(k.code.bits());
        }
        keys
    }

    /// Positions of the people having `key`, ascending.
    fn find(&self, key: ExactKey) -> Vec<u32> {
        let (column, value) = match key {
            ExactKey::IdNumber(v) => (&self.id_numbers, v),
            ExactKey::Phone(v) => (&self.phones, v),
            ExactKey::Code(code) => (&self.codes, code.bits()),
        };
        column
            .iter()
            .enumerate()
            .filter(|&(_, &k)| k == value)
            .map(|(i, _)| i as u32)
            .collect()
    }
}

impl SearchIndex {
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
        let score = super::rank::tier_base(MatchTier::Identity);
        let hits = found.into_iter().take(limit).map(|index| Hit {
            index: index as usize,
            score,
            tier: MatchTier::Identity,
            name_highlight: super::rank::whole_name(self, index),
        });
        Some(hits.collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
        people[0].unit = "4306021990010112345组".into();
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
        // Person 0's unit contains these digits; a name search would list them.
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
}
