//! Across cohorts: which modules each cohort covered, against the catalogue it ran with.

use serde::Serialize;

use crate::domain::cohort::Cohort;
use crate::domain::module::{Catalogue, Module};
use crate::domain::teaching::TeachingActivity;

/// One cohort's row of the cohorts × modules matrix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CohortRow {
    pub code: String,
    pub name: String,
    /// Held activities per module column; `None` where the cohort's catalogue does
    /// not have the module (added after it ran, or retired before).
    pub cells: Vec<Option<u16>>,
    /// Modules of the cohort's catalogue with no held activity.
    pub missing: Vec<u16>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CohortsMatrix {
    /// The columns: every module any cohort ran with, and every active one, by number
    /// (named as the organisers' catalogue names them now).
    pub modules: Vec<Module>,
    pub rows: Vec<CohortRow>,
}

/// One cohort for [`cohorts_matrix`]: the cohort, its catalogue and its activities.
pub type CohortRecord<'a> = (&'a Cohort, &'a Catalogue, &'a [TeachingActivity]);

pub fn cohorts_matrix(current: &Catalogue, cohorts: &[CohortRecord<'_>]) -> CohortsMatrix {
    let mut modules: Vec<Module> = current.active().cloned().collect();
    for (_, catalogue, _) in cohorts {
        for m in &catalogue.modules {
            if !modules.iter().any(|c| c.number == m.number) {
                modules.push(current.get(m.number).unwrap_or(m).clone());
            }
        }
    }
    modules.sort_by_key(|m| m.number);
    let rows = cohorts
        .iter()
        .map(|(cohort, catalogue, activities)| cohort_row(cohort, catalogue, activities, &modules))
        .collect();
    CohortsMatrix { modules, rows }
}

fn cohort_row(
    cohort: &Cohort,
    catalogue: &Catalogue,
    activities: &[TeachingActivity],
    columns: &[Module],
) -> CohortRow {
    let held: Vec<&TeachingActivity> = activities
        .iter()
        .filter(|a| a.deleted.is_none() && a.status.took_place())
        .collect();
    let cells: Vec<Option<u16>> = columns
        .iter()
        .map(|m| {
            catalogue.get(m.number).map(|_| {
                let count = held
                    .iter()
                    .filter(|a| a.details.modules.contains(&m.number));
                u16::try_from(count.count()).unwrap_or(u16::MAX)
            })
        })
        .collect();
    let missing = columns
        .iter()
        .zip(&cells)
        .filter(|(_, cell)| **cell == Some(0))
        .map(|(m, _)| m.number)
        .collect();
    CohortRow {
        code: cohort.code.clone(),
        name: cohort.name.clone(),
        cells,
        missing,
    }
}
