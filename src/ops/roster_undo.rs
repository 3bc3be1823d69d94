//! Undoing a roster change (`lunxun change undo ID`): an enrolment, a withdrawal, a
//! substitution or a make-up; and a join of two records as one person. The undo is a change too ([`Change::Undone`]); the change
//! it reverts stays on record.
//!
//! Undoing an enrolment or a substitution takes the person it put on the roster off it
//! again (their enrolment is removed in the same commit), and is refused when they have
//! check-ins there (`unenrol` is the way then). Undoing a re-enrolment (after a
//! withdrawal) leaves the enrolment and lets the withdrawal stand again.

use chrono::{DateTime, FixedOffset};

use crate::domain::register::{Change, RegisterEvent};
use crate::domain::{Cohort, PersonId};
use crate::store::{Batch, Store};
use crate::text::Rosters as R;

use super::roster::refuse_closed;
use super::who::commit_change;
use super::{OpResult, Refusal};

/// An undo made durable: the undo and the change it reverts.
#[derive(Debug, Clone)]
pub struct UndoneChange {
    pub event: RegisterEvent,
    pub target: RegisterEvent,
}

/// Reverts the roster change with id `id`.
pub fn undo(store: &Store, now: DateTime<FixedOffset>, id: &str) -> OpResult<UndoneChange> {
    let id = id.trim();
    let changes = store.changes()?;
    let Some(target) = changes.iter().find(|e| e.id == id).cloned() else {
        return Err(Refusal::of(R::ChangeUnknown).with("id", id).into());
    };
    let undone = |e: &RegisterEvent| matches!(&e.change, Change::Undone { target } if target == id);
    if changes.iter().any(undone) {
        return Err(Refusal::of(R::ChangeAlreadyUndone).with("id", id).into());
    }
    if let Change::PersonsJoined { .. } = target.change {
        // Two records joined as one person (`person merge`, or found by a merge): the
        // undo parts them; no roster is touched.
        let change = Change::Undone {
            target: target.id.clone(),
        };
        let event = commit_change(store, now, change, Batch::default())?;
        return Ok(UndoneChange { event, target });
    }
    let Some((code, leaves)) = roster_change(&target, &changes) else {
        return Err(Refusal::of(R::ChangeNotUndoable).with("id", id).into());
    };
    let cohort = super::cohort::find(store, code)?;
    refuse_closed(&cohort)?;
    let mut batch = Batch::default();
    if let Some(person) = leaves {
        take_off(store, &cohort, person, &mut batch)?;
    }
    let change = Change::Undone {
        target: target.id.clone(),
    };
    let event = commit_change(store, now, change, batch)?;
    Ok(UndoneChange { event, target })
}

/// The cohort of a roster change, and the person undoing it takes off the roster (the
/// one it enrolled); `None` for a change `change undo` does not revert.
fn roster_change<'a>(
    target: &'a RegisterEvent,
    changes: &[RegisterEvent],
) -> Option<(&'a str, Option<&'a PersonId>)> {
    match &target.change {
        Change::Unenrolled { cohort, .. } | Change::MakeUp { cohort, .. } => Some((cohort, None)),
        Change::Substituted {
            cohort,
            replacement,
            ..
        } => Some((cohort, Some(replacement))),
        Change::Enrolled { cohort, person, .. } => {
            let back = left_before(target, changes, cohort, person);
            Some((cohort, (!back).then_some(person)))
        }
        _ => None,
    }
}

/// Whether `person` had left the cohort before `target` (which put them back).
fn left_before(
    target: &RegisterEvent,
    changes: &[RegisterEvent],
    code: &str,
    person: &PersonId,
) -> bool {
    let earlier: Vec<RegisterEvent> = changes
        .iter()
        .filter(|e| e.id < target.id)
        .cloned()
        .collect();
    let facts = crate::domain::register::RegisterFacts::fold(&earlier);
    facts.withdrawal(code, person).is_some()
}

/// Removes the enrolment the change made, unless the person has check-ins there.
fn take_off(store: &Store, cohort: &Cohort, person: &PersonId, batch: &mut Batch) -> OpResult<()> {
    if store
        .events(&cohort.code)?
        .iter()
        .any(|e| &e.person == person)
    {
        let name = store.person(person)?.map(|p| p.name).unwrap_or_default();
        let refusal = Refusal::of(R::ChangeUndoAttended)
            .with("name", name)
            .with("code", &cohort.code);
        return Err(refusal.into());
    }
    Store::stage_enrolment_removal(batch, &cohort.code, person);
    Ok(())
}
