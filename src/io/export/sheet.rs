//! A report as a table: the model shared by the CSV, Excel and Markdown writers, so the
//! three formats always hold the same cells.

use std::borrow::Cow;

/// One cell: text, or a number (kept a number so spreadsheets can add it up).
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Int(i64),
    /// A decimal, e.g. hours (`1.5`).
    Number(f64),
    /// A share (`0.75`), shown as a percentage (`75.0%`).
    Percent(f64),
}

impl Cell {
    pub fn text(&self) -> Cow<'_, str> {
        match self {
            Cell::Text(t) => Cow::Borrowed(t),
            Cell::Int(n) => Cow::Owned(n.to_string()),
            Cell::Number(x) => Cow::Owned(x.to_string()),
            Cell::Percent(x) => Cow::Owned(format!("{:.1}%", x * 100.0)),
        }
    }

    pub fn blank() -> Cell {
        Cell::Text(String::new())
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Cell {
        Cell::Text(text.to_string())
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Cell {
        Cell::Text(text)
    }
}

impl From<usize> for Cell {
    fn from(n: usize) -> Cell {
        Cell::Int(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

/// How the sheet is laid out on screen and on paper.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Layout {
    /// Columns kept in view when scrolling right (e.g. 序号 and 姓名).
    pub freeze_columns: u16,
    pub landscape: bool,
    /// A paper form: tall rows and borders for handwriting, no filter buttons.
    pub for_signing: bool,
    /// Columns given at least this width (in characters), e.g. the signature column.
    pub min_widths: Vec<(usize, f64)>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sheet {
    /// The worksheet's tab name.
    pub name: String,
    pub title: String,
    /// A second title line (dates, session, counts); may be empty.
    pub subtitle: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// Summary rows under the data (e.g. 合计).
    pub totals: Vec<Vec<Cell>>,
    pub layout: Layout,
}

impl Sheet {
    /// Data rows then totals rows.
    pub fn body(&self) -> impl Iterator<Item = &Vec<Cell>> {
        self.rows.iter().chain(&self.totals)
    }
}
