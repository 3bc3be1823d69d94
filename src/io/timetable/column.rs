//! What a timetable column can hold, and its name as a person reads it.

use crate::text::Lang;

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
    pub fn zh(self) -> &'static str {
        match self {
            TimetableColumn::Date => "日期",
            TimetableColumn::Day => "第几天",
            TimetableColumn::Slot => "时段",
            TimetableColumn::Method => "方式",
            TimetableColumn::Title => "题目",
            TimetableColumn::Lecturer => "授课人",
            TimetableColumn::Role => "职务",
            TimetableColumn::Modules => "模块",
            TimetableColumn::Base => "基地",
            TimetableColumn::Hours => "学时",
            TimetableColumn::Notes => "备注",
            TimetableColumn::Serial => "序号",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            TimetableColumn::Date => "date",
            TimetableColumn::Day => "day",
            TimetableColumn::Slot => "slot",
            TimetableColumn::Method => "method",
            TimetableColumn::Title => "title",
            TimetableColumn::Lecturer => "lecturer",
            TimetableColumn::Role => "role",
            TimetableColumn::Modules => "modules",
            TimetableColumn::Base => "base",
            TimetableColumn::Hours => "hours",
            TimetableColumn::Notes => "notes",
            TimetableColumn::Serial => "serial",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        lang.pick(self.zh(), self.en())
    }
}
