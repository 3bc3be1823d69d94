//! Coverage as JSON: what a cohort covered (modules × sessions, methods, warnings) and
//! the cohorts × modules matrix.

use serde::Serialize;

use crate::domain::coverage::{CohortCoverage, CohortsMatrix, MethodUse, ModuleCoverage, Warning};
use crate::domain::teaching::hours;
use crate::domain::{Cohort, Session};
use crate::text::Lang;

use super::warning_message;

#[derive(Debug, Serialize)]
pub struct CoverageJson {
    pub cohort: CohortJson,
    /// Session codes (`1:am`), the columns of every module's `per_session`.
    pub sessions: Vec<String>,
    pub modules: Vec<ModuleJson>,
    pub methods: Vec<MethodJson>,
    pub warnings: Vec<WarningJson>,
}

#[derive(Debug, Serialize)]
pub struct CohortJson {
    pub code: String,
    pub name: String,
    pub start: String,
    pub days: u16,
}

#[derive(Debug, Serialize)]
pub struct ModuleJson {
    pub number: u16,
    /// The short name the cohort ran the module under (Chinese).
    pub name: String,
    pub name_en: String,
    pub text: String,
    pub text_en: String,
    pub covered: bool,
    /// Sessions with a held activity on the module.
    pub sessions: Vec<String>,
    /// Sessions with a planned activity not yet held.
    pub planned_sessions: Vec<String>,
    /// Held activities per session, in the order of `sessions` at the top.
    pub per_session: Vec<u16>,
    pub hours: f64,
}

/// A method's use in a cohort; also the cohort report's methods.
#[derive(Debug, Clone, Serialize)]
pub struct MethodJson {
    /// lecture, sharing, case, visit, discussion or elective
    pub method: &'static str,
    pub name: &'static str,
    pub name_en: &'static str,
    /// Held activities.
    pub count: u16,
    pub hours: f64,
    /// Planned, not yet held.
    pub planned: u16,
}

#[derive(Debug, Serialize)]
pub struct WarningJson {
    /// module_not_covered, empty_session, not_marked_held, visit_without_base,
    /// unaccredited_base, base_below_standard or unknown_base
    pub kind: &'static str,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub module: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub activity: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base: Option<String>,
}

pub fn cohort_json(cohort: &Cohort, coverage: &CohortCoverage, lang: Lang) -> CoverageJson {
    let modules = coverage
        .modules
        .iter()
        .map(|row| module_json(row, &coverage.sessions))
        .collect();
    let methods = coverage.methods.iter().map(method_json).collect();
    let warnings = coverage
        .warnings
        .iter()
        .map(|w| warning_json(w, cohort, coverage, lang))
        .collect();
    CoverageJson {
        cohort: CohortJson {
            code: cohort.code.clone(),
            name: cohort.name.clone(),
            start: cohort.start.to_string(),
            days: cohort.days,
        },
        sessions: codes(coverage.sessions.iter().copied()),
        modules,
        methods,
        warnings,
    }
}

fn module_json(row: &ModuleCoverage, sessions: &[Session]) -> ModuleJson {
    let planned = sessions
        .iter()
        .zip(&row.cells)
        .filter(|(_, c)| c.planned > 0)
        .map(|(s, _)| *s);
    ModuleJson {
        number: row.module.number,
        name: row.module.name_zh.clone(),
        name_en: row.module.name_en.clone(),
        text: row.module.text_zh.clone(),
        text_en: row.module.text_en.clone(),
        covered: row.covered,
        sessions: codes(row.sessions.iter().copied()),
        planned_sessions: codes(planned),
        per_session: row.cells.iter().map(|c| c.held).collect(),
        hours: hours(row.minutes),
    }
}

pub fn method_json(u: &MethodUse) -> MethodJson {
    MethodJson {
        method: u.method.code(),
        name: u.method.label(Lang::Zh),
        name_en: u.method.label(Lang::En),
        count: u.count,
        hours: hours(u.minutes),
        planned: u.planned,
    }
}

fn codes(sessions: impl IntoIterator<Item = Session>) -> Vec<String> {
    sessions.into_iter().map(|s| s.code()).collect()
}

fn warning_json(
    w: &Warning,
    cohort: &Cohort,
    coverage: &CohortCoverage,
    lang: Lang,
) -> WarningJson {
    WarningJson {
        kind: w.kind(),
        message: warning_message(w, cohort, coverage, lang),
        module: w.module(),
        session: w.session().map(|s| s.code()),
        activity: w.activity(),
        base: w.base().map(str::to_string),
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct MatrixJson {
    pub modules: Vec<MatrixModuleJson>,
    pub cohorts: Vec<MatrixCohortJson>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MatrixModuleJson {
    pub number: u16,
    pub name: String,
    pub name_en: String,
    pub retired: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct MatrixCohortJson {
    pub code: String,
    pub name: String,
    /// Held activities per module, in the order of `modules` at the top; null where
    /// the cohort's catalogue does not have the module.
    pub cells: Vec<Option<u16>>,
    /// Modules of the cohort's catalogue that no held activity covered.
    pub missing: Vec<u16>,
}

pub fn matrix_json(matrix: &CohortsMatrix) -> MatrixJson {
    MatrixJson {
        modules: matrix
            .modules
            .iter()
            .map(|m| MatrixModuleJson {
                number: m.number,
                name: m.name_zh.clone(),
                name_en: m.name_en.clone(),
                retired: m.retired,
            })
            .collect(),
        cohorts: matrix
            .rows
            .iter()
            .map(|r| MatrixCohortJson {
                code: r.code.clone(),
                name: r.name.clone(),
                cells: r.cells.clone(),
                missing: r.missing.clone(),
            })
            .collect(),
    }
}
