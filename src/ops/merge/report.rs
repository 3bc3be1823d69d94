//! What a merge says it did ([`MergeReport`]): from which desk, what came in by kind,
//! every renumbering, the people joined and the near-matches left apart, the conflicts
//! (double arrivals, a cohort edited in both folders), desks whose clocks differ, and
//! the backup made first. Serialised as the `--json` output; worded in report_text.rs.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use serde::Serialize;

use crate::domain::attendance::{CheckInStatus, EventKind};
use crate::domain::matching::NearReason;
use crate::domain::merge::{ClockSkew, CohortEdits, DoubleArrival, Local, Plan, Renumbering};
use crate::domain::person::PersonId;
use crate::domain::register::MatchRule;

/// The desk a bundle came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FromDesk {
    pub desk: String,
    pub name: Option<String>,
}

impl FromDesk {
    /// Its name, else its id.
    pub fn label(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.desk)
    }
}

/// How many records of each kind came in (new to this folder).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct CameIn {
    pub check_ins: usize,
    pub leaves: usize,
    pub sign_outs: usize,
    pub undos: usize,
    pub activities: usize,
    pub activity_events: usize,
    pub changes: usize,
    pub enrolments: usize,
    /// Enrolments taken off here by an undo the bundle brought.
    pub enrolments_undone: usize,
    pub people: usize,
    pub people_updated: usize,
    pub cohorts: usize,
    pub cohorts_updated: usize,
    pub modules: usize,
    pub cohort_catalogues: usize,
    pub bases: usize,
    pub desks: usize,
}

impl CameIn {
    fn of(plan: &Plan) -> CameIn {
        let mut came = CameIn {
            activities: plan.new_activities,
            activity_events: plan.activity_events.len(),
            changes: plan.changes.len(),
            enrolments: plan.enrolments.len(),
            enrolments_undone: plan.enrolment_removals.len(),
            people: plan.new_people.len(),
            people_updated: plan.updated_people.len(),
            cohorts: plan.new_cohorts,
            cohorts_updated: plan.updated_cohorts,
            modules: plan.modules.len(),
            cohort_catalogues: plan.cohort_catalogues.len(),
            bases: plan.bases.len(),
            desks: plan.desks.len(),
            ..CameIn::default()
        };
        for event in &plan.events {
            match &event.kind {
                EventKind::CheckIn {
                    status: CheckInStatus::Leave,
                    ..
                } => came.leaves += 1,
                EventKind::CheckIn { .. } => came.check_ins += 1,
                EventKind::SignOut { .. } => came.sign_outs += 1,
                EventKind::Undo { .. } => came.undos += 1,
            }
        }
        came
    }

    /// Every record counted.
    pub fn total(&self) -> usize {
        let c = self;
        c.check_ins
            + c.leaves
            + c.sign_outs
            + c.undos
            + c.activity_events
            + c.changes
            + c.enrolments
            + c.enrolments_undone
            + c.people
            + c.people_updated
            + c.cohorts
            + c.cohorts_updated
            + c.modules
            + c.cohort_catalogues
            + c.bases
            + c.desks
    }
}

/// Two records found to be one person, recorded as an alias.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Joined {
    pub kept: PersonId,
    pub joined: PersonId,
    pub rule: MatchRule,
    pub name: String,
}

/// Two records that may be one person, left apart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Near {
    pub known: PersonId,
    pub incoming: PersonId,
    /// `different_id_numbers`, `one_id_number` or `different_phones`.
    pub reason: &'static str,
    pub name: String,
}

pub(super) fn reason_code(reason: NearReason) -> &'static str {
    match reason {
        NearReason::DifferentIdNumbers => "different_id_numbers",
        NearReason::OneIdNumber => "one_id_number",
        NearReason::DifferentPhones => "different_phones",
    }
}

/// What a merge did (or, on a dry run, would do).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MergeReport {
    pub from: FromDesk,
    pub dry_run: bool,
    /// Whether anything was written (false on a dry run and when nothing was new).
    pub written: bool,
    /// The automatic backup made before writing.
    pub backup: Option<PathBuf>,
    pub came_in: CameIn,
    pub renumbered: Vec<Renumbering>,
    pub joined: Vec<Joined>,
    pub near: Vec<Near>,
    pub double_arrivals: Vec<DoubleArrival>,
    pub cohorts_edited: Vec<CohortEdits>,
    pub clocks: Vec<ClockSkew>,
    /// Desk names (this folder's and the bundle's), for wording desks.
    #[serde(skip)]
    pub(super) desk_names: BTreeMap<String, String>,
    /// Names of the people the report mentions.
    #[serde(skip)]
    pub(super) names: HashMap<PersonId, String>,
}

impl MergeReport {
    pub(super) fn new(from: &FromDesk, local: &Local, plan: &Plan, dry_run: bool) -> MergeReport {
        let names: HashMap<PersonId, String> = local
            .people
            .iter()
            .chain(&plan.new_people)
            .map(|p| (p.id.clone(), p.name.clone()))
            .collect();
        let name = |id: &PersonId| names.get(id).cloned().unwrap_or_default();
        let mut desk_names = local.desks.clone();
        desk_names.extend(plan.desks.iter().cloned());
        if let Some(own) = &from.name {
            desk_names
                .entry(from.desk.clone())
                .or_insert_with(|| own.clone());
        }
        MergeReport {
            from: from.clone(),
            dry_run,
            written: false,
            backup: None,
            came_in: CameIn::of(plan),
            renumbered: plan.renumbered.clone(),
            joined: plan
                .joinings
                .iter()
                .map(|j| Joined {
                    kept: j.kept.clone(),
                    joined: j.joined.clone(),
                    rule: j.rule,
                    name: name(&j.kept),
                })
                .collect(),
            near: plan
                .near
                .iter()
                .map(|n| Near {
                    known: n.known.clone(),
                    incoming: n.incoming.clone(),
                    reason: reason_code(n.reason),
                    name: name(&n.known),
                })
                .collect(),
            double_arrivals: Vec::new(),
            cohorts_edited: plan.edited_on_both.clone(),
            clocks: Vec::new(),
            desk_names,
            names,
        }
    }

    /// Conflicts found: double arrivals and cohorts edited differently in both folders.
    pub fn conflicts(&self) -> usize {
        self.double_arrivals.len() + self.cohorts_edited.len()
    }

    /// A desk by its name when known, else its id.
    pub fn desk_label<'a>(&'a self, desk: &'a str) -> &'a str {
        self.desk_names.get(desk).map_or(desk, String::as_str)
    }

    pub(super) fn name_of(&self, person: &PersonId) -> &str {
        self.names.get(person).map_or("", String::as_str)
    }
}
