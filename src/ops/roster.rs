//! 名单变更: putting someone on a cohort's roster (`enrol`), withdrawing them (退训),
//! replacing one person by another (调换), crediting a missed session made up (补课),
//! and undoing any of these. Each is a register change ([`Change`]) committed once with
//! the records it changes (a substitute's enrolment); nothing is written on a refusal.
//!
//! A make-up is refused for a session the person attended, and for a session that has
//! not ended yet (it can only be made up after it was held); a session need not be
//! closed. A closed cohort refuses every roster change (its records are look-up only).

use chrono::{DateTime, FixedOffset};

use crate::domain::register::{Change, RegisterEvent, RegisterFacts, Withdrawal};
use crate::domain::{Cohort, Person, Session};
use crate::store::{Batch, Store};
use crate::text::Rosters as R;

use super::who::commit_change;
use super::{OpError, OpResult, Refusal};

type Now = DateTime<FixedOffset>;

/// What `enrol` did.
#[derive(Debug, Clone)]
pub enum Enrolled {
    /// Newly on the roster.
    New(RegisterEvent),
    /// Back on the roster after leaving it (`reason`: why they had left).
    Back {
        event: RegisterEvent,
        reason: String,
    },
    /// On the roster already: nothing written.
    Already,
}

/// Puts `person` on the cohort's roster, or back on it after a withdrawal.
pub fn enrol(store: &Store, now: Now, cohort: &Cohort, person: &Person) -> OpResult<Enrolled> {
    refuse_closed(cohort)?;
    let facts = store.register_facts()?;
    let on_record = store.is_enrolled(&cohort.code, &person.id)?;
    let left = facts.withdrawal(&cohort.code, &person.id);
    if on_record && left.is_none() {
        return Ok(Enrolled::Already);
    }
    let change = Change::Enrolled {
        cohort: cohort.code.clone(),
        person: person.id.clone(),
        walk_in: false,
    };
    let mut batch = Batch::default();
    if !on_record {
        Store::stage_enrolment(&mut batch, &cohort.code, &person.id, now, false);
    }
    let event = commit_change(store, now, change, batch)?;
    Ok(match left {
        Some(w) => Enrolled::Back {
            reason: w.reason.clone(),
            event,
        },
        None => Enrolled::New(event),
    })
}

/// 退训: withdraws someone on the roster, with the reason. Their enrolment and records
/// stay; the withdrawal is the change.
pub fn unenrol(
    store: &Store,
    now: Now,
    cohort: &Cohort,
    person: &Person,
    reason: &str,
) -> OpResult<RegisterEvent> {
    let reason = required_reason(reason, R::RosterWhatUnenrol)?;
    refuse_closed(cohort)?;
    on_roster(store, &store.register_facts()?, cohort, person)?;
    let change = Change::Unenrolled {
        cohort: cohort.code.clone(),
        person: person.id.clone(),
        reason,
    };
    Ok(commit_change(store, now, change, Batch::default())?)
}

/// 调换: `incoming` takes `outgoing`'s place, enrolled in the same commit. Refused when
/// `outgoing` is not on the roster (or already left it) and when `incoming` has an
/// enrolment in the cohort already.
pub fn substitute(
    store: &Store,
    now: Now,
    cohort: &Cohort,
    outgoing: &Person,
    incoming: &Person,
    reason: &str,
) -> OpResult<RegisterEvent> {
    let reason = required_reason(reason, R::RosterWhatSubstitute)?;
    refuse_closed(cohort)?;
    if outgoing.id == incoming.id {
        return Err(Refusal::of(R::RosterSamePerson).into());
    }
    on_roster(store, &store.register_facts()?, cohort, outgoing)?;
    if store.is_enrolled(&cohort.code, &incoming.id)? {
        let refusal = Refusal::of(R::RosterReplacementEnrolled)
            .with("name", &incoming.name)
            .with("code", &cohort.code);
        return Err(refusal.into());
    }
    let mut batch = Batch::default();
    Store::stage_enrolment(&mut batch, &cohort.code, &incoming.id, now, false);
    let change = Change::Substituted {
        cohort: cohort.code.clone(),
        replaced: outgoing.id.clone(),
        replacement: incoming.id.clone(),
        reason,
    };
    Ok(commit_change(store, now, change, batch)?)
}

/// 补课: credits a session the person missed (on leave or absent) as made up, with the
/// reason. Refused before the session has ended, for a session they attended, and twice
/// for one session.
pub fn make_up(
    store: &Store,
    now: Now,
    cohort: &Cohort,
    person: &Person,
    session: Session,
    reason: &str,
) -> OpResult<RegisterEvent> {
    let reason = required_reason(reason, R::RosterWhatMakeUp)?;
    refuse_closed(cohort)?;
    let facts = store.register_facts()?;
    on_roster(store, &facts, cohort, person)?;
    let label = |lang| session.label(lang);
    if let Some(end) = cohort.ends_at(session).filter(|e| *e > now.naive_local()) {
        let refusal = Refusal::of(R::RosterMakeUpNotHeld)
            .with_worded("session", label)
            .with("end", end.format("%Y-%m-%d %H:%M"));
        return Err(refusal.into());
    }
    if let Some(status) = store.status(&cohort.code, &person.id, session)?
        && status.status.attended()
    {
        let refusal = Refusal::of(R::RosterMakeUpAttended)
            .with("name", &person.name)
            .with_worded("session", label)
            .with("time", status.at.format("%H:%M"));
        return Err(refusal.into());
    }
    let made_up = facts.make_ups_of(&cohort.code, &person.id);
    if let Some(earlier) = made_up.iter().find(|m| m.session == session) {
        let refusal = Refusal::of(R::RosterMakeUpTwice)
            .with("name", &person.name)
            .with_worded("session", label)
            .with("reason", &earlier.reason);
        return Err(refusal.into());
    }
    let change = Change::MakeUp {
        cohort: cohort.code.clone(),
        person: person.id.clone(),
        session,
        reason,
    };
    Ok(commit_change(store, now, change, Batch::default())?)
}

/// The reason, trimmed; refused when empty.
fn required_reason(reason: &str, what: R) -> OpResult<String> {
    let reason = reason.trim();
    if reason.is_empty() || reason.chars().any(char::is_control) {
        return Err(Refusal::of(R::RosterReasonRequired)
            .with_worded("what", |lang| what.get(lang).to_string())
            .into());
    }
    Ok(reason.to_string())
}

pub(super) fn refuse_closed(cohort: &Cohort) -> OpResult<()> {
    if cohort.open {
        return Ok(());
    }
    Err(Refusal::of(R::RosterCohortClosed)
        .with("code", &cohort.code)
        .into())
}

/// Refuses someone not enrolled, or enrolled but withdrawn or replaced.
fn on_roster(
    store: &Store,
    facts: &RegisterFacts,
    cohort: &Cohort,
    person: &Person,
) -> OpResult<()> {
    if !store.is_enrolled(&cohort.code, &person.id)? {
        let refusal = Refusal::of(R::RosterNotEnrolled)
            .with("name", &person.name)
            .with("code", &cohort.code);
        return Err(refusal.into());
    }
    match facts.withdrawal(&cohort.code, &person.id) {
        None => Ok(()),
        Some(w) => Err(already_left(cohort, person, w)),
    }
}

fn already_left(cohort: &Cohort, person: &Person, w: &Withdrawal) -> OpError {
    Refusal::of(R::RosterAlreadyWithdrawn)
        .with("name", &person.name)
        .with("code", &cohort.code)
        .with("date", w.at.format("%Y-%m-%d"))
        .with("reason", &w.reason)
        .into()
}
