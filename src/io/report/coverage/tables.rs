//! Coverage as tables: one cohort's modules × sessions and methods, and the cohorts ×
//! modules matrix.

use crate::domain::coverage::{Cell as Marks, CohortCoverage, CohortsMatrix};
use crate::domain::teaching::hours;
use crate::io::export::Cell;
use crate::io::report::labels::method_label;
use crate::io::report::table::{Table, count, text};
use crate::text::{Coverage, Lang, Report};
use crate::tr;

use super::module_label;

/// `✓` held (with a count when more than one), `○` planned only, empty otherwise.
fn mark(c: &Marks) -> Cell {
    text(match (c.held, c.planned) {
        (0, 0) => String::new(),
        (0, _) => "○".to_string(),
        (1, _) => "✓".to_string(),
        (n, _) => format!("✓{n}"),
    })
}

/// Modules × sessions: which sessions held or planned each module.
pub fn modules(coverage: &CohortCoverage, lang: Lang) -> Table {
    let title = tr!(lang, Coverage::CovModulesBySessions);
    let mut table = Table::new(title.clone(), title).column(tr!(lang, Coverage::CovColModule));
    for s in &coverage.sessions {
        table = table.column(s.code());
    }
    let rows = coverage.modules.iter().map(|m| {
        let mut cells = vec![text(module_label(&m.module, lang))];
        cells.extend(m.cells.iter().map(mark));
        cells.push(text(if m.covered { "✓" } else { "✗" }));
        cells
    });
    table
        .column(tr!(lang, Report::RptColCovered))
        .with_rows(rows)
}

pub fn methods(coverage: &CohortCoverage, lang: Lang) -> Table {
    let title = tr!(lang, Report::RptTitleMethods);
    let rows = coverage.methods.iter().map(|u| {
        vec![
            text(method_label(u.method.code(), lang)),
            count(u.count),
            Cell::Number(hours(u.minutes)),
            count(u.planned),
        ]
    });
    Table::new(title.clone(), title)
        .column(tr!(lang, Report::RptColMethod))
        .column(tr!(lang, Report::RptColCount))
        .column(tr!(lang, Report::RptColHours))
        .column(tr!(lang, Coverage::CovColPlanned))
        .with_rows(rows)
}

/// Cohorts × modules: `✓n` held n times, `✗` not covered, `—` not in the cohort's
/// catalogue.
pub fn matrix(matrix: &CohortsMatrix, lang: Lang) -> Table {
    let title = tr!(lang, Coverage::CovMatrixTitle);
    let mut table = Table::new(title.clone(), title).column(tr!(lang, Report::RptColCohort));
    for m in &matrix.modules {
        table = table.column(module_label(m, lang));
    }
    let rows = matrix.rows.iter().map(|r| {
        let mut cells = vec![text(format!("{} {}", r.code, r.name))];
        cells.extend(r.cells.iter().map(|c| {
            text(match c {
                None => "—".to_string(),
                Some(0) => "✗".to_string(),
                Some(n) => format!("✓{n}"),
            })
        }));
        let missing: Vec<String> = r.missing.iter().map(u16::to_string).collect();
        cells.push(text(missing.join(", ")));
        cells
    });
    table
        .column(tr!(lang, Report::RptColNotCovered))
        .with_rows(rows)
}
