//! A one-line text input: typed characters are appended, Backspace removes the last.
//! Input methods deliver Hanzi as ordinary characters, so nothing special is needed.
//! A search box masks an ID number typed or scanned into it wherever it is shown (on
//! screen, and in `{:?}` output): `domain::scan::masked_query`.

use std::borrow::Cow;

use ratatui::text::Span;
use unicode_width::UnicodeWidthStr;

use crate::domain::scan::masked_query;

/// Longest text a box accepts, in characters (a form field or a search).
pub const MAX_INPUT: usize = 200;

#[derive(Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    value: String,
    /// Shows an ID number in the text masked (a search box: people are picked by it).
    masks_id_numbers: bool,
}

impl std::fmt::Debug for TextInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TextInput")
            .field("value", &self.shown())
            .field("masks_id_numbers", &self.masks_id_numbers)
            .finish()
    }
}

impl TextInput {
    pub fn with(value: &str) -> TextInput {
        TextInput {
            value: value.to_string(),
            masks_id_numbers: false,
        }
    }

    /// An empty search box: an ID number in it is shown masked.
    pub fn masking_id_numbers() -> TextInput {
        TextInput {
            value: String::new(),
            masks_id_numbers: true,
        }
    }

    pub fn value(&self) -> &str {
        &self.value
    }

    pub fn is_empty(&self) -> bool {
        self.value.is_empty()
    }

    /// Appends a character; control characters, bidi overrides (see `unsafe_char`) and
    /// overlong input are ignored.
    pub fn push(&mut self, c: char) {
        if !super::unsafe_char(c) && self.value.chars().count() < MAX_INPUT {
            self.value.push(c);
        }
    }

    pub fn pop(&mut self) {
        self.value.pop();
    }

    pub fn clear(&mut self) {
        self.value.clear();
    }

    /// Display width in terminal cells (Hanzi take two) of what is shown, for placing
    /// the cursor.
    pub fn width(&self) -> u16 {
        u16::try_from(self.shown().width()).unwrap_or(u16::MAX)
    }

    /// The text as shown.
    pub fn span(&self) -> Span<'_> {
        Span::raw(self.shown())
    }

    fn shown(&self) -> Cow<'_, str> {
        match self.masks_id_numbers {
            true => Cow::Owned(masked_query(&self.value)),
            false => Cow::Borrowed(&self.value),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "430602199001011234";

    fn typed(mut input: TextInput, text: &str) -> TextInput {
        text.chars().for_each(|c| input.push(c));
        input
    }

    #[test]
    fn a_search_box_shows_an_id_number_masked_and_keeps_it_whole() {
        let input = typed(TextInput::masking_id_numbers(), ID);
        assert_eq!(input.value(), ID, "searched as typed");
        assert_eq!(input.span().content, "430602********1234");
        assert_eq!(input.width(), 18);
        let debug = format!("{input:?}");
        assert!(
            !debug.contains(ID) && debug.contains("430602********1234"),
            "{debug}"
        );
    }

    #[test]
    fn full_width_digits_are_masked_and_the_cursor_follows_what_is_shown() {
        let input = typed(
            TextInput::masking_id_numbers(),
            "４３０６０２１９９００１０１１２３４",
        );
        assert_eq!(input.span().content, "４３０６０２********１２３４");
        assert_eq!(input.width(), 6 * 2 + 8 + 4 * 2);
    }

    #[test]
    fn other_boxes_show_what_was_typed() {
        let input = typed(TextInput::default(), ID);
        assert_eq!(input.span().content, ID);
        let input = typed(TextInput::masking_id_numbers(), "zw 13812341234");
        assert_eq!(input.span().content, "zw 13812341234");
    }
}
