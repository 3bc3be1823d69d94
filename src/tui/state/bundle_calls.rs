//! Every call the bundle screen (bundle.rs) makes to the bundle file, the export, the
//! merge and the desk's name, in one place: the screen sees only what is here.
//!
//! INTERIM: `io::bundle`, `ops::bundle_export`, `ops::merge` and `ops::desk` are being
//! written on other branches; until they land, export writes the collected contents as
//! plain JSON and merge is refused. The switch to the real calls is this file alone.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};

use crate::domain::bundle::{Contents, Counts, Scope};
use crate::store::{Batch, Store, StoreError};
use crate::text::Lang;

/// Why a call did nothing.
#[derive(Debug)]
pub(crate) enum Failure {
    /// The store failed: shown as not saved.
    Store(StoreError),
    /// The bundle is encrypted and no passphrase was given.
    #[allow(dead_code)] // INTERIM: until io::bundle lands
    NeedsPassphrase,
    /// Refused, worded in the desk's language (nothing written).
    Refused(String),
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Failure {
        Failure::Store(e)
    }
}

/// A bundle written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Exported {
    pub path: PathBuf,
    pub counts: Counts,
    pub encrypted: bool,
}

/// A bundle read and checked, held between the dry run and the merge.
#[derive(Debug)]
pub(crate) struct Opened {
    pub path: PathBuf,
    contents: Contents,
}

/// What a merge (or its dry run) reports: the one-line summary and the whole report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Merged {
    pub summary: String,
    pub lines: Vec<String>,
}

/// Writes the bundle of `scope` to `path`, encrypted when a passphrase is given.
pub(crate) fn export(
    store: &Store,
    scope: &Scope,
    path: &Path,
    passphrase: Option<&str>,
    _now: DateTime<FixedOffset>,
    _lang: Lang,
) -> Result<Exported, Failure> {
    let contents = crate::ops::bundle_collect::collect(store, scope)?;
    let bytes = serde_json::to_vec(&contents).map_err(|e| Failure::Refused(e.to_string()))?;
    crate::io::write_atomic(path, &bytes).map_err(|e| Failure::Refused(e.to_string()))?;
    Ok(Exported {
        path: path.to_path_buf(),
        counts: contents.counts(),
        encrypted: passphrase.is_some(),
    })
}

/// Reads and checks the bundle at `path` (nothing written).
pub(crate) fn open(path: &Path, _passphrase: Option<&str>, _lang: Lang) -> Result<Opened, Failure> {
    let bytes = std::fs::read(path).map_err(|e| Failure::Refused(e.to_string()))?;
    let contents = serde_json::from_slice(&bytes).map_err(|e| Failure::Refused(e.to_string()))?;
    Ok(Opened {
        path: path.to_path_buf(),
        contents,
    })
}

/// Merges the bundle into the store, or with `dry_run` says what it would merge and
/// writes nothing.
pub(crate) fn merge(
    _store: &Store,
    opened: &Opened,
    dry_run: bool,
    _now: DateTime<FixedOffset>,
    _lang: Lang,
) -> Result<Merged, Failure> {
    let counts = opened.contents.counts();
    if !dry_run {
        return Err(Failure::Refused("merge: not yet built".into()));
    }
    let summary = format!("{} events", counts.events);
    Ok(Merged {
        lines: vec![summary.clone()],
        summary,
    })
}

/// Names this desk; the name as stored.
pub(crate) fn set_name(store: &Store, name: &str, _lang: Lang) -> Result<String, Failure> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Failure::Refused("empty".into()));
    }
    let mut batch = Batch::default();
    Store::stage_desk_name(&mut batch, store.desk(), name);
    store.commit(batch)?;
    Ok(name.to_string())
}
