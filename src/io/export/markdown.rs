//! Markdown tables: the one table writer of the crate (exports, reports and coverage),
//! every cell through the one escaper ([`markdown_cell`]).

use super::escape::markdown_cell;
use super::sheet::Sheet;

/// How the line under the header is written: `|---|---|` in reports, `| --- | --- |` in
/// exports and coverage tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    Compact,
    Spaced,
}

/// Header, rule and rows, each cell escaped; rows as wide as they come.
pub fn markdown_table(
    header: &[String],
    rows: impl IntoIterator<Item = Vec<String>>,
    rule: Rule,
) -> String {
    let line = |cells: &[String]| {
        let cells: Vec<String> = cells.iter().map(|c| markdown_cell(c)).collect();
        format!("| {} |\n", cells.join(" | "))
    };
    let mut out = line(header);
    out.push_str(&match rule {
        Rule::Compact => format!("|{}|\n", vec!["---"; header.len()].join("|")),
        Rule::Spaced => format!("| {} |\n", vec!["---"; header.len()].join(" | ")),
    });
    for row in rows {
        out.push_str(&line(&row));
    }
    out
}

/// A sheet as a Markdown table under its title, for pasting into a report.
pub fn to_markdown(sheet: &Sheet) -> String {
    let mut out = format!("## {}\n\n", markdown_cell(&sheet.title));
    if !sheet.subtitle.is_empty() {
        out.push_str(&format!("{}\n\n", markdown_cell(&sheet.subtitle)));
    }
    let text = |row: &Vec<_>| -> Vec<String> {
        row.iter()
            .map(|c: &super::Cell| c.text().into_owned())
            .collect()
    };
    let rows = sheet.rows.iter().map(|r| padded(text(r), sheet));
    let totals = sheet.totals.iter().map(|r| {
        let bold = text(r).into_iter().map(|t| match t {
            t if t.is_empty() => t,
            t => format!("**{t}**"),
        });
        padded(bold.collect(), sheet)
    });
    out.push_str(&markdown_table(
        &sheet.header,
        rows.chain(totals),
        Rule::Spaced,
    ));
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
