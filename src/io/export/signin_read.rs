//! Reading back a filled-in sign-in sheet (签到表, [`super::signin`]) for 补录: its title
//! and subtitle (which cohort, which session), and each row's number, name, unit, county
//! and what is written in the signature column. Columns are found by their headers, in
//! either language, so a column added at the end (the person code) or moved changes
//! nothing. What the cells mean (who, which mark) is [`crate::ops::paper_sheet`]'s.

use std::path::Path;

use crate::io::tabular::{self, ImportOptions, RawRow, TabularError, normalise_header};
use crate::text::{Export, Lang};
use crate::tr;

/// One row of people on the sheet, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetRow {
    /// Excel row number (or text line), as the person sees it.
    pub line: usize,
    /// The printed number (序号), when it reads as one.
    pub number: Option<usize>,
    pub name: String,
    pub unit: String,
    pub county: String,
    /// The signature column: √, 迟, 假, a signature or empty.
    pub mark: String,
    /// The person code column, when the sheet has one.
    pub code: Option<String>,
}

/// A sheet read back: the title rows above the header, and the people rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadSheet {
    /// Line and text of the title (the cohort), when there is one above the header.
    pub title: Option<(usize, String)>,
    /// Line and text of the subtitle (the session), when there is one.
    pub subtitle: Option<(usize, String)>,
    pub header_line: usize,
    pub rows: Vec<SheetRow>,
}

/// Why a file is not read as a sign-in sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    Tabular(TabularError),
    /// No header row with the name and signature columns.
    NotASheet,
}

/// Reads the sheet in `path` (.xlsx, .xls or .csv): the first sheet with data.
pub fn read(path: &Path) -> Result<ReadSheet, ReadError> {
    let opened = tabular::open_file(path, &ImportOptions::default()).map_err(ReadError::Tabular)?;
    let rows = opened
        .rows
        .collect::<Result<Vec<RawRow>, TabularError>>()
        .map_err(ReadError::Tabular)?;
    from_rows(rows)
}

/// The columns found in the header row.
struct Columns {
    number: Option<usize>,
    name: usize,
    unit: Option<usize>,
    county: Option<usize>,
    mark: usize,
    code: Option<usize>,
}

/// A sheet from its rows (blank rows already dropped).
pub fn from_rows(rows: Vec<RawRow>) -> Result<ReadSheet, ReadError> {
    let (at, columns) = rows
        .iter()
        .enumerate()
        .find_map(|(i, row)| columns(row).map(|c| (i, c)))
        .ok_or(ReadError::NotASheet)?;
    let above: Vec<(usize, String)> = rows[..at]
        .iter()
        .map(|r| (r.line, r.cell(0).trim().to_string()))
        .collect();
    let people = rows[at + 1..]
        .iter()
        .map(|row| sheet_row(row, &columns))
        .filter(|r| !r.name.is_empty() || !r.mark.is_empty())
        .collect();
    Ok(ReadSheet {
        title: above.first().cloned(),
        subtitle: above.get(1).cloned(),
        header_line: rows[at].line,
        rows: people,
    })
}

fn sheet_row(row: &RawRow, columns: &Columns) -> SheetRow {
    let text = |col: Option<usize>| col.map(|c| row.cell(c).trim().to_string());
    SheetRow {
        line: row.line,
        number: text(columns.number).and_then(|n| number(&n)),
        name: row.cell(columns.name).trim().to_string(),
        unit: text(columns.unit).unwrap_or_default(),
        county: text(columns.county).unwrap_or_default(),
        mark: row.cell(columns.mark).trim().to_string(),
        code: text(columns.code).filter(|c| !c.is_empty()),
    }
}

/// `3` or `3.0` (a number cell).
fn number(text: &str) -> Option<usize> {
    let text = text.strip_suffix(".0").unwrap_or(text);
    text.parse().ok()
}

/// The header row's columns, when `row` is the header (it names a name and a signature
/// column).
fn columns(row: &RawRow) -> Option<Columns> {
    let find = |names: &[&str]| {
        row.cells
            .iter()
            .position(|c| names.contains(&normalise_header(c).as_str()))
    };
    let header = |e: Export| [normalised(e, Lang::Zh), normalised(e, Lang::En)];
    let [name_zh, name_en] = header(Export::ExpColName);
    let [mark_zh, mark_en] = header(Export::ExpColSignature);
    let [no_zh, no_en] = header(Export::ExpColNo);
    let [unit_zh, unit_en] = header(Export::ExpColUnit);
    let [county_zh, county_en] = header(Export::ExpColCounty);
    Some(Columns {
        name: find(&[&name_zh, &name_en])?,
        mark: find(&[&mark_zh, &mark_en])?,
        number: find(&[&no_zh, &no_en]),
        unit: find(&[&unit_zh, &unit_en]),
        county: find(&[&county_zh, &county_en]),
        code: row.cells.iter().position(|c| is_code_header(c)),
    })
}

