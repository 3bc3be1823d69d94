//! The paper sign-in sheet (签到表) for one session: the roster sorted by county, then by
//! name in pinyin order, with an empty column to sign in and one to sign out (签退), and
//! last each person's code (人员编码, `domain::person_code`: typed or scanned at the desk
//! it picks that person; a sheet read back can find people by it).

use crate::domain::person_code::PersonCode;
use crate::domain::{Cohort, Person, Session};
use crate::search::full_pinyin;
use crate::text::{Export, Lang, Scanner, SigningOut};
use crate::tr;

use super::sheet::{Cell, Layout, Sheet};

/// Width of the signature column, in characters.
const SIGNATURE_WIDTH: f64 = 24.0;

/// The sheet's columns; the signature column and the sign-out column after it (签退)
/// are left blank.
const HEADER: [Export; 6] = [
    Export::ExpColNo,
    Export::ExpColName,
    Export::ExpColUnit,
    Export::ExpColPosition,
    Export::ExpColCounty,
    Export::ExpColSignature,
];

/// The roster in the printed sheet's order: by county, then name, in pinyin order (the
/// paper importer reads a filled-in sheet back in this order).
pub fn sheet_order(roster: &[Person]) -> Vec<&Person> {
    let mut people: Vec<(String, String, &Person)> = roster
        .iter()
        .map(|p| (full_pinyin(&p.county), full_pinyin(&p.name), p))
        .collect();
    people.sort_by(|a, b| {
        (&a.0, &a.2.county, &a.1, &a.2.name, &a.2.unit).cmp(&(
            &b.0,
            &b.2.county,
            &b.1,
            &b.2.name,
            &b.2.unit,
        ))
    });
    people.into_iter().map(|(_, _, p)| p).collect()
}

pub fn sheet(cohort: &Cohort, session: Session, roster: &[Person], lang: Lang) -> Sheet {
    let people = sheet_order(roster);
    let rows = people
        .iter()
        .enumerate()
        .map(|(n, p)| {
            vec![
                (n + 1).into(),
                p.name.as_str().into(),
                p.unit.as_str().into(),
                p.position.as_str().into(),
                p.county.as_str().into(),
                Cell::blank(),
                Cell::blank(),
                PersonCode::of(&p.id).to_string().into(),
            ]
        })
        .collect();
    Sheet {
        name: tr!(lang, Export::ExpSigninTab),
        title: tr!(lang, Export::ExpSigninTitle, cohort = cohort.name),
        subtitle: subtitle(cohort, session, roster.len(), lang),
        header: header(lang),
        rows,
        totals: Vec::new(),
        layout: Layout {
            freeze_columns: 0,
            landscape: false,
            for_signing: true,
            min_widths: vec![(5, SIGNATURE_WIDTH), (6, SIGNATURE_WIDTH)],
        },
    }
}

fn header(lang: Lang) -> Vec<String> {
    let mut header: Vec<String> = HEADER.iter().map(|e| tr!(lang, *e)).collect();
    header.push(tr!(lang, SigningOut::SignOutColSignature));
    header.push(tr!(lang, Scanner::ScanFieldCode));
    header
}

/// `2015-03-16（第 1 天）上午 08:30 · 岳阳市委党校 · 应到 60 人`
fn subtitle(cohort: &Cohort, session: Session, people: usize, lang: Lang) -> String {
    let date = cohort.date_of(session.day);
    let time = cohort
        .starts_at(session)
        .map(|t| t.format("%H:%M").to_string())
        .unwrap_or_default();
    let venue = if cohort.venue.is_empty() {
        String::new()
    } else {
        format!(" · {}", cohort.venue)
    };
    tr!(
        lang,
        Export::ExpSigninSubtitle,
        date = date,
        day = session.day,
        slot = session.slot.label(lang),
        time = time,
        venue = venue,
        people = people
    )
}
