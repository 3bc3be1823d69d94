//! 变更记录: every change that concerns one person (edits, retirements, hours from
//! elsewhere, enrolments, withdrawals, substitutions, make-ups, certificates) and the
//! undos of them, in written order, worded with private values masked.

use std::collections::{HashMap, HashSet};

use crate::domain::register::{CertificateKind, Change, RegisterEvent};
use crate::domain::{Person, PersonId};
use crate::store::Store;
use crate::text::{Lang, Upkeep};
use crate::tr;

use super::OpResult;
use super::person_edit::{find, shown};
use super::person_hours::tenths_text;

/// A person's changes: each event, whether a later undo reverted it, and the names of
/// the other people the events mention (a substitution's other side).
#[derive(Debug, Clone)]
pub struct History {
    pub person: Person,
    pub events: Vec<RegisterEvent>,
    pub undone: HashSet<String>,
    names: HashMap<PersonId, String>,
}

/// Person `id`'s changes, undos of them included.
pub fn history(store: &Store, id: &PersonId) -> OpResult<History> {
    let person = find(store, id)?;
    let all = store.changes()?;
    let theirs: HashSet<&str> = all
        .iter()
        .filter(|e| e.change.concerns(id))
        .map(|e| e.id.as_str())
        .collect();
    let undoes = |e: &RegisterEvent| matches!(&e.change, Change::Undone { target } if theirs.contains(target.as_str()));
    let events: Vec<RegisterEvent> = all
        .iter()
        .filter(|e| theirs.contains(e.id.as_str()) || undoes(e))
        .cloned()
        .collect();
    let undone = events
        .iter()
        .filter_map(|e| match &e.change {
            Change::Undone { target } => Some(target.clone()),
            _ => None,
        })
        .collect();
    let mut names = HashMap::new();
    for e in &events {
        if let Change::Substituted {
            replaced,
            replacement,
            ..
        } = &e.change
        {
            for other in [replaced, replacement] {
                if let Some(p) = store.person(other)? {
                    names.insert(other.clone(), p.name);
                }
            }
        }
    }
    Ok(History {
        person,
        events,
        undone,
        names,
    })
}

impl History {
    /// What `event` did, in `lang`, private values masked.
    pub fn describe(&self, event: &RegisterEvent, lang: Lang) -> String {
        let text = match &event.change {
            Change::Undone { target } => {
                let what = self
                    .events
                    .iter()
                    .find(|e| &e.id == target)
                    .map(|e| self.what(&e.change, lang))
                    .unwrap_or_else(|| target.clone());
                return tr!(lang, Upkeep::PersonHistoryUndone, what = what);
            }
            other => self.what(other, lang),
        };
        if self.undone.contains(&event.id) {
            format!("{text}{}", tr!(lang, Upkeep::PersonHistoryWasUndone))
        } else {
            text
        }
    }

    /// One line: when, who at which desk, what.
    pub fn line(&self, event: &RegisterEvent, lang: Lang) -> String {
        tr!(
            lang,
            Upkeep::PersonHistoryLine,
            at = event.at.format("%Y-%m-%d %H:%M"),
            by = event.by,
            desk = event.desk,
            what = self.describe(event, lang)
        )
    }

    fn name(&self, id: &PersonId) -> String {
        self.names
            .get(id)
            .cloned()
            .unwrap_or_else(|| id.to_string())
    }

    fn what(&self, change: &Change, lang: Lang) -> String {
        match change {
            Change::PersonEdited {
                field, old, new, ..
            } => tr!(
                lang,
                Upkeep::PersonHistoryEdited,
                field = field.label(lang),
                old = shown(*field, old.as_deref(), lang),
                new = shown(*field, new.as_deref(), lang)
            ),
            Change::PersonRetired { from, reason, .. } => tr!(
                lang,
                Upkeep::PersonHistoryRetired,
                from = from,
                reason = reason
            ),
            Change::OutsideHours {
                tenths,
                source,
                date,
                ..
            } => tr!(
                lang,
                Upkeep::PersonHistoryHours,
                hours = tenths_text(*tenths),
                source = source,
                date = date
            ),
            Change::CohortEdited { .. } | Change::Undone { .. } => {
                tr!(lang, Upkeep::PersonHistoryOther)
            }
            in_cohort => self.what_in_cohort(in_cohort, lang),
        }
    }

    /// A change of the person's place in a cohort: enrolment, withdrawal, substitution,
    /// make-up, certificate.
    fn what_in_cohort(&self, change: &Change, lang: Lang) -> String {
        match change {
            Change::Enrolled { cohort, .. } => {
                tr!(lang, Upkeep::PersonHistoryEnrolled, cohort = cohort)
            }
            Change::Unenrolled { cohort, reason, .. } => tr!(
                lang,
                Upkeep::PersonHistoryUnenrolled,
                cohort = cohort,
                reason = reason
            ),
            Change::Substituted {
                cohort,
                replaced,
                replacement,
                reason,
            } => {
                let (entry, other) = if *replacement == self.person.id {
                    (Upkeep::PersonHistorySubstituteIn, replaced)
                } else {
                    (Upkeep::PersonHistorySubstituteOut, replacement)
                };
                let other = self.name(other);
                tr!(lang, entry, cohort = cohort, other = other, reason = reason)
            }
            Change::MakeUp {
                cohort,
                session,
                reason,
                ..
            } => tr!(
                lang,
                Upkeep::PersonHistoryMakeUp,
                cohort = cohort,
                session = session.label(lang),
                reason = reason
            ),
            Change::CertificateIssued {
                cohort,
                kind,
                serial,
                reprint,
                ..
            } => {
                let entry = match kind {
                    CertificateKind::Completion => Upkeep::PersonHistoryCompletion,
                    CertificateKind::HoursStatement => Upkeep::PersonHistoryStatement,
                };
                let text = tr!(lang, entry, serial = serial, cohort = cohort);
                match reprint {
                    true => format!("{text}{}", tr!(lang, Upkeep::PersonHistoryReprint)),
                    false => text,
                }
            }
            _ => tr!(lang, Upkeep::PersonHistoryOther),
        }
    }
}
