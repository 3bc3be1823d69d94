//! Matching imported rows against the register: who is new, who changed, who is already
//! there, who repeats an earlier row of the same file. Pure: the caller commits the plan.
//!
//! A row is the same person as someone in the register (or an earlier row) when, in
//! order: the ID numbers are equal; else the phones and names are equal; else the names
//! and units are equal (the name alone when the row has no unit). A match never crosses two different ID numbers, and a row that
//! fits several people without an ID number is refused rather than guessed. A matched
//! person takes the row's non-empty values; empty cells never erase what is known.
//! Every row matched to one person must agree with the others (or it is refused), which
//! is what makes importing a file a second time change nothing.

use std::collections::{HashMap, HashSet};

use crate::domain::{Person, PersonId};

use super::column::Column;
use super::error::{RowError, RowProblem};
use super::rows::Draft;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportPlan {
    pub new_people: Vec<Person>,
    /// The new versions of people already in the register.
    pub updated: Vec<Person>,
    pub unchanged: usize,
    /// People to enrol in the cohort (not enrolled yet).
    pub enrol: Vec<PersonId>,
    pub already_enrolled: usize,
    /// `(line, earlier line)`: rows that repeat an earlier row of the file.
    pub duplicates: Vec<(usize, usize)>,
    /// Rows that repeat an earlier row with different details (not applied).
    pub errors: Vec<RowError>,
}

impl ImportPlan {
    /// Every person record to write: new and changed.
    pub fn writes(&self) -> impl Iterator<Item = &Person> {
        self.new_people.iter().chain(&self.updated)
    }

    /// Nothing to write at all.
    pub fn is_empty(&self) -> bool {
        self.new_people.is_empty() && self.updated.is_empty() && self.enrol.is_empty()
    }
}

/// Plans an import of `drafts` (in file order) into `register`; `enrolled` is the
/// cohort's roster when importing into a cohort. `new_id` names new people.
pub fn plan(
    drafts: Vec<Draft>,
    register: Vec<Person>,
    enrolled: Option<&HashSet<PersonId>>,
    mut new_id: impl FnMut() -> PersonId,
) -> ImportPlan {
    let mut planner = Planner::new(register);
    for draft in drafts {
        planner.add(draft, &mut new_id);
    }
    planner.finish(enrolled)
}

/// A plan made one row at a time (as a file is read). It holds each person once: the
/// register and the file's new people as they stand after the rows so far.
pub struct Planner {
    index: Index,
    /// People `index` had before the import (the rest are new).
    existing: usize,
    plan: ImportPlan,
    /// For each slot, the first line of the file that touched it (0: none yet).
    first_lines: Vec<usize>,
    /// For touched people of the register: the file's rows about them merged (a new
    /// person's rows merged are the person itself).
    from_file: HashMap<usize, Person>,
    /// The touched people as they were before the import.
    originals: HashMap<usize, Person>,
    /// Touched people of the register, in the order of their first row.
    touched: Vec<usize>,
}

impl Planner {
    pub fn new(register: Vec<Person>) -> Planner {
        Planner {
            existing: register.len(),
            index: Index::new(register),
            plan: ImportPlan::default(),
            first_lines: Vec::new(),
            from_file: HashMap::new(),
            originals: HashMap::new(),
            touched: Vec::new(),
        }
    }

    /// Matches one row: a new person, a change, or a repeat of an earlier row.
    pub fn add(&mut self, draft: Draft, new_id: &mut impl FnMut() -> PersonId) {
        let slot = match self.index.find(&draft.person) {
            Ok(Some(slot)) => slot,
            Ok(None) => {
                let mut person = draft.person;
                person.id = new_id();
                let slot = self.index.push(person);
                self.seen_first(slot, draft.line);
                return;
            }
            Err(count) => return self.refuse(draft.line, RowProblem::Ambiguous { count }),
        };
        match self.first_lines.get(slot).copied().filter(|l| *l > 0) {
            Some(first_line) => {
                let so_far = self
                    .from_file
                    .get(&slot)
                    .unwrap_or(&self.index.people[slot]);
                if let Some(column) = conflict(so_far, &draft.person) {
                    let problem = RowProblem::ConflictingDuplicate { first_line, column };
                    return self.refuse(draft.line, problem);
                }
                if let Some(so_far) = self.from_file.get_mut(&slot) {
                    *so_far = merge(so_far, &draft.person);
                }
                self.plan.duplicates.push((draft.line, first_line));
            }
            None => {
                self.seen_first(slot, draft.line);
                self.from_file.insert(slot, draft.person.clone());
                self.touched.push(slot);
                self.originals.insert(slot, self.index.people[slot].clone());
            }
        }
        let merged = merge(&self.index.people[slot], &draft.person);
        self.index.replace(slot, merged);
    }

