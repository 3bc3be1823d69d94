//! The roster export (参训名单), and how personal data is shown in every export:
//! masked unless the organiser asks for it with `--include-sensitive`.

use serde::Serialize;

use crate::domain::{Cohort, Person, mask};
use crate::text::{Export, Lang};
use crate::tr;

use super::sheet::{Cell, Layout, Sheet};

/// Whether phones and ID numbers are written in full.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Privacy {
    #[default]
    Masked,
    Full,
}

impl Privacy {
    pub fn phone(self, person: &Person) -> String {
        let phone = person.phone.as_deref().unwrap_or_default();
        match self {
            Privacy::Full => phone.to_string(),
            Privacy::Masked if phone.is_empty() => String::new(),
            Privacy::Masked => mask::phone(phone),
        }
    }

    pub fn id_number(self, person: &Person) -> String {
        let id = person.id_number.as_deref().unwrap_or_default();
        match self {
            Privacy::Full => id.to_string(),
            Privacy::Masked if id.is_empty() => String::new(),
            Privacy::Masked => mask::id_number(id),
        }
    }
}

/// One person in the JSON roster export.
#[derive(Debug, Serialize)]
pub struct PersonOut {
    pub person_id: String,
    pub name: String,
    pub gender: Option<&'static str>,
    pub unit: String,
    pub county: String,
    pub township: String,
    pub position: String,
    pub field: Option<&'static str>,
    pub phone: Option<String>,
    pub id_number: Option<String>,
    pub notes: String,
}

pub fn roster_json(roster: &[Person], privacy: Privacy) -> Vec<PersonOut> {
    let some = |s: String| Some(s).filter(|s| !s.is_empty());
    roster
        .iter()
        .map(|p| PersonOut {
            person_id: p.id.to_string(),
            name: p.name.clone(),
            gender: p.gender.map(|g| g.label(Lang::Zh)),
            unit: p.unit.clone(),
            county: p.county.clone(),
            township: p.township.clone(),
            position: p.position.clone(),
            field: p.field.map(|f| f.code()),
            phone: some(privacy.phone(p)),
            id_number: some(privacy.id_number(p)),
            notes: p.notes.clone(),
        })
        .collect()
}

/// The roster's columns, as `lunxun import` reads them back.
const HEADER: [Export; 11] = [
    Export::ExpColNo,
    Export::ExpColName,
    Export::ExpColGender,
    Export::ExpColUnit,
    Export::ExpColCounty,
    Export::ExpColTownship,
    Export::ExpColPosition,
    Export::ExpColField,
    Export::ExpColPhone,
    Export::ExpColIdNumber,
    Export::ExpColNotes,
];

/// The roster as a sheet, with headers that `lunxun import` reads back.
pub fn roster_sheet(cohort: &Cohort, roster: &[Person], lang: Lang, privacy: Privacy) -> Sheet {
    let rows = roster
        .iter()
        .enumerate()
        .map(|(n, p)| {
            vec![
                (n + 1).into(),
                p.name.as_str().into(),
                p.gender
                    .map_or_else(String::new, |g| g.label(lang).to_string())
                    .into(),
                p.unit.as_str().into(),
                p.county.as_str().into(),
                p.township.as_str().into(),
                p.position.as_str().into(),
                p.field.map_or("", |f| f.label(lang)).into(),
                privacy.phone(p).into(),
                privacy.id_number(p).into(),
                Cell::Text(p.notes.clone()),
            ]
        })
        .collect();
    Sheet {
        name: tr!(lang, Export::ExpRosterTab),
        title: tr!(lang, Export::ExpRosterTitle, cohort = cohort.name),
        subtitle: tr!(
            lang,
            Export::ExpRosterSubtitle,
            start = cohort.start,
            people = roster.len()
        ),
        header: HEADER.iter().map(|e| tr!(lang, *e)).collect(),
        rows,
        totals: Vec::new(),
        layout: Layout {
            freeze_columns: 2,
            landscape: true,
            ..Layout::default()
        },
    }
}
