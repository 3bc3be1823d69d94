//! The year report's tables: cohorts held (and by level and field), people trained by
//! field and by county, 学时 credited by field and by county, the cohorts × modules
//! matrix, the quota and the untrained (both saying the day the register is counted on).

use crate::io::export::Cell;
use crate::io::report::labels::{field_label, focus_label, level_label, list, module_column};
use crate::io::report::table::{Shown, Table, count, size, text};
use crate::io::report::year::YearReport;
use crate::text::{Lang, Report};
use crate::tr;

use super::counts;

/// Every section of the year report, in the report's order.
pub struct YearTables {
    pub cohorts: Table,
    pub level_field: Table,
    pub by_field: Table,
    pub by_county: Table,
    pub hours_by_field: Table,
    pub hours_by_county: Table,
    pub matrix: Table,
    pub quota: Table,
    pub untrained: Table,
}

impl YearTables {
    pub fn new(r: &YearReport, lang: Lang) -> YearTables {
        let title = |part: Report| {
            tr!(
                lang,
                Report::RptYearPart,
                year = r.year,
                part = tr!(lang, part)
            )
        };
        let mut by_field = counts(
            tr!(lang, Report::RptTabTrainedByField),
            title(Report::RptTitleTrainedByField),
            tr!(lang, Report::RptColField),
            r.trained_by_field
                .iter()
                .map(|c| (field_label(&c.key, lang), c.count)),
            lang,
        );
        by_field.totals = vec![vec![text(tr!(lang, Report::RptTotal)), size(r.trained)]];
        YearTables {
            cohorts: cohorts(r, title(Report::RptTitleCohortsHeld), lang),
            level_field: level_field(r, title(Report::RptTitleLevelField), lang),
            by_field,
            by_county: counts(
                tr!(lang, Report::RptTabTrainedByCounty),
                title(Report::RptTitleTrainedByCounty),
                tr!(lang, Report::RptColCounty),
                r.trained_by_county.iter().map(|c| (c.key.clone(), c.count)),
                lang,
            ),
            hours_by_field: hours_by_field(r, title(Report::RptTitleHoursByField), lang),
            hours_by_county: hours_by_county(r, title(Report::RptTitleHoursByCounty), lang),
            matrix: matrix(r, title(Report::RptTitleMatrix), lang),
            quota: Table {
                subtitle: as_of_line(r, lang) + &counted_once(r, lang),
                ..quota(r, lang)
            },
            untrained: Table {
                subtitle: as_of_line(r, lang),
                ..untrained(r, title(Report::RptTitleUntrained), lang)
            },
        }
    }

    /// The tables in the workbook's order.
    pub fn all(&self) -> [&Table; 9] {
        [
            &self.cohorts,
            &self.level_field,
            &self.by_field,
            &self.by_county,
            &self.hours_by_field,
            &self.hours_by_county,
            &self.matrix,
            &self.quota,
            &self.untrained,
        ]
    }
}

fn cohorts(r: &YearReport, title: String, lang: Lang) -> Table {
    let rows = r.cohorts.iter().map(|c| {
        vec![
            text(&c.code),
            text(&c.name),
            text(level_label(c.level, lang)),
            text(focus_label(c.field, lang)),
            text(&c.start),
            count(c.days),
            size(c.enrolled),
            size(c.completed),
            Cell::Number(c.total_hours),
            Cell::Number(c.credited_hours),
            text(match c.legacy {
                true => tr!(lang, Report::RptRuleLegacy),
                false => tr!(lang, Report::RptRuleHours),
            }),
        ]
    });
    Table::new(tr!(lang, Report::RptTabCohorts), title)
        .column(tr!(lang, Report::RptColCode))
        .column(tr!(lang, Report::RptColCohort))
        .column(tr!(lang, Report::RptColLevel))
        .column(tr!(lang, Report::RptColField))
        .column(tr!(lang, Report::RptColStart))
        .column(tr!(lang, Report::RptColDays))
        .column(tr!(lang, Report::RptColEnrolled))
        .column(tr!(lang, Report::RptColCompleted))
        .column(tr!(lang, Report::RptColTotalHours))
        .column(tr!(lang, Report::RptColCreditedAll))
        .column_in(tr!(lang, Report::RptItemRule), Shown::Workbook)
        .with_rows(rows)
}

fn hours_by_field(r: &YearReport, title: String, lang: Lang) -> Table {
    let table = Table::new(tr!(lang, Report::RptTabHoursByField), title)
        .column(tr!(lang, Report::RptColField));
    let rows = r
        .hours_by_field
        .iter()
        .map(|h| (field_label(&h.key, lang), h.hours));
    hours(table, rows, r.hours, lang)
}

fn hours_by_county(r: &YearReport, title: String, lang: Lang) -> Table {
    let table = Table::new(tr!(lang, Report::RptTabHoursByCounty), title)
        .column(tr!(lang, Report::RptColCounty));
    let rows = r.hours_by_county.iter().map(|h| (h.key.clone(), h.hours));
    hours(table, rows, r.hours, lang)
}

/// `key | 学时` rows under a table that has its key column, with the total underneath
/// (in the workbook).
fn hours(table: Table, rows: impl Iterator<Item = (String, f64)>, total: f64, lang: Lang) -> Table {
    let mut table = table
        .column(tr!(lang, Report::RptColCredited))
        .with_rows(rows.map(|(key, h)| vec![text(key), Cell::Number(h)]));
    table.totals = vec![vec![text(tr!(lang, Report::RptTotal)), Cell::Number(total)]];
    table
}