    fn seen_first(&mut self, slot: usize, line: usize) {
        if self.first_lines.len() <= slot {
            self.first_lines.resize(slot + 1, 0);
        }
        self.first_lines[slot] = line;
    }

    fn refuse(&mut self, line: usize, problem: RowProblem) {
        self.plan.errors.push(RowError { line, problem });
    }

    /// The plan: new people (moved, not copied), changed people, enrolments.
    pub fn finish(self, enrolled: Option<&HashSet<PersonId>>) -> ImportPlan {
        let Planner {
            index,
            existing,
            mut plan,
            originals,
            touched,
            ..
        } = self;
        let mut people = index.into_people();
        let register: Vec<Person> = people.drain(..existing).collect();
        let enrol = |plan: &mut ImportPlan, id: &PersonId| match enrolled {
            Some(roster) if roster.contains(id) => plan.already_enrolled += 1,
            Some(_) => plan.enrol.push(id.clone()),
            None => {}
        };
        for slot in touched {
            let person = &register[slot];
            match originals.get(&slot) {
                Some(before) if before != person => plan.updated.push(person.clone()),
                _ => plan.unchanged += 1,
            }
            enrol(&mut plan, &person.id);
        }
        for person in &people {
            enrol(&mut plan, &person.id);
        }
        plan.new_people = people;
        plan
    }
}

/// `base` with every non-empty value of `row` (the id stays `base`'s).
fn merge(base: &Person, row: &Person) -> Person {
    let text = |b: &String, r: &String| if r.is_empty() { b.clone() } else { r.clone() };
    Person {
        id: base.id.clone(),
        name: text(&base.name, &row.name),
        gender: row.gender.or(base.gender),
        unit: text(&base.unit, &row.unit),
        county: text(&base.county, &row.county),
        township: text(&base.township, &row.township),
        position: text(&base.position, &row.position),
        field: row.field.or(base.field),
        phone: row.phone.clone().or_else(|| base.phone.clone()),
        id_number: row.id_number.clone().or_else(|| base.id_number.clone()),
        notes: text(&base.notes, &row.notes),
    }
}

/// The first column where both rows have a value and the values differ.
fn conflict(a: &Person, b: &Person) -> Option<Column> {
    fn differ<T: PartialEq>(a: Option<T>, b: Option<T>) -> bool {
        matches!((a, b), (Some(x), Some(y)) if x != y)
    }
    let text = |s: &String| Some(s.clone()).filter(|s| !s.is_empty());
    let checks = [
        (Column::Name, differ(text(&a.name), text(&b.name))),
        (
            Column::IdNumber,
            differ(a.id_number.as_ref(), b.id_number.as_ref()),
        ),
        (Column::Phone, differ(a.phone.as_ref(), b.phone.as_ref())),
        (Column::Gender, differ(a.gender, b.gender)),
        (Column::Unit, differ(text(&a.unit), text(&b.unit))),
        (Column::County, differ(text(&a.county), text(&b.county))),
        (
            Column::Township,
            differ(text(&a.township), text(&b.township)),
        ),
        (
            Column::Position,
            differ(text(&a.position), text(&b.position)),
        ),
        (Column::Field, differ(a.field, b.field)),
        (Column::Notes, differ(text(&a.notes), text(&b.notes))),
    ];
    checks.into_iter().find(|(_, d)| *d).map(|(c, _)| c)
}

/// The register (and people added by this import) with the three lookup keys, each
/// held as a hash (a lookup re-checks the person itself, so two keys with one hash only
/// cost a comparison). Entries may go stale when a person changes, for the same reason.
struct Index {
    people: Vec<Person>,
    by_id: Keys,
    by_phone: Keys,
    by_name: Keys,
    hasher: std::collections::hash_map::RandomState,
}

