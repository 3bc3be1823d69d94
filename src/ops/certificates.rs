//! Issuing a cohort's 结业证书 and 学时证明 (`lunxun export certificates`): who gets which
//! paper from the cohort's credit, the serial of each (`<desk id>-<cohort code>-<NNN>`,
//! statements `…-H<NNN>`: unique after records of several data folders are merged, as
//! each folder has its own desk id), and the record of each printing.
//!
//! The first printing of a paper records a `CertificateIssued` change with a new
//! serial; printing it again (`--reprint`) records a reprint with the same serial. The
//! workbook is written under a temporary name, the records committed, and only then is
//! the file put in place: nothing is recorded as issued that was not written, and a
//! failed commit leaves no file.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};

use crate::domain::credit::{CohortCredit, PersonCredit, Standing};
use crate::domain::register::{CertificateKind, Change, Issued};
use crate::domain::{Cohort, Person, PersonId};
use crate::io::StagedFile;
use crate::io::export::certificates::{self, CertificateBook};
use crate::store::{Batch, Store, StoreResult};
use crate::text::{Certificates, Lang};
use crate::tr;

use super::certificate_book::{add_page, empty_book};
use super::certificate_serials::Serials;
use super::{OpError, Refusal};

/// What to print, where and when.
#[derive(Debug, Clone, Copy)]
pub struct CertificateRequest<'a> {
    pub cohort: &'a Cohort,
    pub output: &'a Path,
    /// Print again what was issued before (recorded as reprints, same serials).
    pub reprint: bool,
    pub at: DateTime<FixedOffset>,
    pub lang: Lang,
}

/// How many papers of one kind the file holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub new: usize,
    pub reprinted: usize,
}

impl Tally {
    pub fn total(self) -> usize {
        self.new + self.reprinted
    }
}

/// The file is in place and each paper in it recorded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CertificatesWritten {
    pub certificates: Tally,
    pub statements: Tally,
    /// Issued before and not printed again (no `--reprint`).
    pub held_back: usize,
    /// Still in progress (the cohort is open): neither paper yet.
    pub in_progress: usize,
    /// Given a 结业证书 before who by the records now do not complete (names).
    pub no_longer_completing: Vec<String>,
}

/// Why the file was not written, or not put in place.
#[derive(Debug)]
pub enum CertificateError {
    /// Refused or the store failed: nothing recorded, no file.
    Op(OpError),
    /// The file could not be written: nothing recorded.
    Write { path: PathBuf, error: String },
    /// Recorded as issued, but the finished file could not be put in place.
    Place { path: PathBuf, error: String },
}

impl From<OpError> for CertificateError {
    fn from(e: OpError) -> CertificateError {
        CertificateError::Op(e)
    }
}

impl From<crate::store::StoreError> for CertificateError {
    fn from(e: crate::store::StoreError) -> CertificateError {
        CertificateError::Op(OpError::Store(e))
    }
}

impl CertificateError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            CertificateError::Op(e) => e.message(lang),
            CertificateError::Write { path, error } => tr!(
                lang,
                Certificates::CertificateWriteFailed,
                path = path.display(),
                error = error
            ),
            CertificateError::Place { path, error } => tr!(
                lang,
                Certificates::CertificatePlaceFailed,
                path = path.display(),
                error = error
            ),
        }
    }
}

/// Writes the cohort's certificates workbook to `request.output` and records each
/// paper in it: written to a temporary name, committed, then put in place.
pub fn export(
    store: &Store,
    request: &CertificateRequest<'_>,
) -> Result<CertificatesWritten, CertificateError> {
    let plan = plan(store, request)?;
    let write_failed = |error: String| CertificateError::Write {
        path: request.output.to_path_buf(),
        error,
    };
    let bytes = certificates::workbook(&plan.book, request.lang, request.at.naive_utc())
        .map_err(|e| write_failed(e.to_string()))?;
    let staged =
        StagedFile::write(request.output, &bytes).map_err(|e| write_failed(e.to_string()))?;
    record(store, request.at, plan.issues)?;
    staged.put_in_place().map_err(|e| CertificateError::Place {
        path: request.output.to_path_buf(),
        error: e.to_string(),
    })?;
    Ok(plan.written)
}

/// The book to print and the changes that record it.
struct Plan {
    book: CertificateBook,
    issues: Vec<Change>,
    written: CertificatesWritten,
}

