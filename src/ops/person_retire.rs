//! 离任: `person retire` — no longer a secretary from a date (换届, 调离), and its undo.
//! Both are change events; the person's record and history stay.

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::domain::person::MAX_TEXT;
use crate::domain::register::{Change, RegisterEvent, Retirement};
use crate::domain::{Person, PersonId};
use crate::store::{Batch, Store};
use crate::text::Upkeep;

use super::person_edit::find;
use super::who::commit_change;
use super::{OpResult, Refusal};

/// A retirement written, or undone.
#[derive(Debug, Clone, PartialEq)]
pub struct Retired {
    pub person: Person,
    pub from: NaiveDate,
    pub reason: String,
    pub event: RegisterEvent,
}

/// Records that person `id` is no longer a secretary from `from` (today when `None`).
/// Refused without a reason, or when a retirement already stands.
pub fn retire(
    store: &Store,
    now: DateTime<FixedOffset>,
    id: &PersonId,
    reason: &str,
    from: Option<NaiveDate>,
) -> OpResult<Retired> {
    let reason = checked_text(
        reason,
        Upkeep::PersonRetireNoReason,
        Upkeep::PersonReasonInvalid,
    )?;
    let person = find(store, id)?;
    if let Some(standing) = store.register_facts()?.retired.get(id) {
        let refusal = Refusal::of(Upkeep::PersonRetireAlready)
            .with("name", &person.name)
            .with("from", standing.from)
            .with("reason", &standing.reason)
            .with("id", id);
        return Err(refusal.into());
    }
    let from = from.unwrap_or(now.date_naive());
    let change = Change::PersonRetired {
        person: id.clone(),
        from,
        reason: reason.clone(),
    };
    let event = commit_change(store, now, change, Batch::default())?;
    Ok(Retired {
        person,
        from,
        reason,
        event,
    })
}

/// Undoes the retirement of person `id` that stands (a [`Change::Undone`] of it).
pub fn undo_retirement(
    store: &Store,
    now: DateTime<FixedOffset>,
    id: &PersonId,
) -> OpResult<Retired> {
    let person = find(store, id)?;
    let Some(Retirement {
        from,
        reason,
        event_id,
    }) = store.register_facts()?.retired.remove(id)
    else {
        let refusal = Refusal::of(Upkeep::PersonRetireNone).with("name", &person.name);
        return Err(refusal.into());
    };
    let undo = Change::Undone { target: event_id };
    let event = commit_change(store, now, undo, Batch::default())?;
    Ok(Retired {
        person,
        from,
        reason,
        event,
    })
}

/// A reason or source as typed: trimmed, not empty (`missing` says so), without control
/// characters and not longer than other texts of the register.
pub(super) fn checked_text(
    text: &str,
    missing: Upkeep,
    invalid: Upkeep,
) -> Result<String, Refusal> {
    let text = crate::domain::person::normalise_text(text);
    if text.is_empty() {
        return Err(Refusal::of(missing));
    }
    if text.chars().any(char::is_control) || text.chars().count() > MAX_TEXT {
        return Err(Refusal::of(invalid).with("limit", MAX_TEXT));
    }
    Ok(text)
}

#[cfg(test)]
#[path = "person_register_tests.rs"]
mod tests;
