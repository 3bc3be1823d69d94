//! Bytes → text. Chinese-language Excel saves CSV as GBK/GB18030 unless the user picks
//! "CSV UTF-8" (then with a byte order mark). Nothing is ever decoded with replacement
//! characters: a byte sequence that fits neither encoding is an error naming its line.

use encoding_rs::{DecoderResult, GB18030};

use super::error::TabularError;

/// `--encoding`: what the user says the text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EncodingChoice {
    /// A BOM if present, else strict UTF-8, else GB18030.
    #[default]
    Auto,
    Utf8,
    /// GBK and its superset GB18030 (the decoder is the same).
    Gbk,
}

/// What the text turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    Utf8Bom,
    Utf8,
    Gb18030,
}

impl TextEncoding {
    pub fn name(self) -> &'static str {
        match self {
            TextEncoding::Utf8Bom => "UTF-8 (BOM)",
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Gb18030 => "GBK/GB18030",
        }
    }
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Decodes a whole text file; see the module docs for the rules.
pub fn decode(
    bytes: &[u8],
    choice: EncodingChoice,
) -> Result<(String, TextEncoding), TabularError> {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(TabularError::Utf16);
    }
    check_nul(bytes)?;
    let (text, encoding) = match (bytes.strip_prefix(UTF8_BOM), choice) {
        (Some(_), EncodingChoice::Gbk) => return Err(TabularError::BomMismatch),
        (Some(rest), _) => (strict_utf8(rest)?, TextEncoding::Utf8Bom),
        (None, EncodingChoice::Utf8) => (strict_utf8(bytes)?, TextEncoding::Utf8),
        (None, EncodingChoice::Gbk) => match gb18030(bytes) {
            Ok(text) => (text, TextEncoding::Gb18030),
            Err(at) => {
                return Err(TabularError::NotGb18030 {
                    line: line_at(bytes, at),
                });
            }
        },
        (None, EncodingChoice::Auto) => auto(bytes)?,
    };
    if let Some(at) = text.find('\u{FFFD}') {
        return Err(TabularError::ReplacementChar {
            line: line_at(text.as_bytes(), at),
        });
    }
    Ok((text, encoding))
}

fn auto(bytes: &[u8]) -> Result<(String, TextEncoding), TabularError> {
    let utf8_error = match std::str::from_utf8(bytes) {
        Ok(text) => return Ok((text.to_string(), TextEncoding::Utf8)),
        Err(e) => e,
    };
    let valid = &bytes[..utf8_error.valid_up_to()];
    if looks_like_utf8_chinese(valid) {
        // Chinese UTF-8 text before the first bad byte: a damaged UTF-8 file. Decoding it
        // as GB18030 might succeed, and would give mojibake.
        return Err(TabularError::DamagedUtf8 {
            line: line_at(bytes, valid.len()),
        });
    }
    match gb18030(bytes) {
        Ok(text) => Ok((text, TextEncoding::Gb18030)),
        Err(at) => Err(TabularError::UnknownEncoding {
            line: line_at(bytes, at),
        }),
    }
}

/// At least two CJK ideographs as UTF-8: GBK bytes almost never form even one.
fn looks_like_utf8_chinese(valid: &[u8]) -> bool {
    let text = std::str::from_utf8(valid).unwrap_or_default();
    text.chars()
        .filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(c))
        .nth(1)
        .is_some()
}

/// Strict UTF-8 (a BOM holds no newline, so line numbers are the same without it).
fn strict_utf8(bytes: &[u8]) -> Result<String, TabularError> {
    std::str::from_utf8(bytes)
        .map(str::to_string)
        .map_err(|e| TabularError::NotUtf8 {
            line: line_at(bytes, e.valid_up_to()),
        })
}

/// Strict GB18030; on failure, the byte offset of the malformed sequence.
fn gb18030(bytes: &[u8]) -> Result<String, usize> {
    let mut decoder = GB18030.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len() * 3 + 16);
    let mut text = String::with_capacity(capacity);
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut text, true);
    match result {
        DecoderResult::InputEmpty => Ok(text),
        // `read` counts the bad sequence and the bytes consumed after it.
        DecoderResult::Malformed(bad, after) => {
            Err(read.saturating_sub(usize::from(bad) + usize::from(after)))
        }
        DecoderResult::OutputFull => Err(read),
    }
}

