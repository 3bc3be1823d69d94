//! A grid of cells as read from a file: one row per line (text) or row (workbook).

/// One row as read: cells are the file's text, untrimmed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RawRow {
    /// 1-based line of the text file, or Excel row number.
    pub line: usize,
    pub cells: Vec<String>,
    /// Columns whose workbook cell held a number (an ID number there has lost digits).
    pub number_cells: Vec<usize>,
}

impl RawRow {
    pub fn cell(&self, index: usize) -> &str {
        self.cells.get(index).map(String::as_str).unwrap_or("")
    }

    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.trim().is_empty())
    }
}

/// Drops blank rows (also used for workbook rows).
pub fn keep_row(row: RawRow, rows: &mut Vec<RawRow>) {
    if !row.is_blank() {
        rows.push(row);
    }
}
