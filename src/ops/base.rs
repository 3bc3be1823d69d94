//! 培训基地: add a demonstration training base or change its details. A base's name is
//! its handle (the teaching log and timetables name it), so no two bases share one.

use chrono::{DateTime, FixedOffset};

use crate::domain::base::{Accreditation, BaseError, FiveHaves};
use crate::domain::{BaseKind, Level, TrainingBase};
use crate::store::{Batch, Store};
use crate::text::Bases as B;

use super::cohort::parse_date;
use super::{OpResult, Refusal};

/// A base as typed. `haves`: `venue,guide,film` or 场所、讲解员 (or `all`).
/// The accreditation needs both its date (YYYY-MM-DD) and its level (city or county).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewBase {
    pub name: String,
    pub kind: String,
    pub county: String,
    pub haves: String,
    pub accredited: Option<String>,
    pub level: Option<String>,
    pub notes: String,
}

/// Changes to a base, found by its current name; `None` keeps a detail as it is. An
/// empty `accredited` withdraws the accreditation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BaseEdit {
    pub name: String,
    pub new_name: Option<String>,
    pub kind: Option<String>,
    pub county: Option<String>,
    pub haves: Option<String>,
    pub accredited: Option<String>,
    pub level: Option<String>,
    pub notes: Option<String>,
}

/// What came of an edit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BaseEdited {
    /// Written and durable.
    Changed(TrainingBase),
    /// Nothing differs: nothing written.
    Unchanged(TrainingBase),
}

pub fn add(store: &Store, now: DateTime<FixedOffset>, input: &NewBase) -> OpResult<TrainingBase> {
    let base = TrainingBase {
        id: ulid::Ulid::generate().to_string(),
        name: input.name.trim().to_string(),
        kind: parse_kind(&input.kind)?,
        county: input.county.trim().to_string(),
        haves: parse_haves(&input.haves)?,
        accreditation: parse_accreditation(input.accredited.as_deref(), input.level.as_deref())?,
        notes: input.notes.trim().to_string(),
        created_at: now,
        updated_at: None,
    };
    save(store, &base, None)?;
    Ok(base)
}

pub fn edit(store: &Store, now: DateTime<FixedOffset>, input: &BaseEdit) -> OpResult<BaseEdited> {
    let before = store
        .base_named(&input.name)?
        .ok_or_else(|| Refusal::of(B::BaseUnknown).with("name", &input.name))?;
    let mut base = before.clone();
    let trim = |t: &String| t.trim().to_string();
    if let Some(name) = &input.new_name {
        base.name = trim(name);
    }
    if let Some(kind) = &input.kind {
        base.kind = parse_kind(kind)?;
    }
    if let Some(county) = &input.county {
        base.county = trim(county);
    }
    if let Some(haves) = &input.haves {
        base.haves = parse_haves(haves)?;
    }
    if input.accredited.is_some() || input.level.is_some() {
        base.accreditation = edit_accreditation(&before, input)?;
    }
    if let Some(notes) = &input.notes {
        base.notes = trim(notes);
    }
    if base == before {
        return Ok(BaseEdited::Unchanged(base));
    }
    base.updated_at = Some(now);
    save(store, &base, Some(&before.id))?;
    Ok(BaseEdited::Changed(base))
}

/// An empty date withdraws the accreditation; otherwise what is not given (date or
/// level) is kept.
fn edit_accreditation(
    before: &TrainingBase,
    input: &BaseEdit,
) -> Result<Option<Accreditation>, Refusal> {
    if input
        .accredited
        .as_deref()
        .is_some_and(|d| d.trim().is_empty())
    {
        return Ok(None);
    }
    let old_date = before.accreditation.map(|a| a.date.to_string());
    let old_level = before.accreditation.map(|a| a.level.code().to_string());
    let date = input.accredited.clone().or(old_date);
    let level = input.level.clone().or(old_level);
    parse_accreditation(date.as_deref(), level.as_deref())
}

/// Checks and saves a base; its name must not be used by another base.
fn save(store: &Store, base: &TrainingBase, own_id: Option<&str>) -> OpResult<()> {
    base.validate().map_err(|e| match e {
        BaseError::EmptyName => Refusal::of(B::BaseNameEmpty),
        BaseError::BadLevel(_) => Refusal::of(B::BaseAccreditProvince),
    })?;
    if let Some(other) = store.base_named(&base.name)?
        && Some(other.id.as_str()) != own_id
    {
        return Err(Refusal::of(B::BaseNameInUse)
            .with("name", &base.name)
            .into());
    }
    let mut batch = Batch::default();
    Store::stage_base(&mut batch, base);
    store.commit(batch)?;
    Ok(())
}

/// village, community, cooperative or enterprise (or 村, 社区, 合作社, 企业).
pub fn parse_kind(text: &str) -> Result<BaseKind, Refusal> {
    BaseKind::parse(text).ok_or_else(|| Refusal::of(B::BaseBadKind).with("text", text))
}

pub fn parse_haves(text: &str) -> Result<FiveHaves, Refusal> {
    FiveHaves::parse(text).map_err(|bad| Refusal::of(B::BaseBadHave).with("text", bad))
}

/// Both the date and the level, or neither.
pub fn parse_accreditation(
    date: Option<&str>,
    level: Option<&str>,
) -> Result<Option<Accreditation>, Refusal> {
    let date = date.map(str::trim).filter(|d| !d.is_empty());
    let level = level.map(str::trim).filter(|l| !l.is_empty());
    let (date, level) = match (date, level) {
        (None, None) => return Ok(None),
        (Some(date), Some(level)) => (date, level),
        (None, Some(_)) => return Err(Refusal::of(B::BaseLevelWithoutDate)),
        (Some(_), None) => return Err(Refusal::of(B::BaseDateWithoutLevel)),
    };
    let date =
        parse_date(date).ok_or_else(|| Refusal::of(B::BaseBadAccreditDate).with("text", date))?;
    let level = Level::parse(level)
        .filter(|l| *l != Level::Province)
        .ok_or_else(|| Refusal::of(B::BaseBadAccreditLevel).with("text", level))?;
    Ok(Some(Accreditation { date, level }))
}

#[cfg(test)]
#[path = "base_tests.rs"]
mod tests;
