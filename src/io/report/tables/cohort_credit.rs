//! The cohort report's completion tables: completers, non-completers with the rule that
//! failed, withdrawals (退训) and substitutes (调换), each with the 学时 credited.

use crate::io::export::Cell;
use crate::io::report::cohort_credit::{CreditSection, CreditedPerson};
use crate::io::report::table::{Shown, Table, text};
use crate::text::{Lang, Report};
use crate::tr;

pub struct CreditTables {
    pub completers: Table,
    pub not_completed: Table,
    pub withdrawn: Table,
    pub substitutes: Table,
}

impl CreditTables {
    pub fn new(s: &CreditSection, title: &dyn Fn(Report) -> String, lang: Lang) -> CreditTables {
        let col = |entry: Report| tr!(lang, entry);
        let completers = people(
            Table::new(
                col(Report::RptTabCompleters),
                title(Report::RptTitleCompleters),
            ),
            lang,
        )
        .with_rows(s.completers.iter().map(|p| person_cells(p).to_vec()));
        let not_completed = people(
            Table::new(
                col(Report::RptTabNotCompleted),
                title(Report::RptTitleNotCompleted),
            ),
            lang,
        )
        .column(col(Report::RptColReason))
        .column_in(col(Report::RptColRule), Shown::Workbook)
        .with_rows(s.not_completed.iter().map(|n| {
            let mut row = person_cells(&n.person).to_vec();
            row.push(text(n.shortfall.message(lang, &s.rules)));
            row.push(text(n.rule));
            row
        }));
        let withdrawn = people(
            Table::new(
                col(Report::RptTabWithdrawn),
                title(Report::RptTitleWithdrawn),
            ),
            lang,
        )
        .column(col(Report::RptColReason))
        .with_rows(s.withdrawn.iter().map(|w| {
            let mut row = person_cells(&w.person).to_vec();
            row.push(text(&w.reason));
            row
        }));
        CreditTables {
            completers,
            not_completed,
            withdrawn,
            substitutes: substitutes(s, title(Report::RptTitleSubstitutes), lang),
        }
    }

    pub fn all(&self) -> [&Table; 4] {
        [
            &self.completers,
            &self.not_completed,
            &self.withdrawn,
            &self.substitutes,
        ]
    }
}

/// Name, unit, county, 学时 credited; the person's id in the workbook.
fn people(table: Table, lang: Lang) -> Table {
    let col = |entry: Report| tr!(lang, entry);
    table
        .column(col(Report::RptColName))
        .column(col(Report::RptColUnit))
        .column(col(Report::RptColCounty))
        .column(col(Report::RptColCredited))
        .column_in(col(Report::RptColPersonId), Shown::Workbook)
}

fn person_cells(p: &CreditedPerson) -> [Cell; 5] {
    [
        text(&p.name),
        text(&p.unit),
        text(&p.county),
        hours(p.credited_hours),
        text(&p.person_id),
    ]
}

/// 学时 as a number cell: `2.7`, `3`.
fn hours(h: f64) -> Cell {
    Cell::Number(h)
}

fn substitutes(s: &CreditSection, title: String, lang: Lang) -> Table {
    let col = |entry: Report| tr!(lang, entry);
    let rows = s.substitutes.iter().map(|sub| {
        vec![
            text(&sub.substitute.name),
            text(&sub.substitute.unit),
            hours(sub.substitute.credited_hours),
            text(&sub.replaced.name),
            hours(sub.replaced.credited_hours),
            text(&sub.reason),
            text(&sub.substitute.person_id),
            text(&sub.replaced.person_id),
        ]
    });
    Table::new(col(Report::RptTabSubstitutes), title)
        .column(col(Report::RptColSubstitute))
        .column(col(Report::RptColUnit))
        .column(col(Report::RptColCredited))
        .column(col(Report::RptColReplaced))
        .column(col(Report::RptColReplacedCredited))
        .column(col(Report::RptColReason))
        .column_in(col(Report::RptColPersonId), Shown::Workbook)
        .column_in(
            format!(
                "{}{}",
                col(Report::RptColReplaced),
                col(Report::RptColPersonId)
            ),
            Shown::Workbook,
        )
        .with_rows(rows)
}
