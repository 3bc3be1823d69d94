//! 花名册变更: every change to the register and to a cohort's roster beyond adding
//! people, as an append-only event with an id (so that records from several laptops can
//! later be combined): edits of a person (with the old value), retirements (换届, 调离),
//! enrolment and withdrawal (退训), substitution (调换), hours recorded from elsewhere,
//! make-up credit (补课), certificates issued and cohort edits. An undo is an event too.
//! [`RegisterFacts::fold`] derives what stands from the events.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::text::{Lang, Roster};

use super::cohort::Level;
use super::person::PersonId;
use super::session::Session;

/// One change, never changed or deleted once written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RegisterEvent {
    /// ULID: unique and ordered by time of writing.
    pub id: String,
    pub at: DateTime<FixedOffset>,
    /// Which data folder wrote it (the store's desk id).
    pub desk: String,
    /// Who made it: the operating system's user name at the desk.
    #[serde(default)]
    pub by: String,
    pub change: Change,
}

/// A person's field that `person edit` changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PersonField {
    Name,
    Gender,
    Unit,
    County,
    Township,
    Position,
    Field,
    Phone,
    IdNumber,
    Notes,
}

impl PersonField {
    /// The field's name as the user reads it (an import's summary and row errors, a
    /// person's history).
    pub fn label(self, lang: Lang) -> &'static str {
        let entry = match self {
            PersonField::Name => Roster::RosterName,
            PersonField::Gender => Roster::RosterGender,
            PersonField::Unit => Roster::RosterUnit,
            PersonField::County => Roster::RosterCounty,
            PersonField::Township => Roster::RosterTownship,
            PersonField::Position => Roster::RosterPosition,
            PersonField::Field => Roster::RosterField,
            PersonField::Phone => Roster::RosterPhone,
            PersonField::IdNumber => Roster::RosterIdNumber,
            PersonField::Notes => Roster::RosterNotes,
        };
        entry.get(lang)
    }
}

/// Which paper a certificate record is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CertificateKind {
    /// 结业证书, for a completer.
    Completion,
    /// 学时证明, for someone who did not complete.
    HoursStatement,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Change {
    /// One field of a person changed from `old` to `new` (`None`: empty).
    PersonEdited {
        person: PersonId,
        field: PersonField,
        old: Option<String>,
        new: Option<String>,
    },
    /// No longer a secretary from `from` (换届, 调离): leaves untrained lists and quota
    /// denominators from then on; the record stays.
    PersonRetired {
        person: PersonId,
        from: NaiveDate,
        reason: String,
    },
    /// Put on a cohort's roster by `enrol` (imports and walk-ins write enrolments only).
    Enrolled {
        cohort: String,
        person: PersonId,
        #[serde(default)]
        walk_in: bool,
    },
    /// 退训: withdrawn from a cohort, with the reason.
    Unenrolled {
        cohort: String,
        person: PersonId,
        reason: String,
    },
    /// 调换: `replacement` takes `replaced`'s place in the cohort; both stay on record.
    Substituted {
        cohort: String,
        replaced: PersonId,
        replacement: PersonId,
        reason: String,
    },
    /// 学时 earned elsewhere (a province class, an online course), in tenths of a 学时.
    OutsideHours {
        person: PersonId,
        tenths: u32,
        source: String,
        date: NaiveDate,
        #[serde(default)]
        level: Option<Level>,
    },
    /// 补课: a session made up afterwards, credited in full, with the reason.
    MakeUp {
        cohort: String,
        person: PersonId,
        session: Session,
        reason: String,
    },
    /// A certificate or statement printed: the first time, or a reprint.
    CertificateIssued {
        cohort: String,
        person: PersonId,
        kind: CertificateKind,
        serial: String,
        #[serde(default)]
        reprint: bool,
    },
    /// One setting of a cohort changed (`cohort edit`), old and new as shown.
    CohortEdited {
        cohort: String,
        field: String,
        old: String,
        new: String,
    },
    /// Two records are one person (同一人): `joined` reads as `kept` from now on (an
    /// alias). Found by a merge (same ID number; phone or name + unit when neither has
    /// one) or joined by hand (`person merge`). `kept` is the smaller id. Nothing is
    /// rewritten: both records and every event keep their keys; an undo parts them.
    PersonsJoined {
        kept: PersonId,
        joined: PersonId,
        rule: MatchRule,
    },
    /// Reverts an earlier change (by its id).
    Undone { target: String },
}

/// Why two person records were taken to be one person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchRule {
    /// Equal ID numbers.
    IdNumber,
    /// Equal phones, neither with an ID number.
    Phone,
    /// Equal name and unit, neither with an ID number (nor different phones).
    NameUnit,
    /// Joined by hand (`person merge A B`).
    Manual,
}

/// The ids of the changes that an undo in `events` reverts.
pub fn undone_ids(events: &[RegisterEvent]) -> std::collections::HashSet<&str> {
    events
        .iter()
        .filter_map(|e| match &e.change {
            Change::Undone { target } => Some(target.as_str()),
            _ => None,
        })
        .collect()
}

