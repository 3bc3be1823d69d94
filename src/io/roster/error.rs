//! What can go wrong with an imported file, as a whole or row by row, in words a person
//! can act on. Personal data (phone, ID number) only ever appears masked.

use std::fmt;

use crate::io::tabular::{CellProblem, TabularError};
use crate::text::{Lang, Roster, Tabular};
use crate::tr;

use super::column::Column;

/// The file as a whole cannot be read: nothing is imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// Size, encoding, workbook: the file is not a readable table.
    Read(TabularError),
    NoHeader {
        searched: usize,
    },
}

impl From<TabularError> for ImportError {
    fn from(error: TabularError) -> Self {
        ImportError::Read(error)
    }
}

impl ImportError {
    /// The message in the user's language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ImportError::Read(e) => e.message(lang),
            ImportError::NoHeader { searched } => {
                tr!(lang, Roster::RosterNoHeader, searched = searched)
            }
        }
    }
}

/// In English, for logs and `{}`; people are shown [`ImportError::message`].
impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ImportError {}

/// Why one row is not imported. `line` is the file's line or the Excel row number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub line: usize,
    pub problem: RowProblem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowProblem {
    EmptyName,
    NameControl,
    ControlChars(Column),
    TooLong {
        column: Column,
        limit: usize,
    },
    BadPhone {
        masked: String,
    },
    IdLength {
        masked: String,
        len: usize,
    },
    IdChars {
        masked: String,
    },
    IdCheckDigit {
        masked: String,
    },
    /// An 18-digit ID typed into Excel as a number keeps only 15 significant digits.
    IdAsNumber {
        masked: String,
    },
    BadGender {
        value: String,
    },
    BadField {
        value: String,
    },
    /// The phone and name, or the name and unit, fit several people and no ID number
    /// tells them apart.
    Ambiguous {
        count: usize,
    },
    /// The same person as an earlier row, with a different value in `column`.
    ConflictingDuplicate {
        first_line: usize,
        column: Column,
    },
}

impl RowError {
    /// `line N: reason` / `第 N 行：原因`.
    pub fn message(&self, lang: Lang) -> String {
        let reason = self.problem.message(lang);
        tr!(lang, Tabular::RowLine, line = self.line, reason = reason)
    }
}

impl RowProblem {
    /// The reason alone, in the user's language.
    pub fn message(&self, lang: Lang) -> String {
        use RowProblem as P;
        match self {
            P::EmptyName => tr!(lang, Roster::RowEmptyName),
            P::NameControl => tr!(lang, Roster::RowNameControl),
            P::ControlChars(c) => CellProblem::ControlChars.message(lang, c.label(lang)),
            P::TooLong { column, limit } => {
                CellProblem::TooLong { limit: *limit }.message(lang, column.label(lang))
            }
            P::BadPhone { masked } => tr!(lang, Roster::RowBadPhone, masked = masked),
            P::IdLength { masked, len } => {
                tr!(lang, Roster::RowIdLength, masked = masked, len = len)
            }
            P::IdChars { masked } => tr!(lang, Roster::RowIdChars, masked = masked),
            P::IdCheckDigit { masked } => tr!(lang, Roster::RowIdCheckDigit, masked = masked),
            P::IdAsNumber { masked } => tr!(lang, Roster::RowIdAsNumber, masked = masked),
            P::BadGender { value } => tr!(lang, Roster::RowBadGender, value = value),
            P::BadField { value } => tr!(lang, Roster::RowBadField, value = value),
            P::Ambiguous { count } => tr!(lang, Roster::RowAmbiguous, count = count),
            P::ConflictingDuplicate { first_line, column } => tr!(
                lang,
                Roster::RowConflictingDuplicate,
                first_line = first_line,
                column = column.label(lang)
            ),
        }
    }
}
