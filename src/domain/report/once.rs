//! One person, counted once (同一人): the year report's register has one line per
//! person, not per record. Records joined as one person ([`Aliases`]) — a secretary
//! found in two counties' registers when the city merges their bundles — count once,
//! under the kept id, with the details of their newest register record (the one made
//! or edited last): its county, field and unit are where they serve now. People whose
//! records name different counties are listed, so the report says where each counted.

use std::collections::{BTreeSet, HashMap};

use crate::domain::aliases::Aliases;
use crate::domain::{Person, PersonId};

/// A person whose records name more than one county, and where they were counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountedOnce {
    /// The kept id.
    pub person: PersonId,
    pub name: String,
    /// Every county their records name, sorted.
    pub counties: Vec<String>,
    /// The county of their newest record, where they count.
    pub county: String,
}

/// The register with every group of records as one person: the newest record of the
/// group (by `newest`, a record's time of creation or last edit; ties to the larger
/// id) under the kept id, in the kept record's place. Returns the people whose records
/// name different counties too, in register order.
pub fn one_record_each<K: Ord + Copy>(
    register: &[Person],
    aliases: &Aliases,
    newest: impl Fn(&Person) -> K,
) -> (Vec<Person>, Vec<CountedOnce>) {
    if aliases.is_empty() {
        return (register.to_vec(), Vec::new());
    }
    let mut groups: HashMap<&PersonId, Vec<&Person>> = HashMap::new();
    for person in register {
        groups
            .entry(aliases.kept(&person.id))
            .or_default()
            .push(person);
    }
    let mut people = Vec::with_capacity(groups.len());
    let mut listed = Vec::new();
    for person in register {
        let kept = aliases.kept(&person.id);
        let Some(group) = groups.remove(kept) else {
            continue;
        };
        let Some(last) = group.iter().copied().max_by_key(|p| (newest(p), &p.id)) else {
            continue;
        };
        let counted = Person {
            id: kept.clone(),
            ..last.clone()
        };
        let counties: BTreeSet<&str> = group
            .iter()
            .map(|p| p.county.trim())
            .filter(|c| !c.is_empty())
            .collect();
        if counties.len() > 1 {
            listed.push(CountedOnce {
                person: kept.clone(),
                name: counted.name.clone(),
                counties: counties.into_iter().map(String::from).collect(),
                county: counted.county.clone(),
            });
        }
        people.push(counted);
    }
    (people, listed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::register::{Change, MatchRule, RegisterEvent};

    fn person(id: &str, county: &str) -> Person {
        let mut p = Person::named(PersonId(id.into()), "张伟");
        p.county = county.into();
        p
    }

    fn joined(kept: &str, other: &str) -> RegisterEvent {
        RegisterEvent {
            id: format!("{kept}{other}"),
            at: chrono::DateTime::parse_from_rfc3339("2026-03-16T08:00:00+08:00").unwrap(),
            desk: "d".into(),
            by: "o".into(),
            change: Change::PersonsJoined {
                kept: PersonId(kept.into()),
                joined: PersonId(other.into()),
                rule: MatchRule::IdNumber,
            },
        }
    }

    /// A (岳阳县, made first) and C (华容县, edited last) are one person: counted once,
    /// as A, in 华容县, and listed; B stays as it is.
    #[test]
    fn a_person_in_two_counties_counts_once_in_the_newest_records_county() {
        let register = [
            person("A", "岳阳县"),
            person("B", "岳阳县"),
            person("C", "华容县"),
        ];
        let aliases = Aliases::fold(&[joined("A", "C")]);
        let stamp = |p: &Person| match p.id.as_str() {
            "A" => 1,
            "B" => 5,
            _ => 3,
        };
        let (people, listed) = one_record_each(&register, &aliases, stamp);
        let shown: Vec<(&str, &str)> = people
            .iter()
            .map(|p| (p.id.as_str(), p.county.as_str()))
            .collect();
        assert_eq!(shown, [("A", "华容县"), ("B", "岳阳县")]);
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].person.as_str(), "A");
        assert_eq!(listed[0].counties, ["华容县", "岳阳县"]);
        assert_eq!(listed[0].county, "华容县");
        let older = |p: &Person| if p.id.as_str() == "A" { 9 } else { 1 };
        let (people, _) = one_record_each(&register, &aliases, older);
        assert_eq!(people[0].county, "岳阳县", "A made or edited last");
    }

    #[test]
    fn records_of_one_county_count_once_without_a_line() {
        let register = [person("A", "岳阳县"), person("C", "岳阳县")];
        let aliases = Aliases::fold(&[joined("A", "C")]);
        let (people, listed) = one_record_each(&register, &aliases, |_| 0);
        assert_eq!(people.len(), 1);
        assert!(listed.is_empty());
    }
}
