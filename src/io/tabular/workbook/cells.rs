//! A workbook → rows, with calamine, in this process. One sheet is read: the one named
//! by `--sheet`, else the first with data.

use std::io::Cursor;

use calamine::{Data, Ods, Range, Reader, Sheets, Xls, Xlsb, Xlsx, open_workbook_from_rs};

use super::super::error::TabularError;
use super::super::grid::{RawRow, keep_row};
use super::{Sheet, WorkbookKind};

type Book<'a> = Sheets<Cursor<&'a [u8]>>;

/// calamine can panic on a damaged file (an assertion in its .xls reader, found by
/// tests/bad_input.rs); that becomes an error saying the workbook is damaged, not a crash.
pub fn read_here(
    bytes: &[u8],
    kind: WorkbookKind,
    sheet: Option<&str>,
) -> Result<Sheet, TabularError> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let result = std::panic::catch_unwind(|| read_unguarded(bytes, kind, sheet));
    std::panic::set_hook(previous);
    result.unwrap_or(Err(TabularError::WorkbookUnreadable))
}

fn read_unguarded(
    bytes: &[u8],
    kind: WorkbookKind,
    sheet: Option<&str>,
) -> Result<Sheet, TabularError> {
    let mut book = open(bytes, kind)?;
    let names = book.sheet_names();
    let (chosen, range) = match sheet {
        Some(wanted) => named_sheet(&mut book, &names, wanted)?,
        None => first_with_data(&mut book, &names)?,
    };
    let other_sheets = names
        .iter()
        .filter(|n| **n != chosen)
        .filter(|n| book.worksheet_range(n).is_ok_and(|r| has_data(&r)))
        .cloned()
        .collect();
    Ok(Sheet {
        name: chosen,
        other_sheets,
        rows: rows_of(&range),
    })
}

fn open(bytes: &[u8], kind: WorkbookKind) -> Result<Book<'_>, TabularError> {
    let cursor = Cursor::new(bytes);
    let failed = |e: &dyn std::fmt::Display| TabularError::Workbook(e.to_string());
    Ok(match kind {
        WorkbookKind::Xls => {
            Sheets::Xls(open_workbook_from_rs::<Xls<_>, _>(cursor).map_err(|e| failed(&e))?)
        }
        WorkbookKind::Xlsx => {
            Sheets::Xlsx(open_workbook_from_rs::<Xlsx<_>, _>(cursor).map_err(|e| failed(&e))?)
        }
        WorkbookKind::Xlsb => {
            Sheets::Xlsb(open_workbook_from_rs::<Xlsb<_>, _>(cursor).map_err(|e| failed(&e))?)
        }
        WorkbookKind::Ods => {
            Sheets::Ods(open_workbook_from_rs::<Ods<_>, _>(cursor).map_err(|e| failed(&e))?)
        }
    })
}

fn named_sheet(
    book: &mut Book<'_>,
    names: &[String],
    wanted: &str,
) -> Result<(String, Range<Data>), TabularError> {
    let found = names
        .iter()
        .find(|n| n.as_str() == wanted)
        .or_else(|| names.iter().find(|n| n.trim() == wanted.trim()))
        .ok_or_else(|| TabularError::NoSheet {
            name: wanted.to_string(),
            available: names.to_vec(),
        })?;
    let range = book
        .worksheet_range(found)
        .map_err(|e| TabularError::Workbook(e.to_string()))?;
    Ok((found.clone(), range))
}

fn first_with_data(
    book: &mut Book<'_>,
    names: &[String],
) -> Result<(String, Range<Data>), TabularError> {
    for name in names {
        let range = book
            .worksheet_range(name)
            .map_err(|e| TabularError::Workbook(e.to_string()))?;
        if has_data(&range) {
            return Ok((name.clone(), range));
        }
    }
    Err(TabularError::NoData)
}

fn has_data(range: &Range<Data>) -> bool {
    range
        .used_cells()
        .any(|(_, _, cell)| !cell_text(cell).0.trim().is_empty())
}

/// Rows numbered as Excel numbers them (the range may start below row 1).
fn rows_of(range: &Range<Data>) -> Vec<RawRow> {
    let first_row = range.start().map_or(0, |(row, _)| row as usize);
    let mut rows = Vec::new();
    for (index, cells) in range.rows().enumerate() {
        let mut row = RawRow {
            line: first_row + index + 1,
            cells: Vec::with_capacity(cells.len()),
            number_cells: Vec::new(),
        };
        for (column, cell) in cells.iter().enumerate() {
            let (text, number) = cell_text(cell);
            if number {
                row.number_cells.push(column);
            }
            row.cells.push(text);
        }
        keep_row(row, &mut rows);
    }
    rows
}

/// A cell as the text Excel shows, and whether it held a number.
fn cell_text(cell: &Data) -> (String, bool) {
    match cell {
        Data::Empty => (String::new(), false),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => (s.clone(), false),
        Data::Int(i) => (i.to_string(), true),
        Data::Float(f) => (float_text(*f), true),
        Data::Bool(b) => (if *b { "TRUE" } else { "FALSE" }.to_string(), false),
        Data::DateTime(dt) => {
            let (y, mo, d, h, mi, s, _) = dt.to_ymd_hms_milli();
            let text = if (h, mi, s) == (0, 0, 0) {
                format!("{y:04}-{mo:02}-{d:02}")
            } else {
                format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}")
            };
            (text, false)
        }
        Data::Error(e) => (e.to_string(), false),
    }
}

/// Whole numbers without `.0` (phones typed as numbers); others as Rust prints them.
fn float_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e21 {
        format!("{f:.0}")
    } else {
        f.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_excel_shows_them() {
        assert_eq!(float_text(13812345678.0), "13812345678");
        assert_eq!(float_text(1.5), "1.5");
        assert_eq!(cell_text(&Data::Int(7)), ("7".to_string(), true));
    }
}
