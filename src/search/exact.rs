//! Exact picks: a query that is someone's whole ID number, full phone number or person
//! code finds that person alone, before any name is searched (an ID-card reader or a
//! barcode scanner types the whole value and Enter at once; no fuzzy hit of a name may
//! stand in for it). Each person's three keys are numbers compared by a plain scan:
//! about a millisecond for a million people, paid only by queries of those shapes.

use crate::domain::Person;
use crate::domain::scan::{ExactKey, PersonKeys};

/// No key of this kind (no ID number, or a phone that is not 11 digits).
const NONE: u64 = u64::MAX;

/// Every person's exact keys, by position in the roster.
#[derive(Debug, Default)]
pub(crate) struct ExactKeys {
    id_numbers: Vec<u64>,
    phones: Vec<u64>,
    codes: Vec<u64>,
}

impl ExactKeys {
    pub(crate) fn build(people: &[Person]) -> ExactKeys {
        let n = people.len();
        let mut keys = ExactKeys {
            id_numbers: Vec::with_capacity(n),
            phones: Vec::with_capacity(n),
            codes: Vec::with_capacity(n),
        };
        for person in people {
            let k = PersonKeys::of(person);
            keys.id_numbers.push(k.id_number.unwrap_or(NONE));
            keys.phones.push(k.phone.unwrap_or(NONE));
            keys.codes.push(k.code.bits());
        }
        keys
    }

    /// Positions of the people having `key`, ascending.
    pub(crate) fn find(&self, key: ExactKey) -> Vec<u32> {
        let (column, value) = match key {
            ExactKey::IdNumber(v) => (&self.id_numbers, v),
            ExactKey::Phone(v) => (&self.phones, v),
            ExactKey::Code(code) => (&self.codes, code.bits()),
        };
        column
            .iter()
            .enumerate()
            .filter(|&(_, &k)| k == value)
            .map(|(i, _)| i as u32)
            .collect()
    }
}
