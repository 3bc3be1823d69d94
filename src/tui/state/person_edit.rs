//! 修改人员信息 from the lookup screen: the form (a typed form over the operation's
//! [`PersonEdit`]), what the overlay shows beside it (the current phone and ID number,
//! masked, and the person's recorded changes), and saving through the same operation as
//! `lunxun person edit`. Phone and ID number are never put in the form unmasked: their
//! boxes start empty, and empty keeps them.

use crate::domain::{Field, Person, PersonId, mask};
use crate::ops::person_edit::{self as ops, Edited, PersonEdit, gender_code};
use crate::ops::person_history::history;
use crate::text::Desk as T;
use crate::text::{Lang, Upkeep};
use crate::tui::desk::{Desk, Indexed};
use crate::tui::widgets::form::{Form, FormField, TypedForm};

use super::{App, FormKind, Overlay, PersonEditing};

/// Recorded changes shown under the form, newest last.
const HISTORY_SHOWN: usize = 6;

/// The form's values: text as typed, gender and field as a choice's code.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct PersonForm {
    pub name: String,
    pub gender: String,
    pub unit: String,
    pub county: String,
    pub township: String,
    pub position: String,
    pub field: String,
    /// Empty keeps the stored phone.
    pub phone: String,
    /// Empty keeps the stored ID number.
    pub id_number: String,
    pub notes: String,
}

impl TypedForm for PersonForm {
    type Options = Lang;

    fn fields(&self, lang: &Lang) -> Vec<FormField> {
        let none = || (String::new(), "—".to_string());
        let genders = [crate::domain::Gender::Male, crate::domain::Gender::Female];
        let gender_options = std::iter::once(none())
            .chain(
                genders
                    .iter()
                    .map(|g| (gender_code(*g).into(), g.label(*lang).into())),
            )
            .collect();
        let field_options = std::iter::once(none())
            .chain(
                Field::ALL
                    .iter()
                    .map(|f| (f.code().into(), f.label(*lang).into())),
            )
            .collect();
        vec![
            FormField::text(T::FieldName, &self.name),
            FormField::choice(T::FieldGender, gender_options).preset(&[&self.gender]),
            FormField::text(T::FieldUnit, &self.unit),
            FormField::text(T::FieldCounty, &self.county),
            FormField::text(T::FieldTownship, &self.township),
            FormField::text(T::FieldPosition, &self.position),
            FormField::choice(T::FieldField, field_options).preset(&[&self.field]),
            FormField::text(T::FieldPhone, &self.phone),
            FormField::text(T::FieldIdNumber, &self.id_number),
            FormField::text(T::FieldNotes, &self.notes),
        ]
    }

    fn read(form: &Form) -> PersonForm {
        PersonForm {
            name: form.text(T::FieldName),
            gender: form.text(T::FieldGender),
            unit: form.text(T::FieldUnit),
            county: form.text(T::FieldCounty),
            township: form.text(T::FieldTownship),
            position: form.text(T::FieldPosition),
            field: form.text(T::FieldField),
            phone: form.text(T::FieldPhone),
            id_number: form.text(T::FieldIdNumber),
            notes: form.text(T::FieldNotes),
        }
    }
}

impl PersonForm {
    /// The stored person's values; phone and ID number left empty (kept unless typed).
    fn of(person: &Person) -> PersonForm {
        PersonForm {
            name: person.name.clone(),
            gender: person.gender.map_or("", gender_code).to_string(),
            unit: person.unit.clone(),
            county: person.county.clone(),
            township: person.township.clone(),
            position: person.position.clone(),
            field: person.field.map_or("", Field::code).to_string(),
            phone: String::new(),
            id_number: String::new(),
            notes: person.notes.clone(),
        }
    }

    /// Every field as the operation's input; an empty phone or ID number is left out.
    fn edit(self) -> PersonEdit {
        let typed = |text: String| (!text.is_empty()).then_some(text);
        PersonEdit {
            name: Some(self.name),
            gender: Some(self.gender),
            unit: Some(self.unit),
            county: Some(self.county),
            township: Some(self.township),
            position: Some(self.position),
            field: Some(self.field),
            phone: typed(self.phone),
            id_number: typed(self.id_number),
            notes: Some(self.notes),
        }
    }
}

