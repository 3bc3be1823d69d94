//! The register: people by id (ULID, so id order is the order they were added).

use crate::domain::{Person, PersonId};

use std::ops::Bound;

use rayon::prelude::*;

use super::person_codec::{decode, encode};
use super::{Batch, Store, StoreResult, TreeName, register_cache};

impl Store {
    pub fn person(&self, id: &PersonId) -> StoreResult<Option<Person>> {
        let tree = self.tree(TreeName::People);
        match tree.get(id.as_str())? {
            Some(bytes) => Ok(Some(decode(&bytes)?)),
            None => Ok(None),
        }
    }

    /// The whole register in the order people were added: from the register cache
    /// (register_cache.rs) when it was made at the people version sled holds, else from
    /// sled, and then the cache is made anew (a failure to write it only costs speed).
    pub fn people(&self) -> StoreResult<Vec<Person>> {
        // Read before the register: a People write in between makes the file stale.
        let version = self.people_version()?;
        if let Some(people) = version
            .as_ref()
            .and_then(|v| register_cache::read(&self.dir, v))
        {
            return Ok(people);
        }
        let people = self.people_from_sled()?;
        if let Some(version) = version {
            let _ = register_cache::write(&self.dir, &version, &people);
        }
        Ok(people)
    }

    /// The whole register read from sled, in key ranges on all cores (reading and
    /// decoding cost about 2 µs a person: sled 0.34 materialises every page).
    pub(super) fn people_from_sled(&self) -> StoreResult<Vec<Person>> {
        let tree = self.tree(TreeName::People);
        let ranges = key_ranges(tree)?;
        let parts: Vec<StoreResult<Vec<Person>>> = ranges
            .into_par_iter()
            .map(|(low, high)| read_range(tree, low, high))
            .collect();
        let mut people = Vec::new();
        for part in parts {
            people.extend(part?);
        }
        Ok(people)
    }

    /// Adds the writes that save `person` (new or changed) to `batch`.
    pub fn stage_person(batch: &mut Batch, person: &Person) {
        batch.put(TreeName::People, person.id.as_str(), encode(person));
    }
}

/// Ranges read in parallel: person ids are ULIDs, so the span between the first and
/// the last id is cut into equal parts (work stealing evens out uneven parts).
const RANGES: u128 = 64;

pub(super) type Range = (Bound<Vec<u8>>, Bound<Vec<u8>>);

pub(super) fn key_ranges(tree: &sled::Tree) -> StoreResult<Vec<Range>> {
    let whole = vec![(Bound::Unbounded, Bound::Unbounded)];
    let (Some((first, _)), Some((last, _))) = (tree.first()?, tree.last()?) else {
        return Ok(whole);
    };
    let as_ulid = |k: &[u8]| {
        std::str::from_utf8(k)
            .ok()
            .and_then(|t| ulid::Ulid::from_string(t).ok())
    };
    let (Some(low), Some(high)) = (as_ulid(&first), as_ulid(&last)) else {
        return Ok(whole);
    };
    let (low, high) = (low.0, high.0);
    let step = (high - low) / RANGES;
    if step == 0 {
        return Ok(whole);
    }
    let cuts: Vec<Vec<u8>> = (1..RANGES)
        .map(|i| ulid::Ulid(low + step * i).to_string().into_bytes())
        .collect();
    let mut ranges = Vec::with_capacity(cuts.len() + 1);
    let mut start = Bound::Unbounded;
    for cut in cuts {
        ranges.push((start, Bound::Excluded(cut.clone())));
        start = Bound::Included(cut);
    }
    ranges.push((start, Bound::Unbounded));
    Ok(ranges)
}

fn read_range(
    tree: &sled::Tree,
    low: Bound<Vec<u8>>,
    high: Bound<Vec<u8>>,
) -> StoreResult<Vec<Person>> {
    let mut people = Vec::new();
    for entry in tree.range::<Vec<u8>, _>((low, high)) {
        let (_, bytes) = entry?;
        people.push(decode(&bytes)?);
    }
    Ok(people)
}
