//! The certificates workbook of one cohort, built from a plain [`CertificateBook`]:
//! sheet 1 结业证书 (one framed A4 page per completer), sheet 2 结业证书发放登记表 (who
//! received which certificate, signed for), sheet 3 学时证明 (one page per person who
//! attended but did not complete). The pages are drawn by [`super::certificates_page`].

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use rust_xlsxwriter::XlsxError;

use crate::text::{Certificates, Export, Lang, list_of};
use crate::tr;

use super::certificates_page::{self, Page};
use super::sheet::{Cell, Layout, Sheet};
use super::xlsx_file;

/// Everything printed, already decided: who, which serial, how many 学时.
#[derive(Debug, Clone, PartialEq)]
pub struct CertificateBook {
    /// The cohort's name as printed (`第1期村党组织书记轮训班`).
    pub cohort: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// The cohort's total 学时, as printed (`24`, `22.5`).
    pub total_hours: String,
    /// The modules its held teaching covered, by name.
    pub modules: Vec<String>,
    /// The issuing organisation's line (an editable cell).
    pub issuer: String,
    /// The date printed under the issuer.
    pub dated: NaiveDate,
    pub certificates: Vec<Certificate>,
    pub statements: Vec<Statement>,
}

/// 结业证书 for one completer.
#[derive(Debug, Clone, PartialEq)]
pub struct Certificate {
    pub serial: String,
    pub name: String,
    pub unit: String,
    /// 学时 credited, as printed.
    pub hours: String,
}

/// 学时证明 for one person who attended but did not complete.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    pub serial: String,
    pub name: String,
    pub unit: String,
    pub hours: String,
    pub outcome: Outcome,
}

/// Why a statement and not a certificate.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// 未结业, with the rule that failed in words.
    NotCompleted { reason: String },
    /// 退训, with the reason.
    Withdrawn { reason: String },
    /// 调换: replaced by a substitute, with the reason.
    Replaced { reason: String },
}

/// The workbook's bytes; `created` (UTC) is its recorded creation time, so the same
/// book gives the same bytes.
pub fn workbook(
    book: &CertificateBook,
    lang: Lang,
    created: NaiveDateTime,
) -> Result<Vec<u8>, XlsxError> {
    let mut wb = xlsx_file::new_workbook(created)?;
    let pages: Vec<Page> = book
        .certificates
        .iter()
        .map(|c| certificate_page(book, c, lang))
        .collect();
    let none = tr!(
        lang,
        Certificates::CertificateNonePrinted,
        cohort = book.cohort
    );
    let tab = tr!(lang, Certificates::CertificateTab);
    certificates_page::add_pages(&mut wb, &tab, &pages, &none)?;
    xlsx_file::add_sheet(&mut wb, &register_sheet(book, lang))?;
    let pages: Vec<Page> = book
        .statements
        .iter()
        .map(|s| statement_page(book, s, lang))
        .collect();
    let none = tr!(
        lang,
        Certificates::CertificateNoStatements,
        cohort = book.cohort
    );
    let tab = tr!(lang, Certificates::CertificateStatementTab);
    certificates_page::add_pages(&mut wb, &tab, &pages, &none)?;
    wb.save_to_buffer()
}

fn certificate_page(book: &CertificateBook, c: &Certificate, lang: Lang) -> Page {
    let (start, end) = (date(book.start, lang), date(book.end, lang));
    let body = if book.modules.is_empty() {
        tr!(
            lang,
            Certificates::CertificateBodyNoModules,
            name = c.name,
            unit = c.unit,
            start = start,
            end = end,
            cohort = book.cohort,
            hours = c.hours
        )
    } else {
        tr!(
            lang,
            Certificates::CertificateBody,
            name = c.name,
            unit = c.unit,
            start = start,
            end = end,
            cohort = book.cohort,
            hours = c.hours,
            modules = list_of(lang, &book.modules)
        )
    };
    Page {
        title: tr!(lang, Certificates::CertificateTitle),
        body,
        name: c.name.clone(),
        justify: lang == Lang::Zh,
        issuer: book.issuer.clone(),
        date: date(book.dated, lang),
        serial: tr!(lang, Certificates::CertificateSerial, serial = c.serial),
    }
}

fn statement_page(book: &CertificateBook, s: &Statement, lang: Lang) -> Page {
    let outcome = match &s.outcome {
        Outcome::NotCompleted { reason } => tr!(
            lang,
            Certificates::CertificateOutcomeNotCompleted,
            reason = reason
        ),
        Outcome::Withdrawn { reason } => {
            tr!(
                lang,
                Certificates::CertificateOutcomeWithdrawn,
                reason = reason
            )
        }
        Outcome::Replaced { reason } => {
            tr!(
                lang,
                Certificates::CertificateOutcomeReplaced,
                reason = reason
            )
        }
    };
    let body = tr!(
        lang,
        Certificates::CertificateStatementBody,
        name = s.name,
        unit = s.unit,
        start = date(book.start, lang),
        end = date(book.end, lang),
        cohort = book.cohort,
        total = book.total_hours,
        hours = s.hours,
        outcome = outcome
    );
    Page {
        title: tr!(lang, Certificates::CertificateStatementTitle),
        body,
        name: s.name.clone(),
        justify: lang == Lang::Zh,
        issuer: book.issuer.clone(),
        date: date(book.dated, lang),
        serial: tr!(
            lang,
            Certificates::CertificateStatementSerial,
            serial = s.serial
        ),
    }
}

/// `2015年3月20日` / `20.3.2015`.
fn date(day: NaiveDate, lang: Lang) -> String {
    tr!(
        lang,
        Certificates::CertificateDate,
        year = day.year(),
        month = day.month(),
        day = day.day()
    )
}

/// Width of the signature column, in characters.
const SIGNATURE_WIDTH: f64 = 24.0;
/// Width of the date-received column, in characters.
const RECEIVED_WIDTH: f64 = 14.0;

/// 结业证书发放登记表: one row per certificate in the file, tall rows to sign on.
pub fn register_sheet(book: &CertificateBook, lang: Lang) -> Sheet {
    let rows = book
        .certificates
        .iter()
        .map(|c| {
            vec![
                c.serial.as_str().into(),
                c.name.as_str().into(),
                c.unit.as_str().into(),
                c.hours
                    .parse::<f64>()
                    .map_or_else(|_| c.hours.as_str().into(), Cell::Number),
                Cell::blank(),
                Cell::blank(),
            ]
        })
        .collect();
    let header = [
        tr!(lang, Certificates::CertificateColSerial),
        tr!(lang, Export::ExpColName),
        tr!(lang, Export::ExpColUnit),
        tr!(lang, Certificates::CertificateColHours),
        tr!(lang, Certificates::CertificateColReceiver),
        tr!(lang, Certificates::CertificateColReceived),
    ];
    Sheet {
        name: tr!(lang, Certificates::CertificateRegisterTab),
        title: tr!(
            lang,
            Certificates::CertificateRegisterTitle,
            cohort = book.cohort
        ),
        subtitle: tr!(
            lang,
            Certificates::CertificateRegisterSubtitle,
            start = date(book.start, lang),
            end = date(book.end, lang),
            issuer = book.issuer,
            count = book.certificates.len()
        ),
        header: header.to_vec(),
        rows,
        totals: Vec::new(),
        layout: Layout {
            freeze_columns: 0,
            landscape: false,
            for_signing: true,
            min_widths: vec![(4, SIGNATURE_WIDTH), (5, RECEIVED_WIDTH)],
        },
    }
}
