//! Exporting a bundle (数据包): what a scope collects, signed with this desk's id and
//! name, written as one file (plain or sealed with a passphrase). The command line and
//! the desk's bundle screen both call [`export`].

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use serde::Serialize;

use crate::domain::bundle::Scope;
use crate::io::bundle::{self, BundleError, Header};
use crate::store::Store;

use super::bundle_collect::collect;

/// A bundle written.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Exported {
    pub path: PathBuf,
    /// The header as written: desk, scope, counts, checksum.
    pub header: Header,
    /// The file's size in bytes.
    pub bytes: u64,
    pub encrypted: bool,
}

/// Writes the records of `scope` to `path` as a bundle, sealed with `passphrase` if
/// given. Reads only: nothing in the folder changes. The whole file or nothing.
pub fn export(
    store: &Store,
    scope: &Scope,
    path: &Path,
    passphrase: Option<&str>,
    now: DateTime<FixedOffset>,
) -> Result<Exported, BundleError> {
    if passphrase.is_some_and(str::is_empty) {
        return Err(BundleError::EmptyPassphrase);
    }
    let contents = collect(store, scope)?;
    let header = Header::new(
        store.desk(),
        &store.desk_label()?,
        now,
        scope.clone(),
        &contents,
    );
    let written = bundle::write(path, &header, &contents, passphrase)?;
    Ok(Exported {
        path: path.to_path_buf(),
        header: written.header,
        bytes: written.bytes,
        encrypted: written.encrypted,
    })
}

/// A file name for a bundle of this desk made at `now`: `lunxun-<desk>-<YYYYMMDD-HHMM>.lxb`,
/// the desk's name kept where it is safe in a file name (letters, digits, Hanzi, `-`).
pub fn default_file_name(store: &Store, now: DateTime<FixedOffset>) -> Result<String, BundleError> {
    let label: String = store
        .desk_label()?
        .chars()
        .map(|c| match c.is_alphanumeric() || c == '-' {
            true => c,
            false => '_',
        })
        .collect();
    Ok(format!("lunxun-{label}-{}.lxb", now.format("%Y%m%d-%H%M")))
}
