//! Coverage as Markdown, for a report or a printed page: the coverage tables
//! under headings, with their legends and the warnings.

use crate::domain::Cohort;
use crate::domain::coverage::{CohortCoverage, CohortsMatrix};
use crate::io::export::escape::markdown_cell;
use crate::io::export::markdown::Rule;
use crate::text::{Coverage, Lang, Report};
use crate::tr;

use super::{tables, warning_message};

pub fn cohort(cohort: &Cohort, coverage: &CohortCoverage, lang: Lang) -> String {
    let title = tr!(lang, Coverage::CovTitle);
    let name = markdown_cell(&cohort.name);
    let mut out = format!("# {title} · {} {name}\n\n", cohort.code);
    out.push_str(&format!(
        "## {}\n\n",
        tr!(lang, Coverage::CovModulesBySessions)
    ));
    out.push_str(&tables::modules(coverage, lang).markdown_with(Rule::Spaced));
    out.push_str(&format!("\n{}\n\n", tr!(lang, Coverage::CovLegend)));
    out.push_str(&format!("## {}\n\n", tr!(lang, Report::RptTitleMethods)));
    out.push_str(&tables::methods(coverage, lang).markdown_with(Rule::Spaced));
    out.push_str(&format!("\n## {}\n\n", tr!(lang, Coverage::CovWarnings)));
    if coverage.warnings.is_empty() {
        out.push_str(&format!("{}\n", tr!(lang, Coverage::CovNoWarnings)));
    }
    for w in &coverage.warnings {
        let line = warning_message(w, cohort, coverage, lang);
        out.push_str(&format!("- {line}\n"));
    }
    out
}

pub fn matrix(matrix: &CohortsMatrix, lang: Lang) -> String {
    let mut out = format!("# {}\n\n", tr!(lang, Coverage::CovMatrixTitle));
    out.push_str(&tables::matrix(matrix, lang).markdown_with(Rule::Spaced));
    out.push_str(&format!("\n{}\n", tr!(lang, Coverage::CovMatrixLegend)));
    out
}
