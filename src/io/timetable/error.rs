//! What can go wrong with a timetable, as a whole or row by row, in words a person can
//! act on (Chinese and English).

use chrono::NaiveDate;

use crate::domain::SlotKind;
use crate::text::Lang;

use crate::io::tabular::TabularError;

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
        match (self, lang) {
            (TimetableError::Read(e), _) => e.message(lang),
            (TimetableError::NoHeader { searched }, Lang::En) => format!(
                "no header row in the first {searched} rows: a timetable needs a row naming its \
                 columns, e.g. 日期, 时段, 方式, 题目, 授课人, 模块"
            ),
            (TimetableError::NoHeader { searched }, Lang::Zh) => format!(
                "前 {searched} 行中没有表头行：课程表需要一行列名，如 日期、时段、方式、题目、授课人、模块。"
            ),
            (TimetableError::MissingColumns { line, missing }, Lang::En) => {
                let names: Vec<String> = missing
                    .iter()
                    .map(|c| format!("{} ({})", c.en(), c.zh()))
                    .collect();
                let or_day = if missing.contains(&TimetableColumn::Date) {
                    "; a date column may be a day column (第几天) instead"
                } else {
                    ""
                };
                format!(
                    "the header on line {line} has no column for: {}{or_day}",
                    names.join(", ")
                )
            }
            (TimetableError::MissingColumns { line, missing }, Lang::Zh) => {
                let names: Vec<&str> = missing.iter().map(|c| c.zh()).collect();
                let or_day = if missing.contains(&TimetableColumn::Date) {
                    "（日期列也可以用“第几天”列代替）"
                } else {
                    ""
                };
                format!(
                    "第 {line} 行的表头缺少这些列：{}{or_day}。",
                    names.join("、")
                )
            }
        }
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
        match lang {
            Lang::En => format!("line {}: {}", self.line, self.problem.en()),
            Lang::Zh => format!("第 {} 行：{}", self.line, self.problem.zh()),
        }
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
    fn en(&self) -> String {
        use TimetableProblem as P;
        match self {
            P::NoDay => "no date or day (日期 / 第几天), and no row above to take it from".into(),
            P::BadDate { value } => {
                format!("date '{value}' is not a date: write 2015-03-16, 2015/3/16 or 3月16日")
            }
            P::DateOutside { date, first, last } => {
                format!("date {date} is not a day of the cohort ({first} to {last})")
            }
            P::BadDay { value } => {
                format!("day '{value}' is not a day number: write 2, 第2天 or 第二天")
            }
            P::DayOutside { day, days } => {
                format!("day {day} is not a day of the cohort (it has {days} days)")
            }
            P::DateDayDisagree {
                date,
                day_of_date,
                day,
            } => format!(
                "date {date} is day {day_of_date} of the cohort, but the day column says {day}"
            ),
            P::NoSlot => "no session slot (时段: 上午, 下午 or 晚上)".into(),
            P::BadSlot { value } => format!(
                "slot '{value}' is not a session slot: write 上午, 下午, 晚上 (am, pm, eve)"
            ),
            P::SlotNotInCohort { slot, slots } => {
                let list: Vec<&str> = slots.iter().map(|s| s.en()).collect();
                format!(
                    "the cohort has no {} session (its slots: {})",
                    slot.en(),
                    list.join(", ")
                )
            }
            P::NoMethod => "no method (方式); a row that is not a teaching activity (报到, 午餐) \
                            should be deleted from the file"
                .into(),
            P::BadMethod { value } => format!(
                "method '{value}' is unknown: use 专题辅导, 经验介绍, 案例分析, 现场观摩, 讨论交流, \
                 菜单选学 (lecture, sharing, case, visit, discussion, elective)"
            ),
            P::NoTitle => "no title (题目)".into(),
            P::NoModules => "no content module (模块), e.g. 1,3 or 模块一、模块三".into(),
            P::UnknownModule { value } => format!(
                "module '{value}' is unknown; `lunxun module list` shows the numbers and names"
            ),
            P::RetiredModule { number } => format!("module {number} is retired"),
            P::UnknownBase { value } => format!(
                "no training base named '{value}'; `lunxun base list` shows them, \
                 `lunxun base add` adds one"
            ),
            P::BadHours { value } => format!(
                "hours '{value}' is not a number of hours such as 2, 1.5 or 1:30 (at most 24)"
            ),
            P::ControlChars(c) => format!("{} contains control characters", c.en()),
            P::TooLong { column, limit } => {
                format!("{} is longer than {limit} characters", column.en())
            }
            P::Repeats { first_line } => format!(
                "the same session, method and title as line {first_line}; keep one of the two rows"
            ),
        }
    }

    fn zh(&self) -> String {
        use TimetableProblem as P;
        match self {
            P::NoDay => "没有日期或第几天，上方也没有可沿用的行".into(),
            P::BadDate { value } => {
                format!("日期“{value}”无效；请写 2015-03-16、2015/3/16 或 3月16日")
            }
            P::DateOutside { date, first, last } => {
                format!("日期 {date} 不在本班次的培训日期内（{first} 至 {last}）")
            }
            P::BadDay { value } => format!("第几天“{value}”无效；请写 2、第2天 或 第二天"),
            P::DayOutside { day, days } => format!("第 {day} 天不在本班次内（共 {days} 天）"),
            P::DateDayDisagree {
                date,
                day_of_date,
                day,
            } => {
                format!("日期 {date} 是本班次第 {day_of_date} 天，但第几天一列写的是 {day}")
            }
            P::NoSlot => "没有时段（上午、下午或晚上）".into(),
            P::BadSlot { value } => format!("时段“{value}”无效；请写 上午、下午 或 晚上"),
            P::SlotNotInCohort { slot, slots } => {
                let list: Vec<&str> = slots.iter().map(|s| s.zh()).collect();
                format!(
                    "本班次没有{}的场次（时段为：{}）",
                    slot.zh(),
                    list.join("、")
                )
            }
            P::NoMethod => "没有教学方式；不是教学活动的行（报到、午餐等）请从文件中删除".into(),
            P::BadMethod { value } => format!(
                "教学方式“{value}”无效；可选 专题辅导、经验介绍、案例分析、现场观摩、讨论交流、菜单选学"
            ),
            P::NoTitle => "没有题目".into(),
            P::NoModules => "没有内容模块，如 1,3 或 模块一、模块三".into(),
            P::UnknownModule { value } => {
                format!("没有内容模块“{value}”；用 lunxun module list 查看模块编号和名称")
            }
            P::RetiredModule { number } => format!("模块 {number} 已停用"),
            P::UnknownBase { value } => format!(
                "没有名为“{value}”的培训基地；用 lunxun base list 查看，或用 lunxun base add 添加"
            ),
            P::BadHours { value } => {
                format!("学时“{value}”无效；请写小时数，如 2、1.5 或 1:30（不超过 24）")
            }
            P::ControlChars(c) => format!("{}含有控制字符", c.zh()),
            P::TooLong { column, limit } => format!("{}超过 {limit} 个字符", column.zh()),
            P::Repeats { first_line } => {
                format!("与第 {first_line} 行的场次、方式和题目相同；请保留其中一行")
            }
        }
    }
}
