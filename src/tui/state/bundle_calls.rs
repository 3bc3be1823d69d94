//! Every call the bundle screen (bundle.rs) makes to the bundle file, the export, the
//! merge and the desk's name, in one place: the screen sees only what is here.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};

use crate::domain::bundle::{Counts, Scope};
use crate::io::bundle::{self, Bundle, BundleError};
use crate::ops::merge::{self, MergeError, MergeOptions};
use crate::ops::{OpError, bundle_export, desk};
use crate::store::{Store, StoreError};
use crate::text::Lang;

/// Why a call did nothing.
#[derive(Debug)]
pub(crate) enum Failure {
    /// The store failed: shown as not saved.
    Store(StoreError),
    /// The bundle is encrypted and no passphrase was given.
    NeedsPassphrase,
    /// Refused, worded in the desk's language (nothing written).
    Refused(String),
}

impl Failure {
    fn of_bundle(error: BundleError, lang: Lang) -> Failure {
        match error {
            BundleError::Store(e) => Failure::Store(e),
            BundleError::NeedsPassphrase { .. } => Failure::NeedsPassphrase,
            other => Failure::Refused(other.message(lang)),
        }
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
    bundle: Bundle,
}

/// What a merge (or its dry run) reports: the one-line summary and the whole report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Merged {
    pub summary: String,
    pub lines: Vec<String>,
    /// Cohort, activity or module labels changed to avoid a clash.
    pub renumbered: usize,
    /// Everything in the bundle is here already: nothing to write.
    pub nothing_new: bool,
}

/// Writes the bundle of `scope` to `path`, encrypted when a passphrase is given.
pub(crate) fn export(
    store: &Store,
    scope: &Scope,
    path: &Path,
    passphrase: Option<&str>,
    now: DateTime<FixedOffset>,
    lang: Lang,
) -> Result<Exported, Failure> {
    let exported = bundle_export::export(store, scope, path, passphrase, now)
        .map_err(|e| Failure::of_bundle(e, lang))?;
    Ok(Exported {
        path: exported.path,
        counts: exported.header.counts,
        encrypted: exported.encrypted,
    })
}

/// Reads and checks the bundle at `path` (nothing written).
pub(crate) fn open(path: &Path, passphrase: Option<&str>, lang: Lang) -> Result<Opened, Failure> {
    let bundle = bundle::read(path, passphrase).map_err(|e| Failure::of_bundle(e, lang))?;
    Ok(Opened {
        path: path.to_path_buf(),
        bundle,
    })
}

/// Merges the bundle into the store, or with `dry_run` says what it would merge and
/// writes nothing.
pub(crate) fn merge(
    store: &Store,
    opened: &Opened,
    dry_run: bool,
    now: DateTime<FixedOffset>,
    lang: Lang,
) -> Result<Merged, Failure> {
    let options = MergeOptions { dry_run, now };
    let report = merge::merge(store, &opened.bundle, &options).map_err(|e| match e {
        MergeError::Store(e) => Failure::Store(e),
        other => Failure::Refused(other.message(lang)),
    })?;
    Ok(Merged {
        summary: report.summary(lang),
        lines: report.lines(lang),
        renumbered: report.renumbered.len(),
        nothing_new: report.came_in.total() == 0 && report.joined.is_empty(),
    })
}

/// Names this desk; the name as stored.
pub(crate) fn set_name(store: &Store, name: &str, lang: Lang) -> Result<String, Failure> {
    match desk::set_name(store, name) {
        Ok(label) => Ok(label.name.unwrap_or(label.id)),
        Err(OpError::Store(e)) => Err(Failure::Store(e)),
        Err(refused) => Err(Failure::Refused(refused.message(lang))),
    }
}

/// This desk's id and name (None: unnamed), and the other desks known here by name.
pub(crate) fn desks(store: &Store) -> Result<(String, Option<String>, Vec<String>), Failure> {
    let desks = desk::desks(store).map_err(Failure::Store)?;
    let others = desks
        .others
        .into_iter()
        .map(|d| d.name.unwrap_or(d.id))
        .collect();
    Ok((desks.this.id, desks.this.name, others))
}

/// The file a bundle of this desk made now is offered as, in `folder`.
pub(crate) fn default_file(
    store: &Store,
    folder: &Path,
    now: DateTime<FixedOffset>,
    lang: Lang,
) -> Result<PathBuf, Failure> {
    let name =
        bundle_export::default_file_name(store, now).map_err(|e| Failure::of_bundle(e, lang))?;
    Ok(folder.join(name))
}
