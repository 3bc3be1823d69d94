//! A file → rows of cells, each with the line (text) or row number (Excel) a person
//! sees when they open the file. Empty rows are dropped here.

use super::decode::{self, EncodingChoice, TextEncoding};
use super::error::ImportError;
use super::workbook::{self, WorkbookKind};

/// The largest file read, in bytes (a roster of 100,000 people is about 15 MB as CSV).
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// One row as read: cells are the file's text, untrimmed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RawRow {
    /// 1-based line of the text file, or Excel row number.
    pub line: usize,
    pub cells: Vec<String>,
    /// Columns whose workbook cell held a number (an ID number there has lost digits).
    pub number_cells: Vec<usize>,
}

impl RawRow {
    pub fn cell(&self, index: usize) -> &str {
        self.cells.get(index).map(String::as_str).unwrap_or("")
    }

    fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.trim().is_empty())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delimiter {
    Comma,
    Tab,
}

impl Delimiter {
    fn byte(self) -> u8 {
        match self {
            Delimiter::Comma => b',',
            Delimiter::Tab => b'\t',
        }
    }
}

/// Where the rows came from, for the summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Text {
        encoding: TextEncoding,
        delimiter: Delimiter,
    },
    Workbook {
        kind: WorkbookKind,
        sheet: String,
        /// Sheets with data that were not read (only one sheet is imported).
        other_sheets: Vec<String>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub source: Source,
    pub rows: Vec<RawRow>,
}

/// Reads a CSV/TXT or workbook. `extension` (lower case, no dot) only breaks ties: the
/// bytes decide, so a workbook renamed to .csv still opens as a workbook.
pub fn read_table(
    bytes: &[u8],
    extension: &str,
    encoding: EncodingChoice,
    sheet: Option<&str>,
) -> Result<Table, ImportError> {
    let size = bytes.len() as u64;
    if size > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            bytes: size,
            limit: MAX_FILE_BYTES,
        });
    }
    if let Some(kind) = WorkbookKind::sniff(bytes, extension) {
        return workbook::read(bytes, kind, sheet);
    }
    if extension.starts_with("xls") && looks_like_html(bytes) {
        return Err(ImportError::HtmlAsXls);
    }
    let (text, encoding) = decode::decode(bytes, encoding)?;
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let delimiter = sniff_delimiter(&text, extension);
    if let Some(line) = unclosed_quote(&text, delimiter.byte()) {
        return Err(ImportError::UnclosedQuote { line });
    }
    Ok(Table {
        source: Source::Text {
            encoding,
            delimiter,
        },
        rows: parse_delimited(&text, delimiter),
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

/// Tab when the first lines hold more tabs than commas (or the file is .tsv).
fn sniff_delimiter(text: &str, extension: &str) -> Delimiter {
    if extension == "tsv" {
        return Delimiter::Tab;
    }
    let head = text.lines().take(50);
    let (tabs, commas) = head.fold((0usize, 0usize), |(t, c), line| {
        (
            t + line.matches('\t').count(),
            c + line.matches(',').count(),
        )
    });
    if tabs > commas {
        Delimiter::Tab
    } else {
        Delimiter::Comma
    }
}

/// The line where a quoted cell opens and never closes, following the csv crate's rules:
/// a quote opens a cell only at its start, and `""` inside is an escaped quote.
fn unclosed_quote(text: &str, delimiter: u8) -> Option<usize> {
    let bytes = text.as_bytes();
    let (mut line, mut opened_at) = (1usize, 0usize);
    let (mut in_quotes, mut at_start) = (false, true);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if in_quotes {
            if b == b'"' {
                if bytes.get(i + 1) == Some(&b'"') {
                    i += 1;
                } else {
                    in_quotes = false;
                }
            }
        } else if b == b'"' && at_start {
            in_quotes = true;
            opened_at = line;
        }
        if b == b'\n' {
            line += 1;
        }
        at_start = !in_quotes && (b == delimiter || b == b'\n' || b == b'\r');
        i += 1;
    }
    in_quotes.then_some(opened_at)
}

fn parse_delimited(text: &str, delimiter: Delimiter) -> Vec<RawRow> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter.byte())
        .from_reader(text.as_bytes());
    let mut lines = LineCounter::new(text.as_bytes());
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    // The text is valid UTF-8 and in memory, so reading cannot fail.
    while let Ok(true) = reader.read_record(&mut record) {
        let offset = record.position().map_or(0, |p| p.byte() as usize);
        let row = RawRow {
            line: lines.line_of_record_at(offset),
            cells: record.iter().map(str::to_string).collect(),
            number_cells: Vec::new(),
        };
        keep_row(row, &mut rows);
    }
    rows
}

/// Line numbers of records. The csv crate gives a record's position before the empty
/// lines it skips, so the record really starts after any line breaks there.
struct LineCounter<'a> {
    bytes: &'a [u8],
    offset: usize,
    line: usize,
}

impl<'a> LineCounter<'a> {
    fn new(bytes: &'a [u8]) -> LineCounter<'a> {
        LineCounter {
            bytes,
            offset: 0,
            line: 1,
        }
    }

    /// Records come in order, so counting goes forward only.
    fn line_of_record_at(&mut self, offset: usize) -> usize {
        let mut start = offset.min(self.bytes.len());
        while matches!(self.bytes.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        if start >= self.offset {
            let newlines = self.bytes[self.offset..start]
                .iter()
                .filter(|b| **b == b'\n')
                .count();
            self.line += newlines;
            self.offset = start;
        }
        self.line
    }
}

/// Drops blank rows (also used for workbook rows).
pub(super) fn keep_row(row: RawRow, rows: &mut Vec<RawRow>) {
    if !row.is_blank() {
        rows.push(row);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Vec<RawRow> {
        read_table(text.as_bytes(), "csv", EncodingChoice::Auto, None)
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
            EncodingChoice::Auto,
            None,
        );
        assert_eq!(err, Err(ImportError::UnclosedQuote { line: 3 }));
        assert!(unclosed_quote("a,\"b \"\"q\"\" c\",d\n", b',').is_none());
        assert!(unclosed_quote("a,b\"c,d\n", b',').is_none());
    }

    #[test]
    fn empty_and_html_files_are_refused() {
        let read = |b: &[u8], ext| read_table(b, ext, EncodingChoice::Auto, None);
        assert_eq!(read(b"", "csv"), Err(ImportError::Empty));
        assert_eq!(read(b"\xEF\xBB\xBF \r\n", "csv"), Err(ImportError::Empty));
        assert_eq!(
            read(b"<html><table></table></html>", "xls"),
            Err(ImportError::HtmlAsXls)
        );
    }
}
