//! `export coverage`: what a cohort covered (modules × sessions, methods, warnings) and
//! the cohorts × modules matrix, as JSON; Markdown is in [`markdown`].

pub mod markdown;

use serde::Serialize;

use crate::domain::coverage::{CohortCoverage, CohortsMatrix, Warning};
use crate::domain::teaching::hours;
use crate::domain::{Cohort, Module, Session};
use crate::i18n::Lang;

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

#[derive(Debug, Serialize)]
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
        .map(|row| ModuleJson {
            number: row.module.number,
            name: row.module.name_zh.clone(),
            name_en: row.module.name_en.clone(),
            text: row.module.text_zh.clone(),
            text_en: row.module.text_en.clone(),
            covered: row.covered,
            sessions: codes(row.sessions.iter().copied()),
            planned_sessions: codes(
                coverage
                    .sessions
                    .iter()
                    .zip(&row.cells)
                    .filter(|(_, c)| c.planned > 0)
                    .map(|(s, _)| *s),
            ),
            per_session: row.cells.iter().map(|c| c.held).collect(),
            hours: hours(row.minutes),
        })
        .collect();
    let methods = coverage
        .methods
        .iter()
        .map(|u| MethodJson {
            method: u.method.code(),
            name: u.method.zh(),
            name_en: u.method.en(),
            count: u.count,
            hours: hours(u.minutes),
            planned: u.planned,
        })
        .collect();
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

fn codes(sessions: impl IntoIterator<Item = Session>) -> Vec<String> {
    sessions.into_iter().map(|s| s.code()).collect()
}

fn warning_json(
    w: &Warning,
    cohort: &Cohort,
    coverage: &CohortCoverage,
    lang: Lang,
) -> WarningJson {
    let mut out = WarningJson {
        kind: "",
        message: warning_message(w, cohort, coverage, lang),
        module: None,
        session: None,
        activity: None,
        base: None,
    };
    match w {
        Warning::ModuleNotCovered { module, .. } => {
            (out.kind, out.module) = ("module_not_covered", Some(*module));
        }
        Warning::EmptySession { session } => {
            (out.kind, out.session) = ("empty_session", Some(session.code()));
        }
        Warning::NotMarkedHeld { activity, session } => {
            out.kind = "not_marked_held";
            (out.activity, out.session) = (Some(*activity), Some(session.code()));
        }
        Warning::VisitWithoutBase { activity, session } => {
            out.kind = "visit_without_base";
            (out.activity, out.session) = (Some(*activity), Some(session.code()));
        }
        Warning::UnaccreditedBase {
            activity,
            session,
            base,
        }
        | Warning::BaseBelowStandard {
            activity,
            session,
            base,
            ..
        }
        | Warning::UnknownBase {
            activity,
            session,
            base,
        } => {
            out.kind = match w {
                Warning::UnaccreditedBase { .. } => "unaccredited_base",
                Warning::BaseBelowStandard { .. } => "base_below_standard",
                _ => "unknown_base",
            };
            (out.activity, out.session) = (Some(*activity), Some(session.code()));
            out.base = Some(base.clone());
        }
    }
    out
}

/// `3 依法治理` / `3 Lawful governance`.
pub fn module_label(module: &Module, lang: Lang) -> String {
    format!(
        "{} {}",
        module.number,
        lang.pick(&module.name_zh, &module.name_en)
    )
}

/// `2:pm (2015-03-17 下午)`.
fn session_label(cohort: &Cohort, session: Session, lang: Lang) -> String {
    let date = cohort.date_of(session.day);
    match lang {
        Lang::Zh => format!("{session}（{date} {}）", session.slot.zh()),
        Lang::En => format!("{session} ({date} {})", session.slot.en()),
    }
}

/// One warning in words.
pub fn warning_message(
    w: &Warning,
    cohort: &Cohort,
    coverage: &CohortCoverage,
    lang: Lang,
) -> String {
    let zh = lang == Lang::Zh;
    let module_name = |number: u16| {
        coverage
            .modules
            .iter()
            .find(|m| m.module.number == number)
            .map_or_else(
                || number.to_string(),
                |m| {
                    let name = lang.pick(&m.module.name_zh, &m.module.name_en);
                    lang.pick(
                        &format!("{number}（{name}）"),
                        &format!("{number} ({name})"),
                    )
                    .to_string()
                },
            )
    };
    match w {
        Warning::ModuleNotCovered { module, planned } => match (zh, planned) {
            (true, false) => format!("模块 {}尚未覆盖", module_name(*module)),
            (true, true) => format!("模块 {}已计划，尚未举办", module_name(*module)),
            (false, false) => format!("module {} is not covered", module_name(*module)),
            (false, true) => format!(
                "module {} is planned but not yet held",
                module_name(*module)
            ),
        },
        Warning::EmptySession { session } => {
            let s = session_label(cohort, *session, lang);
            match zh {
                true => format!("场次 {s}已结束，没有记录教学活动"),
                false => format!("session {s} has ended with no teaching activity logged"),
            }
        }
        Warning::NotMarkedHeld { activity, session } => match zh {
            true => format!("场次 {session} 的教学活动 {activity} 已计划，但未标记为已举办"),
            false => format!(
                "activity {activity} in session {session} was planned but is not marked held"
            ),
        },
        Warning::VisitWithoutBase { activity, session } => match zh {
            true => format!("现场观摩（活动 {activity}，{session}）未注明培训基地"),
            false => {
                format!("the site visit (activity {activity}, {session}) names no training base")
            }
        },
        Warning::UnaccreditedBase {
            activity,
            session,
            base,
        } => match zh {
            true => format!("现场观摩（活动 {activity}，{session}）所到的“{base}”当时未授牌"),
            false => format!(
                "the site visit (activity {activity}, {session}) went to '{base}', which was not accredited on that day"
            ),
        },
        Warning::BaseBelowStandard {
            activity,
            session,
            base,
            missing,
        } => {
            let list: Vec<&str> = missing
                .iter()
                .map(|h| if zh { h.zh() } else { h.code() })
                .collect();
            match zh {
                true => format!(
                    "现场观摩（活动 {activity}，{session}）所到的“{base}”未达到“五有”标准（缺：{}）",
                    list.join("、")
                ),
                false => format!(
                    "the site visit (activity {activity}, {session}) went to '{base}', which does not meet the five-haves standard (lacks {})",
                    list.join(", ")
                ),
            }
        }
        Warning::UnknownBase {
            activity,
            session,
            base,
        } => match zh {
            true => {
                format!("现场观摩（活动 {activity}，{session}）所到的基地（{base}）不在基地名单中")
            }
            false => format!(
                "the site visit (activity {activity}, {session}) names a base that is not in the list ({base})"
            ),
        },
    }
}

#[derive(Debug, Serialize)]
pub struct MatrixJson {
    pub modules: Vec<MatrixModuleJson>,
    pub cohorts: Vec<MatrixCohortJson>,
}

#[derive(Debug, Serialize)]
pub struct MatrixModuleJson {
    pub number: u16,
    pub name: String,
    pub name_en: String,
    pub retired: bool,
}

#[derive(Debug, Serialize)]
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