impl App {
    /// Ctrl-E on the lookup screen: the edit form for the selected person.
    pub(crate) fn open_person_edit(&mut self) {
        let Some(desk) = self.desk.as_ref() else {
            return;
        };
        let Some(person) = self.lookup.selected_person(desk).cloned() else {
            self.info(self.t(T::PickSomeone).to_string());
            return;
        };
        let editing = match self.editing(&person) {
            Ok(editing) => editing,
            Err(e) => return self.info(e.message(self.lang)),
        };
        let title = crate::tr!(self.lang, Upkeep::PersonEditTitle, name = person.name);
        let form = PersonForm::of(&person).form(title, &self.lang);
        let kind = FormKind::EditPerson(Box::new(editing));
        self.overlay = Some(Overlay::Form(kind, form));
    }

    fn editing(&self, person: &Person) -> crate::ops::OpResult<PersonEditing> {
        let lang = self.lang;
        let found = history(&self.store, &person.id)?;
        let skip = found.events.len().saturating_sub(HISTORY_SHOWN);
        let lines = found.events[skip..]
            .iter()
            .map(|e| format!("{} {}", e.at.format("%m-%d %H:%M"), found.describe(e, lang)))
            .collect();
        let phone = person.phone.as_deref().map(mask::phone);
        let id_number = person.id_number.as_deref().map(mask::id_number);
        let private = [
            phone.map(|p| format!("{} {p}", T::FieldPhone.get(lang))),
            id_number.map(|i| format!("{} {i}", T::FieldIdNumber.get(lang))),
        ];
        let values = private
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · ");
        let private = match values.is_empty() {
            true => values,
            false => crate::tr!(lang, Upkeep::PersonEditPrivate, values = values),
        };
        Ok(PersonEditing {
            id: person.id.clone(),
            private,
            history: lines,
        })
    }

    /// Saves the form through [`ops::edit`]; a refusal stays in the form. Once stored,
    /// the desk's lists show the new values and the notice says what changed.
    pub(super) fn submit_person_edit(&mut self, id: &PersonId, form: &Form) -> Result<(), String> {
        let wanted = PersonForm::read(form).edit();
        match ops::edit(&self.store, self.now(), id, &wanted) {
            Ok(edited) => {
                self.show_edited(&edited);
                Ok(())
            }
            Err(crate::ops::OpError::Store(e)) => {
                self.fail(&e);
                Ok(())
            }
            Err(refused) => Err(refused.message(self.lang)),
        }
    }

    fn show_edited(&mut self, edited: &Edited) {
        let lang = self.lang;
        if let Some(desk) = self.desk.as_mut() {
            replace(desk, &edited.person);
            let selected = self.lookup.selected_person(desk).map(|p| p.id.clone());
            self.lookup.refresh(desk);
            if let Some(id) = selected {
                keep_selected(&mut self.lookup, desk, &id);
            }
        }
        let separator = crate::tr!(lang, Upkeep::PersonEditSeparator);
        let changes: Vec<String> = edited
            .changes
            .iter()
            .map(|c| c.line(lang).trim().to_string())
            .collect();
        let name = crate::tui::widgets::sanitize(&edited.person.name).into_owned();
        let text = crate::tr!(
            lang,
            Upkeep::PersonEditSaved,
            name = name,
            changes = changes.join(&separator)
        );
        self.done(text);
    }
}

/// Puts the edited person in the desk's roster and register (where they are), and
/// indexes the list again so a changed name is found by its new spelling.
fn replace(desk: &mut Desk, person: &Person) {
    for list in std::iter::once(&mut desk.roster).chain(desk.register.as_mut()) {
        if let Some(at) = list.people.iter().position(|p| p.id == person.id) {
            let mut people = std::mem::take(&mut list.people);
            people[at] = person.clone();
            *list = Indexed::new(people);
        }
    }
}

/// After the search ran again, the cursor goes back to the person it was on.
fn keep_selected(search: &mut super::checkin::SearchBox, desk: &Desk, id: &PersonId) {
    let people = &desk.people(search.scope).people;
    if let Some(at) = search.hits.iter().position(|h| &people[h.index].id == id) {
        search.cursor.select(at, search.hits.len());
    }
}
