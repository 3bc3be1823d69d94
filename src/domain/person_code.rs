//! 人员编码: a short code for a person, printed on the sign-in sheet and typed or scanned
//! at the desk to pick that one person.
//!
//! The code is derived from the person's id only (never from a name, a phone or a cohort
//! code), so every data folder computes the same code for the same person, before and
//! after bundles are merged, and editing someone's details never changes it.
//!
//! # Derivation (fixed: printed sheets must keep working with every later version)
//! FNV-1a (64 bit) over the bytes of `lunxun-person-code:` followed by the id, then the
//! MurmurHash3 64-bit finaliser; the top 40 bits, 5 at a time from the highest, are
//! written in Crockford's base 32 (`0-9 A-Z` without `I L O U`): 8 characters. Reading
//! a code folds case, takes `I`/`L` as `1` and `O` as `0` (Crockford's rule for
//! hand-typed codes), and ignores one `-` (a code may be written `K7M2-Q9PA`).
//!
//! 40 bits keep two people of a 100,000-person register apart with a chance of about
//! 1 in 200 that some pair shares a code (a million people: about one pair). Two people
//! sharing a code are both listed when it is typed; nothing picks one of them silently.

use std::fmt;

use super::person::PersonId;

/// Characters in a code.
pub const CODE_LEN: usize = 8;

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const DOMAIN: &[u8] = b"lunxun-person-code:";
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// A person's code: 40 bits, shown as 8 Crockford base-32 characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PersonCode(u64);

impl PersonCode {
    /// The code of the person with this id.
    pub fn of(id: &PersonId) -> PersonCode {
        let mut hash = FNV_OFFSET;
        for &b in DOMAIN.iter().chain(id.as_str().as_bytes()) {
            hash = (hash ^ u64::from(b)).wrapping_mul(FNV_PRIME);
        }
        PersonCode(fmix64(hash) >> (64 - 5 * CODE_LEN))
    }

    /// A code as typed or scanned: 8 Crockford characters, any case, maybe with one `-`
    /// between them; `None` for anything else.
    pub fn parse(text: &str) -> Option<PersonCode> {
        let text = text.trim();
        let dashes = text.bytes().filter(|&b| b == b'-').count();
        if dashes > 1 || text.starts_with('-') || text.ends_with('-') {
            return None;
        }
        let mut value = 0u64;
        let mut len = 0;
        for c in text.chars().filter(|&c| c != '-') {
            value = (value << 5) | u64::from(digit(c)?);
            len += 1;
        }
        (len == CODE_LEN).then_some(PersonCode(value))
    }

    /// The 40 bits, for indexes that compare codes as numbers.
    pub fn bits(self) -> u64 {
        self.0
    }
}

impl fmt::Display for PersonCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for i in (0..CODE_LEN).rev() {
            let d = (self.0 >> (5 * i)) & 31;
            write!(f, "{}", char::from(ALPHABET[d as usize]))?;
        }
        Ok(())
    }
}

/// The value of one typed character in Crockford's base 32.
fn digit(c: char) -> Option<u8> {
    let c = match c.to_ascii_uppercase() {
        'I' | 'L' => '1',
        'O' => '0',
        c => c,
    };
    let c = u8::try_from(c).ok()?;
    ALPHABET
        .iter()
        .position(|&a| a == c)
        .and_then(|p| u8::try_from(p).ok())
}

/// MurmurHash3's 64-bit finaliser: every input bit reaches every output bit.
fn fmix64(mut k: u64) -> u64 {
    k ^= k >> 33;
    k = k.wrapping_mul(0xff51_afd7_ed55_8ccd);
    k ^= k >> 33;
    k = k.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    k ^ (k >> 33)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn code(id: &str) -> String {
        PersonCode::of(&PersonId(id.into())).to_string()
    }

    /// Printed sheets outlive versions: these codes must never change (worked out
    /// apart from this code, by a few lines of Python following the module docs).
    #[test]
    fn codes_are_fixed_for_ever() {
        assert_eq!(code("01JD0000000000000000000000"), "M8A626KK");
        assert_eq!(code("01JD0000000000000000000001"), "ZWNXJWY9");
        assert_eq!(code("P1"), "427DDTJE");
        assert_eq!(code(""), "G7ECT6EJ");
    }

    #[test]
    fn a_code_is_eight_crockford_characters_and_reads_back() {
        for n in 0..2000 {
            let id = PersonId(format!("01JD{n:022}"));
            let code = PersonCode::of(&id);
            let text = code.to_string();
            assert_eq!(text.len(), CODE_LEN);
            assert!(text.bytes().all(|b| ALPHABET.contains(&b)), "{text}");
            assert_eq!(PersonCode::parse(&text), Some(code));
            assert_eq!(PersonCode::parse(&text.to_lowercase()), Some(code));
            let dashed = format!("{}-{}", &text[..4], &text[4..]);
            assert_eq!(PersonCode::parse(&dashed), Some(code));
        }
    }

    #[test]
    fn hand_typed_lookalikes_fold_as_crockford_says() {
        let zero_one = PersonCode::parse("00000001").unwrap();
        assert_eq!(PersonCode::parse("oOoOoOoi"), Some(zero_one));
        assert_eq!(PersonCode::parse("0000000L"), Some(zero_one));
        assert_eq!(zero_one.bits(), 1);
        assert_eq!(PersonCode::parse("ZZZZZZZZ").unwrap().bits(), (1 << 40) - 1);
    }

    #[test]
    fn anything_else_is_not_a_code() {
        for text in [
            "",
            "1234567",
            "123456789",
            "UUUUUUUU",
            "zhangwe",
            "张伟张伟张伟张伟",
            "1234-5678-",
            "-12345678",
            "12-34-5678",
            "1234 5678",
            "１２３４５６７８",
        ] {
            assert_eq!(PersonCode::parse(text), None, "{text:?}");
        }
    }

    #[test]
    fn ids_that_differ_in_one_character_get_unrelated_codes() {
        let codes: HashSet<String> = (0..20_000).map(|n| code(&format!("01JD{n:022}"))).collect();
        assert_eq!(
            codes.len(),
            20_000,
            "no two of 20,000 neighbouring ids share a code"
        );
        let a = code("01JD0000000000000000000000");
        let b = code("01JD0000000000000000000001");
        let same = a.chars().zip(b.chars()).filter(|(x, y)| x == y).count();
        assert!(same <= 3, "{a} vs {b}");
    }
}
