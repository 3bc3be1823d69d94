//! Everything before the commit, shared by `lunxun import` and the desk's import
//! screen: read the file, check every row, match against the register. A text file is
//! read as a stream: each row is matched as it is read, and only the plan is kept.

use std::collections::HashSet;
use std::io::Read;
use std::path::Path;

use crate::domain::{Person, PersonId};

use crate::io::tabular::{self, OpenedTable};

use super::plan::Planner;
use super::{ImportError, ImportOptions, ImportPlan, ReadFile, ReadProgress, RowError};

/// A file read, checked and matched: what would be written, and every row's problem.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub read: ReadFile,
    pub plan: ImportPlan,
    /// Problems from reading and from matching, by line.
    pub errors: Vec<RowError>,
}

/// Reads the file at `path` and plans the import.
pub fn prepare_file(
    path: &Path,
    options: &ImportOptions,
    register: Vec<Person>,
    enrolled: Option<&HashSet<PersonId>>,
    progress: impl FnMut(ReadProgress),
) -> Result<Prepared, ImportError> {
    let opened = tabular::open_file(path, options)?;
    prepare(opened, register, enrolled, progress)
}

/// Reads an opened file and plans the import against `register` (and the cohort's
/// `enrolled`, when enrolling). New people get ULIDs in file order.
pub fn prepare<R: Read>(
    opened: OpenedTable<R>,
    register: Vec<Person>,
    enrolled: Option<&HashSet<PersonId>>,
    progress: impl FnMut(ReadProgress),
) -> Result<Prepared, ImportError> {
    let mut planner = Planner::new(register);
    let mut ids = ulid::Generator::new();
    let mut new_id = || {
        let id = ids.generate().unwrap_or_else(|_| ulid::Ulid::generate());
        PersonId(id.to_string())
    };
    let read = super::read_each(opened, progress, |draft| planner.add(draft, &mut new_id))?;
    let plan = planner.finish(enrolled);
    let mut errors: Vec<RowError> = read.errors.iter().chain(&plan.errors).cloned().collect();
    errors.sort_by_key(|e| e.line);
    Ok(Prepared { read, plan, errors })
}
