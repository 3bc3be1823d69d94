//! Reading tabular files: a CSV/TXT file (UTF-8 or GBK) or an Excel workbook → a grid of
//! cells, each row with the line (text) or row number (Excel) a person sees when they
//! open the file. Empty rows are dropped here. Nothing here knows what the cells mean:
//! the roster and timetable importers do.

pub mod decode;
pub mod delimited;
pub mod error;
pub mod grid;
pub mod source;
pub mod workbook;

use std::path::Path;

pub use decode::{EncodingChoice, TextEncoding};
pub use delimited::Delimiter;
pub use error::{CellProblem, TabularError};
pub use grid::RawRow;
pub use source::Source;
pub use workbook::WorkbookKind;

/// The largest file read, in bytes (a roster of 100,000 people is about 15 MB as CSV).
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// `--encoding` and `--sheet`: how to read an imported file.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    pub encoding: EncodingChoice,
    pub sheet: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub source: Source,
    pub rows: Vec<RawRow>,
}

/// Reads a file from disk, refusing one over the size cap before reading it.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, TabularError> {
    let size = std::fs::metadata(path)
        .map_err(|e| TabularError::Unreadable(e.to_string()))?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(TabularError::TooLarge {
            bytes: size,
            limit: MAX_FILE_BYTES,
        });
    }
    std::fs::read(path).map_err(|e| TabularError::Unreadable(e.to_string()))
}

/// Reads a CSV/TXT or workbook. `extension` (the file name's, any case) only breaks
/// ties: the bytes decide, so a workbook renamed to .csv still opens as a workbook.
pub fn read_table(
    bytes: &[u8],
    extension: &str,
    options: &ImportOptions,
) -> Result<Table, TabularError> {
    let extension = extension.to_ascii_lowercase();
    let size = bytes.len() as u64;
    if size > MAX_FILE_BYTES {
        return Err(TabularError::TooLarge {
            bytes: size,
            limit: MAX_FILE_BYTES,
        });
    }
    if let Some(kind) = WorkbookKind::sniff(bytes, &extension) {
        let sheet = workbook::read(bytes, kind, options.sheet.as_deref())?;
        return Ok(Table {
            source: Source::Workbook {
                kind,
                sheet: sheet.name,
                other_sheets: sheet.other_sheets,
            },
            rows: sheet.rows,
        });
    }
    if extension.starts_with("xls") && looks_like_html(bytes) {
        return Err(TabularError::HtmlAsXls);
    }
    let (text, encoding) = decode::decode(bytes, options.encoding)?;
    if text.trim().is_empty() {
        return Err(TabularError::Empty);
    }
    let (delimiter, rows) = delimited::read(&text, &extension)?;
    Ok(Table {
        source: Source::Text {
            encoding,
            delimiter,
        },
        rows,
    })
}

fn looks_like_html(bytes: &[u8]) -> bool {
    let start = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let head: Vec<u8> = start
        .iter()
        .skip_while(|b| b.is_ascii_whitespace())
        .take(16)
        .map(u8::to_ascii_lowercase)
        .collect();
    [&b"<html"[..], b"<!doctype", b"<table", b"<?xml", b"<meta"]
        .iter()
        .any(|tag| head.starts_with(tag))
}

/// A header text as it is matched against a list of accepted names: lower case, without
/// spaces, brackets, punctuation or a required-field star: `县（市、区）` → `县市区`,
/// `姓  名*` → `姓名`, `ID No.` → `idno`.
pub fn normalise_header(header: &str) -> String {
    header
        .chars()
        .filter(|c| !c.is_whitespace())
        .filter(|c| !"()（）[]【】*＊:：、,，.。/_-#".contains(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Vec<RawRow> {
        read_table(text.as_bytes(), "csv", &ImportOptions::default())
            .unwrap()
            .rows
    }

    #[test]
    fn lines_are_the_lines_of_the_file_and_blank_rows_are_dropped() {
        let r = rows("title\n\n姓名,单位\n,,\n\"李\n雅婷\",新开村\n张伟,梅溪村\n");
        let lines: Vec<usize> = r.iter().map(|r| r.line).collect();
        assert_eq!(lines, vec![1, 3, 5, 7]);
        assert_eq!(r[2].cells, vec!["李\n雅婷", "新开村"]);
    }

    #[test]
    fn tabs_are_detected_and_ragged_rows_kept() {
        let r = rows("姓名\t单位\t电话\n李雅婷\t新开村\n张伟\t梅溪村\t138\textra\n");
        assert_eq!(r[1].cells.len(), 2);
        assert_eq!(r[2].cells.len(), 4);
        assert_eq!(r[2].cell(9), "");
    }

    #[test]
    fn an_unclosed_quote_names_its_line() {
        let err = read_table(
            "姓名,单位\n李雅婷,新开村\n\"张伟,梅溪村\n王五,x\n".as_bytes(),
            "csv",
            &ImportOptions::default(),
        );
        assert_eq!(err, Err(TabularError::UnclosedQuote { line: 3 }));
    }

    #[test]
    fn empty_and_html_files_are_refused() {
        let read = |b: &[u8], ext| read_table(b, ext, &ImportOptions::default());
        assert_eq!(read(b"", "csv"), Err(TabularError::Empty));
        assert_eq!(read(b"\xEF\xBB\xBF \r\n", "csv"), Err(TabularError::Empty));
        assert_eq!(
            read(b"<html><table></table></html>", "xls"),
            Err(TabularError::HtmlAsXls)
        );
    }
}
