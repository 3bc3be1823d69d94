//! A CSV/TXT file's rows read as they are needed: the bytes are decoded block by block
//! (UTF-8 or GB18030, strict: a byte sequence that is neither, or a replacement
//! character, names its line) and cut into rows by the csv crate. Memory holds a block,
//! the row being read and the bytes since its start (for its line number), never the
//! file. Problems only the end can show (an unclosed quote, a file of blanks) come as
//! the last item.

use std::collections::VecDeque;
use std::io::{Read, Seek, SeekFrom};

use encoding_rs::{Decoder, DecoderResult, GB18030, UTF_8};

use super::decode::{EncodingChoice, TextEncoding};
use super::delimited::Delimiter;
use super::error::TabularError;
use super::grid::RawRow;
use super::sniff::sniff;

const BLOCK: usize = 64 * 1024;

/// The rows of a text file, blank rows left out.
pub struct TextRows<R: Read> {
    reader: csv::Reader<Feed<R>>,
    record: csv::StringRecord,
    /// The line of the last record, and the offset it was counted to.
    line: usize,
    counted: u64,
    finished: bool,
    pub encoding: TextEncoding,
    pub delimiter: Delimiter,
}

/// Opens a text file for reading row by row: a first pass reads it through to decide
/// its encoding and delimiter (see [`super::sniff`]), then it is read from the start.
pub fn open<R: Read + Seek>(
    mut input: R,
    extension: &str,
    choice: EncodingChoice,
) -> Result<TextRows<R>, TabularError> {
    let sniffed = sniff(&mut input, choice, extension)?;
    input
        .seek(SeekFrom::Start(sniffed.skip))
        .map_err(|e| TabularError::Unreadable(e.to_string()))?;
    let decoder = match sniffed.encoding {
        TextEncoding::Gb18030 => GB18030.new_decoder_without_bom_handling(),
        TextEncoding::Utf8 | TextEncoding::Utf8Bom => UTF_8.new_decoder_without_bom_handling(),
    };
    let bad_bytes = match (sniffed.encoding, choice) {
        (TextEncoding::Gb18030, EncodingChoice::Gbk) => Bad::NotGb18030,
        (TextEncoding::Gb18030, _) => Bad::Unknown,
        _ => Bad::NotUtf8,
    };
    let feed = Feed {
        input,
        raw: vec![0; BLOCK],
        decoder,
        bad_bytes,
        text: String::new(),
        given: 0,
        input_done: false,
        consumed: sniffed.skip,
        error: None,
        quotes: Quotes::new(sniffed.delimiter.byte()),
        content: false,
        window: VecDeque::new(),
        window_start: 0,
    };
    let reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .buffer_capacity(BLOCK)
        .delimiter(sniffed.delimiter.byte())
        .from_reader(feed);
    Ok(TextRows {
        reader,
        record: csv::StringRecord::new(),
        line: 1,
        counted: 0,
        finished: false,
        encoding: sniffed.encoding,
        delimiter: sniffed.delimiter,
    })
}

impl<R: Read> TextRows<R> {
    /// Bytes of the file read so far (for progress).
    pub fn bytes_read(&self) -> u64 {
        self.reader.get_ref().consumed
    }

