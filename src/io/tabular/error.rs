//! What can keep a file from being read as a grid of cells (its size, its encoding, a
//! damaged workbook), in words a person can act on (the catalogue's [`Tabular`] section).

use std::fmt;

use crate::text::{Lang, Tabular, list_of};
use crate::tr;

/// The file as a whole cannot be read as a grid of cells: nothing is imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TabularError {
    Unreadable(String),
    TooLarge {
        bytes: u64,
        limit: u64,
    },
    /// A workbook over the limit (a CSV has none).
    WorkbookTooLarge {
        bytes: u64,
        limit: u64,
    },
    Empty,
    Utf16,
    Binary,
    BomMismatch,
    NotUtf8 {
        line: usize,
    },
    NotGb18030 {
        line: usize,
    },
    DamagedUtf8 {
        line: usize,
    },
    UnknownEncoding {
        line: usize,
    },
    ReplacementChar {
        line: usize,
    },
    UnclosedQuote {
        line: usize,
    },
    HtmlAsXls,
    Workbook(String),
    /// The child process that reads workbooks did not start (the reason from the system).
    ReaderNotStarted(String),
    WorkbookUnreadable,
    WorkbookTooSlow {
        seconds: u64,
    },
    NoSheet {
        name: String,
        available: Vec<String>,
    },
    NoData,
}

impl TabularError {
    /// The message in the user's language.
    pub fn message(&self, lang: Lang) -> String {
        use TabularError as E;
        match self {
            E::Unreadable(reason) => tr!(lang, Tabular::FileUnreadable, reason = reason),
            E::TooLarge { bytes, limit } => {
                tr!(lang, Tabular::FileTooLarge, bytes = bytes, limit = limit)
            }
            E::WorkbookTooLarge { bytes, limit } => {
                tr!(
                    lang,
                    Tabular::WorkbookTooLarge,
                    bytes = bytes,
                    limit = limit
                )
            }
            E::Empty => tr!(lang, Tabular::FileEmpty),
            E::Utf16 => tr!(lang, Tabular::FileUtf16),
            E::Binary => tr!(lang, Tabular::FileBinary),
            E::BomMismatch => tr!(lang, Tabular::BomMismatch),
            E::NotUtf8 { line } => tr!(lang, Tabular::NotUtf8, line = line),
            E::NotGb18030 { line } => tr!(lang, Tabular::NotGb18030, line = line),
            E::DamagedUtf8 { line } => tr!(lang, Tabular::DamagedUtf8, line = line),
            E::UnknownEncoding { line } => tr!(lang, Tabular::UnknownEncoding, line = line),
            E::ReplacementChar { line } => tr!(lang, Tabular::ReplacementChar, line = line),
            E::UnclosedQuote { line } => tr!(lang, Tabular::UnclosedQuote, line = line),
            E::HtmlAsXls => tr!(lang, Tabular::HtmlAsXls),
            E::Workbook(reason) => tr!(lang, Tabular::WorkbookFailed, reason = reason),
            E::ReaderNotStarted(reason) => {
                tr!(lang, Tabular::ReaderNotStarted, reason = reason)
            }
            E::WorkbookUnreadable => tr!(lang, Tabular::WorkbookUnreadable),
            E::WorkbookTooSlow { seconds } => {
                tr!(lang, Tabular::WorkbookTooSlow, seconds = seconds)
            }
            E::NoSheet { name, available } => tr!(
                lang,
                Tabular::NoSheet,
                name = name,
                available = list_of(lang, available)
            ),
            E::NoData => tr!(lang, Tabular::NoData),
        }
    }
}

/// What is wrong with one cell, whatever the importer: `column` is its name as the user
/// reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellProblem {
    ControlChars,
    TooLong { limit: usize },
}

impl CellProblem {
    pub fn message(self, lang: Lang, column: &str) -> String {
        match self {
            CellProblem::ControlChars => tr!(lang, Tabular::CellControlChars, column = column),
            CellProblem::TooLong { limit } => {
                tr!(lang, Tabular::CellTooLong, column = column, limit = limit)
            }
        }
    }
}

/// In English, for logs and `{}`; people are shown [`TabularError::message`].
impl fmt::Display for TabularError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for TabularError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_in_messages_are_written_as_each_language_writes_them() {
        let error = TabularError::NoSheet {
            name: "名单".into(),
            available: vec!["Sheet1".into(), "课程表".into()],
        };
        assert_eq!(
            error.message(Lang::Zh),
            "工作簿中没有名为“名单”的工作表；现有：Sheet1、课程表"
        );
        assert_eq!(
            error.to_string(),
            "the workbook has no sheet named '名单'; its sheets are: Sheet1, 课程表"
        );
    }
}
