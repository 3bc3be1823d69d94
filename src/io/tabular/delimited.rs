//! CSV and tab-separated text → rows, each with the line a person sees when they open
//! the file in an editor.

use super::error::TabularError;
use super::grid::{RawRow, keep_row};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delimiter {
    Comma,
    Tab,
}

impl Delimiter {
    pub fn byte(self) -> u8 {
        match self {
            Delimiter::Comma => b',',
            Delimiter::Tab => b'\t',
        }
    }
}

/// Reads decoded text: the delimiter it uses, and its non-blank rows. `extension`
/// (lower case) only breaks ties.
pub fn read(text: &str, extension: &str) -> Result<(Delimiter, Vec<RawRow>), TabularError> {
    let delimiter = sniff_delimiter(text, extension);
    if let Some(line) = unclosed_quote(text, delimiter.byte()) {
        return Err(TabularError::UnclosedQuote { line });
    }
    Ok((delimiter, parse(text, delimiter)))
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

fn parse(text: &str, delimiter: Delimiter) -> Vec<RawRow> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_follow_the_csv_rules() {
        assert_eq!(unclosed_quote("a\n\"b,c\n", b','), Some(2));
        assert!(unclosed_quote("a,\"b \"\"q\"\" c\",d\n", b',').is_none());
        assert!(unclosed_quote("a,b\"c,d\n", b',').is_none());
    }
}
