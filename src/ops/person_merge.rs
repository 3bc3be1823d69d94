//! 同一人 by hand: `person merge A B` joins two records the matcher left apart (a
//! near-match a merge listed, a walk-in typed twice). Recorded as a
//! [`Change::PersonsJoined`] with [`MatchRule::Manual`]; `change undo` parts them again.
//! Nothing is rewritten: both records and every event keep their keys.

use chrono::{DateTime, FixedOffset};

use crate::domain::register::{Change, MatchRule, RegisterEvent};
use crate::domain::{Person, PersonId};
use crate::store::{Batch, Store};
use crate::text::PeopleMerge as T;

use super::person_edit::find;
use super::who::commit_change;
use super::{OpResult, Refusal};

/// A join made durable: the kept record, the joined one and the change.
#[derive(Debug, Clone, PartialEq)]
pub struct Joined {
    pub kept: Person,
    pub joined: Person,
    pub event: RegisterEvent,
}

/// Joins the records `a` and `b` as one person: their groups become one, read as the
/// smaller of the two groups' kept ids. Refused for one id twice, for records already
/// one person, and for records whose ID numbers differ (never one person).
pub fn merge(
    store: &Store,
    now: DateTime<FixedOffset>,
    a: &PersonId,
    b: &PersonId,
) -> OpResult<Joined> {
    let (first, second) = (find(store, a)?, find(store, b)?);
    if a == b {
        return Err(Refusal::of(T::PeopleMergeSame).with("id", a).into());
    }
    let aliases = store.aliases()?;
    let (kept_a, kept_b) = (aliases.kept(a).clone(), aliases.kept(b).clone());
    if kept_a == kept_b {
        let refusal = Refusal::of(T::PeopleMergeAlready)
            .with("a", a)
            .with("b", b)
            .with("kept", &kept_a);
        return Err(refusal.into());
    }
    if numbers_differ(&first, &second) {
        let refusal = Refusal::of(T::PeopleMergeNumbersDiffer)
            .with("a_name", &first.name)
            .with("b_name", &second.name);
        return Err(refusal.into());
    }
    let (kept, joined) = if kept_a < kept_b {
        (kept_a, kept_b)
    } else {
        (kept_b, kept_a)
    };
    let change = Change::PersonsJoined {
        kept: kept.clone(),
        joined: joined.clone(),
        rule: MatchRule::Manual,
    };
    let (kept, joined) = (find(store, &kept)?, find(store, &joined)?);
    let event = commit_change(store, now, change, Batch::default())?;
    Ok(Joined {
        kept,
        joined,
        event,
    })
}

/// Both have an ID number and they are not the same number.
fn numbers_differ(a: &Person, b: &Person) -> bool {
    let number = |p: &Person| {
        p.id_number
            .as_deref()
            .map(|n| n.trim().to_ascii_uppercase())
            .filter(|n| !n.is_empty())
    };
    matches!((number(a), number(b)), (Some(x), Some(y)) if x != y)
}

/// A match rule in words (`person show`, the join's line).
pub fn rule_label(rule: MatchRule) -> T {
    match rule {
        MatchRule::IdNumber => T::PeopleMergeRuleIdNumber,
        MatchRule::Phone => T::PeopleMergeRulePhone,
        MatchRule::NameUnit => T::PeopleMergeRuleNameUnit,
        MatchRule::Manual => T::PeopleMergeRuleManual,
    }
}

#[cfg(test)]
#[path = "person_merge_tests.rs"]
mod tests;
