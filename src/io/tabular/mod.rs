//! Reading tabular files: a CSV/TXT file (UTF-8 or GBK) or an Excel workbook → a grid of
//! cells, each row with the line (text) or row number (Excel) a person sees when they
//! open the file. Empty rows are dropped here. Nothing here knows what the cells mean:
//! the roster and timetable importers do. A text file is read row by row as it is
//! needed ([`open_file`], any size); a workbook is read whole, at most
//! [`MAX_FILE_BYTES`] (calamine reads a workbook only whole).

pub mod decode;
pub mod delimited;
pub mod error;
pub mod grid;
pub mod sniff;
pub mod source;
pub mod stream;
pub mod workbook;

use std::fs::File;
use std::io::{BufReader, Cursor, Read, Seek, SeekFrom};
use std::path::Path;

pub use decode::{EncodingChoice, TextEncoding};
pub use delimited::Delimiter;
pub use error::{CellProblem, TabularError};
pub use grid::RawRow;
pub use source::Source;
pub use stream::TextRows;
pub use workbook::WorkbookKind;

/// The largest file read whole, in bytes: a workbook (calamine reads only whole
/// workbooks, in a child process with a memory limit; a roster of 100,000 people is about
/// 6 MB as xlsx) or a timetable. Text rosters are read as a stream, of any size.
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

/// A file opened for reading its rows: where they come from, and the rows.
pub struct OpenedTable<R: Read> {
    pub source: Source,
    pub rows: Rows<R>,
}

/// A text file's rows as they are read, or a workbook sheet's rows read whole.
pub enum Rows<R: Read> {
    Text(Box<TextRows<R>>),
    Workbook(std::vec::IntoIter<RawRow>),
}

impl<R: Read> Iterator for Rows<R> {
    type Item = Result<RawRow, TabularError>;

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Rows::Text(rows) => rows.next(),
            Rows::Workbook(rows) => rows.next().map(Ok),
        }
    }
}

impl<R: Read> Rows<R> {
    /// Bytes of a text file read so far (a workbook was read whole).
    pub fn bytes_read(&self) -> Option<u64> {
        match self {
            Rows::Text(rows) => Some(rows.bytes_read()),
            Rows::Workbook(_) => None,
        }
    }
}

/// Opens a file on disk for reading its rows (see [`open`]).
pub fn open_file(
    path: &Path,
    options: &ImportOptions,
) -> Result<OpenedTable<BufReader<File>>, TabularError> {
    let unreadable = |e: std::io::Error| TabularError::Unreadable(e.to_string());
    let file = File::open(path).map_err(unreadable)?;
    let size = file.metadata().map_err(unreadable)?.len();
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    open(BufReader::new(file), size, extension, options)
}

/// Opens a CSV/TXT or workbook of `size` bytes. `extension` (the file name's, any case)
/// only breaks ties: the bytes decide, so a workbook renamed to .csv still opens as a
/// workbook.
pub fn open<R: Read + Seek>(
    mut input: R,
    size: u64,
    extension: &str,
    options: &ImportOptions,
) -> Result<OpenedTable<R>, TabularError> {
    let unreadable = |e: std::io::Error| TabularError::Unreadable(e.to_string());
    let extension = extension.to_ascii_lowercase();
    let mut head = Vec::with_capacity(4096);
    (&mut input)
        .take(4096)
        .read_to_end(&mut head)
        .map_err(unreadable)?;
    input.seek(SeekFrom::Start(0)).map_err(unreadable)?;
    if let Some(kind) = WorkbookKind::sniff(&head, &extension) {
        if size > MAX_FILE_BYTES {
            return Err(TabularError::WorkbookTooLarge {
                bytes: size,
                limit: MAX_FILE_BYTES,
            });
        }
        let mut bytes = Vec::with_capacity(size as usize);
        input.read_to_end(&mut bytes).map_err(unreadable)?;
        let sheet = workbook::read(&bytes, kind, options.sheet.as_deref())?;
        let source = Source::Workbook {
            kind,
            sheet: sheet.name,
            other_sheets: sheet.other_sheets,
        };
        let rows = Rows::Workbook(sheet.rows.into_iter());
        return Ok(OpenedTable { source, rows });
    }
    if extension.starts_with("xls") && looks_like_html(&head) {
        return Err(TabularError::HtmlAsXls);
    }
    let rows = stream::open(input, &extension, options.encoding)?;
    let source = Source::Text {
        encoding: rows.encoding,
        delimiter: rows.delimiter,
    };
    let rows = Rows::Text(Box::new(rows));
    Ok(OpenedTable { source, rows })
}

/// Reads a CSV/TXT or workbook in memory whole (see [`open`]).
pub fn read_table(
    bytes: &[u8],
    extension: &str,
    options: &ImportOptions,
) -> Result<Table, TabularError> {
    let size = bytes.len() as u64;
    let opened = open(Cursor::new(bytes), size, extension, options)?;
    let rows = opened.rows.collect::<Result<Vec<RawRow>, TabularError>>()?;
    Ok(Table {
        source: opened.source,
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

    /// A workbook is read whole, so one over the limit is refused before it is read, with
    /// the way out (CSV has no limit).
    #[test]
    fn a_workbook_over_the_limit_is_refused_unread() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.xlsx");
        let mut file = std::fs::File::create(&path).unwrap();
        std::io::Write::write_all(&mut file, b"PK\x03\x04").unwrap();
        file.set_len(MAX_FILE_BYTES + 1).unwrap();
        let refused = open_file(&path, &ImportOptions::default()).err();
        let Some(error) = refused else {
            panic!("a workbook over the limit opened")
        };
        let expected = TabularError::WorkbookTooLarge {
            bytes: MAX_FILE_BYTES + 1,
            limit: MAX_FILE_BYTES,
        };
        assert_eq!(error, expected);
        assert!(error.to_string().contains("Save it as CSV"), "{error}");
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
