//! What can go wrong with a timetable, as a whole or row by row, in words a person can
//! act on (the catalogue's `Timetable` section).

use chrono::NaiveDate;

use crate::domain::SlotKind;
use crate::text::{Lang, Tabular, Timetable, list_of};
use crate::tr;

use crate::io::tabular::{CellProblem, TabularError};

use super::column::TimetableColumn;

/// The file as a whole cannot be read: nothing is imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TimetableError {
    /// Encoding, size, workbook: the file is not a readable table.
    Read(TabularError),
    NoHeader {
        searched: usize,
    },
    MissingColumns {
        line: usize,
        missing: Vec<TimetableColumn>,
    },
}

impl From<TabularError> for TimetableError {
    fn from(error: TabularError) -> Self {
        TimetableError::Read(error)
    }
}

impl TimetableError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            TimetableError::Read(e) => e.message(lang),
            TimetableError::NoHeader { searched } => {
                tr!(lang, Timetable::TtNoHeader, searched = searched)
            }
            TimetableError::MissingColumns { line, missing } => {
                let names: Vec<String> = missing.iter().map(|c| named(lang, *c)).collect();
                let or_day = if missing.contains(&TimetableColumn::Date) {
                    tr!(lang, Timetable::TtOrDayColumn)
                } else {
                    String::new()
                };
                tr!(
                    lang,
                    Timetable::TtMissingColumns,
                    line = line,
                    columns = list_of(lang, &names),
                    or_day = or_day
                )
            }
        }
    }
}

/// A column as the file should name it: `日期`, or in English `date (日期)`.
fn named(lang: Lang, column: TimetableColumn) -> String {
    let (label, chinese) = (column.label(lang), column.label(Lang::Zh));
    if label == chinese {
        label.to_string()
    } else {
        format!("{label} ({chinese})")
    }
}

/// Why one row is not imported; `line` is the file's line or the Excel row number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimetableRowError {
    pub line: usize,
    pub problem: TimetableProblem,
}

impl TimetableRowError {
    /// `line N: reason` / `第 N 行：原因`.
    pub fn message(&self, lang: Lang) -> String {
        let reason = self.problem.message(lang);
        tr!(lang, Tabular::RowLine, line = self.line, reason = reason)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TimetableProblem {
    NoDay,
    BadDate {
        value: String,
    },
    DateOutside {
        date: NaiveDate,
        first: NaiveDate,
        last: NaiveDate,
    },
    BadDay {
        value: String,
    },
    DayOutside {
        day: u16,
        days: u16,
    },
    DateDayDisagree {
        date: NaiveDate,
        day_of_date: u16,
        day: u16,
    },
    NoSlot,
    BadSlot {
        value: String,
    },
    SlotNotInCohort {
        slot: SlotKind,
        slots: Vec<SlotKind>,
    },
    NoMethod,
    BadMethod {
        value: String,
    },
    NoTitle,
    NoModules,
    UnknownModule {
        value: String,
    },
    RetiredModule {
        number: u16,
    },
    UnknownBase {
        value: String,
    },
    BadHours {
        value: String,
    },
    ControlChars(TimetableColumn),
    TooLong {
        column: TimetableColumn,
        limit: usize,
    },
    /// The same session, method and title as an earlier row of the file.
    Repeats {
        first_line: usize,
    },
}

impl TimetableProblem {
    /// The reason alone, in the user's language.
    pub fn message(&self, lang: Lang) -> String {
        use Timetable as T;
        use TimetableProblem as P;
        match self {
            P::NoDay => tr!(lang, T::TtNoDay),
            P::BadDate { value } => tr!(lang, T::TtBadDate, value = value),
            P::DateOutside { date, first, last } => tr!(
                lang,
                T::TtDateOutside,
                date = date,
                first = first,
                last = last
            ),
            P::BadDay { value } => tr!(lang, T::TtBadDay, value = value),
            P::DayOutside { day, days } => tr!(lang, T::TtDayOutside, day = day, days = days),
            P::DateDayDisagree {
                date,
                day_of_date,
                day,
            } => tr!(
                lang,
                T::TtDateDayDisagree,
                date = date,
                day_of_date = day_of_date,
                day = day
            ),
            P::NoSlot => tr!(lang, T::TtNoSlot),
            P::BadSlot { value } => tr!(lang, T::TtBadSlot, value = value),
            P::SlotNotInCohort { slot, slots } => {
                let names: Vec<&str> = slots.iter().map(|s| s.label(lang)).collect();
                tr!(
                    lang,
                    T::TtSlotNotInCohort,
                    slot = slot.label(lang),
                    slots = list_of(lang, &names)
                )
            }
            P::NoMethod => tr!(lang, T::TtNoMethod),
            P::BadMethod { value } => tr!(lang, T::TtBadMethod, value = value),
            P::NoTitle => tr!(lang, T::TtNoTitle),
            P::NoModules => tr!(lang, T::TtNoModules),
            P::UnknownModule { value } => tr!(lang, T::TtUnknownModule, value = value),
            P::RetiredModule { number } => {
                crate::domain::module::ModuleError::Retired(*number).message(lang)
            }
            P::UnknownBase { value } => tr!(lang, T::TtUnknownBase, value = value),
            P::BadHours { value } => tr!(lang, T::TtBadHours, value = value),
            P::ControlChars(c) => CellProblem::ControlChars.message(lang, c.label(lang)),
            P::TooLong { column, limit } => {
                CellProblem::TooLong { limit: *limit }.message(lang, column.label(lang))
            }
            P::Repeats { first_line } => tr!(lang, T::TtRepeats, first_line = first_line),
        }
    }
}
