//! The summary of a timetable import, in the user's language: where the rows came from,
//! how the columns were read, and the counts (created, unchanged, errors).

use crate::text::Lang;

use crate::io::tabular::source;

use super::{TimetableColumn, TimetableRead};

/// How many rows already in the log are listed by line before `…`.
const UNCHANGED_LISTED: usize = 10;

/// One line per fact. `written`: the activities were committed (else "to create").
pub fn summary(lang: Lang, file_name: &str, read: &TimetableRead, written: bool) -> String {
    let (line, titles) = (read.header.line, read.header.index);
    let mut out = source::read_lines(lang, file_name, &read.source, line, titles);
    out += &column_lines(lang, read);
    let count = |zh: &str, en: &str, n: usize| format!("{}{n}\n", lang.pick(zh, en));
    out += &count("活动行：", "rows: ", read.rows);
    out += &if written {
        count(
            "已创建（计划）：",
            "created (planned): ",
            read.plan.create.len(),
        )
    } else {
        count(
            "待创建（计划）：",
            "to create (planned): ",
            read.plan.create.len(),
        )
    };
    out += &count("无变化：", "unchanged: ", read.plan.unchanged.len());
    out += &unchanged_lines(lang, read);
    out + &count("错误：", "errors: ", read.errors.len())
}

/// `columns: 日期→date, 题目→title, …` and the columns not read.
fn column_lines(lang: Lang, read: &TimetableRead) -> String {
    let h = &read.header;
    let mapped: Vec<String> = h
        .columns
        .iter()
        .zip(&h.headers)
        .filter_map(|(column, header)| match column {
            None | Some(TimetableColumn::Serial) => None,
            Some(c) if header == c.label(lang) => Some(header.clone()),
            Some(c) => Some(format!("{header}→{}", c.label(lang))),
        })
        .collect();
    let mut out = format!("{}{}\n", lang.pick("列：", "columns: "), mapped.join(", "));
    let ignored = h.ignored();
    if !ignored.is_empty() {
        let label = lang.pick("未读取的列：", "columns not read: ");
        out += &format!("{label}{}\n", ignored.join(", "));
    }
    out
}

/// Rows already in the log whose other details differ: the log is kept, and says so.
fn unchanged_lines(lang: Lang, read: &TimetableRead) -> String {
    let differing: Vec<_> = read
        .plan
        .unchanged
        .iter()
        .filter(|u| !u.differs.is_empty())
        .collect();
    let mut out = String::new();
    for u in differing.iter().take(UNCHANGED_LISTED) {
        let columns: Vec<&str> = u.differs.iter().map(|c| c.label(lang)).collect();
        out += &match lang {
            Lang::Zh => format!(
                "  第 {} 行：已记录为教学活动 {}（不同之处：{}），保留已记录的内容\n",
                u.line,
                u.activity,
                columns.join("、")
            ),
            Lang::En => format!(
                "  line {}: already logged as activity {} (differs: {}); kept as logged\n",
                u.line,
                u.activity,
                columns.join(", ")
            ),
        };
    }
    if differing.len() > UNCHANGED_LISTED {
        out += "  …\n";
    }
    out
}
