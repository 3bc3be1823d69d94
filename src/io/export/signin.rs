//! The paper sign-in sheet (签到表) for one session: the roster sorted by county, then by
//! name in pinyin order, with an empty column to sign in.

use crate::domain::{Cohort, Person, Session};
use crate::search::full_pinyin;
use crate::text::Lang;

use super::sheet::{Cell, Layout, Sheet};

/// Width of the signature column, in characters.
const SIGNATURE_WIDTH: f64 = 24.0;

/// The sheet's columns; the last is left blank to sign in.
const HEADER: [(&str, &str); 6] = [
    ("序号", "No."),
    ("姓名", "name"),
    ("单位", "unit"),
    ("职务", "position"),
    ("县市区", "county"),
    ("签名", "signature"),
];

pub fn sheet(cohort: &Cohort, session: Session, roster: &[Person], lang: Lang) -> Sheet {
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
    let rows = people
        .iter()
        .enumerate()
        .map(|(n, (_, _, p))| {
            vec![
                (n + 1).into(),
                p.name.as_str().into(),
                p.unit.as_str().into(),
                p.position.as_str().into(),
                p.county.as_str().into(),
                Cell::blank(),
            ]
        })
        .collect();
    Sheet {
        name: lang.pick("签到表", "sign-in").to_string(),
        title: format!("{} {}", cohort.name, lang.pick("签到表", "sign-in sheet")),
        subtitle: subtitle(cohort, session, roster.len(), lang),
        header: HEADER
            .iter()
            .map(|(zh, en)| lang.pick(zh, en).to_string())
            .collect(),
        rows,
        totals: Vec::new(),
        layout: Layout {
            freeze_columns: 0,
            landscape: false,
            for_signing: true,
            min_widths: vec![(5, SIGNATURE_WIDTH)],
        },
    }
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
    match lang {
        Lang::Zh => format!(
            "{date}（第 {} 天）{} {time}{venue} · 应到 {people} 人",
            session.day,
            session.slot.zh()
        ),
        Lang::En => format!(
            "{date} (day {}) {} {time}{venue} · {people} expected",
            session.day,
            session.slot.en()
        ),
    }
}
