//! 人员: adding someone to the register, and to a cohort's roster with them, in one
//! commit. A closed cohort takes nobody new.

use chrono::{DateTime, FixedOffset};

use crate::domain::{Gender, Person};
use crate::store::Store;
use crate::text::Commands;

use super::checkin::checked_person;
use super::{OpError, OpResult, Refusal};

/// Checks the person's details (the check a walk-in gets at the desk) and adds them
/// to the register, enrolled in the cohort `cohort` when given. Nothing is written on a
/// refusal.
pub fn add(
    store: &Store,
    now: DateTime<FixedOffset>,
    person: Person,
    cohort: Option<&str>,
) -> OpResult<Person> {
    let person = checked_person(person).map_err(OpError::Person)?;
    store
        .add_person(&person, cohort, now)?
        .map_err(OpError::Closed)?;
    Ok(person)
}

/// 男/女 or male/female; empty means not given.
pub fn parse_gender(text: Option<&str>) -> Result<Option<Gender>, Refusal> {
    let Some(text) = text.filter(|t| !t.trim().is_empty()) else {
        return Ok(None);
    };
    let refusal = || Refusal::of(Commands::PeopleBadGender).with("gender", text);
    Gender::parse(text).map(Some).ok_or_else(refusal)
}
