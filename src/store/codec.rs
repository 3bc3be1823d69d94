//! Records are stored as JSON (readable in a backup, tolerant of added fields);
//! keys are byte strings that sort the way the app reads them.

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::error::StoreError;

pub fn encode<T: Serialize>(value: &T) -> Vec<u8> {
    serde_json::to_vec(value).expect("domain records always serialise")
}

pub fn decode<T: DeserializeOwned>(tree: &str, bytes: &[u8]) -> Result<T, StoreError> {
    serde_json::from_slice(bytes).map_err(|e| StoreError::Corrupt(format!("{tree}: {e}")))
}

/// `prefix 0x00 rest`: groups a cohort's records together under its code.
pub fn scoped_key(scope: &str, rest: &str) -> Vec<u8> {
    let mut key = Vec::with_capacity(scope.len() + 1 + rest.len());
    key.extend_from_slice(scope.as_bytes());
    key.push(0);
    key.extend_from_slice(rest.as_bytes());
    key
}

/// The prefix shared by every key of one scope.
pub fn scope_prefix(scope: &str) -> Vec<u8> {
    scoped_key(scope, "")
}

/// A new ULID for a key under `prefix`, forced above the last ULID already there, so
/// the written order holds even for two writes within one millisecond.
pub fn next_ulid(tree: &sled::Tree, prefix: &[u8]) -> Result<String, StoreError> {
    let fresh = ulid::Ulid::generate();
    let last = tree.scan_prefix(prefix).next_back().transpose()?;
    let last_id = last.and_then(|(key, _)| {
        let text = std::str::from_utf8(&key[prefix.len()..]).ok()?;
        ulid::Ulid::from_string(text).ok()
    });
    let id = match last_id {
        Some(last) if last >= fresh => last.increment().unwrap_or(fresh),
        _ => fresh,
    };
    Ok(id.to_string())
}