fn normalised(entry: Export, lang: Lang) -> String {
    normalise_header(&tr!(lang, entry))
}

/// A person code column (人员编码, 编码, 条码, code), wherever it is.
fn is_code_header(text: &str) -> bool {
    let text = normalise_header(text);
    ["编码", "人员编码", "条码", "代码", "code", "personcode"].contains(&text.as_str())
}

/// The roster in the printed sheet's order (the printer's own).
pub use super::signin::sheet_order;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Cohort, Person, PersonId, Session, SlotKind};
    use crate::io::export::{signin, to_workbook};

    fn person(n: usize, name: &str, county: &str) -> Person {
        let mut p = Person::named(PersonId(format!("p{n}")), name);
        p.county = county.into();
        p.unit = format!("单位{n}");
        p
    }

    fn roster() -> Vec<Person> {
        vec![
            person(1, "张伟", "岳阳县"),
            person(2, "李雅婷", "华容县"),
            person(3, "王芳", "岳阳县"),
            person(4, "阿依", "华容县"),
        ]
    }

    fn exported(lang: Lang) -> ReadSheet {
        let cohort: Cohort = crate::domain::cohort::tests::cohort();
        let session = Session::new(1, SlotKind::Am);
        let sheet = signin::sheet(&cohort, session, &roster(), lang);
        let created = chrono::NaiveDate::from_ymd_opt(2015, 3, 1)
            .unwrap()
            .and_hms_opt(0, 0, 0)
            .unwrap();
        let bytes = to_workbook(&[sheet], created).unwrap();
        let table = tabular::read_table(&bytes, "xlsx", &ImportOptions::default()).unwrap();
        from_rows(table.rows).unwrap()
    }

    #[test]
    fn the_exported_sheet_reads_back_in_its_order_in_both_languages() {
        for lang in [Lang::Zh, Lang::En] {
            let read = exported(lang);
            let roster = roster();
            let names: Vec<&str> = sheet_order(&roster)
                .iter()
                .map(|p| p.name.as_str())
                .collect();
            let read_names: Vec<&str> = read.rows.iter().map(|r| r.name.as_str()).collect();
            assert_eq!(read_names, names, "{lang:?}");
            let numbers: Vec<Option<usize>> = read.rows.iter().map(|r| r.number).collect();
            assert_eq!(numbers, [Some(1), Some(2), Some(3), Some(4)]);
            assert!(read.rows.iter().all(|r| r.mark.is_empty()));
            let codes: Vec<Option<String>> = read.rows.iter().map(|r| r.code.clone()).collect();
            let printed: Vec<Option<String>> = sheet_order(&roster)
                .iter()
                .map(|p| Some(crate::domain::person_code::PersonCode::of(&p.id).to_string()))
                .collect();
            assert_eq!(codes, printed, "each row's person code, {lang:?}");
            let (line, title) = read.title.clone().unwrap();
            assert_eq!(line, 1);
            assert!(title.contains("第1期"), "{title}");
            assert!(read.subtitle.unwrap().1.starts_with("2015-03-16"));
            assert_eq!(read.header_line, 3);
            assert_eq!(read.rows[0].line, 4);
        }
    }

    fn raw(line: usize, cells: &[&str]) -> RawRow {
        RawRow {
            line,
            cells: cells.iter().map(|c| c.to_string()).collect(),
            number_cells: vec![],
        }
    }

    #[test]
    fn columns_are_found_by_header_wherever_they_are() {
        let rows = vec![
            raw(1, &["第1期 签到表"]),
            raw(2, &["2015-03-16（第 1 天）上午 08:30"]),
            raw(3, &["签名", "姓名", "序号", "人员编码"]),
            raw(4, &["√", "张伟", "2", "K7Q2M9"]),
        ];
        let read = from_rows(rows).unwrap();
        let row = &read.rows[0];
        assert_eq!((row.name.as_str(), row.mark.as_str()), ("张伟", "√"));
        assert_eq!(row.number, Some(2));
        assert_eq!(row.code.as_deref(), Some("K7Q2M9"));
    }

    #[test]
    fn a_file_without_the_name_and_signature_headers_is_not_a_sheet() {
        let rows = vec![raw(1, &["姓名", "单位"]), raw(2, &["张伟", "x"])];
        assert_eq!(from_rows(rows), Err(ReadError::NotASheet));
    }
}
