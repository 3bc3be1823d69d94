//! The teaching part of the cohort report (教学内容与方式): methods with counts and
//! hours, which sessions covered each module and which modules were not covered, the
//! training bases visited, and the teaching log. Deleted activities never count;
//! planned ones are listed but only held ones cover a module or visit a base.

use serde::Serialize;

use crate::domain::coverage::{CohortCoverage, ModuleCoverage};
use crate::domain::report::{BaseVisit, bases_visited};
use crate::domain::teaching::hours;
use crate::domain::{Cohort, Module, TeachingActivity, TrainingBase};
use crate::text::Lang;

use super::coverage::json::{MethodJson, method_json};
use super::labels::module_column;

#[derive(Debug, Clone, Serialize)]
pub struct TeachingSection {
    /// Held activities (not deleted).
    pub activities: usize,
    /// Planned activities not yet held.
    pub planned: usize,
    /// Hours of held activities.
    pub hours: f64,
    /// The methods used (held or planned), in the notice's order.
    pub methods: Vec<MethodJson>,
    /// Every module of the cohort's catalogue, by number.
    pub modules: Vec<ModuleLine>,
    /// Modules no held activity covered.
    pub uncovered: Vec<ModuleName>,
    /// Bases of held activities, by name.
    pub bases: Vec<BaseLine>,
    /// Every activity still in the log, in session order.
    pub log: Vec<ActivityLine>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ModuleName {
    pub number: u16,
    pub name: String,
    pub name_en: String,
}

impl ModuleName {
    /// `3 依法治理` / `3 Lawful governance`.
    pub fn label(&self, lang: Lang) -> String {
        module_column(self.number, &self.name, &self.name_en, lang)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ModuleLine {
    #[serde(flatten)]
    pub module: ModuleName,
    pub covered: bool,
    /// Sessions with a held activity on the module (`1:am`).
    pub sessions: Vec<String>,
    /// Held activities on the module.
    pub activities: u16,
    /// Hours of those activities (an activity on two modules counts for both).
    pub hours: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct BaseLine {
    pub name: String,
    /// village, community, cooperative or enterprise; null for an unknown base.
    pub kind: Option<&'static str>,
    pub county: String,
    /// In the list of bases.
    pub registered: bool,
    /// Accredited (授牌) on the day of every visit.
    pub accredited: bool,
    /// Who accredited it (city or county) and when, if it is accredited at all.
    pub accredited_by: Option<&'static str>,
    pub accredited_on: Option<String>,
    /// Has all of the five haves (五有).
    pub meets_standard: bool,
    /// The haves it lacks (venue, guide, material, site, film).
    pub missing: Vec<&'static str>,
    pub visits: usize,
    pub sessions: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ActivityLine {
    pub id: u32,
    pub session: String,
    pub method: &'static str,
    pub title: String,
    pub lecturer: String,
    pub role: String,
    pub modules: Vec<u16>,
    pub hours: Option<f64>,
    /// The base's name (its id when unknown).
    pub base: Option<String>,
    /// planned, held or changed
    pub status: &'static str,
}

/// Builds the section from the cohort's coverage, its activities and the bases.
pub fn build(
    cohort: &Cohort,
    coverage: &CohortCoverage,
    activities: &[TeachingActivity],
    bases: &[TrainingBase],
) -> TeachingSection {
    let live: Vec<&TeachingActivity> = activities.iter().filter(|a| a.deleted.is_none()).collect();
    let held: Vec<&&TeachingActivity> = live.iter().filter(|a| a.status.took_place()).collect();
    let minutes: u32 = held.iter().filter_map(|a| a.details.minutes).sum();
    let modules: Vec<ModuleLine> = coverage.modules.iter().map(module_line).collect();
    TeachingSection {
        activities: held.len(),
        planned: live.len() - held.len(),
        hours: hours(minutes),
        methods: coverage.methods.iter().map(method_json).collect(),
        uncovered: modules
            .iter()
            .filter(|m| !m.covered)
            .map(|m| m.module.clone())
            .collect(),
        modules,
        bases: bases_visited(cohort, activities, bases)
            .iter()
            .map(base_line)
            .collect(),
        log: live.iter().map(|a| activity_line(a, bases)).collect(),
    }
}

fn module_name(m: &Module) -> ModuleName {
    ModuleName {
        number: m.number,
        name: m.name_zh.clone(),
        name_en: m.name_en.clone(),
    }
}

fn module_line(row: &ModuleCoverage) -> ModuleLine {
    ModuleLine {
        module: module_name(&row.module),
        covered: row.covered,
        sessions: row.sessions.iter().map(|s| s.code()).collect(),
        activities: row.cells.iter().map(|c| c.held).sum(),
        hours: hours(row.minutes),
    }
}

fn base_line(v: &BaseVisit) -> BaseLine {
    let base = v.base.as_ref();
    let accreditation = base.and_then(|b| b.accreditation);
    BaseLine {
        name: v.name().to_string(),
        kind: base.map(|b| b.kind.code()),
        county: base.map(|b| b.county.clone()).unwrap_or_default(),
        registered: base.is_some(),
        accredited: v.accredited,
        accredited_by: accreditation.map(|a| a.level.code()),
        accredited_on: accreditation.map(|a| a.date.to_string()),
        meets_standard: base.is_some_and(TrainingBase::meets_standard),
        missing: base
            .map(|b| b.haves.missing().into_iter().map(|h| h.code()).collect())
            .unwrap_or_default(),
        visits: v.visits,
        sessions: v.sessions.iter().map(|s| s.code()).collect(),
    }
}

fn activity_line(a: &TeachingActivity, bases: &[TrainingBase]) -> ActivityLine {
    let d = &a.details;
    let base = d.base.as_ref().map(|id| {
        let found = bases.iter().find(|b| &b.id == id);
        found.map_or_else(|| id.clone(), |b| b.name.clone())
    });
    ActivityLine {
        id: a.id,
        session: d.session.code(),
        method: d.method.code(),
        title: d.title.clone(),
        lecturer: d.lecturer.clone(),
        role: d.role.clone(),
        modules: d.modules.clone(),
        hours: d.minutes.map(hours),
        base,
        status: a.status.code(),
    }
}