/// UTF-16 without a BOM has a NUL in every other byte of ASCII text; other NULs mean a
/// binary file (a renamed .doc, an image).
fn check_nul(bytes: &[u8]) -> Result<(), TabularError> {
    let sample = &bytes[..bytes.len().min(4096)];
    let nuls = sample.iter().filter(|b| **b == 0).count();
    match nuls {
        0 if !bytes.contains(&0) => Ok(()),
        n if n * 4 >= sample.len() => Err(TabularError::Utf16),
        _ => Err(TabularError::Binary),
    }
}

/// 1-based line of a byte offset (every encoding here keeps `\n` as one byte).
pub fn line_at(bytes: &[u8], offset: usize) -> usize {
    let end = offset.min(bytes.len());
    bytes[..end].iter().filter(|b| **b == b'\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gbk(text: &str) -> Vec<u8> {
        GB18030.encode(text).0.into_owned()
    }

    #[test]
    fn auto_reads_utf8_with_and_without_bom_and_gbk() {
        let (t, e) = decode("姓名\n李雅婷".as_bytes(), EncodingChoice::Auto).unwrap();
        assert_eq!((t.as_str(), e), ("姓名\n李雅婷", TextEncoding::Utf8));
        let bom = [UTF8_BOM, "姓名".as_bytes()].concat();
        let (t, e) = decode(&bom, EncodingChoice::Auto).unwrap();
        assert_eq!((t.as_str(), e), ("姓名", TextEncoding::Utf8Bom));
        let (t, e) = decode(&gbk("姓名,单位\n李雅婷,新开村"), EncodingChoice::Auto).unwrap();
        assert_eq!(
            (t.as_str(), e),
            ("姓名,单位\n李雅婷,新开村", TextEncoding::Gb18030)
        );
    }

    #[test]
    fn utf16_and_binary_are_refused() {
        assert_eq!(
            decode(b"\xFF\xFEa\0", EncodingChoice::Auto),
            Err(TabularError::Utf16)
        );
        assert_eq!(
            decode(b"a\0b\0c\0", EncodingChoice::Auto),
            Err(TabularError::Utf16)
        );
        let mut binary = vec![b'x'; 100];
        binary[50] = 0;
        assert_eq!(
            decode(&binary, EncodingChoice::Auto),
            Err(TabularError::Binary)
        );
    }

    #[test]
    fn bytes_fitting_neither_encoding_name_their_line() {
        let mut bytes = b"name\nok\n".to_vec();
        bytes.extend_from_slice(b"\x81\x20bad\n");
        assert_eq!(
            decode(&bytes, EncodingChoice::Auto),
            Err(TabularError::UnknownEncoding { line: 3 })
        );
        let mut damaged = "姓名\n李雅婷\n".as_bytes().to_vec();
        damaged.extend_from_slice(b"\xE6\x9D\n");
        assert_eq!(
            decode(&damaged, EncodingChoice::Auto),
            Err(TabularError::DamagedUtf8 { line: 3 })
        );
    }

    #[test]
    fn forced_encodings_are_strict() {
        assert_eq!(
            decode(&gbk("a\n姓名"), EncodingChoice::Utf8),
            Err(TabularError::NotUtf8 { line: 2 })
        );
        let bom = [UTF8_BOM, b"x"].concat();
        assert_eq!(
            decode(&bom, EncodingChoice::Gbk),
            Err(TabularError::BomMismatch)
        );
        let (t, _) = decode(&gbk("李"), EncodingChoice::Gbk).unwrap();
        assert_eq!(t, "李");
    }

    #[test]
    fn replacement_characters_are_refused() {
        let text = "姓名\n李\u{FFFD}婷";
        assert_eq!(
            decode(text.as_bytes(), EncodingChoice::Auto),
            Err(TabularError::ReplacementChar { line: 2 })
        );
    }
}
