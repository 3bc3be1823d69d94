//! The reports as Excel workbooks: one tab per section, each with a title row, a header
//! row, frozen panes and column widths (see [`crate::io::export::xlsx_file`], which also
//! defuses cells a spreadsheet would run as formulas). Built from the same models as the
//! JSON, so the two always agree.

mod cohort;
mod year;

pub use cohort::cohort_sheets;
pub use year::year_sheets;

use chrono::NaiveDateTime;

use crate::io::export::{Cell, Layout, Sheet, xlsx_file};
use crate::text::Lang;

use super::Count;
use super::cohort::CohortReport;
use super::year::YearReport;

/// The cohort report's workbook; `created` (UTC) is the file's creation time.
pub fn cohort_workbook(
    r: &CohortReport,
    lang: Lang,
    created: NaiveDateTime,
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    xlsx_file::to_workbook(&cohort_sheets(r, lang), created)
}

/// The year report's workbook; `created` (UTC) is the file's creation time.
pub fn year_workbook(
    r: &YearReport,
    lang: Lang,
    created: NaiveDateTime,
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    xlsx_file::to_workbook(&year_sheets(r, lang), created)
}

/// One section as a sheet: the tab name, a title, the header and the rows. The first
/// column stays in view when scrolling right; wide tables print landscape.
/// A two-column sheet of counts (`领域 | 人数`), keys shown through `label`.
fn counts(
    [tab, key]: [&str; 2],
    title: String,
    list: &[Count],
    label: impl Fn(&str) -> String,
    lang: Lang,
) -> Sheet {
    let rows = list
        .iter()
        .map(|c| vec![text(label(&c.key)), size(c.count)])
        .collect();
    section(tab, title, &[key, lang.pick("人数", "People")], rows)
}

fn section(tab: &str, title: String, header: &[&str], rows: Vec<Vec<Cell>>) -> Sheet {
    Sheet {
        name: tab.to_string(),
        title,
        subtitle: String::new(),
        header: header.iter().map(|h| h.to_string()).collect(),
        rows,
        totals: Vec::new(),
        layout: Layout {
            freeze_columns: 1,
            landscape: header.len() > 7,
            ..Layout::default()
        },
    }
}

fn text(value: impl Into<String>) -> Cell {
    Cell::Text(value.into())
}

fn count(n: impl Into<i64>) -> Cell {
    Cell::Int(n.into())
}

fn size(n: usize) -> Cell {
    Cell::from(n)
}
