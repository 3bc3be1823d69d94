//! Small widgets shared by the screens.

pub mod form;
pub mod input;

use std::borrow::Cow;

/// Makes text safe to draw: control characters (escape sequences, bidi controls,
/// zero-width joiners left alone) become visible `�`, so a name can never move the
/// cursor or recolour the screen.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if text.chars().any(unsafe_char) {
        Cow::Owned(
            text.chars()
                .map(|c| if unsafe_char(c) { '�' } else { c })
                .collect(),
        )
    } else {
        Cow::Borrowed(text)
    }
}

/// Control characters and bidi embeddings, overrides and isolates: drawn as they are,
/// they could move the cursor, recolour the screen or reverse the rest of a line.
pub fn unsafe_char(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_and_bidi_characters_are_made_visible() {
        assert_eq!(sanitize("张\u{1b}[31m伟"), "张�[31m伟");
        assert_eq!(sanitize("\u{202E}abc"), "�abc");
        assert!(matches!(sanitize("李雅婷"), Cow::Borrowed(_)));
    }
}
