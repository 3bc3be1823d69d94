//! A person as the commands' JSON shows them (`person list`, `roster`): phone and ID
//! number masked.

use serde::Serialize;

use crate::domain::{Person, mask};

/// A person as shown outside the program: phone and ID number masked.
#[derive(Serialize)]
pub(super) struct PersonOut {
    person_id: String,
    name: String,
    gender: Option<&'static str>,
    unit: String,
    county: String,
    township: String,
    position: String,
    field: Option<&'static str>,
    phone: Option<String>,
    id_number: Option<String>,
}

impl PersonOut {
    pub(super) fn masked(p: &Person) -> PersonOut {
        PersonOut {
            person_id: p.id.to_string(),
            name: p.name.clone(),
            gender: p.gender.map(|g| g.label(crate::text::Lang::Zh)),
            unit: p.unit.clone(),
            county: p.county.clone(),
            township: p.township.clone(),
            position: p.position.clone(),
            field: p.field.map(|f| f.code()),
            phone: p.phone.as_deref().map(mask::phone),
            id_number: p.id_number.as_deref().map(mask::id_number),
        }
    }
}
