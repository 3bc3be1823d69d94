//! 数据包 files (`.lxb`): what one data folder hands another.
//!
//! A bundle is one line of JSON, the [`Header`], then the body: the JSON of the
//! [`Contents`] and a newline. The header names the format and its version, the desk
//! that made it, when, for which scope, how many records of each kind, and the SHA-256
//! of the body (every byte after the header's newline). An encrypted bundle is an age
//! file (a passphrase, scrypt) wrapping exactly those bytes.
//!
//! Written through a staged file (temporary file, sync, rename; private to the user),
//! streamed: the body is serialised twice, once to sum it for the header and once into
//! the file (summed again, and refused if the two differ), never held whole. Read the
//! same way: the body is parsed as it is hashed, and a checksum that does not match
//! refuses the whole bundle.

mod error;
mod hashed;
mod read;
mod write;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::domain::bundle::{BUNDLE_VERSION, Contents, Counts, Scope};

pub use error::BundleError;
pub use read::{Opened, is_encrypted, open, read};
pub use write::{Written, write};

/// What a bundle's header line says its format is.
pub const FORMAT: &str = "lunxun-bundle";

/// Where an age file begins: how an encrypted bundle is told from a plain one.
const AGE_MAGIC: &[u8] = b"age-encryption.org/";

/// The first line of a bundle.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Header {
    /// Always [`FORMAT`].
    pub format: String,
    /// The bundle format ([`BUNDLE_VERSION`] when written by this build).
    pub version: u32,
    /// The desk id of the folder that made it (`desk-…`).
    pub desk: String,
    /// That desk's name, else its id.
    pub desk_name: String,
    pub exported_at: DateTime<FixedOffset>,
    pub scope: Scope,
    pub counts: Counts,
    /// The program that wrote it (`lunxun 0.1.0`), for a person reading the header.
    pub made_by: String,
    /// SHA-256 of the body, lower-case hex; filled in by [`write`].
    pub sha256: String,
}

impl Header {
    /// The header of a bundle of `contents` made by `desk` at `exported_at`; the
    /// checksum is left for [`write`] to fill in.
    pub fn new(
        desk: &str,
        desk_name: &str,
        exported_at: DateTime<FixedOffset>,
        scope: Scope,
        contents: &Contents,
    ) -> Header {
        Header {
            format: FORMAT.to_string(),
            version: BUNDLE_VERSION,
            desk: desk.to_string(),
            desk_name: desk_name.to_string(),
            exported_at,
            scope,
            counts: contents.counts(),
            made_by: format!("lunxun {}", env!("CARGO_PKG_VERSION")),
            sha256: String::new(),
        }
    }
}

/// A bundle read back: its header and everything it carries.
#[derive(Debug, Clone, PartialEq)]
pub struct Bundle {
    pub header: Header,
    pub contents: Contents,
}