    /// The line of a record at `offset` of the text. The csv crate gives a record's
    /// position before the empty lines it skips, so the record really starts after any
    /// line breaks there. Records come in order, so counting goes forward only.
    fn line_of_record_at(&mut self, offset: u64) -> usize {
        let feed = self.reader.get_mut();
        let byte = |at: u64| feed.window.get((at - feed.window_start) as usize).copied();
        let mut start = offset.max(feed.window_start);
        while matches!(byte(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        if start >= self.counted {
            let from = (self.counted.max(feed.window_start) - feed.window_start) as usize;
            let to = ((start - feed.window_start) as usize).min(feed.window.len());
            self.line += feed.window.range(from..to).filter(|b| **b == b'\n').count();
            self.counted = start;
        }
        let drop = ((start - feed.window_start) as usize).min(feed.window.len());
        feed.window.drain(..drop);
        feed.window_start += drop as u64;
        self.line
    }

    /// What ends the file: nothing, or the problem only its end shows.
    fn at_end(&mut self) -> Option<TabularError> {
        let feed = self.reader.get_ref();
        if let Some(line) = feed.quotes.unclosed() {
            return Some(TabularError::UnclosedQuote { line });
        }
        (!feed.content).then_some(TabularError::Empty)
    }
}

impl<R: Read> Iterator for TextRows<R> {
    type Item = Result<RawRow, TabularError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.finished {
            match self.reader.read_record(&mut self.record) {
                Ok(true) => {
                    let offset = self.record.position().map_or(0, |p| p.byte());
                    let row = RawRow {
                        line: self.line_of_record_at(offset),
                        cells: self.record.iter().map(str::to_string).collect(),
                        number_cells: Vec::new(),
                    };
                    if !row.is_blank() {
                        return Some(Ok(row));
                    }
                }
                Ok(false) => {
                    self.finished = true;
                    return self.at_end().map(Err);
                }
                Err(e) => {
                    self.finished = true;
                    let found = self.reader.get_mut().error.take();
                    return Some(Err(found.unwrap_or(TabularError::Unreadable(e.to_string()))));
                }
            }
        }
        None
    }
}

/// Which error bytes that do not decode are.
#[derive(Debug, Clone, Copy)]
enum Bad {
    NotUtf8,
    NotGb18030,
    Unknown,
}

impl Bad {
    fn at(self, line: usize) -> TabularError {
        match self {
            Bad::NotUtf8 => TabularError::NotUtf8 { line },
            Bad::NotGb18030 => TabularError::NotGb18030 { line },
            Bad::Unknown => TabularError::UnknownEncoding { line },
        }
    }
}

/// The decoded text, handed to the csv crate; it also watches the text go by (quotes,
/// whether anything but blanks came) and keeps the bytes since the last record's start.
struct Feed<R> {
    input: R,
    raw: Vec<u8>,
    decoder: Decoder,
    bad_bytes: Bad,
    /// Decoded text not yet handed out, from `given`.
    text: String,
    given: usize,
    input_done: bool,
    /// Bytes of the file read.
    consumed: u64,
    /// Why the text stopped (the csv crate sees only an I/O error).
    error: Option<TabularError>,
    /// Also counts the lines of the text watched so far: all before `text`.
    quotes: Quotes,
    /// Anything but white space seen.
    content: bool,
    window: VecDeque<u8>,
    /// The text offset of `window[0]`.
    window_start: u64,
}

impl<R: Read> Feed<R> {
    /// Decodes the next block into `text`; false at the end.
    fn refill(&mut self) -> Result<bool, TabularError> {
        self.text.clear();
        self.given = 0;
        while self.text.is_empty() {
            if self.input_done {
                return Ok(false);
            }
            let n = read_some(&mut self.input, &mut self.raw)?;
            self.consumed += n as u64;
            self.input_done = n == 0;
            self.decode(n)?;
        }
        self.check_text()?;
        Ok(true)
    }

    fn decode(&mut self, n: usize) -> Result<(), TabularError> {
        let last = n == 0;
        let needed = self
            .decoder
            .max_utf8_buffer_length_without_replacement(n)
            .unwrap_or(n * 3 + 16);
        self.text.reserve(needed);
        let (result, _) =
            self.decoder
                .decode_to_string_without_replacement(&self.raw[..n], &mut self.text, last);
        match result {
            DecoderResult::InputEmpty => Ok(()),
            DecoderResult::Malformed(..) | DecoderResult::OutputFull => {
                Err(self.bad_bytes.at(self.line_in_text(self.text.len())))
            }
        }
    }

    /// The line of `text`'s byte `at` (before [`Feed::check_text`] watched `text`).
    fn line_in_text(&self, at: usize) -> usize {
        let newlines = self.text.as_bytes()[..at].iter().filter(|b| **b == b'\n');
        self.quotes.line + newlines.count()
    }

    /// Refuses a replacement character; watches quotes and blanks.
    fn check_text(&mut self) -> Result<(), TabularError> {
        if let Some(at) = self.text.find('\u{FFFD}') {
            let line = self.line_in_text(at);
            return Err(TabularError::ReplacementChar { line });
        }
        self.quotes.scan(self.text.as_bytes());
        if !self.content {
            self.content = self.text.chars().any(|c| !c.is_whitespace());
        }
        Ok(())
    }
}

impl<R: Read> Read for Feed<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.given == self.text.len() {
            match self.refill() {
                Ok(true) => {}
                Ok(false) => return Ok(0),
                Err(e) => {
                    self.error = Some(e);
                    return Err(std::io::Error::other("the text does not decode"));
                }
            }
        }
        let rest = &self.text.as_bytes()[self.given..];
        let n = rest.len().min(buf.len());
        buf[..n].copy_from_slice(&rest[..n]);
        self.window.extend(&rest[..n]);
        self.given += n;
        Ok(n)
    }
}

fn read_some(input: &mut impl Read, buf: &mut [u8]) -> Result<usize, TabularError> {
    loop {
        match input.read(buf) {
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            other => return other.map_err(|e| TabularError::Unreadable(e.to_string())),
        }
    }
}

/// Where a quoted cell opens and never closes, following the csv crate's rules: a quote
/// opens a cell only at its start, and `""` inside is an escaped quote. Fed the text in
/// pieces.
struct Quotes {
    delimiter: u8,
    line: usize,
    opened_at: usize,
    in_quotes: bool,
    at_start: bool,
    /// A quote inside a quoted cell, its meaning waiting for the next byte.
    pending: bool,
}