/// The day the register is counted on, and how many retired people are left out.
pub fn as_of_line(r: &YearReport, lang: Lang) -> String {
    tr!(
        lang,
        Report::RptAsOfLine,
        date = r.as_of,
        retired = r.retired
    )
}

fn level_field(r: &YearReport, title: String, lang: Lang) -> Table {
    let rows = r.cohorts_by_level_and_field.iter().map(|c| {
        vec![
            text(level_label(c.level, lang)),
            text(focus_label(c.field, lang)),
            size(c.cohorts),
        ]
    });
    Table::new(tr!(lang, Report::RptTabLevelField), title)
        .column(tr!(lang, Report::RptColLevel))
        .column(tr!(lang, Report::RptColField))
        .column(tr!(lang, Report::RptColCohorts))
        .with_rows(rows)
}

/// Held activities per cohort and module: the workbook names a cohort by code and name
/// in two columns, the Markdown report in one (`X X班`).
fn matrix(r: &YearReport, title: String, lang: Lang) -> Table {
    let m = &r.coverage_matrix;
    let cohort = tr!(lang, Report::RptColCohort);
    let mut table = Table::new(tr!(lang, Report::RptTabMatrix), title)
        .column_in(tr!(lang, Report::RptColCode), Shown::Workbook)
        .column_in(cohort.clone(), Shown::Workbook)
        .column_in(cohort, Shown::Markdown);
    for c in &m.modules {
        table = table.column(module_column(c.number, &c.name, &c.name_en, lang));
    }
    let rows = m.cohorts.iter().map(|c| {
        let mut row = vec![
            text(&c.code),
            text(&c.name),
            text(format!("{} {}", c.code, c.name)),
        ];
        row.extend(c.cells.iter().map(|n| match n {
            Some(n) => count(*n),
            None => text("—"),
        }));
        row.push(text(list(c.missing.iter().map(u16::to_string), lang)));
        row
    });
    table
        .column(tr!(lang, Report::RptColNotCovered))
        .with_rows(rows)
}

fn quota(r: &YearReport, lang: Lang) -> Table {
    let rows = r.quota.iter().map(|q| {
        let meets = match (q.ratio, q.meets) {
            (None, _) => tr!(lang, Report::RptNoVillageSecretaries),
            (_, true) => tr!(lang, Report::RptYes),
            (_, false) => tr!(lang, Report::RptNo),
        };
        vec![
            text(&q.county),
            size(q.village_secretaries),
            size(q.city_level_completed),
            q.ratio.map_or_else(|| text("—"), Cell::Percent),
            text(meets),
        ]
    });
    let part = tr!(lang, Report::RptTitleQuota, percent = r.quota_percent);
    let title = tr!(lang, Report::RptYearPart, year = r.year, part = part);
    Table::new(tr!(lang, Report::RptTabQuota), title)
        .column(tr!(lang, Report::RptColCounty))
        .column(tr!(lang, Report::RptColVillageSecretaries))
        .column(tr!(lang, Report::RptColCityLevelCompleted))
        .column(tr!(lang, Report::RptColRatio))
        .column(tr!(lang, Report::RptColMeets))
        .with_rows(rows)
}

/// The people counted once though recorded in several counties, a line each after the
/// quota's date line (nothing when there are none).
fn counted_once(r: &YearReport, lang: Lang) -> String {
    use crate::text::PeopleMerge;
    if r.counted_once.is_empty() {
        return String::new();
    }
    let mut lines = format!(
        "\n\n{}",
        tr!(lang, PeopleMerge::PeopleMergeCountedOnceTitle)
    );
    for p in &r.counted_once {
        let counties = p
            .counties
            .join(tr!(lang, PeopleMerge::PeopleMergeCountySeparator).as_str());
        let line = tr!(
            lang,
            PeopleMerge::PeopleMergeCountedOnce,
            name = p.name,
            id = p.person_id,
            counties = counties,
            county = p.county
        );
        lines.push_str(&format!("\n- {line}"));
    }
    lines
}

fn untrained(r: &YearReport, title: String, lang: Lang) -> Table {
    let rows = r.untrained.iter().map(|p| {
        vec![
            text(&p.county),
            text(field_label(p.field.unwrap_or("unknown"), lang)),
            text(&p.name),
            text(&p.unit),
            text(&p.township),
            text(p.phone.clone().unwrap_or_default()),
            text(p.id_number.clone().unwrap_or_default()),
            text(&p.person_id),
        ]
    });
    let only_workbook =
        |table: Table, header: Report| table.column_in(tr!(lang, header), Shown::Workbook);
    let table = Table::new(tr!(lang, Report::RptTabUntrained), title)
        .column(tr!(lang, Report::RptColCounty))
        .column(tr!(lang, Report::RptColField))
        .column(tr!(lang, Report::RptColName))
        .column(tr!(lang, Report::RptColUnit));
    [
        Report::RptColTownship,
        Report::RptColPhone,
        Report::RptColIdNumber,
        Report::RptColPersonId,
    ]
    .into_iter()
    .fold(table, only_workbook)
    .with_rows(rows)
}
