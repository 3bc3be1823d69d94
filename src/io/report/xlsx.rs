//! The reports as Excel workbooks: one tab per table (see [`crate::io::export::xlsx_file`],
//! which also defuses cells a spreadsheet would run as formulas). The same tables as the
//! Markdown report, with every column.

use chrono::NaiveDateTime;

use crate::io::export::xlsx_file;
use crate::text::Lang;

use super::cohort::CohortReport;
use super::table::Table;
use super::tables::cohort::CohortTables;
use super::tables::year::YearTables;
use super::year::YearReport;

/// The cohort report's workbook; `created` (UTC) is the file's creation time.
pub fn cohort_workbook(
    r: &CohortReport,
    lang: Lang,
    created: NaiveDateTime,
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    workbook(&CohortTables::new(r, lang).all(), created)
}

/// The year report's workbook; `created` (UTC) is the file's creation time.
pub fn year_workbook(
    r: &YearReport,
    lang: Lang,
    created: NaiveDateTime,
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    workbook(&YearTables::new(r, lang).all(), created)
}

fn workbook(
    tables: &[&Table],
    created: NaiveDateTime,
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let sheets: Vec<_> = tables.iter().map(|t| t.sheet()).collect();
    xlsx_file::to_workbook(&sheets, created)
}
