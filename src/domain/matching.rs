//! 同一人: when two person records from two data folders are the same secretary. Equal
//! ID numbers make one person; when neither record has an ID number, an equal phone,
//! then an equal name and unit do; different ID numbers never do. A match is recorded as
//! an alias ([`Change::PersonsJoined`](super::register::Change::PersonsJoined)): the
//! smaller id is kept, nothing is rewritten.

use std::collections::HashMap;

use super::person::{Person, PersonId};
use super::register::MatchRule;

/// Two records found to be one person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Joining {
    /// The smaller id: the record that stands for both.
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
/// records of `known`.
pub fn match_people(known: &[Person], incoming: &[Person]) -> Matches {
    let by_id: HashMap<&PersonId, &Person> = known.iter().map(|p| (&p.id, p)).collect();
    let mut by_number: HashMap<String, &Person> = HashMap::new();
    let mut by_phone: HashMap<String, &Person> = HashMap::new();
    let mut by_name_unit: HashMap<(String, String), Vec<&Person>> = HashMap::new();
    for person in known {
        match id_number(person) {
            Some(number) => {
                by_number.entry(number).or_insert(person);
            }
            None => {
                if let Some(phone) = phone(person) {
                    by_phone.entry(phone).or_insert(person);
                }
            }
        }
        by_name_unit
            .entry(name_unit(person))
            .or_default()
            .push(person);
    }
    let mut matches = Matches::default();
    for person in incoming.iter().filter(|p| !by_id.contains_key(&p.id)) {
        match found(person, &by_number, &by_phone, &by_name_unit) {
            Some((other, rule)) => matches.joinings.push(joining(other, person, rule)),
            None => matches.near.extend(near(person, &by_name_unit)),
        }
    }
    matches
}

fn found<'a>(
    person: &Person,
    by_number: &HashMap<String, &'a Person>,
    by_phone: &HashMap<String, &'a Person>,
    by_name_unit: &HashMap<(String, String), Vec<&'a Person>>,
) -> Option<(&'a Person, MatchRule)> {
    if let Some(number) = id_number(person) {
        return by_number.get(&number).map(|p| (*p, MatchRule::IdNumber));
    }
    if let Some(other) = phone(person).and_then(|phone| by_phone.get(&phone)) {
        return Some((*other, MatchRule::Phone));
    }
    let same = by_name_unit.get(&name_unit(person))?;
    let other = same
        .iter()
        .find(|p| id_number(p).is_none() && (phone(p).is_none() || phone(person).is_none()))?;
    Some((*other, MatchRule::NameUnit))
}

fn near(person: &Person, by_name_unit: &HashMap<(String, String), Vec<&Person>>) -> Vec<NearMatch> {
    let Some(same) = by_name_unit.get(&name_unit(person)) else {
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

fn joining(a: &Person, b: &Person, rule: MatchRule) -> Joining {
    let (kept, joined) = if a.id <= b.id { (a, b) } else { (b, a) };
    Joining {
        kept: kept.id.clone(),
        joined: joined.id.clone(),
        rule,
    }
}

/// An ID number as compared: trimmed, the check letter upper-case.
fn id_number(person: &Person) -> Option<String> {
    let number = person.id_number.as_deref()?.trim().to_ascii_uppercase();
    (!number.is_empty()).then_some(number)
}

/// A phone as compared: its digits.
fn phone(person: &Person) -> Option<String> {
    let digits: String = person
        .phone
        .as_deref()?
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    (!digits.is_empty()).then_some(digits)
}

fn name_unit(person: &Person) -> (String, String) {
    (
        person.name.trim().to_string(),
        person.unit.trim().to_string(),
    )
}
