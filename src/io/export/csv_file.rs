//! A sheet as CSV: header, rows, totals; UTF-8, with a byte order mark when it goes to a
//! file so that Excel opens it as UTF-8 rather than GBK.

use super::escape::csv_cell;
use super::sheet::Sheet;

const BOM: &str = "\u{FEFF}";

/// The CSV text; `bom` for files opened by Excel. Every row should be as long as the
/// header (a debug assertion says so); a row that is not is still written, on its own
/// line: a strict writer would refuse it and run the rows after it into one line.
pub fn to_csv(sheet: &Sheet, bom: bool) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .flexible(true)
        .from_writer(Vec::new());
    let header = sheet.header.iter().map(|h| csv_cell(h).into_owned());
    // Writing to a Vec cannot fail, nor can a flexible writer refuse a row.
    let _ = writer.write_record(header);
    for row in sheet.body() {
        debug_assert_eq!(
            row.len(),
            sheet.header.len(),
            "a CSV row as long as the header"
        );
        let cells = row.iter().map(|c| csv_cell(&c.text()).into_owned());
        let _ = writer.write_record(cells);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    let text = String::from_utf8(bytes).expect("cells are strings");
    if bom { format!("{BOM}{text}") } else { text }
}

#[cfg(test)]
mod tests {
    use super::super::sheet::{Cell, Sheet};
    use super::to_csv;

    fn sheet(rows: Vec<Vec<Cell>>) -> Sheet {
        Sheet {
            header: vec!["姓名".into(), "单位".into()],
            rows,
            ..Sheet::default()
        }
    }

    #[test]
    fn each_row_is_a_line_of_its_own() {
        let rows = vec![
            vec!["李雅婷".into(), "城关镇".into()],
            vec!["王海".into(), "东坪村".into()],
        ];
        assert_eq!(
            to_csv(&sheet(rows), false),
            "姓名,单位\r\n李雅婷,城关镇\r\n王海,东坪村\r\n"
        );
    }

    #[test]
    #[cfg(debug_assertions)]
    #[should_panic(expected = "a CSV row as long as the header")]
    fn a_row_shorter_than_the_header_is_a_bug_caught_in_debug_builds() {
        to_csv(&sheet(vec![vec!["李雅婷".into()]]), false);
    }
}
