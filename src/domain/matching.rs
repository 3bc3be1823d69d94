//! 同一人: when two person records from two data folders are the same secretary. Equal
//! ID numbers make one person; when neither record has an ID number, an equal phone,
//! then an equal name and unit do; different ID numbers never do, and an empty unit
//! (or name) never makes a match. A match is recorded as an alias
//! ([`Change::PersonsJoined`](super::register::Change::PersonsJoined)): the smallest id
//! of the records found to be one person is kept, nothing is rewritten.

use std::collections::{HashMap, HashSet};

use super::person::{Person, PersonId};
use super::register::MatchRule;

/// Two records found to be one person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Joining {
    /// The smallest id of the records found to be one person: the record that stands
    /// for them all.
    pub kept: PersonId,
    pub joined: PersonId,
    pub rule: MatchRule,
}

/// Two records that may be one person but were left apart, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NearMatch {
    pub known: PersonId,
    pub incoming: PersonId,
    pub reason: NearReason,
}

/// Why a near-match was not joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NearReason {
    /// Same name and unit, but their ID numbers differ.
    DifferentIdNumbers,
    /// Same name and unit; only one has an ID number.
    OneIdNumber,
    /// Same name and unit, neither with an ID number, but their phones differ.
    DifferentPhones,
}

/// What matching found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Matches {
    pub joinings: Vec<Joining>,
    pub near: Vec<NearMatch>,
}

/// Matches each of `incoming` that `known` does not hold under its own id against the
/// records of `known` and against the incoming records before it (one person may come
/// in under several records). The records found to be one person are joined to the
/// smallest id among them, whichever side it is on; `joinings` is sorted by the joined
/// record. Near-matches are listed for the incoming records that matched nothing.
pub fn match_people(known: &[Person], incoming: &[Person]) -> Matches {
    let mut index = Index::default();
    let mut held: HashSet<&PersonId> = HashSet::new();
    for person in known {
        index.add(person);
        held.insert(&person.id);
    }
    let mut edges: Vec<(&PersonId, &PersonId, MatchRule)> = Vec::new();
    let mut near = Vec::new();
    for person in incoming {
        if !held.insert(&person.id) {
            continue;
        }
        match index.found(person) {
            Some((other, rule)) => edges.push((&other.id, &person.id, rule)),
            None => near.extend(index.near(person)),
        }
        index.add(person);
    }
    Matches {
        joinings: joinings(&edges),
        near,
    }
}

/// The joinings the matched pairs make: every record of a group to its smallest id,
/// with the rule of the first pair that brought it in.
fn joinings(edges: &[(&PersonId, &PersonId, MatchRule)]) -> Vec<Joining> {
    let mut groups = Groups::default();
    for (a, b, _) in edges {
        groups.union(a, b);
    }
    let mut out: HashMap<&PersonId, Joining> = HashMap::new();
    for (a, b, rule) in edges {
        for member in [*a, *b] {
            let kept = groups.root(member);
            if kept != *member && !out.contains_key(member) {
                let joined = member.clone();
                out.insert(
                    member,
                    Joining {
                        kept,
                        joined,
                        rule: *rule,
                    },
                );
            }
        }
    }
    let mut joinings: Vec<Joining> = out.into_values().collect();
    joinings.sort_by(|a, b| a.joined.cmp(&b.joined));
    joinings
}

/// Groups of records that are one person (union by the smaller id).
#[derive(Default)]
struct Groups {
    parent: HashMap<PersonId, PersonId>,
}

impl Groups {
    fn root(&self, id: &PersonId) -> PersonId {
        let mut at = id;
        while let Some(up) = self.parent.get(at) {
            at = up;
        }
        at.clone()
    }

    fn union(&mut self, a: &PersonId, b: &PersonId) {
        let (ra, rb) = (self.root(a), self.root(b));
        match ra.cmp(&rb) {
            std::cmp::Ordering::Less => self.parent.insert(rb, ra),
            std::cmp::Ordering::Greater => self.parent.insert(ra, rb),
            std::cmp::Ordering::Equal => None,
        };
    }
}

/// The records seen so far, by what a match compares.
#[derive(Default)]
struct Index<'a> {
    by_number: HashMap<String, &'a Person>,
    /// Records without an ID number, by phone.
    by_phone: HashMap<String, &'a Person>,
    /// By name and unit (both non-empty).
    by_name_unit: HashMap<(String, String), Vec<&'a Person>>,
}

impl<'a> Index<'a> {
    fn add(&mut self, person: &'a Person) {
        match id_number(person) {
            Some(number) => {
                self.by_number.entry(number).or_insert(person);
            }
            None => {
                if let Some(phone) = phone(person) {
                    self.by_phone.entry(phone).or_insert(person);
                }
            }
        }
        if let Some(key) = name_unit(person) {
            self.by_name_unit.entry(key).or_default().push(person);
        }
    }

    /// The record `person` is, and by which rule.
    fn found(&self, person: &Person) -> Option<(&'a Person, MatchRule)> {
        if let Some(number) = id_number(person) {
            return self
                .by_number
                .get(&number)
                .map(|p| (*p, MatchRule::IdNumber));
        }
        if let Some(other) = phone(person).and_then(|phone| self.by_phone.get(&phone)) {
            return Some((*other, MatchRule::Phone));
        }
        let same = self.by_name_unit.get(&name_unit(person)?)?;
        let other = same
            .iter()
            .find(|p| id_number(p).is_none() && (phone(p).is_none() || phone(person).is_none()))?;
        Some((*other, MatchRule::NameUnit))
    }

    /// The records of the same name and unit that `person` was not joined to.
    fn near(&self, person: &Person) -> Vec<NearMatch> {
        let Some(same) = name_unit(person).and_then(|key| self.by_name_unit.get(&key)) else {
            return Vec::new();
        };
        same.iter()
            .map(|other| {
                let reason = match (id_number(other), id_number(person)) {
                    (Some(_), Some(_)) => NearReason::DifferentIdNumbers,
                    (Some(_), None) | (None, Some(_)) => NearReason::OneIdNumber,
                    (None, None) => NearReason::DifferentPhones,
                };
                NearMatch {
                    known: other.id.clone(),
                    incoming: person.id.clone(),
                    reason,
                }
            })
            .collect()
    }
}

/// An ID number as compared: trimmed, the check letter upper-case.
fn id_number(person: &Person) -> Option<String> {
    let number = person.id_number.as_deref()?.trim().to_ascii_uppercase();
    (!number.is_empty()).then_some(number)
}

/// A phone as compared: its digits, without the country code 86 before a mobile number.
fn phone(person: &Person) -> Option<String> {
    let digits: String = person
        .phone
        .as_deref()?
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    let digits = match digits.strip_prefix("86") {
        Some(rest) if rest.len() == 11 && rest.starts_with('1') => rest.to_string(),
        _ => digits,
    };
    (!digits.is_empty()).then_some(digits)
}

/// Name and unit as compared, `None` when either is empty: a name alone is not a person.
fn name_unit(person: &Person) -> Option<(String, String)> {
    let (name, unit) = (person.name.trim(), person.unit.trim());
    (!name.is_empty() && !unit.is_empty()).then(|| (name.to_string(), unit.to_string()))
}

#[cfg(test)]
#[path = "matching_tests.rs"]
mod tests;
