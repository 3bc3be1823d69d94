//! Cells that a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+1`, `@SUM`, …) are
//! defused: in CSV with a leading apostrophe, in Excel with the quote-prefix style
//! (the text shows as typed and stays text when edited).

use std::borrow::Cow;

/// Starts with `=`, `+`, `-`, `@`, a tab or a carriage return.
pub fn is_risky(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// The cell as written to CSV.
pub fn csv_cell(text: &str) -> Cow<'_, str> {
    if is_risky(text) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// The one Markdown cell escaper of the crate (exports, reports, coverage): backslashes
/// and pipes escaped, so a cell never ends early or swallows the next pipe; line breaks
/// as spaces, so a row stays one line.
pub fn markdown_cell(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\r', '\n'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starters_are_defused() {
        for risky in ["=1+1", "+86138", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert!(is_risky(risky), "{risky}");
            assert_eq!(csv_cell(risky), format!("'{risky}"));
        }
        assert_eq!(csv_cell("李雅婷"), "李雅婷");
        assert_eq!(csv_cell("a=b"), "a=b");
        assert_eq!(markdown_cell("a|b\nc"), "a\\|b c");
    }

    #[test]
    fn markdown_cells_escape_backslashes_pipes_and_line_breaks() {
        assert_eq!(markdown_cell("a|b\\c\n"), "a\\|b\\\\c ");
        assert_eq!(markdown_cell("x\r\ny"), "x  y");
        assert_eq!(
            markdown_cell("\\|"),
            "\\\\\\|",
            "a backslash before a pipe does not unescape it"
        );
    }
}
