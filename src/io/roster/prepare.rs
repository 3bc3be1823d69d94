//! Everything before the commit, shared by `lunxun import` and the desk's import
//! screen: read the file, check every row, match against the register.

use std::collections::HashSet;
use std::path::Path;

use crate::domain::{Person, PersonId};

use crate::io::tabular;

use super::{ImportError, ImportOptions, ImportPlan, ReadFile, RowError};

/// A file read, checked and matched: what would be written, and every row's problem.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub read: ReadFile,
    pub plan: ImportPlan,
    /// Problems from reading and from matching, by line.
    pub errors: Vec<RowError>,
}

/// Reads a file from disk, refusing one over the size cap before reading it.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, ImportError> {
    Ok(tabular::read_bytes(path)?)
}

/// Reads `bytes` (named by `extension`) and plans the import against `register` (and
/// the cohort's `enrolled`, when enrolling). New people get ULIDs in file order.
pub fn prepare(
    bytes: &[u8],
    extension: &str,
    options: &ImportOptions,
    register: Vec<Person>,
    enrolled: Option<&HashSet<PersonId>>,
    progress: impl FnMut(usize),
) -> Result<Prepared, ImportError> {
    let mut read = super::read(bytes, extension, options, progress)?;
    let drafts = std::mem::take(&mut read.drafts);
    let mut ids = ulid::Generator::new();
    let plan = super::plan(drafts, register, enrolled, || {
        let id = ids.generate().unwrap_or_else(|_| ulid::Ulid::generate());
        PersonId(id.to_string())
    });
    let mut errors: Vec<RowError> = read.errors.iter().chain(&plan.errors).cloned().collect();
    errors.sort_by_key(|e| e.line);
    Ok(Prepared { read, plan, errors })
}
