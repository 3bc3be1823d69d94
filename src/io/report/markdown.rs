//! The reports as Markdown documents in the user's language: headings and sentences
//! around the same tables as the workbook. The cohort report reads as the skeleton of a
//! 工作总结: facts filled in, the judgement sections left to write.

mod credit;
mod teaching;

use std::fmt::Write;

use crate::io::export::escape::markdown_cell;
use crate::text::{Lang, Report};
use crate::tr;

use super::cohort::CohortReport;
use super::tables::cohort::CohortTables;
use super::tables::year::YearTables;
use super::year::YearReport;

pub fn cohort(r: &CohortReport, lang: Lang) -> String {
    let tables = CohortTables::new(r, lang);
    let c = &r.cohort;
    let mut out = String::new();
    let name = markdown_cell(&c.name);
    let _ = writeln!(
        out,
        "# {}\n",
        tr!(lang, Report::RptCohortTitle, cohort = name)
    );
    generated(&mut out, &r.generated_at, lang);
    heading(&mut out, Report::RptHeadOverview, lang);
    let venue = match c.venue.as_str() {
        "" => tr!(lang, Report::RptVenueUnknown),
        venue => venue.to_string(),
    };
    let _ = writeln!(out, "{}\n", overview(r, &venue, lang));
    out.push_str(&tables.by_field.markdown());
    out.push_str(&tables.by_county.markdown());
    teaching::section(&mut out, &r.teaching, &tables.teaching, lang);
    heading(&mut out, Report::RptHeadSessions, lang);
    out.push_str(&tables.sessions.markdown());
    heading(&mut out, Report::RptHeadPeople, lang);
    out.push_str(&tables.people.markdown());
    credit::section(&mut out, r, &tables.credit, lang);
    for part in [Report::RptHeadAchieved, Report::RptHeadNextSteps] {
        heading(&mut out, part, lang);
        let _ = writeln!(out, "{}\n", tr!(lang, Report::RptToBeWritten));
    }
    out
}

/// The overview paragraph: sessions and 学时, enrolment and completion by the cohort's
/// rule (the old one, by sessions, for a legacy cohort).
fn overview(r: &CohortReport, venue: &str, lang: Lang) -> String {
    let c = &r.cohort;
    if c.legacy {
        return tr!(
            lang,
            Report::RptCohortOverview,
            code = c.code,
            start = c.start,
            end = c.end,
            venue = venue,
            days = c.days,
            sessions = r.sessions.len(),
            enrolled = r.enrolled,
            percent = c.completion_percent,
            completed = r.completed,
        );
    }
    tr!(
        lang,
        Report::RptCohortOverviewHours,
        code = c.code,
        start = c.start,
        end = c.end,
        venue = venue,
        days = c.days,
        sessions = r.sessions.len(),
        hours = r.total_hours,
        minutes = c.hour_minutes,
        enrolled = r.enrolled,
        percent = c.completion_percent,
        limit = c.leave_limit,
        completed = r.completed,
    )
}

pub fn year(r: &YearReport, lang: Lang) -> String {
    let tables = YearTables::new(r, lang);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {}\n",
        tr!(lang, Report::RptYearTitle, year = r.year)
    );
    generated(&mut out, &r.generated_at, lang);
    heading(&mut out, Report::RptHeadCohortsHeld, lang);
    out.push_str(&tables.cohorts.markdown());
    let legacy = r.cohorts.iter().filter(|c| c.legacy).count();
    if legacy > 0 {
        let note = tr!(lang, Report::RptYearLegacyNote, count = legacy);
        let _ = writeln!(out, "{note}\n");
    }
    out.push_str(&tables.level_field.markdown());
    heading(&mut out, Report::RptHeadTrained, lang);
    let _ = writeln!(
        out,
        "{}\n",
        tr!(lang, Report::RptTotalLine, count = r.trained)
    );
    out.push_str(&tables.by_field.markdown());
    out.push_str(&tables.by_county.markdown());
    heading(&mut out, Report::RptHeadHours, lang);
    let _ = writeln!(
        out,
        "{}\n",
        tr!(lang, Report::RptHoursLine, hours = r.hours)
    );
    out.push_str(&tables.hours_by_field.markdown());
    out.push_str(&tables.hours_by_county.markdown());
    heading(&mut out, Report::RptHeadMatrix, lang);
    if tables.matrix.rows.is_empty() {
        let _ = writeln!(out, "{}\n", tr!(lang, Report::RptNoCohortsThisYear));
    } else {
        out.push_str(&tables.matrix.markdown());
        let _ = writeln!(out, "{}\n", tr!(lang, Report::RptMatrixNote));
    }
    let quota = tr!(lang, Report::RptHeadQuota, percent = r.quota_percent);
    let _ = writeln!(out, "## {quota}\n");
    let _ = writeln!(out, "{}\n", tables.quota.subtitle);
    out.push_str(&tables.quota.markdown());
    let untrained = tr!(lang, Report::RptHeadUntrained, count = r.untrained.len());
    let _ = writeln!(out, "## {untrained}\n");
    out.push_str(&tables.untrained.markdown());
    out
}

fn generated(out: &mut String, at: &str, lang: Lang) {
    let _ = writeln!(out, "> {}\n", tr!(lang, Report::RptGenerated, at = at));
}

fn heading(out: &mut String, text: Report, lang: Lang) {
    let _ = writeln!(out, "## {}\n", tr!(lang, text));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::report::PersonLine;
    use crate::io::report::coverage::MatrixJson;

    /// The year report's untrained table goes through the one escaper: a name with a
    /// pipe, a backslash and a line break stays in its cell.
    #[test]
    fn report_cells_are_escaped_like_every_markdown_cell() {
        let person = PersonLine {
            person_id: "p1".into(),
            name: "a|b\\c\nd".into(),
            unit: "单位".into(),
            county: "A县".into(),
            township: String::new(),
            field: None,
            phone: None,
            id_number: None,
        };
        let report = YearReport {
            generated_at: "2015-12-31 18:00".into(),
            year: 2015,
            as_of: "2015-12-31".into(),
            retired: 0,
            quota_percent: 15.0,
            cohorts: vec![],
            cohorts_by_level_and_field: vec![],
            trained: 0,
            trained_by_field: vec![],
            trained_by_county: vec![],
            hours: 0.0,
            hours_by_field: vec![],
            hours_by_county: vec![],
            coverage_matrix: MatrixJson {
                modules: vec![],
                cohorts: vec![],
            },
            quota: vec![],
            untrained: vec![person],
            counted_once: Vec::new(),
        };
        let md = year(&report, Lang::Zh);
        assert!(
            md.contains("| A县 | 未填 | a\\|b\\\\c d | 单位 |\n"),
            "{md}"
        );
        assert!(md.contains("本年度没有班次。"), "{md}");
    }
}
