//! The 学时登记表 rendered: one table of every person (with a totals row) and one of
//! those below the target, built once and written as Markdown or as a workbook (title
//! row, header row repeated on every printed page, A4 landscape, one page wide).

use std::fmt::Write;

use chrono::NaiveDateTime;

use crate::io::export::{Cell, Sheet, xlsx_file};
use crate::text::{Lang, Record, Report};
use crate::tr;

use super::hours::{Hours, HoursLine, HoursReport};
use super::table::{Shown, Table, text};

/// The report's two tables.
pub struct HoursTables {
    pub all: Table,
    pub below: Table,
}

impl HoursTables {
    pub fn new(r: &HoursReport, lang: Lang) -> HoursTables {
        let title = match &r.county {
            Some(county) => tr!(
                lang,
                Record::HoursTitleCounty,
                county = county,
                year = r.year
            ),
            None => tr!(lang, Record::HoursTitle, year = r.year),
        };
        let mut all = columns(
            Table::new(tr!(lang, Record::HoursTabAll), title.clone()),
            lang,
        )
        .with_rows(r.lines.iter().map(|l| row(l, lang)));
        all.totals = vec![totals_row(&r.totals, lang)];
        let below_title = format!("{title} · {}", tr!(lang, Record::HoursTabBelow));
        let below = columns(
            Table::new(tr!(lang, Record::HoursTabBelow), below_title),
            lang,
        )
        .with_rows(r.below_target.iter().map(|l| row(l, lang)));
        HoursTables { all, below }
    }
}

fn columns(table: Table, lang: Lang) -> Table {
    let h = |entry: Record| tr!(lang, entry);
    table
        .column(h(Record::HoursColName))
        .column(h(Record::HoursColUnit))
        .column(h(Record::HoursColCounty))
        .column_in(h(Record::HoursColTownship), Shown::Workbook)
        .column_in(h(Record::HoursColPosition), Shown::Workbook)
        .column(h(Record::HoursColProvince))
        .column(h(Record::HoursColCity))
        .column(h(Record::HoursColCountyLevel))
        .column(h(Record::HoursColElsewhere))
        .column(h(Record::HoursColTotal))
        .column(h(Record::HoursColShort))
        .column(h(Record::HoursColMet))
        .column_in(h(Record::HoursColId), Shown::Workbook)
}

fn row(l: &HoursLine, lang: Lang) -> Vec<Cell> {
    let met = if l.met {
        tr!(lang, Report::RptYes)
    } else {
        tr!(lang, Report::RptNo)
    };
    let mut cells = vec![
        text(&l.name),
        text(&l.unit),
        text(&l.county),
        text(&l.township),
        text(&l.position),
    ];
    cells.extend(hours_cells(&l.hours));
    cells.extend([Cell::Number(l.short), text(met), text(&l.person_id)]);
    cells
}

fn hours_cells(h: &Hours) -> [Cell; 5] {
    [h.province, h.city, h.county, h.elsewhere, h.total].map(Cell::Number)
}

fn totals_row(h: &Hours, lang: Lang) -> Vec<Cell> {
    let mut cells = vec![text(tr!(lang, Record::HoursTotalRow))];
    cells.extend((0..4).map(|_| Cell::blank()));
    cells.extend(hours_cells(h));
    cells
}

/// The report as a Markdown document in `lang`.
pub fn markdown(r: &HoursReport, lang: Lang) -> String {
    let tables = HoursTables::new(r, lang);
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", tables.all.title);
    let _ = writeln!(
        out,
        "> {}\n",
        tr!(lang, Report::RptGenerated, at = r.generated_at)
    );
    let summary = tr!(
        lang,
        Record::HoursSummary,
        people = r.people,
        target = r.target,
        met = r.met,
        below = r.below
    );
    let _ = writeln!(out, "{summary}\n\n{}\n", tr!(lang, Record::HoursCountNote));
    let _ = writeln!(out, "## {}\n", tr!(lang, Record::HoursHeadAll));
    if r.lines.is_empty() {
        let _ = writeln!(out, "{}\n", tr!(lang, Record::HoursNoPeople));
    } else {
        out.push_str(&tables.all.markdown());
    }
    let below = tr!(lang, Record::HoursHeadBelow, count = r.below);
    let _ = writeln!(out, "## {below}\n");
    if r.below_target.is_empty() {
        let _ = writeln!(out, "{}\n", tr!(lang, Record::HoursNoneBelow));
    } else {
        out.push_str(&tables.below.markdown());
    }
    out
}

/// The report's sheets: the 学时登记表 and the below-target list, each printed A4
/// landscape, one page wide, the header row repeated on every page (see
/// [`xlsx_file`]), with the generation time under the title.
pub fn sheets(r: &HoursReport, lang: Lang) -> Vec<Sheet> {
    let tables = HoursTables::new(r, lang);
    [&tables.all, &tables.below]
        .into_iter()
        .map(|t| {
            let mut sheet = t.sheet();
            sheet.layout.landscape = true;
            sheet.subtitle = tr!(lang, Report::RptGenerated, at = r.generated_at);
            sheet
        })
        .collect()
}

/// The report as a workbook of [`sheets`]; `created` (UTC) is the file's creation time.
pub fn workbook(
    r: &HoursReport,
    lang: Lang,
    created: NaiveDateTime,
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    xlsx_file::to_workbook(&sheets(r, lang), created)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::report::hours::Hours;

    fn report(lines: Vec<HoursLine>) -> HoursReport {
        let zero = Hours {
            province: 0.0,
            city: 0.0,
            county: 0.0,
            elsewhere: 0.0,
            total: 0.0,
        };
        HoursReport {
            generated_at: "2015-11-02 09:00".into(),
            year: 2015,
            target: 56,
            county: None,
            people: lines.len(),
            met: 0,
            below: lines.len(),
            totals: zero,
            below_target: lines.clone(),
            lines,
        }
    }

    #[test]
    fn both_sheets_print_landscape_and_the_totals_sit_under_the_hour_columns() {
        let line = HoursLine {
            person_id: "p1".into(),
            name: "张伟".into(),
            unit: "新开村".into(),
            county: "A县".into(),
            township: String::new(),
            position: String::new(),
            hours: Hours {
                province: 8.0,
                city: 2.5,
                county: 0.0,
                elsewhere: 0.0,
                total: 10.5,
            },
            met: false,
            short: 45.5,
        };
        let sheets = sheets(&report(vec![line]), Lang::Zh);
        assert_eq!(sheets.len(), 2);
        for sheet in &sheets {
            assert!(sheet.layout.landscape, "{}", sheet.name);
            assert_eq!(sheet.header.len(), 13);
            assert_eq!(
                sheet.rows[0][5..10],
                [8.0, 2.5, 0.0, 0.0, 10.5].map(Cell::Number)
            );
        }
        let totals = &sheets[0].totals[0];
        assert_eq!(sheets[0].header[5], "省级");
        assert_eq!(totals[0], text("合计"));
        assert_eq!(totals.len(), 10, "label, four blanks, five hour columns");
        assert!(sheets[1].totals.is_empty());
    }
}
