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
    pub key: String,
    pub value: Value,
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

impl Store {
    /// Exports every record. Call it when nothing else writes (start, exit, a command).
    pub fn backup(&self, created_at: &str) -> StoreResult<Backup> {
        let mut trees = BTreeMap::new();
        for tree in TreeName::ALL {
            let mut records = Vec::new();
            for entry in self.tree(tree).iter() {
                let (key, bytes) = entry?;
                let key = String::from_utf8(key.to_vec())
                    .map_err(|_| corrupt(tree, "key is not text"))?;
                records.push(Record {
                    value: export_value(tree, &bytes)?,
                    key,
                });
            }
            trees.insert(tree.name().to_string(), records);
        }
        Ok(Backup {
            format: BACKUP_FORMAT.to_string(),
            schema: SCHEMA_VERSION,
            created_at: created_at.to_string(),
            trees,
        })
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
            let tree = TreeName::ALL
                .into_iter()
                .find(|t| t.name() == name)
                .ok_or_else(|| {
                    StoreError::Corrupt(format!("unknown record kind '{name}' in the backup"))
                })?;
            // The restoring folder keeps its own desk id; events keep the desk that wrote them.
            let keep_own = |r: &&Record| {
                tree == TreeName::Meta && ["desk", super::seq::SEQ_KEY].contains(&r.key.as_str())
            };
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

fn is_own_setting(key: &[u8]) -> bool {
    key == b"desk" || key == super::seq::SEQ_KEY.as_bytes()
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

fn import_value(tree: TreeName, value: &Value) -> StoreResult<Vec<u8>> {
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
