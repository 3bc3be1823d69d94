//! A sheet as a Markdown table, for pasting into a report.

use super::escape::markdown_cell;
use super::sheet::Sheet;

pub fn to_markdown(sheet: &Sheet) -> String {
    let mut out = format!("## {}\n\n", markdown_cell(&sheet.title));
    if !sheet.subtitle.is_empty() {
        out.push_str(&format!("{}\n\n", markdown_cell(&sheet.subtitle)));
    }
    let line = |cells: Vec<String>| format!("| {} |\n", cells.join(" | "));
    out.push_str(&line(
        sheet.header.iter().map(|h| markdown_cell(h)).collect(),
    ));
    out.push_str(&line(
        sheet.header.iter().map(|_| "---".to_string()).collect(),
    ));
    let pad = |cells: Vec<String>| padded(cells, sheet);
    for row in &sheet.rows {
        out.push_str(&line(pad(row
            .iter()
            .map(|c| markdown_cell(&c.text()))
            .collect())));
    }
    for row in &sheet.totals {
        let bold = row.iter().map(|c| match markdown_cell(&c.text()) {
            t if t.is_empty() => t,
            t => format!("**{t}**"),
        });
        out.push_str(&line(pad(bold.collect())));
    }
    out
}

/// Every row as wide as the header; a blank cell of a wide column (the signature) gets
/// ideographic spaces, so there is room to write in on paper.
fn padded(mut cells: Vec<String>, sheet: &Sheet) -> Vec<String> {
    cells.resize(sheet.header.len(), String::new());
    for (column, width) in &sheet.layout.min_widths {
        if let Some(cell) = cells.get_mut(*column).filter(|c| c.is_empty()) {
            *cell = "\u{3000}".repeat((*width / 2.0) as usize);
        }
    }
    cells
}
