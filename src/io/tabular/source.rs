//! Where a grid of cells came from (a text file's encoding and delimiter, or a workbook's
//! sheet), and how that is told in the summary of an import.

use crate::text::Lang;

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
    let what = source_text(lang, source);
    let (line, titles) = (header_line, title_rows);
    let mut out = match lang {
        Lang::Zh => {
            format!("读取 {file_name}：{what}；表头在第 {line} 行（跳过标题行 {titles} 行）\n")
        }
        Lang::En => format!(
            "read {file_name}: {what}; header on line {line} ({titles} title row(s) skipped)\n"
        ),
    };
    out += &other_sheets_line(lang, source);
    out
}

/// `GBK/GB18030, comma-separated` or `xlsx sheet '课程表'`.
fn source_text(lang: Lang, source: &Source) -> String {
    match source {
        Source::Text {
            encoding,
            delimiter,
        } => {
            let sep = match delimiter {
                Delimiter::Comma => lang.pick("逗号分隔", "comma-separated"),
                Delimiter::Tab => lang.pick("制表符分隔", "tab-separated"),
            };
            format!("{}, {sep}", encoding.name())
        }
        Source::Workbook { kind, sheet, .. } => match lang {
            Lang::Zh => format!("{} 工作表“{sheet}”", kind.name()),
            Lang::En => format!("{} sheet '{sheet}'", kind.name()),
        },
    }
}

/// The workbook's other sheets with data, which were not read (empty if none).
fn other_sheets_line(lang: Lang, source: &Source) -> String {
    match source {
        Source::Workbook { other_sheets, .. } if !other_sheets.is_empty() => {
            let list = other_sheets.join(", ");
            match lang {
                Lang::Zh => format!("未读取的其他工作表：{list}（用 --sheet 选择）\n"),
                Lang::En => format!("other sheets not read: {list} (choose with --sheet)\n"),
            }
        }
        _ => String::new(),
    }
}
