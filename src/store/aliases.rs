//! The register read as people, not records: aliases (同一人, [`Aliases`]) applied. A
//! joined record's enrolments and attendance count as the kept person's, and the joined
//! record leaves the register list; both records and every event stay stored under
//! their own keys (the raw reads, [`Store::people`] and [`Store::events`], still give
//! them as stored: bundles and integrity checks need them so).
//!
//! The aliases are folded from the changes each time they are asked for: only the joins
//! and the undos are decoded (the other records are passed over by a byte search, as in
//! [`Store::register_facts_of`]). A check-in reads them in the same pass as the
//! person's own changes, so it walks the changes once, as before.

use std::collections::{HashMap, HashSet};

use crate::domain::aliases::Aliases;
use crate::domain::register::{RegisterEvent, RegisterFacts};
use crate::domain::{AttendanceEvent, Person, PersonId};

use super::codec::decode;
use super::{Store, StoreResult, TreeName};

/// How a join's and an undo's records read (JSON, as `encode` writes them).
const JOINED: &[u8] = br#""type":"persons_joined""#;
const UNDONE: &[u8] = br#""type":"undone""#;

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

/// What a check-in needs to know of one person: their group and what the changes say
/// about every record in it.
pub struct PersonFacts {
    pub aliases: Aliases,
    /// The changes naming any record of the group, undos applied.
    pub facts: RegisterFacts,
}

impl Store {
    /// The aliases that stand now.
    pub fn aliases(&self) -> StoreResult<Aliases> {
        let events =
            self.changes_where(|bytes| contains(bytes, JOINED) || contains(bytes, UNDONE))?;
        Ok(Aliases::fold(&events))
    }

    /// The aliases and what the changes say about `person`'s whole group, decoding only
    /// the records that name them, the joins and the undos (a second pass only when the
    /// person has other records).
    pub fn person_facts(&self, person: &PersonId) -> StoreResult<PersonFacts> {
        let id = person.as_str().as_bytes();
        let events = self.changes_where(|bytes| {
            contains(bytes, JOINED) || contains(bytes, UNDONE) || contains(bytes, id)
        })?;
        let aliases = Aliases::fold(&events);
        let group = aliases.group(person);
        let events = if group.len() == 1 {
            events
        } else {
            let ids: Vec<&[u8]> = group.iter().map(|p| p.as_str().as_bytes()).collect();
            self.changes_where(|bytes| {
                contains(bytes, UNDONE) || ids.iter().any(|id| contains(bytes, id))
            })?
        };
        let facts = RegisterFacts::fold(&events);
        Ok(PersonFacts { aliases, facts })
    }

    fn changes_where(&self, wanted: impl Fn(&[u8]) -> bool) -> StoreResult<Vec<RegisterEvent>> {
        let mut events = Vec::new();
        for entry in self.tree(TreeName::Changes).iter() {
            let (_, bytes) = entry?;
            if wanted(&bytes) {
                events.push(decode("changes", &bytes)?);
            }
        }
        Ok(events)
    }

    /// The register as people: every record but the joined ones, in the order added.
    pub fn people_as_one(&self) -> StoreResult<Vec<Person>> {
        let aliases = self.aliases()?;
        let mut people = self.people()?;
        if !aliases.is_empty() {
            people.retain(|p| !aliases.is_joined(&p.id));
        }
        Ok(people)
    }

    /// A cohort's events with each joined record's read as the kept person's (the
    /// event's `person`; its id and key are its own), in written order.
    pub fn events_as_one(&self, code: &str) -> StoreResult<Vec<AttendanceEvent>> {
        let aliases = self.aliases()?;
        let mut events = self.events(code)?;
        for event in events.iter_mut().filter(|e| aliases.is_joined(&e.person)) {
            event.person = aliases.kept(&event.person).clone();
        }
        Ok(events)
    }

    /// The ids of a cohort's enrolments, each group once as its kept id, in id order.
    pub fn enrolled_as_one(&self, code: &str) -> StoreResult<Vec<PersonId>> {
        let aliases = self.aliases()?;
        let mut ids: Vec<PersonId> = self
            .enrolments(code)?
            .into_iter()
            .map(|e| aliases.kept(&e.person).clone())
            .collect();
        ids.sort();
        ids.dedup();
        Ok(ids)
    }

    /// How many people each cohort has enrolled ([`Store::enrolment_counts`]), a person
    /// enrolled under several of their records counted once: one key lookup per cohort
    /// and record of each group of joined records.
    pub fn enrolment_counts_as_one(&self) -> StoreResult<HashMap<String, usize>> {
        let mut counts = self.enrolment_counts()?;
        let aliases = self.aliases()?;
        if aliases.is_empty() {
            return Ok(counts);
        }
        let kept: HashSet<&PersonId> = aliases.joined().map(|j| aliases.kept(j)).collect();
        for (code, count) in counts.iter_mut() {
            for person in &kept {
                let mut enrolled = 0;
                for id in aliases.group(person) {
                    enrolled += usize::from(self.is_enrolled(code, &id)?);
                }
                *count -= enrolled.saturating_sub(1).min(*count);
            }
        }
        Ok(counts)
    }

    /// Whether any record of `person`'s group is enrolled in the cohort.
    pub fn group_enrolled(&self, code: &str, group: &[PersonId]) -> StoreResult<bool> {
        for person in group {
            if self.is_enrolled(code, person)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// The people enrolled in a cohort, each once, as the kept record (in the order the
    /// records were added to the register).
    pub(super) fn as_one(&self, roster: Vec<Person>) -> StoreResult<Vec<Person>> {
        let aliases = self.aliases()?;
        if aliases.is_empty() {
            return Ok(roster);
        }
        let mut seen: HashSet<PersonId> = HashSet::new();
        let mut people = Vec::with_capacity(roster.len());
        for person in roster {
            let kept = aliases.kept(&person.id).clone();
            if !seen.insert(kept.clone()) {
                continue;
            }
            if kept == person.id {
                people.push(person);
            } else if let Some(record) = self.person(&kept)? {
                people.push(record);
            }
        }
        people.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(people)
    }
}
