//! Rosters (花名册) from office files: CSV/TXT in UTF-8 or GBK, and Excel workbooks.
//!
//! The steps are pure functions, so the command line and the desk share them:
//! [`read`] turns bytes into people with line numbers (a grid of cells read by
//! [`crate::io::tabular`] → header → rows), and [`plan::plan`] matches them against the
//! register. Committing is the caller's (`Store::commit_import`).

pub mod column;
pub mod error;
pub mod headers;
pub mod plan;
pub mod prepare;
pub mod report;
pub mod rows;

#[cfg(test)]
mod tests;

use crate::io::tabular::{self, RawRow, Source};

pub use crate::io::tabular::{EncodingChoice, ImportOptions};
pub use column::Column;
pub use error::{ImportError, RowError, RowProblem};
pub use headers::{HeaderMap, Slot};
pub use plan::{ImportPlan, plan};
pub use prepare::{Prepared, prepare, read_bytes};
pub use rows::Draft;

/// How often `read` reports progress, in rows.
pub const PROGRESS_EVERY: usize = 10_000;

/// A file read and checked row by row, before matching against the register.
#[derive(Debug, Clone)]
pub struct ReadFile {
    pub source: Source,
    pub header: HeaderMap,
    /// Data rows below the header (blank rows not counted).
    pub rows: usize,
    pub drafts: Vec<Draft>,
    pub errors: Vec<RowError>,
    /// Lines that repeat the header (files pasted together), skipped.
    pub repeated_headers: Vec<usize>,
}

/// Reads a roster file. `extension` is the file name's, e.g. `csv` (any case).
/// `progress` is called with the number of rows done every [`PROGRESS_EVERY`] rows.
pub fn read(
    bytes: &[u8],
    extension: &str,
    options: &ImportOptions,
    mut progress: impl FnMut(usize),
) -> Result<ReadFile, ImportError> {
    let table = tabular::read_table(bytes, extension, options)?;
    let header = headers::find_header(&table.rows)?;
    let name_column = header
        .slots
        .iter()
        .position(|s| *s == Slot::Field(Column::Name));
    let mut read = ReadFile {
        source: table.source,
        rows: 0,
        drafts: Vec::new(),
        errors: Vec::new(),
        repeated_headers: Vec::new(),
        header,
    };
    for (done, row) in table.rows.iter().skip(read.header.index + 1).enumerate() {
        if done > 0 && done % PROGRESS_EVERY == 0 {
            progress(done);
        }
        let name = name_column.map_or("", |c| row.cell(c));
        if headers::classify(name) == Some(Slot::Field(Column::Name)) {
            read.repeated_headers.push(row.line);
            continue;
        }
        if only_serial(row, &read.header) {
            // A template's numbered empty rows, or a footer (合计、制表人) in the 序号 column.
            continue;
        }
        read.rows += 1;
        match rows::draft(row, &read.header) {
            Ok(draft) => read.drafts.push(draft),
            Err(error) => read.errors.push(error),
        }
    }
    Ok(read)
}

/// Nothing but a 序号 (or text in that column): not a person.
fn only_serial(row: &RawRow, header: &HeaderMap) -> bool {
    row.cells
        .iter()
        .enumerate()
        .all(|(i, cell)| cell.trim().is_empty() || header.slot(i) == Some(&Slot::Serial))
}