impl Quotes {
    fn new(delimiter: u8) -> Quotes {
        Quotes {
            delimiter,
            line: 1,
            opened_at: 0,
            in_quotes: false,
            at_start: true,
            pending: false,
        }
    }

    fn scan(&mut self, bytes: &[u8]) {
        for &b in bytes {
            if self.pending {
                self.pending = false;
                if b == b'"' {
                    // `""`: an escaped quote; still inside.
                    self.at_start = false;
                    continue;
                }
                self.in_quotes = false;
                self.at_start = false;
            }
            if self.in_quotes {
                if b == b'"' {
                    self.pending = true;
                }
            } else if b == b'"' && self.at_start {
                self.in_quotes = true;
                self.opened_at = self.line;
            }
            if b == b'\n' {
                self.line += 1;
            }
            let ends = b == self.delimiter || b == b'\n' || b == b'\r';
            self.at_start = !self.in_quotes && ends;
        }
    }

    /// The line the unclosed quote opened on, at the end of the text.
    fn unclosed(&self) -> Option<usize> {
        (self.in_quotes && !self.pending).then_some(self.opened_at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unclosed(text: &str) -> Option<usize> {
        let mut quotes = Quotes::new(b',');
        // Fed one byte at a time: pieces may end anywhere.
        for b in text.as_bytes() {
            quotes.scan(std::slice::from_ref(b));
        }
        quotes.unclosed()
    }

    /// Rows across many 64 KiB blocks keep the lines a person sees: blank lines (LF and
    /// CRLF) and cells with line breaks in quotes, in GBK.
    #[test]
    fn lines_stay_right_across_blocks() {
        let mut text = String::from("姓名,单位\r\n");
        let mut expected = vec![(1, "姓名".to_string())];
        let mut line = 2;
        for i in 0..20_000 {
            match i % 3 {
                0 => {
                    text.push_str(&format!("张伟{i},第{i}村\r\n"));
                    expected.push((line, format!("张伟{i}")));
                    line += 1;
                }
                1 => {
                    text.push_str(&format!("\n\r\n\"李\n雅婷{i}\",新开村\n"));
                    expected.push((line + 2, format!("李\n雅婷{i}")));
                    line += 4;
                }
                _ => {
                    text.push_str(&format!("王五{i},\"梅溪,\"\"社区\"\"\"\n"));
                    expected.push((line, format!("王五{i}")));
                    line += 1;
                }
            }
        }
        let bytes = GB18030.encode(&text).0.into_owned();
        assert!(bytes.len() > 4 * BLOCK);
        let rows = open(std::io::Cursor::new(bytes), "csv", EncodingChoice::Auto).unwrap();
        assert_eq!(rows.encoding, TextEncoding::Gb18030);
        let found: Vec<(usize, String)> = rows
            .map(|r| r.unwrap())
            .map(|r| (r.line, r.cells[0].clone()))
            .collect();
        assert_eq!(found.len(), expected.len());
        for (found, expected) in found.iter().zip(&expected) {
            assert_eq!(found, expected);
        }
    }

    /// A byte that does not decode, or a replacement character, blocks into the file:
    /// the error names the line a person sees.
    #[test]
    fn bad_text_far_into_the_file_names_its_line() {
        let mut text = String::from("姓名,单位\n");
        for i in 0..30_000 {
            text.push_str(&format!("张伟{i},\"第\n{i}村\"\n"));
        }
        let lines = 1 + 30_000 * 2;
        let mut bytes = GB18030.encode(&text).0.into_owned();
        assert!(bytes.len() > 4 * BLOCK);
        let read = |bytes: &[u8], choice| {
            let rows = open(std::io::Cursor::new(bytes.to_vec()), "csv", choice)?;
            rows.collect::<Result<Vec<RawRow>, TabularError>>()
        };
        let mut bad = bytes.clone();
        bad.extend_from_slice(b"x\n\x81\x20bad\n");
        let line = lines + 2;
        assert_eq!(
            read(&bad, EncodingChoice::Gbk).err(),
            Some(TabularError::NotGb18030 { line })
        );
        assert_eq!(
            read(&bad, EncodingChoice::Auto).err(),
            Some(TabularError::UnknownEncoding { line })
        );
        bytes.extend_from_slice(&GB18030.encode("x\n李\u{FFFD}婷\n").0);
        assert_eq!(
            read(&bytes, EncodingChoice::Gbk).err(),
            Some(TabularError::ReplacementChar { line })
        );
    }

    #[test]
    fn quotes_follow_the_csv_rules_fed_in_pieces() {
        assert_eq!(unclosed("a\n\"b,c\n"), Some(2));
        assert!(unclosed("a,\"b \"\"q\"\" c\",d\n").is_none());
        assert!(unclosed("a,b\"c,d\n").is_none());
        assert!(unclosed("a,\"b\"").is_none());
    }
}
