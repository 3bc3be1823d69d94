//! Why a bundle could not be written or read. Each refusal says what to do, in both
//! languages; none quotes the file's contents (a record could carry an ID number) or the
//! passphrase.

use std::path::PathBuf;

use crate::store::StoreError;
use crate::text::{Bundles, Lang};
use crate::tr;

#[derive(Debug, thiserror::Error)]
pub enum BundleError {
    #[error("{0}")]
    Store(#[from] StoreError),
    /// The file (or its folder) could not be read or written.
    #[error("{path}: {source}")]
    File {
        path: PathBuf,
        source: std::io::Error,
    },
    /// Not a lunxun bundle at all: another file chosen by mistake.
    #[error("{path} is not a lunxun bundle")]
    NotABundle { path: PathBuf },
    /// A bundle whose body does not match its checksum, or cut short.
    #[error("{path} is damaged")]
    Damaged { path: PathBuf },
    /// Written by a newer lunxun, in a format this one does not know.
    #[error("{path} was made by a newer lunxun (format {version})")]
    Newer { path: PathBuf, version: u32 },
    /// Sealed with a passphrase, and none was given.
    #[error("{path} is encrypted")]
    NeedsPassphrase { path: PathBuf },
    /// Sealed with a passphrase, and the one given does not open it.
    #[error("wrong passphrase for {path}")]
    WrongPassphrase { path: PathBuf },
    /// Its passphrase protection asks more work than this computer allows (a file made
    /// to stall the reader, or a much faster computer's).
    #[error("{path} asks too much work to open")]
    TooMuchWork { path: PathBuf },
    /// An empty passphrase seals nothing.
    #[error("empty passphrase")]
    EmptyPassphrase,
}

impl BundleError {
    /// What a person is told, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            BundleError::Store(e) => e.message(lang),
            BundleError::File { path, source } => tr!(
                lang,
                Bundles::BundleFileError,
                path = path.display(),
                reason = source
            ),
            BundleError::NotABundle { path } => {
                tr!(lang, Bundles::BundleNotABundle, path = path.display())
            }
            BundleError::Damaged { path } => {
                tr!(lang, Bundles::BundleDamaged, path = path.display())
            }
            BundleError::Newer { path, version } => tr!(
                lang,
                Bundles::BundleNewer,
                path = path.display(),
                version = version
            ),
            BundleError::NeedsPassphrase { path } => {
                tr!(lang, Bundles::BundleNeedsPassphrase, path = path.display())
            }
            BundleError::WrongPassphrase { path } => {
                tr!(lang, Bundles::BundleWrongPassphrase, path = path.display())
            }
            BundleError::TooMuchWork { path } => {
                tr!(lang, Bundles::BundleTooMuchWork, path = path.display())
            }
            BundleError::EmptyPassphrase => tr!(lang, Bundles::BundleEmptyPassphrase),
        }
    }

    /// A refusal of the file or the passphrase given (nothing wrong with this folder
    /// or this computer): the command line's exit code 2.
    pub fn is_refusal(&self) -> bool {
        !matches!(self, BundleError::Store(_) | BundleError::File { .. })
    }
}
