//! The timetable's header row (title rows above it are skipped) and what each column
//! holds: 日期 or 第几天, 时段, 方式, 题目, 授课人, 职务, 模块, 基地, 学时, 备注.

use crate::domain::Cohort;
use crate::io::tabular::{RawRow, normalise_header as normalise};

use super::column::TimetableColumn;
use super::error::TimetableError;

/// The header row and the column each of its cells names (`None`: not read).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimetableHeader {
    pub line: usize,
    /// Index of the header among the table's rows (= title rows skipped).
    pub index: usize,
    pub headers: Vec<String>,
    pub columns: Vec<Option<TimetableColumn>>,
}

impl TimetableHeader {
    /// The index of the cell holding `column`, if the file has it.
    pub fn position(&self, column: TimetableColumn) -> Option<usize> {
        self.columns.iter().position(|c| *c == Some(column))
    }

    pub fn column(&self, index: usize) -> Option<TimetableColumn> {
        self.columns.get(index).copied().flatten()
    }

    /// Named headers that are not read (星期, 地点, a second 日期, …).
    pub fn ignored(&self) -> Vec<&str> {
        self.columns
            .iter()
            .zip(&self.headers)
            .filter(|(c, h)| c.is_none() && !h.is_empty())
            .map(|(_, h)| h.as_str())
            .collect()
    }
}

/// How far down the header row is looked for.
pub const HEADER_SEARCH_ROWS: usize = 20;

/// The first row (of the first 20) naming a title column and two more known columns.
pub fn find_header(rows: &[RawRow], cohort: &Cohort) -> Result<TimetableHeader, TimetableError> {
    let index = rows
        .iter()
        .take(HEADER_SEARCH_ROWS)
        .position(is_header)
        .ok_or(TimetableError::NoHeader {
            searched: HEADER_SEARCH_ROWS,
        })?;
    let row = &rows[index];
    let headers: Vec<String> = row.cells.iter().map(|c| c.trim().to_string()).collect();
    let mut columns: Vec<Option<TimetableColumn>> = Vec::with_capacity(headers.len());
    for header in &headers {
        // A second column of a kind (two 日期 columns) is not read.
        let column = classify(header).filter(|c| !columns.contains(&Some(*c)));
        columns.push(column);
    }
    let header = TimetableHeader {
        line: row.line,
        index,
        headers,
        columns,
    };
    let missing = missing_columns(&header, cohort);
    if !missing.is_empty() {
        return Err(TimetableError::MissingColumns {
            line: header.line,
            missing,
        });
    }
    Ok(header)
}

/// Whether a row is a header: a title column and at least two other known columns.
fn is_header(row: &RawRow) -> bool {
    let known: Vec<TimetableColumn> = row.cells.iter().filter_map(|c| classify(c)).collect();
    known.contains(&TimetableColumn::Title) && known.len() >= 3
}

/// Columns every row needs: a date or a day, a slot (unless the cohort has one slot a
/// day), a method, a title and the modules.
fn missing_columns(header: &TimetableHeader, cohort: &Cohort) -> Vec<TimetableColumn> {
    let has = |c| header.position(c).is_some();
    let mut missing = Vec::new();
    if !has(TimetableColumn::Date) && !has(TimetableColumn::Day) {
        missing.push(TimetableColumn::Date);
    }
    if !has(TimetableColumn::Slot) && cohort.slots.len() > 1 {
        missing.push(TimetableColumn::Slot);
    }
    for column in [
        TimetableColumn::Method,
        TimetableColumn::Title,
        TimetableColumn::Modules,
    ] {
        if !has(column) {
            missing.push(column);
        }
    }
    missing
}

/// Whether a data row repeats the header (timetables pasted together): at least three
/// of its cells are exactly the names of their columns, the title's among them. (Data
/// such as 专题辅导 or 模块一 would fit the looser rules of [`classify`].)
pub fn repeats_header(row: &RawRow, header: &TimetableHeader) -> bool {
    let named: Vec<TimetableColumn> = (0..row.cells.len())
        .filter_map(|i| {
            let column = header.column(i)?;
            (exact(&normalise(row.cell(i))) == Some(column)).then_some(column)
        })
        .collect();
    named.contains(&TimetableColumn::Title) && named.len() >= 3
}

