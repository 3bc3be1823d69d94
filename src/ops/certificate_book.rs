//! The pages of a cohort's certificates workbook, worded from its credit: the cohort's
//! side (dates, total 学时, the modules its held teaching covered, the issuer) and one
//! 结业证书 or 学时证明 per person.

use crate::domain::credit::{CohortCredit, PersonCredit, Standing};
use crate::domain::{Cohort, Person};
use crate::io::export::certificates::{Certificate, CertificateBook, Outcome, Statement};
use crate::store::{Store, StoreResult};
use crate::text::{Certificates, Lang};
use crate::tr;

/// The cohort's side of the book: dates, total 学时, modules covered, issuer.
pub(super) fn empty_book(
    store: &Store,
    cohort: &Cohort,
    credit: &CohortCredit,
    lang: Lang,
) -> StoreResult<CertificateBook> {
    let issuer = if cohort.venue.trim().is_empty() {
        tr!(
            lang,
            Certificates::CertificateIssuerBlank,
            level = cohort.level.label(lang)
        )
    } else {
        cohort.venue.clone()
    };
    Ok(CertificateBook {
        cohort: cohort.name.clone(),
        start: cohort.start,
        end: cohort.end_date(),
        total_hours: credit.hours_text(credit.total_minutes),
        modules: modules_covered(store, cohort, lang)?,
        issuer,
        dated: cohort.end_date(),
        certificates: Vec::new(),
        statements: Vec::new(),
    })
}

/// The modules of the cohort's held, not deleted teaching activities, in the order of
/// their numbers, named from the cohort's catalogue.
fn modules_covered(store: &Store, cohort: &Cohort, lang: Lang) -> StoreResult<Vec<String>> {
    let mut numbers: Vec<u16> = store
        .activities(&cohort.code)?
        .iter()
        .filter(|a| a.deleted.is_none() && a.status.took_place())
        .flat_map(|a| a.details.modules.iter().copied())
        .collect();
    numbers.sort_unstable();
    numbers.dedup();
    let catalogue = store.catalogue_for(&cohort.code)?;
    Ok(numbers
        .iter()
        .filter_map(|n| catalogue.get(*n))
        .map(|m| m.name(lang).to_string())
        .collect())
}

pub(super) fn add_page(
    book: &mut CertificateBook,
    credit: &CohortCredit,
    one: &PersonCredit,
    person: Option<&Person>,
    serial: &str,
    lang: Lang,
) {
    let name = person.map_or_else(|| one.person.to_string(), |p| p.name.clone());
    let unit = person.map(|p| p.unit.clone()).unwrap_or_default();
    let hours = credit.hours_text(one.credited_minutes);
    let serial = serial.to_string();
    let outcome = match &one.standing {
        Standing::Completed | Standing::InProgress => {
            book.certificates.push(Certificate {
                serial,
                name,
                unit,
                hours,
            });
            return;
        }
        Standing::NotCompleted(shortfall) => Outcome::NotCompleted {
            reason: shortfall.message(lang, &credit.rules),
        },
        Standing::Withdrawn {
            reason,
            replaced_by: None,
        } => Outcome::Withdrawn {
            reason: reason.clone(),
        },
        Standing::Withdrawn { reason, .. } => Outcome::Replaced {
            reason: reason.clone(),
        },
    };
    book.statements.push(Statement {
        serial,
        name,
        unit,
        hours,
        outcome,
    });
}
