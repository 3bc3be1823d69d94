//! The desk's screen as a terminal shows it: text rows and the cells that start
//! each column, wide (CJK) characters taking two cells.
#![allow(dead_code)]

use ratatui::buffer::Buffer;

/// The buffer as plain lines, one per row, with the cell hidden behind each wide
/// (CJK) character skipped, so snapshots read like the terminal looks.
pub fn screen_text(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        let mut skip = 0;
        for x in area.left()..area.right() {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buffer[(x, y)].symbol();
            out.push_str(symbol);
            skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
        }
        out.push('\n');
    }
    out
}

/// Row `y` as the terminal shows it: each cell's x and symbol, the cell hidden behind a
/// wide (CJK) character skipped.
pub fn visible_cells(buffer: &ratatui::buffer::Buffer, y: u16) -> Vec<(u16, String)> {
    let area = buffer.area;
    let mut cells = Vec::new();
    let mut x = area.left();
    while x < area.right() {
        let symbol = buffer[(x, y)].symbol().to_string();
        let width = unicode_width::UnicodeWidthStr::width(symbol.as_str()).max(1);
        cells.push((x, symbol));
        x += width as u16;
    }
    cells
}

/// The screen cell where each column of row `y` starts between `from` and `to` (cells),
/// columns being separated by two spaces or more.
pub fn column_starts(buffer: &ratatui::buffer::Buffer, y: u16, from: u16, to: u16) -> Vec<u16> {
    let cells: Vec<(u16, String)> = visible_cells(buffer, y)
        .into_iter()
        .filter(|(x, _)| (from..to).contains(x))
        .collect();
    let mut starts = Vec::new();
    let mut spaces = 2;
    for (x, symbol) in &cells {
        if symbol == " " {
            spaces += 1;
        } else {
            if spaces >= 2 {
                starts.push(*x);
            }
            spaces = 0;
        }
    }
    starts
}
