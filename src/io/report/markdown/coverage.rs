//! The year report's tables of cohorts by level and field, and of modules covered.

use std::fmt::Write;

use crate::io::coverage::MatrixJson;
use crate::text::Lang;

use super::super::text::{focus_label, level_label, list, table};
use super::super::year::LevelFieldCount;

pub fn level_field(out: &mut String, counts: &[LevelFieldCount], lang: Lang) {
    let t = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    table(
        out,
        &[
            t("层级", "Level"),
            t("领域", "Field"),
            t("班次数", "Cohorts"),
        ],
        counts.iter().map(|c| {
            vec![
                level_label(c.level, lang),
                focus_label(c.field, lang),
                c.cohorts.to_string(),
            ]
        }),
    );
}

/// `1 讲话精神` as a column head.
fn column(number: u16, name: &str, name_en: &str, lang: Lang) -> String {
    format!("{number} {}", lang.pick(name, name_en))
}

pub fn matrix(out: &mut String, heading: &str, m: &MatrixJson, lang: Lang) {
    let t = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let _ = writeln!(out, "## {heading}\n");
    if m.cohorts.is_empty() {
        let _ = writeln!(out, "{}\n", t("本年度没有班次。", "No cohorts this year."));
        return;
    }
    let names: Vec<String> = m
        .modules
        .iter()
        .map(|c| column(c.number, &c.name, &c.name_en, lang))
        .collect();
    let mut header = vec![t("班次", "Cohort")];
    header.extend(names.iter().map(String::as_str));
    header.push(t("未覆盖", "Not covered"));
    table(
        out,
        &header,
        m.cohorts.iter().map(|r| {
            let mut row = vec![format!("{} {}", r.code, r.name)];
            row.extend(r.cells.iter().map(|c| match c {
                None => "—".to_string(),
                Some(n) => n.to_string(),
            }));
            row.push(list(r.missing.iter().map(u16::to_string), lang));
            row
        }),
    );
    let _ = writeln!(
        out,
        "{}\n",
        t(
            "表中数字为已举办的教学活动次数；0 为未覆盖，— 为该班次无此模块。",
            "Figures are held teaching activities; 0 is not covered, — is not in the cohort's catalogue."
        )
    );
}
