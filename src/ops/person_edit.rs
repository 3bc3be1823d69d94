//! 修改人员信息: `person edit` and the desk's edit form. Each changed field becomes one
//! [`Change::PersonEdited`] (with the old value), written in the same commit as the
//! person's new record; the People tree keeps the current values, the changes the history.

use chrono::{DateTime, FixedOffset};

use crate::domain::register::{Change, PersonField, RegisterEvent};
use crate::domain::{Person, PersonId, mask};
use crate::store::{Batch, Store, StoreResult};
use crate::text::{Lang, Upkeep};

use super::checkin::checked_person;
use super::cohort::parse_field;
use super::person::parse_gender;
use super::{OpError, OpResult, Refusal, who};

/// What to change: `None` leaves a field as it is; an empty text clears it (a name
/// cannot be cleared). Gender and field as typed (男/女, a field's code or name).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PersonEdit {
    pub name: Option<String>,
    pub gender: Option<String>,
    pub unit: Option<String>,
    pub county: Option<String>,
    pub township: Option<String>,
    pub position: Option<String>,
    pub field: Option<String>,
    pub phone: Option<String>,
    pub id_number: Option<String>,
    pub notes: Option<String>,
}

/// One field's change, as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    pub field: PersonField,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// What an edit wrote: the person as now stored and each change, in field order.
#[derive(Debug, Clone, PartialEq)]
pub struct Edited {
    pub person: Person,
    pub changes: Vec<FieldChange>,
    pub events: Vec<RegisterEvent>,
}

impl PersonEdit {
    /// The fields this edit names, each with the text given.
    fn given(&self) -> Vec<(PersonField, &str)> {
        let all = [
            (PersonField::Name, &self.name),
            (PersonField::Gender, &self.gender),
            (PersonField::Unit, &self.unit),
            (PersonField::County, &self.county),
            (PersonField::Township, &self.township),
            (PersonField::Position, &self.position),
            (PersonField::Field, &self.field),
            (PersonField::Phone, &self.phone),
            (PersonField::IdNumber, &self.id_number),
            (PersonField::Notes, &self.notes),
        ];
        all.into_iter()
            .filter_map(|(f, v)| v.as_deref().map(|v| (f, v)))
            .collect()
    }
}

/// The stored person `id`, or a refusal naming the id.
pub fn find(store: &Store, id: &PersonId) -> OpResult<Person> {
    store
        .person(id)?
        .ok_or_else(|| OpError::Refused(Refusal::of(Upkeep::PersonUnknownId).with("id", id)))
}

/// Edits person `id`: the same checks as `person add` ([`checked_person`]); refused when
/// nothing is named or nothing would change. Nothing is written on a refusal.
pub fn edit(
    store: &Store,
    now: DateTime<FixedOffset>,
    id: &PersonId,
    edit: &PersonEdit,
) -> OpResult<Edited> {
    let given = edit.given();
    if given.is_empty() {
        return Err(Refusal::of(Upkeep::PersonEditNoFields).into());
    }
    let old = find(store, id)?;
    let mut typed = old.clone();
    for (field, text) in &given {
        set(&mut typed, *field, text)?;
    }
    let checked = checked_person(typed).map_err(OpError::Person)?;
    // Only the fields named change: the others keep their stored values as they are.
    let mut person = old.clone();
    let mut changes = Vec::new();
    for (field, _) in &given {
        let new = value(&checked, *field);
        let was = value(&old, *field);
        copy(&mut person, &checked, *field);
        if new != was && !changes.iter().any(|c: &FieldChange| c.field == *field) {
            changes.push(FieldChange {
                field: *field,
                old: was,
                new,
            });
        }
    }
    if changes.is_empty() {
        let refusal = Refusal::of(Upkeep::PersonEditNothingChanged).with("name", &old.name);
        return Err(refusal.into());
    }
    let events = commit_edit(store, now, &person, &changes)?;
    Ok(Edited {
        person,
        changes,
        events,
    })
}