/// Maps a header text to a column: exact names first, then telling words.
pub fn classify(header: &str) -> Option<TimetableColumn> {
    let key = normalise(header);
    if key.is_empty() {
        return None;
    }
    exact(&key).or_else(|| contains(&key))
}

fn exact(key: &str) -> Option<TimetableColumn> {
    use TimetableColumn as C;
    Some(match key {
        "序号" | "序" | "no" | "number" | "serial" => C::Serial,
        "日期" | "培训日期" | "date" => C::Date,
        "第几天" | "天次" | "天数" | "培训日" | "第天" | "day" => C::Day,
        "时段" | "时间段" | "上下午" | "时间" | "场次" | "slot" | "session" | "time" => {
            C::Slot
        }
        "方式" | "教学方式" | "培训方式" | "轮训方式" | "形式" | "教学形式" | "method"
        | "format" => C::Method,
        "题目" | "课程" | "课题" | "专题" | "课程名称" | "课程内容" | "教学内容" | "授课内容"
        | "内容" | "主题" | "title" | "topic" | "course" => C::Title,
        "授课人" | "主讲人" | "主讲" | "授课" | "授课老师" | "授课教师" | "主讲教师" | "讲师"
        | "教师" | "老师" | "lecturer" | "speaker" | "teacher" => C::Lecturer,
        "职务" | "授课人职务" | "主讲人职务" | "职称" | "role" | "position" => {
            C::Role
        }
        "模块" | "内容模块" | "所属模块" | "对应模块" | "module" | "modules" => {
            C::Modules
        }
        "基地" | "教学基地" | "培训基地" | "观摩基地" | "现场教学基地" | "base"
        | "trainingbase" => C::Base,
        "学时" | "课时" | "时长" | "小时" | "hours" | "hour" | "duration" => C::Hours,
        "备注" | "说明" | "notes" | "note" | "remarks" | "remark" => C::Notes,
        _ => return None,
    })
}

/// Telling words in longer headers (`学时（小时）`, `授课人及职务`); long texts are titles.
fn contains(key: &str) -> Option<TimetableColumn> {
    use TimetableColumn as C;
    if key.chars().count() > 10 {
        return None;
    }
    // In order: `授课人职务` is a role, `内容模块` a module list, `课程内容` a title.
    const WORDS: &[(&str, TimetableColumn)] = &[
        ("序号", C::Serial),
        ("职务", C::Role),
        ("职称", C::Role),
        ("模块", C::Modules),
        ("基地", C::Base),
        ("学时", C::Hours),
        ("课时", C::Hours),
        ("授课", C::Lecturer),
        ("主讲", C::Lecturer),
        ("方式", C::Method),
        ("形式", C::Method),
        ("日期", C::Date),
        ("第几天", C::Day),
        ("天次", C::Day),
        ("时段", C::Slot),
        ("题目", C::Title),
        ("课程", C::Title),
        ("专题", C::Title),
        ("备注", C::Notes),
    ];
    WORDS
        .iter()
        .find(|(word, _)| key.contains(word))
        .map(|(_, column)| *column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timetable_headers_map_to_columns() {
        use TimetableColumn as C;
        let cases = [
            ("日期", Some(C::Date)),
            ("第几天", Some(C::Day)),
            ("天次", Some(C::Day)),
            ("时段", Some(C::Slot)),
            ("教学方式", Some(C::Method)),
            ("题目", Some(C::Title)),
            ("课程名称", Some(C::Title)),
            ("主讲人", Some(C::Lecturer)),
            ("授课人职务", Some(C::Role)),
            ("内容模块", Some(C::Modules)),
            ("教学基地", Some(C::Base)),
            ("学时（小时）", Some(C::Hours)),
            ("课时", Some(C::Hours)),
            ("Title", Some(C::Title)),
            ("星期", None),
            ("地点", None),
            ("2015年第1期村（社区）党组织书记轮训班课程表", None),
        ];
        for (header, want) in cases {
            assert_eq!(classify(header), want, "{header}");
        }
    }
}
