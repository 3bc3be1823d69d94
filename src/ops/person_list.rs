//! 人员名单: the register filtered by county, field, cohort and text, with each
//! person's standing retirement.

use crate::domain::register::Retirement;
use crate::domain::{Field, Person};
use crate::store::Store;
use crate::text::Commands;

use super::cohort::parse_field;
use super::{OpResult, Refusal};

/// Filters as typed; each one given narrows the list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PersonFilter {
    /// 县市区, exactly.
    pub county: Option<String>,
    /// A field's code or name.
    pub field: Option<String>,
    /// On this cohort's roster.
    pub cohort: Option<String>,
    /// In the name, unit, county, township or position (letters in any case).
    pub text: Option<String>,
}

/// One person listed, with the retirement that stands (换届, 调离).
#[derive(Debug, Clone, PartialEq)]
pub struct Listed {
    pub person: Person,
    pub retired: Option<Retirement>,
}

/// The people who pass every filter, in the order they were added.
pub fn list(store: &Store, filter: &PersonFilter) -> OpResult<Vec<Listed>> {
    let field = parse_field(filter.field.as_deref())?;
    let people = match given(&filter.cohort) {
        Some(code) => {
            if store.cohort(&code)?.is_none() {
                return Err(Refusal::of(Commands::CliUnknownCohort)
                    .with("code", code)
                    .into());
            }
            store.roster(&code)?
        }
        None => store.people_as_one()?,
    };
    let county = given(&filter.county);
    let text = given(&filter.text).map(|t| t.to_lowercase());
    let mut facts = store.register_facts()?;
    let listed = people
        .into_iter()
        .filter(|p| county.as_ref().is_none_or(|c| &p.county == c))
        .filter(|p| field.is_none_or(|f| p.field == Some(f)))
        .filter(|p| text.as_ref().is_none_or(|t| contains(p, t)))
        .map(|person| Listed {
            retired: facts.retired.remove(&person.id),
            person,
        })
        .collect();
    Ok(listed)
}

fn given(text: &Option<String>) -> Option<String> {
    text.as_deref()
        .map(crate::domain::person::normalise_text)
        .filter(|t| !t.is_empty())
}

fn contains(person: &Person, lower: &str) -> bool {
    [
        &person.name,
        &person.unit,
        &person.county,
        &person.township,
        &person.position,
    ]
    .iter()
    .any(|text| text.to_lowercase().contains(lower))
}

/// A field's name in `lang`, or empty.
pub fn field_name(field: Option<Field>, lang: crate::text::Lang) -> &'static str {
    field.map_or("", |f| f.label(lang))
}
