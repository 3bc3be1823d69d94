//! The cohort report's tables: overview (the workbook's; the Markdown report says it in
//! a paragraph), enrolment by field and by county, attendance by session and by person,
//! then completion (completers, non-completers, withdrawals, substitutes) and the
//! teaching tables.

use crate::io::export::Cell;
use crate::io::report::cohort::CohortReport;
use crate::io::report::labels::{field_label, level_label, session_label, slot_label, yes_no};
use crate::io::report::table::{Shown, Table, count, size, text};
use crate::text::{Lang, Report};
use crate::tr;

use super::cohort_credit::CreditTables;
use super::counts;
use super::teaching::TeachingTables;

pub struct CohortTables {
    pub overview: Table,
    pub by_field: Table,
    pub by_county: Table,
    pub sessions: Table,
    pub people: Table,
    pub credit: CreditTables,
    pub teaching: TeachingTables,
}

impl CohortTables {
    pub fn new(r: &CohortReport, lang: Lang) -> CohortTables {
        let name = &r.cohort.name;
        let title = |part: Report| {
            tr!(
                lang,
                Report::RptCohortPart,
                cohort = name,
                part = tr!(lang, part)
            )
        };
        CohortTables {
            overview: overview(r, title(Report::RptTabOverview), lang),
            by_field: counts(
                tr!(lang, Report::RptTabByField),
                title(Report::RptTitleByField),
                tr!(lang, Report::RptColField),
                r.by_field
                    .iter()
                    .map(|c| (field_label(&c.key, lang), c.count)),
                lang,
            ),
            by_county: counts(
                tr!(lang, Report::RptTabByCounty),
                title(Report::RptTitleByCounty),
                tr!(lang, Report::RptColCounty),
                r.by_county.iter().map(|c| (c.key.clone(), c.count)),
                lang,
            ),
            sessions: sessions(r, title(Report::RptTitleSessions), lang),
            people: people(r, title(Report::RptTitlePeople), lang),
            credit: CreditTables::new(&r.credit, &title, lang),
            teaching: TeachingTables::new(&r.teaching, &title, lang),
        }
    }

    /// The tables in the workbook's order.
    pub fn all(&self) -> [&Table; 13] {
        let t = &self.teaching;
        let [completers, not_completed, withdrawn, substitutes] = self.credit.all();
        [
            &self.overview,
            &self.by_field,
            &self.by_county,
            &self.sessions,
            &self.people,
            completers,
            not_completed,
            withdrawn,
            substitutes,
            &t.methods,
            &t.modules,
            &t.bases,
            &t.log,
        ]
    }
}

fn overview(r: &CohortReport, title: String, lang: Lang) -> Table {
    let c = &r.cohort;
    let (rule, completion) = match c.legacy {
        true => (Report::RptRuleLegacy, Report::RptItemCompletion),
        false => (Report::RptRuleHours, Report::RptItemCompletionHours),
    };
    let rows: [(Report, Cell); 18] = [
        (Report::RptItemCode, text(&c.code)),
        (Report::RptItemName, text(&c.name)),
        (Report::RptColLevel, text(level_label(c.level, lang))),
        (Report::RptItemStart, text(&c.start)),
        (Report::RptItemEnd, text(&c.end)),
        (Report::RptColDays, count(c.days)),
        (Report::RptItemVenue, text(&c.venue)),
        (Report::RptColSessions, size(r.sessions.len())),
        (Report::RptItemEnrolled, size(r.enrolled)),
        (Report::RptItemCompleted, size(r.completed)),
        (Report::RptItemRule, text(tr!(lang, rule))),
        (completion, count(c.completion_percent)),
        (Report::RptItemTotalHours, Cell::Number(r.total_hours)),
        (Report::RptItemHourMinutes, count(c.hour_minutes)),
        (Report::RptItemLeaveLimit, text(&c.leave_limit)),
        (Report::RptItemActivitiesHeld, size(r.teaching.activities)),
        (Report::RptColHours, Cell::Number(r.teaching.hours)),
        (Report::RptItemGenerated, text(&r.generated_at)),
    ];
    Table::new(tr!(lang, Report::RptTabOverview), title)
        .column(tr!(lang, Report::RptColItem))
        .column(tr!(lang, Report::RptColValue))
        .with_rows(rows.into_iter().map(|(k, v)| vec![text(tr!(lang, k)), v]))
}

