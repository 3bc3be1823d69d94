//! 导入: a roster file read as a stream, every row checked and matched against the
//! register (nothing written: the preview both front-ends show), then committed in
//! chunks of [`CHUNK_ROWS`] records under one import id ([`crate::store::ImportRun`]):
//! a kill part-way is rolled back at the next open, so the import is still all or
//! nothing. Any bad row imports nothing unless the caller skips bad rows. Both passes
//! report how far they are through a callback ([`Step`]); the front-end draws it.

use std::collections::HashSet;
use std::path::Path;
use std::time::Duration;

use chrono::{DateTime, FixedOffset};

use crate::domain::{Closed, PersonId};
use crate::io::roster::{self, ImportError, ImportOptions, ImportPlan, Prepared, ReadProgress};
use crate::store::{Batch, ImportRun, Store, StoreError};
use crate::text::{Lang, RosterImport};
use crate::tr;

/// Records (people and enrolments) per commit. Larger chunks cost memory and a longer
/// journal entry to re-read at open; smaller ones more syncs (about 8 ms each).
pub const CHUNK_ROWS: usize = 10_000;

/// How far an import has come, reported as it goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Checking: rows read, and bytes read of the file's `total` (a text file; a
    /// workbook is read whole first).
    Checking {
        rows: usize,
        bytes: Option<u64>,
        total: u64,
    },
    /// Writing: records committed of `total`.
    Writing { done: usize, total: usize },
}

impl Step {
    /// The step as both front-ends show it, `elapsed` since its pass began:
    /// `检查：已读 12345 行，每秒 50000 行` or `写入：10000/100000 条，…`.
    pub fn message(self, lang: Lang, elapsed: Duration) -> String {
        let seconds = elapsed.as_secs_f64().max(0.001);
        match self {
            Step::Checking { rows, .. } => {
                let rate = (rows as f64 / seconds).round() as u64;
                tr!(lang, RosterImport::ImportChecking, rows = rows, rate = rate)
            }
            Step::Writing { done, total } => {
                let rate = (done as f64 / seconds).round() as u64;
                tr!(
                    lang,
                    RosterImport::ImportWriting,
                    done = done,
                    total = total,
                    rate = rate
                )
            }
        }
    }

    /// Rows read (checking) or records written (writing).
    pub fn done(self) -> usize {
        match self {
            Step::Checking { rows, .. } => rows,
            Step::Writing { done, .. } => done,
        }
    }
}

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
/// `progress` is called every [`roster::PROGRESS_EVERY`] rows.
pub fn prepare(
    store: &Store,
    file: RosterFile<'_>,
    mut progress: impl FnMut(Step),
) -> Result<Prepared, PrepareError> {
    let total = std::fs::metadata(file.path).map_or(0, |m| m.len());
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
    let report = |ReadProgress { rows, bytes }| progress(Step::Checking { rows, bytes, total });
    roster::prepare_file(file.path, file.options, register, roster.as_ref(), report)
        .map_err(PrepareError::File)
}

/// Writes the prepared people and enrolments in chunks under one import id: all of
/// them, or (after a failure here, or a kill and the next open) none.
pub fn commit(
    store: &Store,
    now: DateTime<FixedOffset>,
    input: Commit<'_>,
    progress: impl FnMut(Step),
) -> Result<Imported, CommitError> {
    let Commit {
        prepared,
        cohort,
        skip_invalid,
    } = input;
    if !importable(prepared, skip_invalid) {
        return Err(CommitError::BadRows(prepared.errors.len()));
    }
    let mut run = store.begin_import(cohort)?.map_err(CommitError::Closed)?;
    match write_chunks(store, &mut run, now, input, progress) {
        Ok(()) => store.finish_import(run)?,
        Err(e) => {
            // Undone now if the store lets us; else at the next open.
            let _ = store.abandon_import(run);
            return Err(e.into());
        }
    }
    let plan = &prepared.plan;
    Ok(Imported {
        new_people: plan.new_people.len(),
        updated: plan.updated.len(),
        enrolled: plan.enrol.len(),
        unchanged: plan.is_empty(),
    })
}

/// Every changed person, every new one, then every enrolment, [`chunk_rows`] to a commit.
fn write_chunks(
    store: &Store,
    run: &mut ImportRun,
    now: DateTime<FixedOffset>,
    input: Commit<'_>,
    mut progress: impl FnMut(Step),
) -> Result<(), StoreError> {
    let plan = &input.prepared.plan;
    let enrol = enrolments(plan, input.cohort);
    let total = records(plan, input.cohort);
    let chunk = chunk_rows();
    let (mut batch, mut done) = (Batch::default(), 0);
    let mut flush = |batch: &mut Batch, done: usize| {
        store.commit_import_chunk(run, std::mem::take(batch))?;
        progress(Step::Writing { done, total });
        Ok::<(), StoreError>(())
    };
    for person in plan.updated.iter().chain(&plan.new_people) {
        Store::stage_person(&mut batch, person);
        done += 1;
        if batch.len() >= chunk {
            flush(&mut batch, done)?;
        }
    }
    for id in enrol {
        Store::stage_enrolment(&mut batch, input.cohort.unwrap_or_default(), id, now, false);
        done += 1;
        if batch.len() >= chunk {
            flush(&mut batch, done)?;
        }
    }
    if !batch.is_empty() {
        flush(&mut batch, done)?;
    }
    Ok(())
}

/// The records committing `plan` writes: changed and new people, and the enrolments
/// when enrolling in `cohort` (the total [`Step::Writing`] counts to).
pub fn records(plan: &ImportPlan, cohort: Option<&str>) -> usize {
    plan.new_people.len() + plan.updated.len() + enrolments(plan, cohort).len()
}

fn enrolments<'a>(plan: &'a ImportPlan, cohort: Option<&str>) -> &'a [PersonId] {
    if cohort.is_some() { &plan.enrol } else { &[] }
}

/// [`CHUNK_ROWS`]; debug builds (the kill tests) take `LUNXUN_IMPORT_CHUNK` instead.
fn chunk_rows() -> usize {
    let set = || std::env::var("LUNXUN_IMPORT_CHUNK").ok()?.parse().ok();
    match cfg!(debug_assertions).then(set).flatten() {
        Some(rows) if rows > 0 => rows,
        _ => CHUNK_ROWS,
    }
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
        let imported = commit(&store, at(), input, |_| {}).unwrap();
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
            commit(&store, at(), refused, |_| {}),
            Err(CommitError::BadRows(1))
        ));
        assert!(store.people().unwrap().is_empty());
        let skipping = Commit {
            skip_invalid: true,
            ..refused
        };
        commit(&store, at(), skipping, |_| {}).unwrap();
        assert_eq!(store.people().unwrap().len(), 1);
    }

    #[test]
    fn a_closed_cohort_takes_nobody_and_nothing_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let store = store_with_cohort(dir.path());
        store.close_cohort("2015-01", at()).unwrap();
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
            commit(&store, at(), input, |_| {}),
            Err(CommitError::Closed(Closed::Cohort))
        ));
        assert!(store.people().unwrap().is_empty());
    }
}
