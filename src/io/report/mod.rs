//! Reports for the level above: the cohort report (skeleton of a 工作总结), the year
//! report (coverage, the city-level quota, the untrained list) and coverage.
//!
//! - `cohort`, `year`, `teaching`: each report as a plain model built from records;
//!   JSON is that model serialised.
//! - [`table`] and `tables`: each section of a report as one [`table::Table`] built
//!   once from the model, rendered by generic renderers: [`markdown`] (the document:
//!   headings and sentences around the tables) and [`xlsx`] (one tab per table).
//! - [`coverage`]: all coverage output (JSON, Markdown, the warnings in words).
//!
//! Words come from the catalogue (sections `Report` and `Coverage`); same data, same
//! bytes, apart from the generation time.

pub mod cohort;
pub mod coverage;
pub mod hours;
pub mod hours_tables;
mod labels;
pub mod markdown;
pub mod table;
mod tables;
pub mod teaching;
pub mod xlsx;
pub mod year;

use serde::Serialize;

use crate::domain::{Person, mask};

/// A person as reports show them: phone and ID number masked unless asked otherwise.
#[derive(Debug, Clone, Serialize)]
pub struct PersonLine {
    pub person_id: String,
    pub name: String,
    pub unit: String,
    pub county: String,
    pub township: String,
    pub field: Option<&'static str>,
    pub phone: Option<String>,
    pub id_number: Option<String>,
}

impl PersonLine {
    pub fn new(p: &Person, include_sensitive: bool) -> PersonLine {
        let hide = |value: &Option<String>, f: fn(&str) -> String| {
            value.as_deref().map(|v| {
                if include_sensitive {
                    v.to_string()
                } else {
                    f(v)
                }
            })
        };
        PersonLine {
            person_id: p.id.to_string(),
            name: p.name.clone(),
            unit: p.unit.clone(),
            county: p.county.clone(),
            township: p.township.clone(),
            field: p.field.map(|f| f.code()),
            phone: hide(&p.phone, mask::phone),
            id_number: hide(&p.id_number, mask::id_number),
        }
    }
}

/// `(key, count)` pairs in a stable order, for "by field" / "by county" tables.
#[derive(Debug, Clone, Serialize)]
pub struct Count {
    pub key: String,
    pub count: usize,
}
