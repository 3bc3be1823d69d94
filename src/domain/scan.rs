//! 扫码与读卡: what an ID-card reader, a barcode scanner or a clerk typing in one go
//! gives the search box, and what of it may be shown.
//!
//! Three forms pick one person exactly instead of searching names: an 18-character
//! ID number (17 digits and a digit or `X`), a full phone number (11 digits, maybe
//! written with spaces or `-`, maybe after `+86`), and a [`PersonCode`]. Each is turned
//! into a number that only equal values share ([`ExactKey`]), for the search index to
//! compare with every person's.

use super::person::Person;
use super::person_code::PersonCode;

/// A query that names one person exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExactKey {
    IdNumber(u64),
    Phone(u64),
    Code(PersonCode),
}

/// Which of a person's details a query matched exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExactKind {
    IdNumber,
    Phone,
    Code,
}

impl ExactKey {
    /// The exact form `query` has, if any (ID number, then phone, then person code).
    pub fn parse(query: &str) -> Option<ExactKey> {
        let narrow = narrow(query);
        let trimmed = narrow.trim();
        if let Some(key) = id_number_key(trimmed) {
            return Some(ExactKey::IdNumber(key));
        }
        if let Some(key) = phone_key(trimmed) {
            return Some(ExactKey::Phone(key));
        }
        PersonCode::parse(trimmed).map(ExactKey::Code)
    }

    pub fn kind(self) -> ExactKind {
        match self {
            ExactKey::IdNumber(_) => ExactKind::IdNumber,
            ExactKey::Phone(_) => ExactKind::Phone,
            ExactKey::Code(_) => ExactKind::Code,
        }
    }
}

/// A person's three exact keys, as the search index keeps them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PersonKeys {
    pub id_number: Option<u64>,
    pub phone: Option<u64>,
    pub code: PersonCode,
}

impl PersonKeys {
    pub fn of(person: &Person) -> PersonKeys {
        PersonKeys {
            id_number: person.id_number.as_deref().and_then(id_number_key),
            phone: person.phone.as_deref().and_then(phone_key),
            code: PersonCode::of(&person.id),
        }
    }

    /// Whether `key` is one of these.
    pub fn has(&self, key: ExactKey) -> bool {
        match key {
            ExactKey::IdNumber(k) => self.id_number == Some(k),
            ExactKey::Phone(k) => self.phone == Some(k),
            ExactKey::Code(c) => self.code == c,
        }
    }
}

/// An ID number as one number: the 17 digits times 11 plus the check character (`X`
/// is 10), so two numbers share a key only when they are equal (ignoring the case of
/// `x`, spaces and `-`).
fn id_number_key(text: &str) -> Option<u64> {
    let compact = Compact::of(text)?;
    let (check, body) = compact.bytes().split_last()?;
    if body.len() != 17 || !body.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let check = match check {
        b'0'..=b'9' => u64::from(check - b'0'),
        b'x' | b'X' => 10,
        _ => return None,
    };
    let body = body.iter().fold(0u64, |n, &d| n * 10 + u64::from(d - b'0'));
    Some(body * 11 + check)
}

/// A full phone number: 11 digits once spaces, `-` and a leading `+86` or `86` (before
/// 11 more digits) are taken away.
fn phone_key(text: &str) -> Option<u64> {
    let compact = Compact::of(text)?;
    let digits = match compact.bytes() {
        [b'+', b'8', b'6', rest @ ..] => rest,
        [b'8', b'6', rest @ ..] if rest.len() == 11 => rest,
        all => all,
    };
    if digits.len() != 11 || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(digits.iter().fold(0, |n, &d| n * 10 + u64::from(d - b'0')))
}

/// The ASCII bytes of a short text without spaces and `-` (no allocation: the index
/// reads every person's ID number and phone this way).
struct Compact {
    bytes: [u8; Compact::MAX],
    len: usize,
}

impl Compact {
    /// Longer than any exact form (18 characters, or `+86` and 11 digits).
    const MAX: usize = 20;

    /// `None` if `text` has anything not ASCII or is longer than [`Compact::MAX`].
    fn of(text: &str) -> Option<Compact> {
        let mut c = Compact {
            bytes: [0; Compact::MAX],
            len: 0,
        };
        for b in text.bytes().filter(|&b| b != b' ' && b != b'-') {
            if !b.is_ascii() || c.len == Compact::MAX {
                return None;
            }
            c.bytes[c.len] = b;
            c.len += 1;
        }
        Some(c)
    }

    fn bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

/// Full-width ASCII (an input method in full-width mode) and the ideographic space as
/// their ASCII selves.
fn narrow(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            c => c,
        })
        .collect()
}

/// What the search box shows of its text: a run of more than 11 digits (with `x`,
/// spaces or `-` among them: an ID number being typed or scanned) keeps its first 6
/// digits and, from 15 digits on, its last 4, as `mask::id_number` does; the other
/// digits become `*`. Everything else, a phone number included, shows as typed. Every
/// character stays one character, so the cursor stays where it was.
pub fn masked_query(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if !is_digit(chars[i]) {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let end = (i..chars.len())
            .find(|&j| !in_number(chars[j]))
            .unwrap_or(chars.len());
        out.extend(masked_run(&chars[i..end]));
        i = end;
    }
    out
}

fn masked_run(run: &[char]) -> Vec<char> {
    let digits = run.iter().filter(|&&c| !is_separator(c)).count();
    if digits <= 11 {
        return run.to_vec();
    }
    let tail = if digits >= 15 { 4 } else { 0 };
    let mut nth = 0;
    run.iter()
        .map(|&c| {
            if is_separator(c) {
                return c;
            }
            nth += 1;
            if nth <= 6 || nth > digits - tail {
                c
            } else {
                '*'
            }
        })
        .collect()
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

fn is_separator(c: char) -> bool {
    matches!(c, ' ' | '-' | '\u{3000}')
}

fn in_number(c: char) -> bool {
    is_digit(c) || is_separator(c) || matches!(c, 'x' | 'X' | 'ｘ' | 'Ｘ')
}

#[cfg(test)]
mod tests;
