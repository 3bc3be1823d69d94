//! 学时登记表 (`lunxun report hours`): every person's 学时 in a year by level —
//! province, city, county, elsewhere — against the annual target, and the list of those
//! below it. The model here is the JSON; [`hours_tables`](super::hours_tables) renders
//! it to Markdown and a workbook.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::domain::credit::record::{LevelHours, YearTotal, tenths_value};
use crate::domain::register::RegisterFacts;
use crate::domain::{Person, PersonId};

#[derive(Debug, Clone, Serialize)]
pub struct HoursReport {
    pub generated_at: String,
    pub year: i32,
    /// The annual target, in 学时.
    pub target: u32,
    /// The county asked for (`--county`), if any.
    pub county: Option<String>,
    /// People on the register (in the county), in post on the report's date.
    pub people: usize,
    pub met: usize,
    pub below: usize,
    /// Hours of everyone listed, by level.
    pub totals: Hours,
    /// One line per person, by county, township, unit and name.
    pub lines: Vec<HoursLine>,
    /// The people below the target, in the same order.
    pub below_target: Vec<HoursLine>,
}

/// 学时 by level, as numbers with one decimal place.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Hours {
    pub province: f64,
    pub city: f64,
    pub county: f64,
    pub elsewhere: f64,
    pub total: f64,
}

impl From<LevelHours> for Hours {
    fn from(h: LevelHours) -> Hours {
        Hours {
            province: tenths_value(h.province),
            city: tenths_value(h.city),
            county: tenths_value(h.county),
            elsewhere: tenths_value(h.elsewhere),
            total: tenths_value(h.total()),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct HoursLine {
    pub person_id: String,
    pub name: String,
    pub unit: String,
    pub county: String,
    pub township: String,
    pub position: String,
    pub hours: Hours,
    pub met: bool,
    /// 学时 still missing to reach the target (0 when met).
    pub short: f64,
}

/// What the report is made from.
pub struct HoursInput<'a> {
    pub year: i32,
    pub target: u32,
    pub county: Option<&'a str>,
    pub register: &'a [Person],
    /// Each person's 学时 in the year (absent: none).
    pub hours: &'a HashMap<PersonId, LevelHours>,
    pub facts: &'a RegisterFacts,
    /// People retired on or before this day are left out (the year's end, or today
    /// when earlier).
    pub as_of: NaiveDate,
    pub generated_at: &'a str,
}

pub fn build(input: HoursInput<'_>) -> HoursReport {
    let county = input.county.map(str::trim).filter(|c| !c.is_empty());
    let mut people: Vec<&Person> = input
        .register
        .iter()
        .filter(|p| county.is_none_or(|c| p.county == c))
        .filter(|p| !input.facts.is_retired_on(&p.id, input.as_of))
        .collect();
    people.sort_by(|a, b| {
        (&a.county, &a.township, &a.unit, &a.name, &a.id).cmp(&(
            &b.county,
            &b.township,
            &b.unit,
            &b.name,
            &b.id,
        ))
    });
    let mut totals = LevelHours::default();
    let lines: Vec<HoursLine> = people
        .iter()
        .map(|p| {
            let hours = input.hours.get(&p.id).copied().unwrap_or_default();
            totals = totals.plus(hours);
            let total = YearTotal {
                year: input.year,
                hours,
                target: input.target,
            };
            line(p, total)
        })
        .collect();
    let below_target: Vec<HoursLine> = lines.iter().filter(|l| !l.met).cloned().collect();
    HoursReport {
        generated_at: input.generated_at.to_string(),
        year: input.year,
        target: input.target,
        county: county.map(str::to_string),
        people: lines.len(),
        met: lines.len() - below_target.len(),
        below: below_target.len(),
        totals: totals.into(),
        lines,
        below_target,
    }
}

fn line(p: &Person, total: YearTotal) -> HoursLine {
    HoursLine {
        person_id: p.id.to_string(),
        name: p.name.clone(),
        unit: p.unit.clone(),
        county: p.county.clone(),
        township: p.township.clone(),
        position: p.position.clone(),
        hours: total.hours.into(),
        met: total.met(),
        short: tenths_value(total.short_tenths()),
    }
}
