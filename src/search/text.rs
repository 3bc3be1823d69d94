//! Text folding shared by the index and queries, so both sides compare like with like:
//! NFC, full-width ASCII to ASCII, tone marks and `ü` to plain letters (`ü` becomes `v`,
//! as pinyin keyboards type it), then lower case.

use std::borrow::Cow;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// `text` in NFC, borrowed when it already is (the store keeps names in NFC).
pub(crate) fn nfc(text: &str) -> Cow<'_, str> {
    // ASCII and CJK unified ideographs are NFC whatever follows them, and are nearly
    // all that names hold: skip the general (table-driven) check for them.
    let simple = |c: char| c.is_ascii() || ('\u{4E00}'..='\u{9FFF}').contains(&c);
    if text.chars().all(simple) {
        return Cow::Borrowed(text);
    }
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => Cow::Borrowed(text),
        _ => Cow::Owned(text.nfc().collect()),
    }
}

/// Calls `emit` with the folded form of one (already NFC) character: usually one char,
/// occasionally more (some lower-case mappings expand).
pub(crate) fn fold_char(c: char, mut emit: impl FnMut(char)) {
    if c.is_ascii() {
        emit(c.to_ascii_lowercase());
        return;
    }
    if ('\u{3400}'..='\u{9FFF}').contains(&c) {
        emit(c); // CJK ideographs: no case, no width variants
        return;
    }
    let c = match c {
        '\u{3000}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    };
    for lower in c.to_lowercase() {
        emit(plain_vowel(lower));
    }
}

/// Folds a whole string (NFC first).
pub(crate) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in nfc(text).chars() {
        fold_char(c, |f| out.push(f));
    }
    out
}

/// Pinyin vowels with tone marks, and `ü`, to the letters a keyboard types.
fn plain_vowel(c: char) -> char {
    match c {
        'ā' | 'á' | 'ǎ' | 'à' => 'a',
        'ē' | 'é' | 'ě' | 'è' | 'ê' => 'e',
        'ī' | 'í' | 'ǐ' | 'ì' => 'i',
        'ō' | 'ó' | 'ǒ' | 'ò' => 'o',
        'ū' | 'ú' | 'ǔ' | 'ù' => 'u',
        'ü' | 'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' => 'v',
        other => other,
    }
}

/// The letters searched as pinyin: ASCII letters and digits after folding. Anything else
/// (Hanzi, `·`, punctuation) is matched by equality with a name character.
pub(crate) fn is_latin(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

/// Bit of a pinyin letter in a person's letter mask: a–z are bits 0–25, all digits share 26.
pub(crate) fn letter_bit(b: u8) -> u32 {
    match b {
        b'a'..=b'z' => 1 << (b - b'a'),
        b'0'..=b'9' => 1 << 26,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_full_width_case_tones_and_umlaut() {
        assert_eq!(fold("ＺＨＡＮＧ Wei"), "zhang wei");
        assert_eq!(fold("Lǚ Zhāng"), "lv zhang");
        assert_eq!(fold("张\u{3000}伟"), "张 伟");
    }

    #[test]
    fn composes_decomposed_input() {
        // "e" + combining acute accent composes to é, which folds to e.
        assert_eq!(fold("Jose\u{301}"), "jose");
        assert!(matches!(nfc("张伟"), Cow::Borrowed(_)));
    }

    #[test]
    fn letter_bits_are_distinct_for_letters() {
        assert_eq!(letter_bit(b'a'), 1);
        assert_eq!(letter_bit(b'z'), 1 << 25);
        assert_eq!(letter_bit(b'7'), 1 << 26);
        assert_eq!(letter_bit(b'-'), 0);
    }
}
