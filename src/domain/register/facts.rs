//! What the register's events say now ([`RegisterFacts`]): who retired, who left which
//! cohort and why, substitutes, hours from elsewhere, make-ups and certificates issued,
//! with undos applied.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::{CertificateKind, Change, RegisterEvent};
use crate::domain::cohort::Level;
use crate::domain::person::PersonId;
use crate::domain::session::Session;

/// A retirement that stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Retirement {
    pub from: NaiveDate,
    pub reason: String,
    pub event_id: String,
}

/// Why someone left a cohort's roster: withdrawn (退训), or replaced by a substitute.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Withdrawal {
    pub at: DateTime<FixedOffset>,
    pub reason: String,
    /// Set when a substitute (调换) took their place.
    pub replaced_by: Option<PersonId>,
    pub event_id: String,
}

/// Hours recorded from elsewhere.
#[derive(Debug, Clone, PartialEq)]
pub struct OutsideHours {
    pub tenths: u32,
    pub source: String,
    pub date: NaiveDate,
    pub level: Option<Level>,
    pub event_id: String,
}

/// A make-up that stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MakeUp {
    pub session: Session,
    pub reason: String,
    pub at: DateTime<FixedOffset>,
    pub event_id: String,
}

/// A certificate printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issued {
    pub cohort: String,
    pub person: PersonId,
    pub kind: CertificateKind,
    pub serial: String,
    pub reprint: bool,
    pub at: DateTime<FixedOffset>,
}

/// What the register's events say now, undos applied.
#[derive(Debug, Clone, Default)]
pub struct RegisterFacts {
    pub retired: HashMap<PersonId, Retirement>,
    /// By (cohort, person).
    pub withdrawn: HashMap<(String, PersonId), Withdrawal>,
    /// By (cohort, replacement): the person they replaced.
    pub substitute_for: HashMap<(String, PersonId), PersonId>,
    pub outside_hours: HashMap<PersonId, Vec<OutsideHours>>,
    /// By (cohort, person).
    pub make_ups: HashMap<(String, PersonId), Vec<MakeUp>>,
    pub issued: Vec<Issued>,
}

impl RegisterFacts {
    /// Folds events in written (id) order. An undo removes what its target added; an
    /// enrolment after a withdrawal puts the person back on the roster.
    pub fn fold(events: &[RegisterEvent]) -> RegisterFacts {
        let undone = super::undone_ids(events);
        let mut facts = RegisterFacts::default();
        for event in events.iter().filter(|e| !undone.contains(e.id.as_str())) {
            facts.apply(event);
        }
        facts
    }

    fn apply(&mut self, event: &RegisterEvent) {
        let id = event.id.clone();
        match &event.change {
            Change::PersonRetired {
                person,
                from,
                reason,
            } => {
                let retirement = Retirement {
                    from: *from,
                    reason: reason.clone(),
                    event_id: id,
                };
                self.retired.insert(person.clone(), retirement);
            }
            Change::Enrolled { cohort, person, .. } => {
                self.withdrawn.remove(&(cohort.clone(), person.clone()));
            }
            Change::Unenrolled {
                cohort,
                person,
                reason,
            } => {
                let withdrawal = Withdrawal {
                    at: event.at,
                    reason: reason.clone(),
                    replaced_by: None,
                    event_id: id,
                };
                self.withdrawn
                    .insert((cohort.clone(), person.clone()), withdrawal);
            }
            Change::Substituted {
                cohort,
                replaced,
                replacement,
                reason,
            } => {
                let withdrawal = Withdrawal {
                    at: event.at,
                    reason: reason.clone(),
                    replaced_by: Some(replacement.clone()),
                    event_id: id,
                };
                self.withdrawn
                    .insert((cohort.clone(), replaced.clone()), withdrawal);
                self.withdrawn
                    .remove(&(cohort.clone(), replacement.clone()));
                self.substitute_for
                    .insert((cohort.clone(), replacement.clone()), replaced.clone());
            }
            Change::OutsideHours {
                person,
                tenths,
                source,
                date,
                level,
            } => {
                let hours = OutsideHours {
                    tenths: *tenths,
                    source: source.clone(),
                    date: *date,
                    level: *level,
                    event_id: id,
                };
                self.outside_hours
                    .entry(person.clone())
                    .or_default()
                    .push(hours);
            }
            Change::MakeUp {
                cohort,
                person,
                session,
                reason,
            } => {
                let make_up = MakeUp {
                    session: *session,
                    reason: reason.clone(),
                    at: event.at,
                    event_id: id,
                };
                self.make_ups
                    .entry((cohort.clone(), person.clone()))
                    .or_default()
                    .push(make_up);
            }
            Change::CertificateIssued {
                cohort,
                person,
                kind,
                serial,
                reprint,
            } => self.issued.push(Issued {
                cohort: cohort.clone(),
                person: person.clone(),
                kind: *kind,
                serial: serial.clone(),
                reprint: *reprint,
                at: event.at,
            }),
            // Aliases are folded by `domain::aliases`.
            Change::PersonEdited { .. }
            | Change::CohortEdited { .. }
            | Change::PersonsJoined { .. }
            | Change::Undone { .. } => {}
        }
    }

    /// Retired on or before `day`: no longer counted as a secretary that day.
    pub fn is_retired_on(&self, person: &PersonId, day: NaiveDate) -> bool {
        self.retired.get(person).is_some_and(|r| r.from <= day)
    }

    pub fn withdrawal(&self, cohort: &str, person: &PersonId) -> Option<&Withdrawal> {
        self.withdrawn.get(&(cohort.to_string(), person.clone()))
    }

    pub fn make_ups_of(&self, cohort: &str, person: &PersonId) -> &[MakeUp] {
        self.make_ups
            .get(&(cohort.to_string(), person.clone()))
            .map_or(&[], Vec::as_slice)
    }
}
