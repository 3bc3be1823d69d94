//! What a timetable column can hold, and its name as a person reads it.

use crate::text::{Lang, Timetable};

/// What a timetable column can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimetableColumn {
    Date,
    Day,
    Slot,
    Method,
    Title,
    Lecturer,
    Role,
    Modules,
    Base,
    Hours,
    Notes,
    /// 序号: ignored.
    Serial,
}

impl TimetableColumn {
    /// The column's name as the user reads it (the summary, row errors).
    pub fn label(self, lang: Lang) -> &'static str {
        self.entry().get(lang)
    }

    fn entry(self) -> Timetable {
        use TimetableColumn as C;
        match self {
            C::Date => Timetable::TtColDate,
            C::Day => Timetable::TtColDay,
            C::Slot => Timetable::TtColSlot,
            C::Method => Timetable::TtColMethod,
            C::Title => Timetable::TtColTitle,
            C::Lecturer => Timetable::TtColLecturer,
            C::Role => Timetable::TtColRole,
            C::Modules => Timetable::TtColModules,
            C::Base => Timetable::TtColBase,
            C::Hours => Timetable::TtColHours,
            C::Notes => Timetable::TtColNotes,
            C::Serial => Timetable::TtColSerial,
        }
    }
}
