//! The cohort report's teaching tables (教学内容与方式): methods, module coverage,
//! bases visited and the teaching log.

use crate::io::export::Cell;
use crate::io::report::labels::{
    aside, base_kind_label, comma, have_label, hours_text, level_label, list, method_label,
    separator, session_label, status_label, yes_no,
};
use crate::io::report::table::{Shown, Table, count, size, text};
use crate::io::report::teaching::{BaseLine, TeachingSection};
use crate::text::{Lang, Report};
use crate::tr;

pub struct TeachingTables {
    pub methods: Table,
    pub modules: Table,
    pub bases: Table,
    pub log: Table,
}

impl TeachingTables {
    /// `title` names a tab's title row from its part (`X班 · 教学方式`).
    pub fn new(s: &TeachingSection, title: &dyn Fn(Report) -> String, lang: Lang) -> Self {
        TeachingTables {
            methods: methods(s, title(Report::RptTitleMethods), lang),
            modules: modules(s, title(Report::RptTitleModules), lang),
            bases: bases(s, title(Report::RptTitleBases), lang),
            log: log(s, title(Report::RptTitleLog), lang),
        }
    }
}

fn methods(s: &TeachingSection, title: String, lang: Lang) -> Table {
    let rows = s.methods.iter().map(|m| {
        vec![
            text(method_label(m.method, lang)),
            count(m.count),
            Cell::Number(m.hours),
            count(m.planned),
        ]
    });
    Table::new(tr!(lang, Report::RptTabMethods), title)
        .column(tr!(lang, Report::RptColMethod))
        .column(tr!(lang, Report::RptColCount))
        .column(tr!(lang, Report::RptColHours))
        .column(tr!(lang, Report::RptColPlannedNotHeld))
        .with_rows(rows)
}

fn modules(s: &TeachingSection, title: String, lang: Lang) -> Table {
    let rows = s.modules.iter().map(|m| {
        let sessions = m.sessions.iter().map(|c| session_label(c, lang));
        vec![
            count(m.module.number),
            text(m.module.label(lang)),
            text(yes_no(m.covered, lang)),
            text(list(sessions, lang)),
            count(m.activities),
            Cell::Number(m.hours),
        ]
    });
    Table::new(tr!(lang, Report::RptTabModules), title)
        .column_in(tr!(lang, Report::RptColNumber), Shown::Workbook)
        .column(tr!(lang, Report::RptColModule))
        .column(tr!(lang, Report::RptColCovered))
        .column(tr!(lang, Report::RptColSessions))
        .column(tr!(lang, Report::RptColActivities))
        .column(tr!(lang, Report::RptColHours))
        .with_rows(rows)
}

/// The workbook has each fact in a column of its own; the Markdown report sums
/// accreditation and the five haves up in a word each.
fn bases(s: &TeachingSection, title: String, lang: Lang) -> Table {
    use Shown::{Markdown as M, Workbook as W};
    let rows = s.bases.iter().map(|b| {
        let sessions = list(b.sessions.iter().map(|c| session_label(c, lang)), lang);
        let missing: Vec<String> = b.missing.iter().map(|h| have_label(h, lang)).collect();
        let level = b.accredited_by.map(|l| level_label(l, lang));
        vec![
            text(&b.name),
            text(base_kind_label(b.kind, lang)),
            text(&b.county),
            text(yes_no(b.registered, lang)),
            text(yes_no(b.accredited, lang)),
            text(accreditation(b, lang)),
            text(level.unwrap_or_default()),
            text(b.accredited_on.clone().unwrap_or_default()),
            text(five_haves(b, lang)),
            text(yes_no(b.meets_standard, lang)),
            text(missing.join(separator(lang))),
            size(b.visits),
            text(&sessions),
            text(sessions),
        ]
    });
    let col = |header: Report| tr!(lang, header);
    Table::new(tr!(lang, Report::RptTabBases), title)
        .column(col(Report::RptColBase))
        .column(col(Report::RptColKind))
        .column(col(Report::RptColCounty))
        .column_in(col(Report::RptColRegistered), W)
        .column_in(col(Report::RptColAccredited), W)
        .column_in(col(Report::RptColAccredited), M)
        .column_in(col(Report::RptColAccreditedBy), W)
        .column_in(col(Report::RptColAccreditedOn), W)
        .column_in(col(Report::RptColFiveHaves), M)
        .column_in(col(Report::RptColMeetsFiveHaves), W)
        .column_in(col(Report::RptColLacks), W)
        .column_in(col(Report::RptColVisits), W)
        .column_in(col(Report::RptColVisited), M)
        .column_in(col(Report::RptColVisitSessions), W)
        .with_rows(rows)
}

