//! 班外学时: hours earned elsewhere (a province class, an online course), recorded with
//! their source and date as change events, and listed from what stands.

use chrono::{DateTime, FixedOffset};

use crate::domain::register::{Change, OutsideHours, RegisterEvent};
use crate::domain::{Level, Person, PersonId};
use crate::store::{Batch, Store};
use crate::text::Upkeep;

use super::cohort::{parse_date, parse_level};
use super::person_edit::find;
use super::person_retire::checked_text;
use super::who::commit_change;
use super::{OpResult, Refusal};

/// Hours as typed: `8` or `2.5` 学时, where they came from, the date (today when
/// empty) and the level (province, city, county; may be empty).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewHours {
    pub hours: String,
    pub source: String,
    pub date: Option<String>,
    pub level: Option<String>,
}

/// Hours written.
#[derive(Debug, Clone, PartialEq)]
pub struct HoursAdded {
    pub person: Person,
    pub tenths: u32,
    pub source: String,
    pub date: chrono::NaiveDate,
    pub level: Option<Level>,
    pub event: RegisterEvent,
}

/// The most one record may hold, in tenths of a 学时 (999.9).
const MAX_TENTHS: u32 = 9999;

/// `8`, `2.5` (full-width digits too) → tenths of a 学时; above 0, at most one decimal.
pub fn parse_tenths(text: &str) -> Result<u32, Refusal> {
    let refusal = || Refusal::of(Upkeep::PersonHoursBad).with("text", text);
    let ascii: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' => '.',
            other => other,
        })
        .collect();
    let (whole, tenth) = match ascii.split_once('.') {
        Some((w, t)) if t.len() == 1 => (w, t),
        Some(_) => return Err(refusal()),
        None => (ascii.as_str(), "0"),
    };
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || !digits(tenth) {
        return Err(refusal());
    }
    let whole: u32 = whole.parse().map_err(|_| refusal())?;
    let tenth: u32 = tenth.parse().map_err(|_| refusal())?;
    let tenths = whole * 10 + tenth;
    if tenths == 0 || tenths > MAX_TENTHS {
        return Err(refusal());
    }
    Ok(tenths)
}

/// Tenths as shown: `8`, `2.5`.
pub fn tenths_text(tenths: u32) -> String {
    match tenths % 10 {
        0 => (tenths / 10).to_string(),
        t => format!("{}.{t}", tenths / 10),
    }
}

/// Records hours earned elsewhere for person `id`. Refused: bad hours, no source, a
/// bad or future date, a bad level. Nothing is written on a refusal.
pub fn add(
    store: &Store,
    now: DateTime<FixedOffset>,
    id: &PersonId,
    input: &NewHours,
) -> OpResult<HoursAdded> {
    let tenths = parse_tenths(&input.hours)?;
    let source = checked_text(
        &input.source,
        Upkeep::PersonHoursNoSource,
        Upkeep::PersonSourceInvalid,
    )?;
    let today = now.date_naive();
    let date = match input
        .date
        .as_deref()
        .map(str::trim)
        .filter(|d| !d.is_empty())
    {
        None => today,
        Some(text) => {
            parse_date(text).ok_or_else(|| Refusal::of(Upkeep::PersonBadDate).with("text", text))?
        }
    };
    if date > today {
        let refusal = Refusal::of(Upkeep::PersonHoursFuture)
            .with("date", date)
            .with("today", today);
        return Err(refusal.into());
    }
    let level = match input
        .level
        .as_deref()
        .map(str::trim)
        .filter(|l| !l.is_empty())
    {
        None => None,
        Some(text) => Some(parse_level(text)?),
    };
    let person = find(store, id)?;
    let change = Change::OutsideHours {
        person: id.clone(),
        tenths,
        source: source.clone(),
        date,
        level,
    };
    let event = commit_change(store, now, change, Batch::default())?;
    Ok(HoursAdded {
        person,
        tenths,
        source,
        date,
        level,
        event,
    })
}

/// The hours from elsewhere that stand for person `id`, by date.
pub fn list(store: &Store, id: &PersonId) -> OpResult<(Person, Vec<OutsideHours>)> {
    let person = find(store, id)?;
    let mut hours = store
        .register_facts()?
        .outside_hours
        .remove(id)
        .unwrap_or_default();
    hours.sort_by(|a, b| a.date.cmp(&b.date).then(a.event_id.cmp(&b.event_id)));
    Ok((person, hours))
}
