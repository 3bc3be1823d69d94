//! Backups: every record of every tree, exported as one JSON document (readable, and
//! independent of sled's file format, so a damaged database can still be replaced).
//! People, stored in a compact binary record, are written as plain JSON objects.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{Batch, SCHEMA_VERSION, Store, StoreError, StoreResult, TreeName, person_codec};

pub const BACKUP_FORMAT: &str = "lunxun-backup";

#[derive(Debug, Serialize, Deserialize)]
pub struct Backup {
    pub format: String,
    pub schema: u32,
    pub created_at: String,
    /// Tree name → records in key order.
    pub trees: BTreeMap<String, Vec<Record>>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Record {
    pub key: Key,
    pub value: Value,
}

/// A record's key as the backup writes it: text when its bytes are UTF-8 (nearly every
/// key), else `{"$bytes": "<hex>"}` (a module's number is two raw bytes, not text from
/// 128 on). Keys of backups written before this form existed are all text, and read as
/// before; a lunxun that predates it refuses a backup holding byte keys, as not a
/// backup, rather than restoring it wrongly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Key {
    Text(String),
    Bytes {
        #[serde(rename = "$bytes")]
        bytes: HexBytes,
    },
}

/// Bytes written as lowercase hex.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct HexBytes(pub Vec<u8>);

impl Key {
    pub fn from_bytes(bytes: &[u8]) -> Key {
        match std::str::from_utf8(bytes) {
            Ok(text) => Key::Text(text.to_string()),
            Err(_) => Key::Bytes {
                bytes: HexBytes(bytes.to_vec()),
            },
        }
    }

    pub fn as_bytes(&self) -> &[u8] {
        match self {
            Key::Text(text) => text.as_bytes(),
            Key::Bytes { bytes } => &bytes.0,
        }
    }
}

impl PartialEq<&str> for Key {
    fn eq(&self, text: &&str) -> bool {
        self.as_bytes() == text.as_bytes()
    }
}

impl TryFrom<String> for HexBytes {
    type Error = String;
    fn try_from(text: String) -> Result<HexBytes, String> {
        unhex(&text)
            .map(HexBytes)
            .ok_or_else(|| format!("'{text}' is not hex bytes"))
    }
}

impl From<HexBytes> for String {
    fn from(bytes: HexBytes) -> String {
        hex(&bytes.0)
    }
}

impl Backup {
    /// No records: what a journal that starts at the beginning is replayed onto.
    pub fn empty() -> Backup {
        Backup {
            format: BACKUP_FORMAT.to_string(),
            schema: SCHEMA_VERSION,
            created_at: String::new(),
            trees: BTreeMap::new(),
        }
    }

    /// The number of the last commit it holds (0 if it does not say).
    pub fn commit_seq(&self) -> u64 {
        self.trees
            .get(TreeName::Meta.name())
            .and_then(|records| records.iter().find(|r| r.key == super::seq::SEQ_KEY))
            .and_then(|r| import_value(TreeName::Meta, &r.value).ok())
            .map_or(0, |bytes| super::seq::decode_meta(&bytes))
    }

    /// Records per tree, for verifying a restore.
    pub fn counts(&self) -> BTreeMap<String, usize> {
        self.trees
            .iter()
            .map(|(k, v)| (k.clone(), v.len()))
            .collect()
    }
}

/// Every record of every tree as they stood after one commit, copied while commits
/// wait: turned into a [`Backup`] later, while commits go on.
pub struct Snapshot {
    seq: u64,
    /// Per tree of [`TreeName::ALL`], its records in key order, as stored.
    trees: Vec<Vec<(sled::IVec, sled::IVec)>>,
}

impl Snapshot {
    /// The number of the last commit it holds.
    pub fn seq(&self) -> u64 {
        self.seq
    }

    /// The backup of these records (people decoded, records as JSON).
    pub fn to_backup(&self, created_at: &str) -> StoreResult<Backup> {
        let mut trees = BTreeMap::new();
        for (tree, stored) in TreeName::ALL.into_iter().zip(&self.trees) {
            let mut records = Vec::with_capacity(stored.len());
            for (key, bytes) in stored {
                // The register cache's version means nothing outside this folder.
                if tree == TreeName::Meta && **key == *super::register_cache::VERSION_KEY.as_bytes()
                {
                    continue;
                }
                records.push(Record {
                    value: export_value(tree, bytes)?,
                    key: Key::from_bytes(key),
                });
            }
            trees.insert(tree.name().to_string(), records);
        }
        Ok(Backup {
            format: BACKUP_FORMAT.to_string(),
            schema: self.schema(),
            created_at: created_at.to_string(),
            trees,
        })
    }

    /// The schema of the records copied (a backup made before an upgrade says the old
    /// one, so restoring it upgrades again).
    fn schema(&self) -> u32 {
        self.trees[TreeName::Meta.index()]
            .iter()
            .find(|(key, _)| **key == *b"schema_version")
            .and_then(|(_, value)| super::decode_u32(value).ok())
            .unwrap_or(SCHEMA_VERSION)
    }
}

impl Store {
    /// Exports every record.
    pub fn backup(&self, created_at: &str) -> StoreResult<Backup> {
        self.snapshot()?.to_backup(created_at)
    }

