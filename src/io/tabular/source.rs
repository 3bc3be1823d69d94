//! Where a grid of cells came from (a text file's encoding and delimiter, or a workbook's
//! sheet), and how that is told in the summary of an import.

use crate::text::{Entry, Lang, Tabular};
use crate::tr;

use super::decode::TextEncoding;
use super::delimited::Delimiter;
use super::workbook::WorkbookKind;

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

/// `read NAME: WHAT; header on line L (T title row(s) skipped)`, then the workbook's other
/// sheets with data, if any: the first lines of an import's summary.
pub fn read_lines(
    lang: Lang,
    file_name: &str,
    source: &Source,
    header_line: usize,
    title_rows: usize,
) -> String {
    let mut out = tr!(
        lang,
        Tabular::ReadHeaderOn,
        file = file_name,
        source = source_text(lang, source),
        line = header_line,
        titles = title_rows
    );
    out.push('\n');
    if let Source::Workbook { other_sheets, .. } = source
        && !other_sheets.is_empty()
    {
        let sheets = other_sheets.join(", ");
        out += &tr!(lang, Tabular::OtherSheets, sheets = sheets);
        out.push('\n');
    }
    out
}

/// `GBK/GB18030, comma-separated` or `xlsx sheet '课程表'`.
fn source_text(lang: Lang, source: &Source) -> String {
    match source {
        Source::Text {
            encoding,
            delimiter,
        } => {
            let separated = match delimiter {
                Delimiter::Comma => Tabular::CommaSeparated,
                Delimiter::Tab => Tabular::TabSeparated,
            };
            format!("{}, {}", encoding.name(), separated.get(lang))
        }
        Source::Workbook { kind, sheet, .. } => {
            tr!(
                lang,
                Tabular::WorkbookSheet,
                kind = kind.name(),
                sheet = sheet
            )
        }
    }
}

/// A header as the summary shows it: as written when it is the column's own name, else
/// `工作单位→单位` (written → read as).
pub fn mapped_header(written: &str, label: &str) -> String {
    if written == label {
        written.to_string()
    } else {
        format!("{written}→{label}")
    }
}

/// `columns: 姓名→name, …` (the columns read), then `others` under their own `label`
/// (columns kept in notes, or not read) when there are any.
pub fn column_lines(lang: Lang, mapped: &[String], label: impl Entry, others: &[&str]) -> String {
    let mut out = tr!(
        lang,
        Tabular::ImportColumnsLine,
        columns = mapped.join(", ")
    );
    out.push('\n');
    if !others.is_empty() {
        out += &tr!(lang, label, columns = others.join(", "));
        out.push('\n');
    }
    out
}
