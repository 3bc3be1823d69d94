//! 签到: check in, leave, undo and walk-in, for the command line and the desk alike.
//!
//! Someone not on the cohort's roster is enrolled as a walk-in (现场增补) in the same
//! commit as their check-in when the caller asks for it (the desk always does, the
//! command line with `--walk-in`) and refused otherwise. A closed session or cohort is
//! refused by the store, which reads the stored cohort. Each operation commits once and
//! returns only after the commit is durable.

use chrono::{DateTime, FixedOffset};

use crate::domain::attendance::{self, AttendanceEvent, CheckInStatus, EventKind, Refusal};
use crate::domain::person::PersonError;
use crate::domain::{Cohort, Person, PersonId, Session};
use crate::store::{Batch, CheckInOutcome, DeskRequest, PersonFacts, Store, StoreError};
use crate::text::{Attendance, Lang, Rosters};

type Now = DateTime<FixedOffset>;

/// Where attendance is written: a cohort and one of its sessions.
#[derive(Debug, Clone, Copy)]
pub struct Where<'a> {
    pub cohort: &'a Cohort,
    pub session: Session,
}

/// Checking someone in, or recording their leave (请假: `status` leave).
#[derive(Debug, Clone)]
pub struct CheckIn<'a> {
    pub at: Where<'a>,
    pub person: &'a Person,
    /// `None`: present, or late after the session's start plus the cohort's grace.
    pub status: Option<CheckInStatus>,
    /// Trimmed; an empty reason is none.
    pub reason: Option<String>,
    /// Enrol them as a walk-in when they are not on the roster (else refuse).
    pub walk_in: bool,
}

/// Someone not in the register yet, as typed at the venue: added to the register,
/// enrolled in the cohort and checked in, in one commit.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewPerson {
    pub name: String,
    pub unit: String,
    pub county: String,
    pub township: String,
    pub position: String,
    pub phone: String,
}

/// Reverting a person's latest standing event in a session: their sign-out when one
/// stands, else the check-in that gives their status.
#[derive(Debug, Clone, Copy)]
pub struct Undo<'a> {
    pub at: Where<'a>,
    pub person: &'a PersonId,
}

/// A check-in made durable.
#[derive(Debug, Clone)]
pub struct CheckedIn {
    pub event: AttendanceEvent,
    pub status: CheckInStatus,
    pub reason: Option<String>,
    /// They were not on the roster and are now enrolled as a walk-in.
    pub enrolled: bool,
}

/// A walk-in made durable: the new person and their check-in.
#[derive(Debug, Clone)]
pub struct WalkedIn {
    pub person: Person,
    pub checked_in: CheckedIn,
}

/// An undo made durable; `target` is the id of the event it reverts.
#[derive(Debug, Clone)]
pub struct Undone {
    pub event: AttendanceEvent,
    pub target: String,
    /// The event reverted was a sign-out (签退), not a check-in.
    pub sign_out: bool,
}

/// Why nothing was written.
#[derive(Debug)]
pub enum CheckInError {
    /// Not on the roster, and the caller did not ask to enrol them.
    NotOnRoster(NotOnRoster),
    /// A walk-in's details do not make a person record.
    Invalid(Invalid),
    /// The attendance rules, or a closed session or cohort, refused it.
    Refused(Refusal),
    Store(StoreError),
}

impl From<StoreError> for CheckInError {
    fn from(e: StoreError) -> CheckInError {
        CheckInError::Store(e)
    }
}

/// Someone not on the cohort's roster: never enrolled (and no walk-in asked for), or
/// withdrawn (退训) or replaced (调换), which no walk-in undoes (`lunxun enrol` does).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotOnRoster {
    pub name: String,
    pub cohort: String,
    /// Set when they left the roster.
    pub left: Option<Left>,
}

/// How someone left a cohort's roster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Left {
    pub date: chrono::NaiveDate,
    pub reason: String,
    /// The substitute's name, when they were replaced.
    pub replaced_by: Option<String>,
}

