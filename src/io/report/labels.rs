//! Words for codes in the reader's language, shared by the report tables: fields,
//! levels, sessions, methods, modules, statuses, bases. Domain words come from the
//! domain's own names (`label(lang)`, section Names); everything else from the catalogue.

use crate::domain::{ActivityStatus, BaseKind, Have};
use crate::text::{Lang, Report};
use crate::tr;

/// A field code (`village`) as the reader's word (`村`).
pub fn field_label(code: &str, lang: Lang) -> String {
    match crate::domain::Field::parse(code) {
        Some(f) => f.label(lang).to_string(),
        None if code == "unknown" => tr!(lang, Report::RptFieldUnknown),
        None => code.to_string(),
    }
}

/// A cohort's field focus: `村`, or `—` for a cohort open to every field.
pub fn focus_label(field: Option<&str>, lang: Lang) -> String {
    field.map_or_else(|| "—".to_string(), |f| field_label(f, lang))
}

/// A level code (`city`) as the reader's word (`市级`).
pub fn level_label(code: &str, lang: Lang) -> String {
    match crate::domain::Level::parse(code) {
        Some(l) => l.label(lang).to_string(),
        None => code.to_string(),
    }
}

/// `1:am` as `第1天上午` / `day 1 morning`.
pub fn session_label(code: &str, lang: Lang) -> String {
    match crate::domain::Session::parse(code) {
        Some(s) => s.label(lang),
        None => code.to_string(),
    }
}

/// A session code's slot word: `上午` / `morning`.
pub fn slot_label(code: &str, lang: Lang) -> String {
    crate::domain::Session::parse(code).map_or_else(String::new, |s| s.slot.label(lang).to_string())
}

pub fn yes_no(value: bool, lang: Lang) -> String {
    match value {
        true => tr!(lang, Report::RptYes),
        false => tr!(lang, Report::RptNo),
    }
}

/// Items joined the way the reader lists them: `甲、乙` / `a, b`; `—` for none.
pub fn list(items: impl IntoIterator<Item = String>, lang: Lang) -> String {
    let items: Vec<String> = items.into_iter().collect();
    if items.is_empty() {
        "—".to_string()
    } else {
        items.join(separator(lang))
    }
}

/// `、` between Chinese items, `, ` between English ones.
pub fn separator(lang: Lang) -> &'static str {
    crate::text::Tabular::ListSeparator.get(lang)
}

/// `，` in Chinese, `, ` in English.
pub fn comma(lang: Lang) -> &'static str {
    Report::RptComma.get(lang)
}

/// `text（aside）` / `text (aside)`: the brackets of the reader's language.
pub fn aside(text: &str, aside: &str, lang: Lang) -> String {
    tr!(lang, Report::RptAside, text = text, aside = aside)
}

/// A method code (`lecture`) as `专题辅导` / `thematic lecture`.
pub fn method_label(code: &str, lang: Lang) -> String {
    match crate::domain::Method::parse(code) {
        Some(m) => m.label(lang).to_string(),
        None => code.to_string(),
    }
}

/// `1 讲话精神` as a column head or a row label.
pub fn module_column(number: u16, name: &str, name_en: &str, lang: Lang) -> String {
    // Module names are the organisers' data, kept in both languages.
    let name = if lang == Lang::Zh { name } else { name_en };
    format!("{number} {name}")
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
    match status {
        Some(s) => s.label(lang).to_string(),
        None => code.to_string(),
    }
}

/// A base kind code (`village`) as `村`.
pub fn base_kind_label(code: Option<&str>, lang: Lang) -> String {
    match code.and_then(BaseKind::parse) {
        Some(k) => k.label(lang).to_string(),
        None => tr!(lang, Report::RptBaseNotRegistered),
    }
}

/// One of the five haves (`film`) as `专题片`.
pub fn have_label(code: &str, lang: Lang) -> String {
    match Have::parse(code) {
        Some(h) => h.label(lang).to_string(),
        None => code.to_string(),
    }
}

/// Hours as written in a table: `2`, `1.5`.
pub fn hours_text(hours: f64) -> String {
    format!("{hours}")
}