    /// Copies every record under the commit lock, so the copy holds exactly the commits
    /// up to its number: none half, none after. Only the copying waits; decoding and
    /// writing the backup happen after, off the lock.
    pub fn snapshot(&self) -> StoreResult<Snapshot> {
        let held = self.seq.lock().unwrap_or_else(|e| e.into_inner());
        let mut trees = Vec::with_capacity(TreeName::ALL.len());
        for tree in TreeName::ALL {
            trees.push(self.tree(tree).iter().collect::<Result<Vec<_>, _>>()?);
        }
        Ok(Snapshot { seq: held.0, trees })
    }

    /// Whether any record other than the store's own settings exists.
    pub fn holds_records(&self) -> bool {
        TreeName::ALL
            .into_iter()
            .filter(|t| *t != TreeName::Meta)
            .any(|t| !self.tree(t).is_empty())
    }

    /// Writes a backup, then the journal's commits made after it, into this (empty)
    /// store in one durable commit: a failure leaves nothing half-restored.
    pub fn restore(&self, backup: &Backup, replay: &[super::JournalEntry]) -> StoreResult<()> {
        if backup.format != BACKUP_FORMAT || backup.schema > SCHEMA_VERSION {
            return Err(StoreError::Corrupt(format!(
                "not a lunxun backup this version can read (format {}, schema {})",
                backup.format, backup.schema
            )));
        }
        let mut batch = Batch::default();
        for (name, records) in &backup.trees {
            let tree = tree_named(name)?;
            // The restoring folder keeps its own desk id; events keep the desk that wrote them.
            let keep_own = |r: &&Record| tree == TreeName::Meta && is_own_setting(r.key.as_bytes());
            for record in records.iter().filter(|r| !keep_own(r)) {
                batch.put(
                    tree,
                    record.key.as_bytes(),
                    import_value(tree, &record.value)?,
                );
            }
        }
        // The folder's own settings (its desk id, its commit number) stay its own.
        for (tree, key, value) in replay.iter().flat_map(|e| &e.puts) {
            if !(*tree == TreeName::Meta && is_own_setting(key)) {
                batch.put(*tree, key.clone(), value.clone());
            }
        }
        self.commit(batch)
    }
}

/// The tree a backup names.
pub(super) fn tree_named(name: &str) -> StoreResult<TreeName> {
    TreeName::ALL
        .into_iter()
        .find(|t| t.name() == name)
        .ok_or_else(|| StoreError::Corrupt(format!("unknown record kind '{name}' in the backup")))
}

/// Meta keys a restore does not copy: the folder's desk id and commit number, its
/// register cache's version, and the enrolment counts, which the restoring commit
/// counts itself from the enrolments it writes.
pub(super) fn is_own_setting(key: &[u8]) -> bool {
    key == b"desk"
        || key == super::seq::SEQ_KEY.as_bytes()
        || key == super::register_cache::VERSION_KEY.as_bytes()
        || super::enrolled::is_derived(key)
}

fn corrupt(tree: TreeName, what: &str) -> StoreError {
    StoreError::Corrupt(format!("{}: {what}", tree.name()))
}

/// A stored value as JSON: people decoded from their binary record, JSON records as
/// they are, anything else (the schema version) as hex bytes.
fn export_value(tree: TreeName, bytes: &[u8]) -> StoreResult<Value> {
    if tree == TreeName::People {
        let person = person_codec::decode(bytes)?;
        return Ok(serde_json::to_value(person).expect("people serialise"));
    }
    if let Ok(value) = serde_json::from_slice::<Value>(bytes) {
        return Ok(value);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Value::String(text.to_string())),
        Err(_) => Ok(serde_json::json!({ "$bytes": hex(bytes) })),
    }
}

pub(super) fn import_value(tree: TreeName, value: &Value) -> StoreResult<Vec<u8>> {
    if tree == TreeName::People {
        let person =
            serde_json::from_value(value.clone()).map_err(|e| corrupt(tree, &e.to_string()))?;
        return Ok(person_codec::encode(&person));
    }
    if let Some(hex_text) = value.get("$bytes").and_then(Value::as_str) {
        return unhex(hex_text).ok_or_else(|| corrupt(tree, "bad $bytes"));
    }
    match value {
        Value::String(text) if tree == TreeName::Meta => Ok(text.as_bytes().to_vec()),
        other => Ok(serde_json::to_vec(other).expect("values serialise")),
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Keys as a backup made before byte keys existed writes them (module 5 is the
    /// text "\u0000\u0005"), and a key that is not text, both read back byte for byte.
    #[test]
    fn text_keys_of_older_backups_and_byte_keys_read_back_exactly() {
        let old: Record =
            serde_json::from_str(r#"{"key":"\u0000\u0005","value":{"number":5}}"#).unwrap();
        assert_eq!(old.key, Key::Text("\u{0}\u{5}".into()));
        assert_eq!(old.key.as_bytes(), [0, 5]);
        for key in [&[0u8, 128][..], &[1, 44], &[0xff, 0xff], &[0x80]] {
            let written = serde_json::to_string(&Key::from_bytes(key)).unwrap();
            let read: Key = serde_json::from_str(&written).unwrap();
            assert_eq!(read.as_bytes(), key, "{written}");
        }
        assert_eq!(
            serde_json::to_string(&Key::from_bytes(&[0, 128])).unwrap(),
            r#"{"$bytes":"0080"}"#
        );
        assert!(serde_json::from_str::<Key>(r#"{"$bytes":"0g"}"#).is_err());
        assert!(serde_json::from_str::<Key>(r#"{"$bytes":"008"}"#).is_err());
    }
}
