//! The summary of an import, in the user's language: where the rows came from, how the
//! columns were read, and the counts (new, updated, unchanged, enrolled, duplicates,
//! errors). Shared by the command line and the desk.

use crate::io::tabular::source;
use crate::text::{Lang, Roster, Tabular};
use crate::tr;

use super::plan::ImportPlan;
use super::{ReadFile, Slot};

/// How many duplicate pairs are listed by line before `…`.
const DUPLICATES_LISTED: usize = 10;

/// One line per fact; `cohort` is the code the file is enrolled in, if any.
pub fn summary(
    lang: Lang,
    file_name: &str,
    read: &ReadFile,
    plan: &ImportPlan,
    cohort: Option<&str>,
    errors: usize,
) -> String {
    let mut out = source_lines(lang, file_name, read);
    out += &column_lines(lang, read);
    let mut line = |text: String| {
        out += &text;
        out.push('\n');
    };
    line(tr!(lang, Roster::RosterRows, count = read.rows));
    let new_people = plan.new_people.len();
    line(tr!(lang, Roster::RosterNewPeople, count = new_people));
    line(tr!(lang, Roster::RosterUpdated, count = plan.updated.len()));
    line(tr!(
        lang,
        Tabular::ImportUnchangedLine,
        count = plan.unchanged
    ));
    line(match cohort {
        Some(cohort) => tr!(
            lang,
            Roster::RosterEnrolled,
            cohort = cohort,
            enrolled = plan.enrol.len(),
            already = plan.already_enrolled
        ),
        None => tr!(lang, Roster::RosterRegisterOnly),
    });
    let duplicates = &plan.duplicates;
    line(tr!(
        lang,
        Roster::RosterDuplicates,
        count = duplicates.len()
    ));
    for (at, first) in duplicates.iter().take(DUPLICATES_LISTED) {
        line(tr!(
            lang,
            Roster::RosterDuplicateOf,
            line = at,
            first = first
        ));
    }
    if duplicates.len() > DUPLICATES_LISTED {
        line("  …".into());
    }
    line(tr!(lang, Tabular::ImportErrorsLine, count = errors));
    out
}

fn source_lines(lang: Lang, name: &str, read: &ReadFile) -> String {
    let (line, titles) = (read.header.line, read.header.title_rows);
    let mut out = source::read_lines(lang, name, &read.source, line, titles);
    if !read.repeated_headers.is_empty() {
        let lines: Vec<String> = read.repeated_headers.iter().map(usize::to_string).collect();
        out += &tr!(
            lang,
            Roster::RosterRepeatedHeaders,
            lines = lines.join(", ")
        );
        out.push('\n');
    }
    out
}

/// `columns: 姓名→name, 工作单位→unit, …` and the columns kept in notes.
fn column_lines(lang: Lang, read: &ReadFile) -> String {
    let h = &read.header;
    let mapped: Vec<String> = h
        .slots
        .iter()
        .zip(&h.headers)
        .filter_map(|(slot, header)| match slot {
            Slot::Field(c) => Some(source::mapped_header(header, c.label(lang))),
            _ => None,
        })
        .collect();
    let extras = h.extras();
    source::column_lines(lang, &mapped, Roster::RosterUnknownColumns, &extras)
}
