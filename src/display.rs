//! Text from files and users, made safe to show in a terminal: control characters
//! (escape sequences) and bidi embeddings, overrides and isolates could move the cursor,
//! recolour the screen or reverse the rest of a line.

use std::borrow::Cow;

/// Control characters and bidi embeddings, overrides and isolates.
pub fn unsafe_char(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// For the desk: each unsafe character becomes a visible `�`.
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

/// For command output: each unsafe character but line ends and tabs becomes `\uXXXX`,
/// which shows what is there and, inside JSON strings, is the same character.
pub fn escape(text: &str) -> Cow<'_, str> {
    escape_unless(text, |c| c == '\n' || c == '\t')
}

/// For an export shown on a terminal: as [`escape`], but a carriage return passes too
/// (CSV ends its lines with CR LF).
pub fn escape_data(text: &str) -> Cow<'_, str> {
    escape_unless(text, |c| matches!(c, '\r' | '\n' | '\t'))
}

fn escape_unless(text: &str, kept: impl Fn(char) -> bool) -> Cow<'_, str> {
    let escaped = |c: char| unsafe_char(c) && !kept(c);
    if !text.chars().any(escaped) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if escaped(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
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

    #[test]
    fn command_output_escapes_them_and_json_still_reads_the_same() {
        assert_eq!(
            escape("\u{202E}李雅婷\t新开村\n"),
            "\\u202e李雅婷\t新开村\n"
        );
        assert_eq!(escape("a\u{1b}[2Jb"), "a\\u001b[2Jb");
        let json = serde_json::to_string(&"\u{202E}清水村").unwrap();
        let shown = escape(&json);
        let back: String = serde_json::from_str(&shown).unwrap();
        assert_eq!(back, "\u{202E}清水村");
        assert!(matches!(escape("李雅婷"), Cow::Borrowed(_)));
    }
}