impl NotOnRoster {
    pub fn message(&self, lang: Lang) -> String {
        let (name, cohort) = (&self.name, &self.cohort);
        let Some(left) = &self.left else {
            return crate::tr!(lang, Attendance::NotOnRoster, name = name, cohort = cohort);
        };
        let (date, reason) = (left.date, &left.reason);
        match &left.replaced_by {
            None => crate::tr!(
                lang,
                Rosters::RosterCheckInWithdrawn,
                name = name,
                cohort = cohort,
                date = date,
                reason = reason
            ),
            Some(other) => crate::tr!(
                lang,
                Rosters::RosterCheckInReplaced,
                name = name,
                other = other,
                date = date,
                reason = reason
            ),
        }
    }
}

/// Refuses a check-in of someone withdrawn from the cohort or replaced in it: every
/// record of theirs enrolled there has left it.
fn refuse_left(
    store: &Store,
    cohort: &str,
    person: &Person,
    known: &PersonFacts,
) -> Result<(), CheckInError> {
    let mut left = None;
    for id in known.aliases.group(&person.id) {
        if !store.is_enrolled(cohort, &id)? {
            continue;
        }
        match known.facts.withdrawal(cohort, &id) {
            Some(withdrawal) => left = left.or(Some(withdrawal)),
            None => return Ok(()),
        }
    }
    let Some(withdrawal) = left else {
        return Ok(());
    };
    let replaced_by = match &withdrawal.replaced_by {
        Some(id) => Some(store.person(id)?.map_or_else(|| id.to_string(), |p| p.name)),
        None => None,
    };
    Err(CheckInError::NotOnRoster(NotOnRoster {
        name: person.name.clone(),
        cohort: cohort.to_string(),
        left: Some(Left {
            date: withdrawal.at.date_naive(),
            reason: withdrawal.reason.clone(),
            replaced_by,
        }),
    }))
}

/// Why typed details do not make a person record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invalid {
    Person(PersonError),
    /// A walk-in needs a unit: it is how the desk tells two people of one name apart.
    UnitRequired,
}

impl Invalid {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Invalid::UnitRequired => crate::tr!(lang, Attendance::WalkInUnitRequired),
            Invalid::Person(e) => e.message(lang),
        }
    }
}

/// Normalises and checks a person's details: the one check for a walk-in at the desk
/// and for `lunxun person add` ([`super::person::add`]).
pub fn checked_person(person: Person) -> Result<Person, PersonError> {
    let person = person.normalise();
    person.validate()?;
    Ok(person)
}

impl NewPerson {
    /// A new person record (fresh id) from the typed details, checked.
    pub fn into_person(self) -> Result<Person, Invalid> {
        let id = PersonId(ulid::Ulid::generate().to_string());
        let mut person = Person::named(id, self.name);
        person.unit = self.unit;
        person.county = self.county;
        person.township = self.township;
        person.position = self.position;
        person.phone = Some(self.phone);
        let person = checked_person(person).map_err(Invalid::Person)?;
        if person.unit.is_empty() {
            return Err(Invalid::UnitRequired);
        }
        Ok(person)
    }
}

/// A status as typed: present, late or leave.
pub fn parse_status(text: &str) -> Result<CheckInStatus, super::Refusal> {
    let refusal = || super::Refusal::of(Attendance::BadStatus).with("text", text);
    CheckInStatus::parse(text).ok_or_else(refusal)
}

/// Checks someone in: enrols them first (same commit) if they are not on the roster
/// and `walk_in` asks for it. A record joined to another (an alias) is checked in as
/// the kept person, and an arrival under any of their records stands for them all.
/// Reads the register's changes once (the person's own, the joins and the undos).
pub fn check_in(store: &Store, now: Now, input: CheckIn<'_>) -> Result<CheckedIn, CheckInError> {
    let CheckIn {
        at,
        person,
        status,
        reason,
        walk_in,
    } = input;
    let known = store.person_facts(&person.id)?;
    let kept_record;
    let person = match known.aliases.alias(&person.id) {
        None => person,
        Some(alias) => {
            kept_record = store.person(&alias.kept)?.unwrap_or_else(|| person.clone());
            &kept_record
        }
    };
    let group = known.aliases.group(&person.id);
    let mut extra = Batch::default();
    let enrols = !store.group_enrolled(&at.cohort.code, &group)?;
    if enrols {
        if !walk_in {
            return Err(CheckInError::NotOnRoster(NotOnRoster {
                name: person.name.clone(),
                cohort: at.cohort.code.clone(),
                left: None,
            }));
        }
        Store::stage_enrolment(&mut extra, &at.cohort.code, &person.id, now, true);
    } else {
        refuse_left(store, &at.cohort.code, person, &known)?;
    }
    let status = status.unwrap_or_else(|| arrival(at, now));
    arrived_as_another(store, at, &group[1..], status)?;
    let reason = reason
        .map(|r| r.trim().to_string())
        .filter(|r| !r.is_empty());
    let event = record(store, now, at, &person.id, status, reason.clone(), extra)?;
    Ok(CheckedIn {
        event,
        status,
        reason,
        enrolled: enrols,
    })
}

