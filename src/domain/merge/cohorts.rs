//! Cohorts by global id: an incoming cohort this folder holds (same uid) is reconciled
//! (the newer `updated_at` wins, a tie is broken by the settings themselves; closed sessions are united);
//! a new one keeps its code unless another cohort here has it, then it takes the next
//! free code of its year.

use std::collections::HashMap;

use serde::Serialize;

use crate::domain::cohort::{Cohort, next_code};

use super::Renumbering;

/// Exporter code → this folder's code, and what to write.
#[derive(Debug, Default)]
pub(super) struct CohortPlan {
    pub codes: HashMap<String, String>,
    pub write: Vec<Cohort>,
    pub new: usize,
    pub updated: usize,
    pub renumbered: Vec<Renumbering>,
    pub edited_on_both: Vec<CohortEdits>,
}

/// The same cohort edited differently in two folders: which edit stands and what differs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CohortEdits {
    /// Its code in this folder.
    pub code: String,
    pub uid: String,
    /// Whether the incoming edit (newer) replaced this folder's settings.
    pub incoming_stands: bool,
    pub differences: Vec<Difference>,
}

/// One setting as this folder has it and as the bundle has it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Difference {
    pub field: &'static str,
    pub here: String,
    pub incoming: String,
}

pub(super) fn plan(local: &[Cohort], incoming: &[Cohort]) -> CohortPlan {
    let by_uid: HashMap<&str, &Cohort> = local.iter().map(|c| (c.uid.as_str(), c)).collect();
    let mut taken: Vec<String> = local.iter().map(|c| c.code.clone()).collect();
    let mut plan = CohortPlan::default();
    for cohort in incoming {
        // A cohort without a global id (written before schema 3) is known by its code.
        let same = match cohort.uid.is_empty() {
            true => local.iter().find(|c| c.code == cohort.code),
            false => by_uid.get(cohort.uid.as_str()).copied(),
        };
        if let Some(here) = same {
            plan.codes.insert(cohort.code.clone(), here.code.clone());
            reconcile(&mut plan, here, cohort);
            continue;
        }
        let code = if taken.contains(&cohort.code) {
            let year = chrono::Datelike::year(&cohort.start);
            let code = next_code(year, &taken);
            plan.renumbered.push(Renumbering::Cohort {
                uid: cohort.uid.clone(),
                from: cohort.code.clone(),
                to: code.clone(),
            });
            code
        } else {
            cohort.code.clone()
        };
        taken.push(code.clone());
        plan.codes.insert(cohort.code.clone(), code.clone());
        plan.write.push(Cohort {
            code,
            ..cohort.clone()
        });
        plan.new += 1;
    }
    plan
}

/// When a cohort's settings were last edited, then the settings themselves (as JSON,
/// without the local code and the closed sessions, which are united): the order in which
/// two edits of one cohort stand.
fn edit_order(cohort: &Cohort) -> (Option<chrono::DateTime<chrono::FixedOffset>>, String) {
    let settings = Cohort {
        code: String::new(),
        closed_sessions: Vec::new(),
        ..cohort.clone()
    };
    let json = serde_json::to_string(&settings).unwrap_or_default();
    (cohort.updated_at, json)
}

/// The newer edit's settings under this folder's code, with the closed sessions of both;
/// written only when that differs from what is here. Two edits of the same time are
/// ordered by their settings, so every folder keeps the same one whichever came first.
fn reconcile(plan: &mut CohortPlan, here: &Cohort, incoming: &Cohort) {
    let incoming_newer = edit_order(incoming) > edit_order(here);
    let mut result = if incoming_newer {
        Cohort {
            code: here.code.clone(),
            closed_sessions: here.closed_sessions.clone(),
            ..incoming.clone()
        }
    } else {
        here.clone()
    };
    for session in &incoming.closed_sessions {
        if !result.closed_sessions.contains(session) {
            result.closed_sessions.push(*session);
        }
    }
    let differences = differences(here, incoming);
    if !differences.is_empty() {
        plan.edited_on_both.push(CohortEdits {
            code: here.code.clone(),
            uid: here.uid.clone(),
            incoming_stands: incoming_newer,
            differences,
        });
    }
    if &result != here {
        plan.write.push(result);
        plan.updated += 1;
    }
}

/// The settings that differ (closed sessions are united, never a difference).
pub fn differences(here: &Cohort, incoming: &Cohort) -> Vec<Difference> {
    fn json<T: Serialize>(value: &T) -> String {
        serde_json::to_string(value).unwrap_or_default()
    }
    let pairs: [(&'static str, String, String); 11] = [
        ("name", here.name.clone(), incoming.name.clone()),
        ("level", json(&here.level), json(&incoming.level)),
        (
            "field",
            json(&here.field_focus),
            json(&incoming.field_focus),
        ),
        ("start", here.start.to_string(), incoming.start.to_string()),
        ("days", here.days.to_string(), incoming.days.to_string()),
        ("slots", json(&here.slots), json(&incoming.slots)),
        ("venue", here.venue.clone(), incoming.venue.clone()),
        ("open", here.open.to_string(), incoming.open.to_string()),
        (
            "grace_minutes",
            here.grace_minutes.to_string(),
            incoming.grace_minutes.to_string(),
        ),
        (
            "completion_percent",
            here.completion_percent.to_string(),
            incoming.completion_percent.to_string(),
        ),
        ("credit", json(&here.credit), json(&incoming.credit)),
    ];
    pairs
        .into_iter()
        .filter(|(_, a, b)| a != b)
        .map(|(field, here, incoming)| Difference {
            field,
            here,
            incoming,
        })
        .collect()
}
