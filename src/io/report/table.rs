//! A report section as one table, built once from the domain and rendered by two
//! generic renderers: a Markdown table ([`Table::markdown`]) and a workbook tab
//! ([`Table::sheet`], written by [`crate::io::export::xlsx_file`], or as JSON by
//! [`crate::io::export::to_json`]).
//!
//! The Markdown report is the printed summary and the workbook holds every detail, so a
//! column says where it is shown: both, or only one of them (a session as `第1天上午` in
//! Markdown, as its code `1:am` with its slot in a column of its own in the workbook).

use crate::io::export::markdown::{Rule, markdown_table};
use crate::io::export::{Cell, Layout, Sheet};

/// Where a column is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    Everywhere,
    /// The printed summary only.
    Markdown,
    /// The workbook (and JSON) only.
    Workbook,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub header: String,
    pub shown: Shown,
}

/// One section: a title, columns and rows of cells (one cell per column).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// The workbook's tab name.
    pub tab: String,
    /// The workbook's title row (the Markdown report writes its own headings).
    pub title: String,
    /// The workbook's line under the title (empty: none).
    pub subtitle: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
    /// Summary rows under the data (`合计`), in the workbook and JSON.
    pub totals: Vec<Vec<Cell>>,
}

impl Table {
    pub fn new(tab: impl Into<String>, title: impl Into<String>) -> Table {
        Table {
            tab: tab.into(),
            title: title.into(),
            ..Table::default()
        }
    }

    /// Adds a column shown everywhere.
    pub fn column(self, header: impl Into<String>) -> Table {
        self.column_in(header, Shown::Everywhere)
    }

    pub fn column_in(mut self, header: impl Into<String>, shown: Shown) -> Table {
        self.columns.push(Column {
            header: header.into(),
            shown,
        });
        self
    }

    pub fn row(&mut self, cells: Vec<Cell>) {
        self.rows.push(cells);
    }

    pub fn with_rows(mut self, rows: impl IntoIterator<Item = Vec<Cell>>) -> Table {
        self.rows.extend(rows);
        self
    }

    /// The headers and rows one rendering (`Markdown` or `Workbook`) shows: the
    /// columns shown everywhere or only there; a row's missing cell is blank.
    fn shown_in(&self, rendering: Shown) -> (Vec<String>, Vec<Vec<Cell>>) {
        let columns: Vec<usize> = (0..self.columns.len())
            .filter(|&i| [Shown::Everywhere, rendering].contains(&self.columns[i].shown))
            .collect();
        let header = columns.iter().map(|&i| self.columns[i].header.clone());
        let rows = self.rows.iter().map(|row| {
            let cell = |i: &usize| row.get(*i).cloned().unwrap_or_else(Cell::blank);
            columns.iter().map(cell).collect()
        });
        (header.collect(), rows.collect())
    }

    /// The Markdown table (header, rule, rows, then a blank line), as in the reports.
    pub fn markdown(&self) -> String {
        let mut out = self.markdown_with(Rule::Compact);
        out.push('\n');
        out
    }

    /// The Markdown table: header, the `rule` line and rows.
    pub fn markdown_with(&self, rule: Rule) -> String {
        let (header, rows) = self.shown_in(Shown::Markdown);
        let rows = rows
            .iter()
            .map(|row| row.iter().map(|c| c.text().into_owned()).collect());
        markdown_table(&header, rows, rule)
    }

    /// The workbook tab: the first column stays in view when scrolling right; wide
    /// tables print landscape.
    pub fn sheet(&self) -> Sheet {
        let (header, rows) = self.shown_in(Shown::Workbook);
        Sheet {
            name: self.tab.clone(),
            title: self.title.clone(),
            subtitle: self.subtitle.clone(),
            layout: Layout {
                freeze_columns: 1,
                landscape: header.len() > 7,
                ..Layout::default()
            },
            header,
            rows,
            totals: self.totals.clone(),
        }
    }
}

/// Text cell.
pub fn text(value: impl Into<String>) -> Cell {
    Cell::Text(value.into())
}

/// A count (`u16`, `u32`, …) cell.
pub fn count(n: impl Into<i64>) -> Cell {
    Cell::Int(n.into())
}

pub fn size(n: usize) -> Cell {
    Cell::from(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Table {
        let mut t = Table::new("tab", "Title")
            .column("Name")
            .column_in("Label", Shown::Markdown)
            .column_in("Code", Shown::Workbook);
        t.row(vec![text("a|b"), text("第1天上午"), text("1:am")]);
        t
    }

    #[test]
    fn markdown_shows_its_columns_and_escapes_cells() {
        assert_eq!(
            sample().markdown(),
            "| Name | Label |\n|---|---|\n| a\\|b | 第1天上午 |\n\n"
        );
    }

    #[test]
    fn the_workbook_and_json_show_theirs() {
        let sheet = sample().sheet();
        assert_eq!(sheet.header, ["Name", "Code"]);
        assert_eq!(sheet.rows, vec![vec![text("a|b"), text("1:am")]]);
        let json = crate::io::export::to_json(&sample().sheet());
        assert_eq!(json["columns"], serde_json::json!(["Name", "Code"]));
        assert_eq!(json["rows"][0][1], "1:am");
    }
}