/// The person record and one change per field, in one commit.
fn commit_edit(
    store: &Store,
    now: DateTime<FixedOffset>,
    person: &Person,
    changes: &[FieldChange],
) -> StoreResult<Vec<RegisterEvent>> {
    let mut batch = Batch::default();
    Store::stage_person(&mut batch, person);
    let edits = changes.iter().map(|c| Change::PersonEdited {
        person: person.id.clone(),
        field: c.field,
        old: c.old.clone(),
        new: c.new.clone(),
    });
    let events = store.new_changes(now, &who(store), edits)?;
    for event in &events {
        Store::stage_change(&mut batch, event);
    }
    store.commit(batch)?;
    Ok(events)
}

/// Puts the text typed for `field` into `person` (not yet normalised or checked).
fn set(person: &mut Person, field: PersonField, text: &str) -> Result<(), Refusal> {
    let text = text.to_string();
    match field {
        PersonField::Name => person.name = text,
        PersonField::Gender => person.gender = parse_gender(Some(&text))?,
        PersonField::Unit => person.unit = text,
        PersonField::County => person.county = text,
        PersonField::Township => person.township = text,
        PersonField::Position => person.position = text,
        PersonField::Field => person.field = parse_field(Some(&text))?,
        PersonField::Phone => person.phone = Some(text),
        PersonField::IdNumber => person.id_number = Some(text),
        PersonField::Notes => person.notes = text,
    }
    Ok(())
}

fn copy(to: &mut Person, from: &Person, field: PersonField) {
    match field {
        PersonField::Name => to.name.clone_from(&from.name),
        PersonField::Gender => to.gender = from.gender,
        PersonField::Unit => to.unit.clone_from(&from.unit),
        PersonField::County => to.county.clone_from(&from.county),
        PersonField::Township => to.township.clone_from(&from.township),
        PersonField::Position => to.position.clone_from(&from.position),
        PersonField::Field => to.field = from.field,
        PersonField::Phone => to.phone.clone_from(&from.phone),
        PersonField::IdNumber => to.id_number.clone_from(&from.id_number),
        PersonField::Notes => to.notes.clone_from(&from.notes),
    }
}

/// A field's value as recorded in a change: `None` when empty; gender and field by code.
pub fn value(person: &Person, field: PersonField) -> Option<String> {
    let text = match field {
        PersonField::Name => person.name.clone(),
        PersonField::Gender => gender_code(person.gender?).to_string(),
        PersonField::Unit => person.unit.clone(),
        PersonField::County => person.county.clone(),
        PersonField::Township => person.township.clone(),
        PersonField::Position => person.position.clone(),
        PersonField::Field => person.field.map(|f| f.code().to_string())?,
        PersonField::Phone => person.phone.clone()?,
        PersonField::IdNumber => person.id_number.clone()?,
        PersonField::Notes => person.notes.clone(),
    };
    (!text.is_empty()).then_some(text)
}

/// A gender as the form and the recorded changes give it (`male`, `female`).
pub fn gender_code(gender: crate::domain::Gender) -> &'static str {
    match gender {
        crate::domain::Gender::Male => "male",
        crate::domain::Gender::Female => "female",
    }
}

/// A recorded value as shown: phone and ID number masked, gender and field by their
/// names in `lang`, an empty value as （空）.
pub fn shown(field: PersonField, recorded: Option<&str>, lang: Lang) -> String {
    let Some(text) = recorded else {
        return crate::tr!(lang, Upkeep::PersonEditEmpty);
    };
    match field {
        PersonField::Phone => mask::phone(text),
        PersonField::IdNumber => mask::id_number(text),
        PersonField::Gender => crate::domain::Gender::parse(text)
            .map_or(text.to_string(), |g| g.label(lang).to_string()),
        PersonField::Field => crate::domain::Field::parse(text)
            .map_or(text.to_string(), |f| f.label(lang).to_string()),
        _ => text.to_string(),
    }
}

impl FieldChange {
    /// `单位：A → B`, masked.
    pub fn line(&self, lang: Lang) -> String {
        crate::tr!(
            lang,
            Upkeep::PersonEditLine,
            field = self.field.label(lang),
            old = shown(self.field, self.old.as_deref(), lang),
            new = shown(self.field, self.new.as_deref(), lang)
        )
    }
}

#[cfg(test)]
#[path = "person_edit_tests.rs"]
mod tests;
