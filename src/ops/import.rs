//! 导入: a roster file read, checked and matched against the register (nothing
//! written: the preview both front-ends show), then committed as one durable
//! transaction. Any bad row imports nothing unless the caller skips bad rows.

use std::collections::HashSet;
use std::path::Path;

use chrono::{DateTime, FixedOffset};

use crate::domain::{Closed, PersonId};
use crate::io::roster::{self, ImportError, ImportOptions, Prepared};
use crate::store::{Store, StoreError};
use crate::text::Lang;

/// A roster file to read: where it is, how to read it, and the cohort (if any) whose
/// roster everyone joins.
#[derive(Debug, Clone, Copy)]
pub struct RosterFile<'a> {
    pub path: &'a Path,
    pub options: &'a ImportOptions,
    pub cohort: Option<&'a str>,
}

/// Committing a prepared import.
#[derive(Debug, Clone, Copy)]
pub struct Commit<'a> {
    pub prepared: &'a Prepared,
    pub cohort: Option<&'a str>,
    /// Import the good rows when some are bad (else a bad row imports nothing).
    pub skip_invalid: bool,
}

/// What a committed import changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Imported {
    pub new_people: usize,
    pub updated: usize,
    pub enrolled: usize,
    /// Nothing needed changing (nothing was written).
    pub unchanged: bool,
}

/// Why a roster could not be read or planned: nothing written.
#[derive(Debug)]
pub enum PrepareError {
    File(ImportError),
    Store(StoreError),
}

impl PrepareError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            PrepareError::File(e) => e.message(lang),
            PrepareError::Store(e) => e.message(lang),
        }
    }
}

/// Why a prepared import was not written: nothing written.
#[derive(Debug)]
pub enum CommitError {
    /// This many rows are bad and bad rows were not to be skipped.
    BadRows(usize),
    /// The cohort to enrol in is closed.
    Closed(Closed),
    Store(StoreError),
}

impl From<StoreError> for CommitError {
    fn from(e: StoreError) -> CommitError {
        CommitError::Store(e)
    }
}

/// Whether committing `prepared` would write: no bad row, or bad rows skipped.
pub fn importable(prepared: &Prepared, skip_invalid: bool) -> bool {
    prepared.errors.is_empty() || skip_invalid
}

/// Reads, checks and plans the file against the register (and the cohort's roster).
/// `progress` is called with the rows read so far, every 10,000 rows.
pub fn prepare(
    store: &Store,
    file: RosterFile<'_>,
    progress: impl FnMut(usize),
) -> Result<Prepared, PrepareError> {
    let bytes = roster::read_bytes(file.path).map_err(PrepareError::File)?;
    let extension = file.path.extension().and_then(|e| e.to_str()).unwrap_or("");
    let register = store.people().map_err(PrepareError::Store)?;
    let roster: Option<HashSet<PersonId>> = match file.cohort {
        Some(code) => Some(
            store
                .enrolments(code)
                .map_err(PrepareError::Store)?
                .into_iter()
                .map(|e| e.person)
                .collect(),
        ),
        None => None,
    };
    roster::prepare(
        &bytes,
        extension,
        file.options,
        register,
        roster.as_ref(),
        progress,
    )
    .map_err(PrepareError::File)
}

/// Writes the prepared people and enrolments in one durable commit.
pub fn commit(
    store: &Store,
    now: DateTime<FixedOffset>,
    input: Commit<'_>,
) -> Result<Imported, CommitError> {
    let Commit {
        prepared,
        cohort,
        skip_invalid,
    } = input;
    if !importable(prepared, skip_invalid) {
        return Err(CommitError::BadRows(prepared.errors.len()));
    }
    let plan = &prepared.plan;
    store
        .commit_import(plan.writes(), cohort, &plan.enrol, now)?
        .map_err(CommitError::Closed)?;
    Ok(Imported {
        new_people: plan.new_people.len(),
        updated: plan.updated.len(),
        enrolled: plan.enrol.len(),
        unchanged: plan.is_empty(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::cohort::tests::cohort;
    use crate::store::Batch;

    fn at() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2015-03-16T08:00:00+08:00").unwrap()
    }

    /// The roster `text` written to a CSV file in `dir` and prepared (nothing written).
    fn preview(store: &Store, dir: &Path, text: &str, cohort: Option<&str>) -> Prepared {
        let path = dir.join("roster.csv");
        std::fs::write(&path, text).unwrap();
        let options = ImportOptions::default();
        let file = RosterFile {
            path: &path,
            options: &options,
            cohort,
        };
        prepare(store, file, |_| {}).unwrap()
    }

    fn store_with_cohort(dir: &Path) -> Store {
        let store = Store::open(&dir.join("db")).unwrap();
        let mut batch = Batch::default();
        Store::stage_cohort(&mut batch, &cohort());
        store.commit(batch).unwrap();
        store
    }

    #[test]
    fn an_import_is_previewed_without_writing_then_committed_once_with_its_enrolments() {
        let dir = tempfile::tempdir().unwrap();
        let store = store_with_cohort(dir.path());
        let prepared = preview(
            &store,
            dir.path(),
            "姓名,单位\n张伟,城关镇\n李娜,新墙镇\n",
            Some("2015-01"),
        );
        assert!(
            store.people().unwrap().is_empty(),
            "a preview writes nothing"
        );
        let input = Commit {
            prepared: &prepared,
            cohort: Some("2015-01"),
            skip_invalid: false,
        };
        let imported = commit(&store, at(), input).unwrap();
        assert_eq!((imported.new_people, imported.enrolled), (2, 2));
        assert_eq!(store.people().unwrap().len(), 2);
        assert_eq!(store.enrolments("2015-01").unwrap().len(), 2);
    }

    #[test]
    fn a_bad_row_imports_nothing_unless_bad_rows_are_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let store = store_with_cohort(dir.path());
        let prepared = preview(&store, dir.path(), "姓名,单位\n张伟,城关镇\n,无名\n", None);
        let refused = Commit {
            prepared: &prepared,
            cohort: None,
            skip_invalid: false,
        };
        assert!(matches!(
            commit(&store, at(), refused),
            Err(CommitError::BadRows(1))
        ));
        assert!(store.people().unwrap().is_empty());
        let skipping = Commit {
            skip_invalid: true,
            ..refused
        };
        commit(&store, at(), skipping).unwrap();
        assert_eq!(store.people().unwrap().len(), 1);
    }

    #[test]
    fn a_closed_cohort_takes_nobody_and_nothing_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let store = store_with_cohort(dir.path());
        store.close_cohort("2015-01").unwrap();
        let prepared = preview(
            &store,
            dir.path(),
            "姓名,单位\n张伟,城关镇\n",
            Some("2015-01"),
        );
        let input = Commit {
            prepared: &prepared,
            cohort: Some("2015-01"),
            skip_invalid: false,
        };
        assert!(matches!(
            commit(&store, at(), input),
            Err(CommitError::Closed(Closed::Cohort))
        ));
        assert!(store.people().unwrap().is_empty());
    }
}
