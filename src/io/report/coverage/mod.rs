//! Coverage output, all of it: what a cohort covered (modules × sessions, methods,
//! warnings) and the cohorts × modules matrix, as JSON ([`json`]) or as Markdown tables
//! ([`markdown`], built once as [`Table`](super::table::Table)s in `tables`), and the
//! warnings in words ([`warning_message`]). The command line and the desk only print or
//! draw what this module gives.

pub mod json;
pub mod markdown;
mod tables;
mod warnings;

pub use json::{CoverageJson, MatrixJson, cohort_json, matrix_json};
pub use warnings::warning_message;

use crate::domain::coverage::{CohortCoverage, CohortsMatrix};
use crate::domain::{Cohort, Module};
use crate::text::Lang;

use super::labels::module_column;

/// How coverage is written out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Markdown,
}

/// One cohort's coverage as text in `format`.
pub fn cohort_output(
    cohort: &Cohort,
    coverage: &CohortCoverage,
    format: Format,
    lang: Lang,
) -> String {
    match format {
        Format::Json => {
            let json = cohort_json(cohort, coverage, lang);
            serde_json::to_string_pretty(&json).expect("coverage serialises") + "\n"
        }
        Format::Markdown => markdown::cohort(cohort, coverage, lang),
    }
}

/// The cohorts × modules matrix as text in `format`.
pub fn matrix_output(matrix: &CohortsMatrix, format: Format, lang: Lang) -> String {
    match format {
        Format::Json => {
            let json = matrix_json(matrix);
            serde_json::to_string_pretty(&json).expect("matrix serialises") + "\n"
        }
        Format::Markdown => markdown::matrix(matrix, lang),
    }
}

/// `3 依法治理` / `3 Lawful governance`.
pub fn module_label(module: &Module, lang: Lang) -> String {
    module_column(module.number, &module.name_zh, &module.name_en, lang)
}
