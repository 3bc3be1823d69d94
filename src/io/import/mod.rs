//! Rosters (花名册) from office files: CSV/TXT in UTF-8 or GBK, and Excel workbooks.
//!
//! The steps are pure functions, so the command line and the desk share them:
//! [`read`] turns bytes into people with line numbers (decode → table → header → rows),
//! and [`plan::plan`] matches them against the register. Committing is the caller's.
//! Timetables (课程表) go through the same decoding and table reading: see [`timetable`].

pub mod decode;
pub mod error;
pub mod headers;
pub mod plan;
pub mod prepare;
pub mod report;
pub mod rows;
pub mod table;
pub mod timetable;
pub mod workbook;

#[cfg(test)]
mod tests;

pub use decode::{EncodingChoice, TextEncoding};
pub use error::{ImportError, RowError, RowProblem};
pub use headers::{Column, HeaderMap, Slot};
pub use plan::{ImportPlan, plan};
pub use prepare::{Prepared, prepare, read_bytes};
pub use rows::Draft;
pub use table::{Delimiter, MAX_FILE_BYTES, RawRow, Source};

/// How often `read` reports progress, in rows.
pub const PROGRESS_EVERY: usize = 10_000;

/// `--encoding` and `--sheet`.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    pub encoding: EncodingChoice,
    pub sheet: Option<String>,
}

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
    let extension = extension.to_ascii_lowercase();
    let table = table::read_table(
        bytes,
        &extension,
        options.encoding,
        options.sheet.as_deref(),
    )?;
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
