//! The summary of a timetable import, in the user's language: where the rows came from,
//! how the columns were read, and the counts (created, unchanged, errors).

use crate::io::tabular::source;
use crate::text::{Lang, Tabular, Timetable, list_of};
use crate::tr;

use super::{TimetableColumn, TimetableRead};

/// How many rows already in the log are listed by line before `…`.
const UNCHANGED_LISTED: usize = 10;

/// One line per fact. `written`: the activities were committed (else "to create").
pub fn summary(lang: Lang, file_name: &str, read: &TimetableRead, written: bool) -> String {
    let (line, titles) = (read.header.line, read.header.index);
    let mut out = source::read_lines(lang, file_name, &read.source, line, titles);
    out += &column_lines(lang, read);
    let mut line = |text: String| {
        out += &text;
        out.push('\n');
    };
    line(tr!(lang, Timetable::TtRows, count = read.rows));
    let planned = if written {
        Timetable::TtCreated
    } else {
        Timetable::TtToCreate
    };
    line(tr!(lang, planned, count = read.plan.create.len()));
    let unchanged = read.plan.unchanged.len();
    line(tr!(lang, Tabular::ImportUnchangedLine, count = unchanged));
    out += &unchanged_lines(lang, read);
    out += &tr!(lang, Tabular::ImportErrorsLine, count = read.errors.len());
    out.push('\n');
    out
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
            Some(c) => Some(source::mapped_header(header, c.label(lang))),
        })
        .collect();
    let ignored = h.ignored();
    source::column_lines(lang, &mapped, Timetable::TtColumnsNotRead, &ignored)
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
        out += &tr!(
            lang,
            Timetable::TtAlreadyLogged,
            line = u.line,
            activity = u.activity,
            columns = list_of(lang, &columns)
        );
        out.push('\n');
    }
    if differing.len() > UNCHANGED_LISTED {
        out += "  …\n";
    }
    out
}
