//! A sheet as CSV: header, rows, totals; UTF-8, with a byte order mark when it goes to a
//! file so that Excel opens it as UTF-8 rather than GBK.

use super::escape::csv_cell;
use super::sheet::Sheet;

const BOM: &str = "\u{FEFF}";

/// The CSV text; `bom` for files opened by Excel.
pub fn to_csv(sheet: &Sheet, bom: bool) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let header = sheet.header.iter().map(|h| csv_cell(h).into_owned());
    // Writing to a Vec cannot fail.
    let _ = writer.write_record(header);
    for row in sheet.body() {
        let cells = row.iter().map(|c| csv_cell(&c.text()).into_owned());
        let _ = writer.write_record(cells);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    let text = String::from_utf8(bytes).expect("cells are strings");
    if bom { format!("{BOM}{text}") } else { text }
}
