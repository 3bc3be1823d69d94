//! The cohort report's 学时认定和结业情况: the counts in a sentence (and the old rule
//! for a legacy cohort), then completers, non-completers with the rule that failed,
//! withdrawals and substitutes, each with the 学时 credited.

use std::fmt::Write;

use crate::io::report::cohort::CohortReport;
use crate::io::report::table::Table;
use crate::io::report::tables::cohort_credit::CreditTables;
use crate::text::{Lang, Report};
use crate::tr;

pub fn section(out: &mut String, r: &CohortReport, tables: &CreditTables, lang: Lang) {
    let s = &r.credit;
    let _ = writeln!(out, "## {}\n", tr!(lang, Report::RptHeadCredit));
    let summary = tr!(
        lang,
        Report::RptCreditSummary,
        completed = s.completers.len(),
        not_completed = s.not_completed.len(),
        in_progress = s.in_progress.len(),
        withdrawn = s.withdrawn.len(),
        substituted = s.substitutes.len(),
    );
    let _ = writeln!(out, "{summary}\n");
    if s.legacy {
        let rule = tr!(
            lang,
            Report::RptLegacyRule,
            percent = r.cohort.completion_percent
        );
        let _ = writeln!(out, "{rule}\n");
    }
    let parts = [
        (Report::RptHeadCompleters, &tables.completers),
        (Report::RptHeadNotCompleted, &tables.not_completed),
        (Report::RptHeadWithdrawn, &tables.withdrawn),
        (Report::RptHeadSubstitutes, &tables.substitutes),
    ];
    for (heading, table) in parts {
        part(out, heading, table, lang);
    }
}

/// `### （一）结业学员（2）` and the table, or `无。` under the heading.
fn part(out: &mut String, heading: Report, table: &Table, lang: Lang) {
    let title = tr!(lang, heading, count = table.rows.len());
    let _ = writeln!(out, "### {title}\n");
    match table.rows.is_empty() {
        true => {
            let _ = writeln!(out, "{}\n", tr!(lang, Report::RptNone));
        }
        false => out.push_str(&table.markdown()),
    }
}