fn plan(store: &Store, request: &CertificateRequest<'_>) -> Result<Plan, OpError> {
    let cohort = request.cohort;
    let facts = store.register_facts()?;
    let credit = super::credit::cohort_credit_with(store, cohort, &facts)?;
    let people: HashMap<PersonId, Person> = store
        .roster(&cohort.code)?
        .into_iter()
        .map(|p| (p.id.clone(), p))
        .collect();
    let mut plan = Plan {
        book: empty_book(store, cohort, &credit, request.lang)?,
        issues: Vec::new(),
        written: CertificatesWritten::default(),
    };
    let mut serials = Serials::new(store.desk(), &cohort.code, &facts.issued);
    for one in &credit.people {
        let Some(kind) = paper_for(one) else {
            plan.written.in_progress += usize::from(one.standing == Standing::InProgress);
            continue;
        };
        let (serial, reprint) = serials.serial(&one.person, kind);
        if reprint && !request.reprint {
            plan.written.held_back += 1;
            continue;
        }
        let paper = Paper {
            kind,
            serial,
            reprint,
            person: people.get(&one.person),
        };
        plan.add(request, &credit, one, paper);
    }
    if plan.issues.is_empty() {
        return Err(nothing_to_print(cohort, &plan.written));
    }
    plan.written.no_longer_completing =
        no_longer_completing(&cohort.code, &facts.issued, &credit, &people);
    Ok(plan)
}

/// The names of people given a 结业证书 of this cohort who no longer complete (a rule
/// or a record changed since): the organiser is told; their serials are never reused.
fn no_longer_completing(
    cohort: &str,
    issued: &[Issued],
    credit: &CohortCredit,
    people: &HashMap<PersonId, Person>,
) -> Vec<String> {
    credit
        .people
        .iter()
        .filter(|one| !one.standing.is_completed())
        .filter(|one| {
            issued.iter().any(|i| {
                i.cohort == cohort
                    && i.person == one.person
                    && i.kind == CertificateKind::Completion
            })
        })
        .map(|one| {
            people
                .get(&one.person)
                .map_or_else(|| one.person.to_string(), |p| p.name.clone())
        })
        .collect()
}

/// One paper to print.
struct Paper<'a> {
    kind: CertificateKind,
    serial: String,
    reprint: bool,
    person: Option<&'a Person>,
}

impl Plan {
    /// Adds the page, counts it and the change that records it.
    fn add(
        &mut self,
        request: &CertificateRequest<'_>,
        credit: &CohortCredit,
        one: &PersonCredit,
        paper: Paper<'_>,
    ) {
        let tally = match paper.kind {
            CertificateKind::Completion => &mut self.written.certificates,
            CertificateKind::HoursStatement => &mut self.written.statements,
        };
        if paper.reprint {
            tally.reprinted += 1;
        } else {
            tally.new += 1;
        }
        add_page(
            &mut self.book,
            credit,
            one,
            paper.person,
            &paper.serial,
            request.lang,
        );
        self.issues.push(Change::CertificateIssued {
            cohort: request.cohort.code.clone(),
            person: one.person.clone(),
            kind: paper.kind,
            serial: paper.serial,
            reprint: paper.reprint,
        });
    }
}

/// A 结业证书 for a completer, a 学时证明 for someone who attended and did not complete
/// (or withdrew), nothing for someone still in progress or never there.
fn paper_for(one: &PersonCredit) -> Option<CertificateKind> {
    let attended = one.attended() > 0 || one.credited_minutes > 0;
    match &one.standing {
        Standing::Completed => Some(CertificateKind::Completion),
        Standing::NotCompleted(_) | Standing::Withdrawn { .. } if attended => {
            Some(CertificateKind::HoursStatement)
        }
        _ => None,
    }
}

fn nothing_to_print(cohort: &Cohort, written: &CertificatesWritten) -> OpError {
    let refusal = if written.held_back > 0 {
        Refusal::of(Certificates::CertificateAllIssued)
            .with("cohort", &cohort.code)
            .with("count", written.held_back)
    } else {
        Refusal::of(Certificates::CertificateNothingToIssue)
            .with("cohort", &cohort.code)
            .with("pending", written.in_progress)
    };
    OpError::Refused(refusal)
}

/// Commits one `CertificateIssued` change per paper, their ids in printing order.
fn record(store: &Store, at: DateTime<FixedOffset>, issues: Vec<Change>) -> StoreResult<()> {
    let mut batch = Batch::default();
    for event in store.new_changes(at, &super::who(store), issues)? {
        Store::stage_change(&mut batch, &event);
    }
    store.commit(batch)
}