impl Change {
    /// The person a change is about (the replacement, for a substitution).
    pub fn person(&self) -> Option<&PersonId> {
        match self {
            Change::PersonEdited { person, .. }
            | Change::PersonRetired { person, .. }
            | Change::Enrolled { person, .. }
            | Change::Unenrolled { person, .. }
            | Change::OutsideHours { person, .. }
            | Change::MakeUp { person, .. }
            | Change::CertificateIssued { person, .. } => Some(person),
            Change::Substituted { replacement, .. } => Some(replacement),
            Change::PersonsJoined { kept, .. } => Some(kept),
            Change::CohortEdited { .. } | Change::Undone { .. } => None,
        }
    }

    /// The cohort (by code) a change is about, if it is about one.
    pub fn cohort(&self) -> Option<&str> {
        match self {
            Change::Enrolled { cohort, .. }
            | Change::Unenrolled { cohort, .. }
            | Change::Substituted { cohort, .. }
            | Change::MakeUp { cohort, .. }
            | Change::CertificateIssued { cohort, .. }
            | Change::CohortEdited { cohort, .. } => Some(cohort),
            Change::PersonEdited { .. }
            | Change::PersonRetired { .. }
            | Change::OutsideHours { .. }
            | Change::PersonsJoined { .. }
            | Change::Undone { .. } => None,
        }
    }

    /// The cohort code a change is about, to rewrite it (a merge translating labels).
    pub fn cohort_mut(&mut self) -> Option<&mut String> {
        match self {
            Change::Enrolled { cohort, .. }
            | Change::Unenrolled { cohort, .. }
            | Change::Substituted { cohort, .. }
            | Change::MakeUp { cohort, .. }
            | Change::CertificateIssued { cohort, .. }
            | Change::CohortEdited { cohort, .. } => Some(cohort),
            Change::PersonEdited { .. }
            | Change::PersonRetired { .. }
            | Change::OutsideHours { .. }
            | Change::PersonsJoined { .. }
            | Change::Undone { .. } => None,
        }
    }

    /// Whether the change concerns `person` (either side of a substitution).
    pub fn concerns(&self, person: &PersonId) -> bool {
        match self {
            Change::Substituted {
                replaced,
                replacement,
                ..
            } => replaced == person || replacement == person,
            Change::PersonsJoined { kept, joined, .. } => kept == person || joined == person,
            other => other.person() == Some(person),
        }
    }
}

mod facts;

pub use facts::{Issued, MakeUp, OutsideHours, RegisterFacts, Retirement, Withdrawal};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::session::SlotKind;

    fn event(id: &str, change: Change) -> RegisterEvent {
        RegisterEvent {
            id: id.into(),
            at: DateTime::parse_from_rfc3339("2015-03-16T08:00:00+08:00").unwrap(),
            desk: "desk".into(),
            by: "organiser".into(),
            change,
        }
    }

    fn p(id: &str) -> PersonId {
        PersonId(id.into())
    }

    #[test]
    fn withdrawals_substitutes_and_undos_fold() {
        let events = [
            event(
                "1",
                Change::Unenrolled {
                    cohort: "c".into(),
                    person: p("a"),
                    reason: "病假".into(),
                },
            ),
            event(
                "2",
                Change::Substituted {
                    cohort: "c".into(),
                    replaced: p("b"),
                    replacement: p("x"),
                    reason: "工作调动".into(),
                },
            ),
            event(
                "3",
                Change::MakeUp {
                    cohort: "c".into(),
                    person: p("x"),
                    session: Session::new(1, SlotKind::Am),
                    reason: "补课".into(),
                },
            ),
            event("4", Change::Undone { target: "1".into() }),
        ];
        let facts = RegisterFacts::fold(&events);
        assert_eq!(
            facts.withdrawal("c", &p("a")),
            None,
            "the withdrawal was undone"
        );
        let b = facts.withdrawal("c", &p("b")).unwrap();
        assert_eq!(b.replaced_by, Some(p("x")));
        assert_eq!(
            facts.substitute_for.get(&("c".into(), p("x"))),
            Some(&p("b"))
        );
        assert_eq!(facts.make_ups_of("c", &p("x")).len(), 1);
    }

    #[test]
    fn a_retirement_counts_from_its_date() {
        let from = NaiveDate::from_ymd_opt(2015, 6, 1).unwrap();
        let events = [event(
            "1",
            Change::PersonRetired {
                person: p("a"),
                from,
                reason: "换届".into(),
            },
        )];
        let facts = RegisterFacts::fold(&events);
        assert!(!facts.is_retired_on(&p("a"), from.pred_opt().unwrap()));
        assert!(facts.is_retired_on(&p("a"), from));
        assert!(!facts.is_retired_on(&p("b"), from));
    }
}
