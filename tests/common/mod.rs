//! Helpers shared by the test files.

use ratatui::buffer::Buffer;

/// The buffer as plain lines, one per row, with the cell hidden behind each wide
/// (CJK) character skipped, so snapshots read like the terminal looks.
#[allow(dead_code)]
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