/// A key's hash → the slots of the people with that key.
type Keys = HashMap<u64, Slots>;

/// One slot (nearly every key), or several.
#[derive(Debug, Clone)]
enum Slots {
    One(u32),
    Many(Vec<u32>),
}

impl Slots {
    fn add(&mut self, slot: u32) {
        match self {
            Slots::One(one) if *one == slot => {}
            Slots::One(one) => *self = Slots::Many(vec![*one, slot]),
            Slots::Many(many) if many.contains(&slot) => {}
            Slots::Many(many) => many.push(slot),
        }
    }

    fn as_slice(&self) -> &[u32] {
        match self {
            Slots::One(one) => std::slice::from_ref(one),
            Slots::Many(many) => many,
        }
    }
}

impl Index {
    fn new(people: Vec<Person>) -> Index {
        let mut index = Index {
            people: Vec::with_capacity(people.len()),
            by_id: HashMap::new(),
            by_phone: HashMap::new(),
            by_name: HashMap::new(),
            hasher: Default::default(),
        };
        for person in people {
            index.push(person);
        }
        index
    }

    fn into_people(self) -> Vec<Person> {
        self.people
    }

    fn push(&mut self, person: Person) -> usize {
        self.people.push(person);
        let slot = self.people.len() - 1;
        self.add_keys(slot);
        slot
    }

    fn replace(&mut self, slot: usize, person: Person) {
        if self.people[slot] != person {
            self.people[slot] = person;
            self.add_keys(slot);
        }
    }

    fn add_keys(&mut self, slot: usize) {
        use std::hash::BuildHasher;
        let p = &self.people[slot];
        let slot = slot as u32;
        let add = |keys: &mut Keys, key: &str| {
            let hash = self.hasher.hash_one(key);
            keys.entry(hash)
                .and_modify(|s| s.add(slot))
                .or_insert(Slots::One(slot));
        };
        if let Some(id) = &p.id_number {
            add(&mut self.by_id, id);
        }
        if let Some(phone) = &p.phone {
            add(&mut self.by_phone, phone);
        }
        add(&mut self.by_name, &p.name);
    }

    fn slots<'a>(&self, keys: &'a Keys, key: &str) -> Option<&'a [u32]> {
        use std::hash::BuildHasher;
        keys.get(&self.hasher.hash_one(key)).map(Slots::as_slice)
    }

    /// The person a row is: by ID number, else phone and name, else name and unit (or
    /// the name alone when the row has no unit).
    /// `Err(n)` when phone or name and unit fit `n` people: guessing could merge two.
    fn find(&self, row: &Person) -> Result<Option<usize>, usize> {
        if let Some(id) = &row.id_number {
            let same = |p: &Person| p.id_number.as_ref() == Some(id);
            if let Some(slot) = self.fitting(self.slots(&self.by_id, id), same).first() {
                return Ok(Some(*slot));
            }
        }
        let compatible = |p: &Person| match (&p.id_number, &row.id_number) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        if let Some(phone) = &row.phone {
            let same =
                |p: &Person| p.phone.as_ref() == Some(phone) && p.name == row.name && compatible(p);
            match self
                .fitting(self.slots(&self.by_phone, phone), same)
                .as_slice()
            {
                [] => {}
                [slot] => return Ok(Some(*slot)),
                many => return Err(many.len()),
            }
        }
        // A row without a unit says nothing about the unit: its name alone decides.
        let same = |p: &Person| {
            p.name == row.name && (row.unit.is_empty() || p.unit == row.unit) && compatible(p)
        };
        match self
            .fitting(self.slots(&self.by_name, &row.name), same)
            .as_slice()
        {
            [] => Ok(None),
            [slot] => Ok(Some(*slot)),
            many => Err(many.len()),
        }
    }

    /// The listed people that still fit (entries go stale when people change), in
    /// register order.
    fn fitting(&self, slots: Option<&[u32]>, fits: impl Fn(&Person) -> bool) -> Vec<usize> {
        let mut found: Vec<usize> = slots
            .into_iter()
            .flatten()
            .map(|s| *s as usize)
            .filter(|s| fits(&self.people[*s]))
            .collect();
        found.sort_unstable();
        found
    }
}
