//! Domain words in the reader's language. Slots, fields, methods and the like carry
//! their Chinese and English names in the domain; everything else lunxun says comes from
//! the catalogue ([`crate::text`]).

use crate::text::Lang;

/// A domain word in the reader's language: its Chinese name or its English one.
pub fn word<'a>(lang: Lang, zh: &'a str, en: &'a str) -> &'a str {
    if lang == Lang::Zh { zh } else { en }
}
