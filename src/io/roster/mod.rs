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

use std::io::Read;

use crate::io::tabular::{self, OpenedTable, RawRow, Source};

pub use crate::io::tabular::{EncodingChoice, ImportOptions};
pub use column::Column;
pub use error::{ImportError, RowError, RowProblem};
pub use headers::{HeaderMap, Slot};
pub use plan::{ImportPlan, Planner, plan};
pub use prepare::{Prepared, prepare, prepare_file};
pub use rows::Draft;

/// How often reading reports progress, in rows.
pub const PROGRESS_EVERY: usize = 1_000;

/// A file read and checked row by row, before matching against the register.
#[derive(Debug, Clone)]
pub struct ReadFile {
    pub source: Source,
    pub header: HeaderMap,
    /// Data rows below the header (blank rows not counted).
    pub rows: usize,
    /// The people read, when kept (see [`read`]; a stream hands them on instead).
    pub drafts: Vec<Draft>,
    pub errors: Vec<RowError>,
    /// Lines that repeat the header (files pasted together), skipped.
    pub repeated_headers: Vec<usize>,
}

/// How far reading has come: data rows, and bytes of a text file read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadProgress {
    pub rows: usize,
    pub bytes: Option<u64>,
}

/// Reads a roster file in memory, keeping every person read in `drafts`. `extension` is
/// the file name's, e.g. `csv` (any case).
pub fn read(
    bytes: &[u8],
    extension: &str,
    options: &ImportOptions,
    progress: impl FnMut(ReadProgress),
) -> Result<ReadFile, ImportError> {
    let size = bytes.len() as u64;
    let opened = tabular::open(std::io::Cursor::new(bytes), size, extension, options)?;
    let mut drafts = Vec::new();
    let mut read = read_each(opened, progress, |draft| drafts.push(draft))?;
    read.drafts = drafts;
    Ok(read)
}

/// Reads a roster's rows as they come, handing each person read to `each` (in file
/// order) and keeping only the problems. `progress` is called every [`PROGRESS_EVERY`]
/// rows. Any error of the file as a whole (its encoding, an unclosed quote) fails it.
pub fn read_each<R: Read>(
    opened: OpenedTable<R>,
    mut progress: impl FnMut(ReadProgress),
    mut each: impl FnMut(Draft),
) -> Result<ReadFile, ImportError> {
    let OpenedTable { source, mut rows } = opened;
    let mut head = Vec::new();
    for row in rows.by_ref().take(headers::HEADER_SEARCH_ROWS) {
        head.push(row?);
    }
    let header = headers::find_header(&head)?;
    let name_column = header
        .slots
        .iter()
        .position(|s| *s == Slot::Field(Column::Name));
    let mut read = ReadFile {
        source,
        rows: 0,
        drafts: Vec::new(),
        errors: Vec::new(),
        repeated_headers: Vec::new(),
        header,
    };
    let below = head.split_off(read.header.index + 1);
    drop(head);
    for row in &below {
        read.take(row, name_column, &mut each);
    }
    let mut done = below.len();
    while let Some(row) = rows.next() {
        let row = row?;
        done += 1;
        if done % PROGRESS_EVERY == 0 {
            let bytes = rows.bytes_read();
            progress(ReadProgress { rows: done, bytes });
        }
        read.take(&row, name_column, &mut each);
    }
    Ok(read)
}

impl ReadFile {
    /// One row below the header: a person for `each`, a problem kept, or skipped.
    fn take(&mut self, row: &RawRow, name_column: Option<usize>, each: &mut impl FnMut(Draft)) {
        let name = name_column.map_or("", |c| row.cell(c));
        if headers::classify(name) == Some(Slot::Field(Column::Name)) {
            self.repeated_headers.push(row.line);
            return;
        }
        if only_serial(row, &self.header) {
            // A template's numbered empty rows, or a footer (合计、制表人) in the 序号 column.
            return;
        }
        self.rows += 1;
        match rows::draft(row, &self.header) {
            Ok(draft) => each(draft),
            Err(error) => self.errors.push(error),
        }
    }
}

/// Nothing but a 序号 (or text in that column): not a person.
fn only_serial(row: &RawRow, header: &HeaderMap) -> bool {
    row.cells
        .iter()
        .enumerate()
        .all(|(i, cell)| cell.trim().is_empty() || header.slot(i) == Some(&Slot::Serial))
}
