//! Bytes → text: the encodings. Chinese-language Excel saves CSV as GBK/GB18030 unless
//! the user picks "CSV UTF-8" (then with a byte order mark). Nothing is ever decoded with
//! replacement characters: a byte sequence that fits neither encoding is an error naming
//! its line. [`super::sniff`] decides the encoding, [`super::stream`] decodes.

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::tabular::{ImportOptions, TabularError, read_table};
    use encoding_rs::GB18030;

    const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

    /// The file read as text: its rows' cells joined by `,`, its rows by `\n`.
    fn decode(
        bytes: &[u8],
        choice: EncodingChoice,
    ) -> Result<(String, TextEncoding), TabularError> {
        let options = ImportOptions {
            encoding: choice,
            sheet: None,
        };
        let table = read_table(bytes, "csv", &options)?;
        let text: Vec<String> = table.rows.iter().map(|r| r.cells.join(",")).collect();
        match table.source {
            crate::io::tabular::Source::Text { encoding, .. } => Ok((text.join("\n"), encoding)),
            other => panic!("read as {other:?}"),
        }
    }

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
