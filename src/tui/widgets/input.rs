//! A one-line text input: typed characters are appended, Backspace removes the last.
//! Input methods deliver Hanzi as ordinary characters, so nothing special is needed.

use ratatui::text::Span;
use unicode_width::UnicodeWidthStr;

/// Longest text a box accepts, in characters (a form field or a search).
pub const MAX_INPUT: usize = 200;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    value: String,
}

impl TextInput {
    pub fn with(value: &str) -> TextInput {
        TextInput {
            value: value.to_string(),
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

    /// Display width in terminal cells (Hanzi take two), for placing the cursor.
    pub fn width(&self) -> u16 {
        u16::try_from(self.value.width()).unwrap_or(u16::MAX)
    }

    pub fn span(&self) -> Span<'_> {
        Span::raw(self.value.as_str())
    }
}
