//! Small parts shared by the screens' state and their drawing: a text input, a form,
//! and the list cursor every list uses.

pub mod form;
pub mod input;
pub mod list;

use unicode_width::UnicodeWidthStr;

pub use crate::display::{sanitize, unsafe_char};

/// `text` and spaces up to `cells` screen cells (a Hanzi takes two), so that the next
/// column starts at the same cell on every row; text already as wide is left as it is.
pub fn pad_to(text: &str, cells: usize) -> String {
    let padding = cells.saturating_sub(text.width());
    format!("{text}{}", " ".repeat(padding))
}

/// The widest of `texts`, in screen cells.
pub fn widest<'a>(texts: impl IntoIterator<Item = &'a str>) -> usize {
    texts
        .into_iter()
        .map(UnicodeWidthStr::width)
        .max()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn padding_counts_screen_cells_not_characters() {
        assert_eq!(pad_to("a-z 汉字", 10), "a-z 汉字  ");
        assert_eq!(pad_to("Enter", 10), "Enter     ");
        assert_eq!(pad_to("欧阳娜", 4), "欧阳娜");
        assert_eq!(widest(["张伟", "欧阳娜", "Li"]), 6);
    }
}
