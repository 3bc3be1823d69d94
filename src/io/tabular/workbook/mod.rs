//! Excel workbooks (.xlsx, .xls, also .xlsb and .ods) → rows, with calamine.
//!
//! calamine trusts the sizes a workbook declares: a damaged .xls, or even a valid .xlsx
//! with one cell in A1 and one in XFD1048576, makes it ask for tens of gigabytes, and a
//! failed allocation aborts the process (calamine issue 693) — at the desk that would
//! leave the terminal in raw mode. So the program reads workbooks in a child process of
//! its own binary (`reader`), with a memory and time limit; if that child dies, the file
//! is reported as damaged and the desk carries on. Without a reader set (the library's
//! own unit tests), workbooks are read in this process.

mod cells;
mod reader;

use std::path::PathBuf;
use std::sync::OnceLock;

use super::error::TabularError;
use super::grid::RawRow;

pub use reader::serve;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkbookKind {
    Xlsx,
    Xls,
    Xlsb,
    Ods,
}

impl WorkbookKind {
    /// By content: an OLE2 compound file is .xls; a zip is .xlsx unless named .xlsb/.ods.
    pub fn sniff(bytes: &[u8], extension: &str) -> Option<WorkbookKind> {
        if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
            return Some(WorkbookKind::Xls);
        }
        if !bytes.starts_with(b"PK\x03\x04") {
            return None;
        }
        Some(match extension {
            "xlsb" => WorkbookKind::Xlsb,
            "ods" => WorkbookKind::Ods,
            _ => WorkbookKind::Xlsx,
        })
    }

    /// The kind named by [`WorkbookKind::name`].
    pub fn from_name(name: &str) -> Option<WorkbookKind> {
        [
            WorkbookKind::Xlsx,
            WorkbookKind::Xls,
            WorkbookKind::Xlsb,
            WorkbookKind::Ods,
        ]
        .into_iter()
        .find(|kind| kind.name() == name)
    }

    pub fn name(self) -> &'static str {
        match self {
            WorkbookKind::Xlsx => "xlsx",
            WorkbookKind::Xls => "xls",
            WorkbookKind::Xlsb => "xlsb",
            WorkbookKind::Ods => "ods",
        }
    }
}

/// One sheet read: its rows, and the names of the other sheets with data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    pub name: String,
    /// Sheets with data that were not read (only one sheet is imported).
    pub other_sheets: Vec<String>,
    pub rows: Vec<RawRow>,
}

static READER: OnceLock<PathBuf> = OnceLock::new();

/// Read workbooks in child processes of `exe` (the lunxun binary). Set once, at start.
pub fn read_in_child_process(exe: PathBuf) {
    let _ = READER.set(exe);
}

/// Reads one sheet: the one named `sheet`, else the first with data.
pub fn read(bytes: &[u8], kind: WorkbookKind, sheet: Option<&str>) -> Result<Sheet, TabularError> {
    match READER.get() {
        Some(exe) => reader::read_in_child(exe, bytes, kind, sheet),
        None => cells::read_here(bytes, kind, sheet),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_sniffed_from_content() {
        let xls = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest";
        assert_eq!(WorkbookKind::sniff(xls, "csv"), Some(WorkbookKind::Xls));
        assert_eq!(
            WorkbookKind::sniff(b"PK\x03\x04", "xls"),
            Some(WorkbookKind::Xlsx)
        );
        assert_eq!(
            WorkbookKind::sniff(b"PK\x03\x04", "ods"),
            Some(WorkbookKind::Ods)
        );
        assert_eq!(WorkbookKind::sniff(b"name,unit", "xlsx"), None);
    }
}