fn sessions(r: &CohortReport, title: String, lang: Lang) -> Table {
    use Shown::{Markdown as M, Workbook as W};
    let rows = r.sessions.iter().map(|s| {
        vec![
            text(session_label(&s.session, lang)),
            text(&s.session),
            text(&s.date),
            text(slot_label(&s.session, lang)),
            text(yes_no(s.closed, lang)),
            size(s.present),
            size(s.late),
            size(s.leave),
            size(s.absent),
            size(s.none),
            Cell::Percent(s.rate),
            Cell::Number(s.hours),
        ]
    });
    let col = |header: Report| tr!(lang, header);
    Table::new(tr!(lang, Report::RptTabSessions), title)
        .column_in(col(Report::RptColSession), M)
        .column_in(col(Report::RptColSession), W)
        .column(col(Report::RptColDate))
        .column_in(col(Report::RptColSlot), W)
        .column_in(col(Report::RptColClosed), W)
        .column(col(Report::RptColPresent))
        .column(col(Report::RptColLate))
        .column(col(Report::RptColLeave))
        .column(col(Report::RptColAbsent))
        .column(col(Report::RptColNotYet))
        .column(col(Report::RptColRate))
        .column(col(Report::RptColHours))
        .with_rows(rows)
}

/// A mark code as the word on the desk: `签到`, `迟到`, …
fn mark_label(code: &str, lang: Lang) -> String {
    let entry = match code {
        "present" => Report::RptMarkPresent,
        "late" => Report::RptMarkLate,
        "leave" => Report::RptMarkLeave,
        "absent" => Report::RptMarkAbsent,
        "none" => Report::RptMarkNone,
        other => return other.to_string(),
    };
    tr!(lang, entry)
}

/// People: the Markdown report shows who and how many sessions (`2/2`); the workbook
/// adds where they come from, their contacts, each session's mark and their id.
fn people(r: &CohortReport, title: String, lang: Lang) -> Table {
    use Shown::{Markdown as M, Workbook as W};
    let col = |header: Report| tr!(lang, header);
    let mut table = Table::new(tr!(lang, Report::RptTabPeople), title)
        .column(col(Report::RptColName))
        .column(col(Report::RptColUnit))
        .column(col(Report::RptColCounty))
        .column_in(col(Report::RptColTownship), W)
        .column_in(col(Report::RptColField), W)
        .column_in(col(Report::RptColPhone), W)
        .column_in(col(Report::RptColIdNumber), W);
    for s in &r.sessions {
        table = table.column_in(s.session.clone(), W);
    }
    let rows = r.people.iter().map(|p| {
        let l = &p.person;
        let mut row = vec![
            text(&l.name),
            text(&l.unit),
            text(&l.county),
            text(&l.township),
            text(field_label(l.field.unwrap_or("unknown"), lang)),
            text(l.phone.clone().unwrap_or_default()),
            text(l.id_number.clone().unwrap_or_default()),
        ];
        row.extend(p.marks.iter().map(|m| text(mark_label(m, lang))));
        row.extend([
            text(format!("{}/{}", p.attended, p.sessions)),
            size(p.attended),
            Cell::Number(p.credited_hours),
            text(
                p.standing_of
                    .as_ref()
                    .map_or_else(String::new, |s| s.label(lang)),
            ),
            text(&l.person_id),
        ]);
        row
    });
    table
        .column_in(col(Report::RptColAttended), M)
        .column_in(col(Report::RptColAttended), W)
        .column(col(Report::RptColCredited))
        .column(col(Report::RptColStanding))
        .column_in(col(Report::RptColPersonId), W)
        .with_rows(rows)
}
