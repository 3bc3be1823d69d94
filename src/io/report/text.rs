//! Words and Markdown pieces shared by the report renderings: labels for codes in the
//! reader's language, and Markdown tables.

use std::fmt::Write;

use crate::domain::{ActivityStatus, BaseKind, Have};
use crate::text::Lang;

use super::Count;
use super::teaching::ModuleName;

/// A table cell: pipes escaped, line breaks flattened.
pub fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\n', '\r'], " ")
}

pub fn table(out: &mut String, header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) {
    let _ = writeln!(out, "| {} |", header.join(" | "));
    let _ = writeln!(out, "|{}|", vec!["---"; header.len()].join("|"));
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out.push('\n');
}

pub fn counts(out: &mut String, key_header: &str, count_header: &str, list: &[Count]) {
    table(
        out,
        &[key_header, count_header],
        list.iter()
            .map(|c| vec![c.key.clone(), c.count.to_string()]),
    );
}

/// A field code (`village`) as the reader's word (`村`).
pub fn field_label(code: &str, lang: Lang) -> String {
    match (crate::domain::Field::parse(code), lang) {
        (Some(f), Lang::Zh) => f.zh().to_string(),
        _ if code == "unknown" => lang.pick("未填", "unknown").to_string(),
        _ => code.to_string(),
    }
}

/// A cohort's field focus: `村`, or `—` for a cohort open to every field.
pub fn focus_label(field: Option<&str>, lang: Lang) -> String {
    field.map_or_else(|| "—".to_string(), |f| field_label(f, lang))
}

/// A level code (`city`) as the reader's word (`市级`).
pub fn level_label(code: &str, lang: Lang) -> String {
    match (crate::domain::Level::parse(code), lang) {
        (Some(l), Lang::Zh) => l.zh().to_string(),
        _ => code.to_string(),
    }
}

pub fn field_counts(list: &[Count], lang: Lang) -> Vec<Count> {
    list.iter()
        .map(|c| Count {
            key: field_label(&c.key, lang),
            count: c.count,
        })
        .collect()
}

/// `1:am` as `第1天上午` / `day 1 morning`.
pub fn session_label(code: &str, lang: Lang) -> String {
    match crate::domain::Session::parse(code) {
        Some(s) if lang == Lang::Zh => format!("第{}天{}", s.day, s.slot.zh()),
        Some(s) => format!("day {} {}", s.day, s.slot.en()),
        None => code.to_string(),
    }
}

pub fn percent(rate: f64) -> String {
    format!("{:.1}%", rate * 100.0)
}

pub fn yes_no(value: bool, lang: Lang) -> &'static str {
    match value {
        true => lang.pick("是", "yes"),
        false => lang.pick("否", "no"),
    }
}

/// Items joined the way the reader lists them: `甲、乙` / `a, b`; `—` for none.
pub fn list(items: impl IntoIterator<Item = String>, lang: Lang) -> String {
    let items: Vec<String> = items.into_iter().collect();
    if items.is_empty() {
        "—".to_string()
    } else {
        items.join(lang.pick("、", ", "))
    }
}

/// A method code (`lecture`) as `专题辅导` / `thematic lecture`.
pub fn method_label(code: &str, lang: Lang) -> String {
    match crate::domain::Method::parse(code) {
        Some(m) => lang.pick(m.zh(), m.en()).to_string(),
        None => code.to_string(),
    }
}

/// `3 依法治理` / `3 Lawful governance`.
pub fn module_label(module: &ModuleName, lang: Lang) -> String {
    format!(
        "{} {}",
        module.number,
        lang.pick(&module.name, &module.name_en)
    )
}

/// An activity status code as `已举办` / `held`.
pub fn status_label(code: &str, lang: Lang) -> String {
    let status = [
        ActivityStatus::Planned,
        ActivityStatus::Held,
        ActivityStatus::Changed,
    ]
    .into_iter()
    .find(|s| s.code() == code);
    match (status, lang) {
        (Some(s), Lang::Zh) => s.zh().to_string(),
        _ => code.to_string(),
    }
}

/// A base kind code (`village`) as `村`.
pub fn base_kind_label(code: Option<&str>, lang: Lang) -> String {
    match (code.and_then(BaseKind::parse), lang) {
        (Some(k), Lang::Zh) => k.zh().to_string(),
        (Some(k), Lang::En) => k.code().to_string(),
        (None, _) => lang.pick("（未登记）", "(not registered)").to_string(),
    }
}

/// One of the five haves (`film`) as `专题片`.
pub fn have_label(code: &str, lang: Lang) -> String {
    match (Have::parse(code), lang) {
        (Some(h), Lang::Zh) => h.zh().to_string(),
        _ => code.to_string(),
    }
}

/// Hours as written in a table: `2`, `1.5`.
pub fn hours_text(hours: f64) -> String {
    format!("{hours}")
}
