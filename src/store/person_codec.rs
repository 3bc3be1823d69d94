//! People are the bulk of the database (a city register is 100k records) and are read
//! all at once to build the search index, so they get a compact binary record instead
//! of JSON: a version byte, then each field length-prefixed. Reading one takes a few
//! hundred nanoseconds instead of a microsecond. Records written as JSON still read.

use crate::domain::{Field, Gender, Person, PersonId};

use super::error::StoreError;

const VERSION_1: u8 = 0xB1;

pub fn encode(p: &Person) -> Vec<u8> {
    let mut out = Vec::with_capacity(128);
    out.push(VERSION_1);
    put_str(&mut out, p.id.as_str());
    put_str(&mut out, &p.name);
    out.push(match p.gender {
        None => 0,
        Some(Gender::Male) => 1,
        Some(Gender::Female) => 2,
    });
    for text in [&p.unit, &p.county, &p.township, &p.position] {
        put_str(&mut out, text);
    }
    let field = p
        .field
        .and_then(|f| Field::ALL.iter().position(|x| *x == f));
    out.push(field.map_or(0, |i| i as u8 + 1));
    put_opt(&mut out, p.phone.as_deref());
    put_opt(&mut out, p.id_number.as_deref());
    put_str(&mut out, &p.notes);
    out
}

pub fn decode(bytes: &[u8]) -> Result<Person, StoreError> {
    match bytes.first() {
        Some(&VERSION_1) => Reader { bytes, at: 1 }.person().ok_or_else(corrupt),
        Some(b'{') => super::codec::decode("people", bytes),
        _ => Err(corrupt()),
    }
}

fn corrupt() -> StoreError {
    StoreError::Corrupt("people: unreadable person record".into())
}

fn put_len(out: &mut Vec<u8>, mut n: usize) {
    while n >= 0x80 {
        out.push((n as u8 & 0x7F) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn put_str(out: &mut Vec<u8>, text: &str) {
    put_len(out, text.len());
    out.extend_from_slice(text.as_bytes());
}

/// `None` is a zero length; `Some(s)` is stored with length + 1.
fn put_opt(out: &mut Vec<u8>, text: Option<&str>) {
    match text {
        None => out.push(0),
        Some(t) => {
            put_len(out, t.len() + 1);
            out.extend_from_slice(t.as_bytes());
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn person(mut self) -> Option<Person> {
        let id = PersonId(self.string()?);
        let mut p = Person::named(id, self.string()?);
        p.gender = match self.byte()? {
            0 => None,
            1 => Some(Gender::Male),
            2 => Some(Gender::Female),
            _ => return None,
        };
        p.unit = self.string()?;
        p.county = self.string()?;
        p.township = self.string()?;
        p.position = self.string()?;
        p.field = match self.byte()? {
            0 => None,
            n => Some(*Field::ALL.get(usize::from(n) - 1)?),
        };
        p.phone = self.optional()?;
        p.id_number = self.optional()?;
        p.notes = self.string()?;
        (self.at == self.bytes.len()).then_some(p)
    }

    fn byte(&mut self) -> Option<u8> {
        let b = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(b)
    }

    fn len(&mut self) -> Option<usize> {
        let mut n = 0usize;
        for shift in (0..35).step_by(7) {
            let b = self.byte()?;
            n |= usize::from(b & 0x7F) << shift;
            if b < 0x80 {
                return Some(n);
            }
        }
        None
    }

    fn text(&mut self, len: usize) -> Option<String> {
        let end = self.at.checked_add(len)?;
        let slice = self.bytes.get(self.at..end)?;
        self.at = end;
        String::from_utf8(slice.to_vec()).ok()
    }

    fn string(&mut self) -> Option<String> {
        let len = self.len()?;
        self.text(len)
    }

    fn optional(&mut self) -> Option<Option<String>> {
        match self.len()? {
            0 => Some(None),
            n => self.text(n - 1).map(Some),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_generated_person_round_trips() {
        for person in crate::demo::generate_register(3000, 5) {
            assert_eq!(decode(&encode(&person)).unwrap(), person);
        }
    }

    #[test]
    fn edge_cases_round_trip() {
        let mut p = Person::named(PersonId(String::new()), "");
        assert_eq!(decode(&encode(&p)).unwrap(), p);
        p.name = "尉迟明".repeat(50);
        p.phone = Some(String::new());
        p.notes = "备注\\n\\t\\u{0}".into();
        p.field = Some(Field::SocialOrg);
        p.gender = Some(Gender::Female);
        assert_eq!(decode(&encode(&p)).unwrap(), p);
    }

    #[test]
    fn json_records_still_read_and_damage_is_an_error() {
        let p = Person::named(PersonId("x".into()), "张伟");
        let json = serde_json::to_vec(&p).unwrap();
        assert_eq!(decode(&json).unwrap(), p);
        let mut bytes = encode(&p);
        bytes.pop();
        assert!(decode(&bytes).is_err());
        bytes.push(b'z');
        bytes.push(b'z');
        assert!(decode(&bytes).is_err());
        assert!(decode(&[]).is_err());
        assert!(decode(&[VERSION_1, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]).is_err());
    }
}