/// Adds someone to the register, enrols them and checks them in, all in one commit.
pub fn walk_in(
    store: &Store,
    now: Now,
    at: Where<'_>,
    details: NewPerson,
) -> Result<WalkedIn, CheckInError> {
    let person = details.into_person().map_err(CheckInError::Invalid)?;
    let mut extra = Batch::default();
    Store::stage_person(&mut extra, &person);
    Store::stage_enrolment(&mut extra, &at.cohort.code, &person.id, now, true);
    let status = arrival(at, now);
    let event = record(store, now, at, &person.id, status, None, extra)?;
    let checked_in = CheckedIn {
        event,
        status,
        reason: None,
        enrolled: true,
    };
    Ok(WalkedIn { person, checked_in })
}

/// Reverts the person's latest standing event in the session (a sign-out before the
/// check-in it follows). For a person with several records (同一人), the kept record's
/// event first, else the first other record's that has one standing.
pub fn undo(store: &Store, now: Now, input: Undo<'_>) -> Result<Undone, CheckInError> {
    let aliases = store.aliases()?;
    let mut refused = Refusal::NothingToUndo;
    for person in aliases.group(input.person) {
        match undo_record(store, now, input.at, &person)? {
            Ok(done) => return Ok(done),
            Err(Refusal::NothingToUndo) => {}
            Err(other) => refused = other,
        }
    }
    Err(CheckInError::Refused(refused))
}

/// Reverts the latest standing event of one record in the session.
fn undo_record(
    store: &Store,
    now: Now,
    at: Where<'_>,
    person: &PersonId,
) -> Result<Result<Undone, Refusal>, CheckInError> {
    let request = DeskRequest {
        cohort: &at.cohort.code,
        person,
        session: at.session,
        at: now,
    };
    let event = match store.undo(&request)? {
        CheckInOutcome::Refused(refusal) => return Ok(Err(refusal)),
        CheckInOutcome::Recorded(event) => event,
    };
    let EventKind::Undo { target } = &event.kind else {
        unreachable!("the store's undo records an undo event")
    };
    let target = target.clone();
    let thread = store.thread(&at.cohort.code, person, at.session)?;
    let sign_out = thread
        .iter()
        .any(|e| e.id == target && matches!(e.kind, EventKind::SignOut { .. }));
    Ok(Ok(Undone {
        event,
        target,
        sign_out,
    }))
}

/// Refuses a check-in that another record of the same person's already has, as the
/// store refuses one of the record itself ("already checked in").
fn arrived_as_another(
    store: &Store,
    at: Where<'_>,
    others: &[PersonId],
    status: CheckInStatus,
) -> Result<(), CheckInError> {
    for other in others {
        let current = store.status(&at.cohort.code, other, at.session)?;
        if let Err(refusal) = attendance::check_in_allowed(current.as_ref(), status) {
            return Err(CheckInError::Refused(refusal));
        }
    }
    Ok(())
}

fn arrival(at: Where<'_>, now: Now) -> CheckInStatus {
    attendance::arrival_status(at.cohort, at.session, now.naive_local())
}

fn record(
    store: &Store,
    now: Now,
    at: Where<'_>,
    person: &PersonId,
    status: CheckInStatus,
    reason: Option<String>,
    extra: Batch,
) -> Result<AttendanceEvent, CheckInError> {
    let request = DeskRequest {
        cohort: &at.cohort.code,
        person,
        session: at.session,
        at: now,
    };
    match store.check_in_with(&request, status, reason, extra)? {
        CheckInOutcome::Recorded(event) => Ok(event),
        CheckInOutcome::Refused(refusal) => Err(CheckInError::Refused(refusal)),
    }
}

#[cfg(test)]
#[path = "checkin_tests.rs"]
mod tests;