/// `是（市级，2015-03-01）`, or `否` (with the date when it came after the visit).
fn accreditation(b: &BaseLine, lang: Lang) -> String {
    let word = yes_no(b.accredited, lang);
    match (&b.accredited_by, &b.accredited_on) {
        (Some(level), Some(date)) => {
            let by = format!("{}{}{date}", level_label(level, lang), comma(lang));
            aside(&word, &by, lang)
        }
        _ => word,
    }
}

fn five_haves(b: &BaseLine, lang: Lang) -> String {
    match (b.registered, b.meets_standard) {
        (false, _) => "—".to_string(),
        (true, true) => tr!(lang, Report::RptAllFiveHaves),
        (true, false) => {
            let missing = list(b.missing.iter().map(|h| have_label(h, lang)), lang);
            tr!(lang, Report::RptLacks, missing = missing)
        }
    }
}

/// The log: the Markdown report names sessions in words and folds the role into the
/// lecturer and the base into the title; the workbook keeps each in its column.
fn log(s: &TeachingSection, title: String, lang: Lang) -> Table {
    use Shown::{Markdown as M, Workbook as W};
    let rows = s.log.iter().map(|a| {
        let lecturer = match (a.lecturer.is_empty(), a.role.is_empty()) {
            (_, true) => a.lecturer.clone(),
            (true, false) => a.role.clone(),
            (false, false) => aside(&a.lecturer, &a.role, lang),
        };
        // The base's name, unless the title already says it (观摩新开村).
        let titled = match &a.base {
            Some(base) if !a.title.contains(base.as_str()) => aside(&a.title, base, lang),
            _ => a.title.clone(),
        };
        let modules: Vec<String> = a.modules.iter().map(u16::to_string).collect();
        vec![
            count(a.id),
            text(session_label(&a.session, lang)),
            text(&a.session),
            text(method_label(a.method, lang)),
            text(titled),
            text(&a.title),
            text(lecturer),
            text(&a.lecturer),
            text(&a.role),
            text(list(modules.iter().cloned(), lang)),
            text(modules.join(",")),
            text(a.hours.map_or_else(|| "—".to_string(), hours_text)),
            a.hours.map_or_else(Cell::blank, Cell::Number),
            text(a.base.clone().unwrap_or_default()),
            text(status_label(a.status, lang)),
        ]
    });
    let col = |header: Report| tr!(lang, header);
    Table::new(tr!(lang, Report::RptTabActivities), title)
        .column_in(col(Report::RptColId), W)
        .column_in(col(Report::RptColSession), M)
        .column_in(col(Report::RptColSession), W)
        .column(col(Report::RptColMethod))
        .column_in(col(Report::RptColTitle), M)
        .column_in(col(Report::RptColTitle), W)
        .column_in(col(Report::RptColLecturer), M)
        .column_in(col(Report::RptColLecturer), W)
        .column_in(col(Report::RptColRole), W)
        .column_in(col(Report::RptColModules), M)
        .column_in(col(Report::RptColModules), W)
        .column_in(col(Report::RptColHours), M)
        .column_in(col(Report::RptColHours), W)
        .column_in(col(Report::RptColTrainingBase), W)
        .column(col(Report::RptColStatus))
        .with_rows(rows)
}
