//! `cohort edit`: change a cohort's name, venue, dates, slots, grace or 学时 rules. Each
//! changed setting is a [`Change::CohortEdited`] (old and new as shown), committed with
//! the cohort record. A change that would leave recorded check-ins or teaching
//! activities outside the cohort (a day or slot removed that has them) is refused,
//! naming the sessions; so is moving the start of a cohort with check-ins (their times
//! belong to its present dates). Slot times may change (to correct an end time, say). A cohort made before rules (legacy) gets rules when edited: the
//! defaults, with the values given.

use chrono::{DateTime, FixedOffset};

use crate::domain::credit::CreditRules;
use crate::domain::register::{Change, RegisterEvent};
use crate::domain::{Cohort, Session};
use crate::store::{Batch, Store};
use crate::text::{Lang, Rosters as R, Tabular};

use super::cohort::{find, parse_date, parse_field, parse_level};
use super::cohort_rules::{RulesInput, parse_slots, slots_text};
use super::roster::refuse_closed;
use super::{OpError, OpResult, Refusal, who};

/// The settings given; `None` keeps the cohort's own.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CohortEdit {
    pub name: Option<String>,
    pub venue: Option<String>,
    /// YYYY-MM-DD.
    pub start: Option<String>,
    pub days: Option<String>,
    pub slots: Option<String>,
    pub level: Option<String>,
    pub field: Option<String>,
    pub grace_minutes: Option<u32>,
    pub rules: RulesInput,
}

/// What `edit` did: the cohort as it stands, and one change per setting changed (none:
/// nothing was written). `legacy_percent`: it had the old rule (this share of sessions).
#[derive(Debug, Clone)]
pub struct Edited {
    pub cohort: Cohort,
    pub changes: Vec<RegisterEvent>,
    pub legacy_percent: Option<u8>,
}

/// Edits the cohort `code`. Nothing is written on a refusal or when nothing changes.
pub fn edit(
    store: &Store,
    now: DateTime<FixedOffset>,
    code: &str,
    input: &CohortEdit,
) -> OpResult<Edited> {
    let old = find(store, code)?;
    refuse_closed(&old)?;
    let new = edited(&old, input)?;
    refuse_orphans(store, &old, &new)?;
    let diffs = settings(&old)
        .into_iter()
        .zip(settings(&new))
        .filter(|(a, b)| a.1 != b.1)
        .map(|((field, old), (_, new))| (field, old, new))
        .collect::<Vec<_>>();
    let legacy_percent = old.credit.is_none().then_some(old.completion_percent);
    if diffs.is_empty() {
        return Ok(Edited {
            cohort: old,
            changes: vec![],
            legacy_percent: None,
        });
    }
    let mut new = new;
    new.updated_at = Some(now);
    let mut batch = Batch::default();
    Store::stage_cohort(&mut batch, &new);
    let edits = diffs
        .into_iter()
        .map(|(field, old, new_text)| Change::CohortEdited {
            cohort: new.code.clone(),
            field: field.to_string(),
            old,
            new: new_text,
        });
    let changes = store.new_changes(now, &who(store), edits)?;
    for event in &changes {
        Store::stage_change(&mut batch, event);
    }
    store.commit(batch)?;
    Ok(Edited {
        cohort: new,
        changes,
        legacy_percent,
    })
}

/// The cohort with the settings given, checked; a legacy cohort gets rules.
fn edited(old: &Cohort, input: &CohortEdit) -> OpResult<Cohort> {
    let mut new = old.clone();
    if let Some(name) = &input.name {
        new.name = name.trim().to_string();
    }
    if let Some(venue) = &input.venue {
        new.venue = venue.trim().to_string();
    }
    if let Some(start) = &input.start {
        let refusal = || Refusal::of(crate::text::Cohorts::CohortBadStart).with("text", start);
        new.start = parse_date(start).ok_or_else(refusal)?;
    }
    if let Some(days) = &input.days {
        let bad = |_| OpError::Cohort(crate::domain::cohort::CohortError::BadDays);
        new.days = days.trim().parse::<u16>().map_err(bad)?;
    }
    if let Some(slots) = &input.slots {
        new.slots = parse_slots(slots)?;
    }
    if let Some(level) = &input.level {
        new.level = parse_level(level)?;
    }
    if input.field.is_some() {
        new.field_focus = parse_field(input.field.as_deref())?;
    }
    if let Some(grace) = input.grace_minutes {
        new.grace_minutes = grace;
    }
    new.credit = Some(input.rules.apply(old.rules())?);
    new.validate().map_err(OpError::Cohort)?;
    let sessions = new.sessions();
    new.closed_sessions.retain(|s| sessions.contains(s));
    Ok(new)
}

/// Every setting `cohort edit` changes, as (name, value as shown). The rules of a
/// legacy cohort show as its old rule, so that giving it rules is a change.
pub fn settings(cohort: &Cohort) -> Vec<(&'static str, String)> {
    let mut list = vec![
        ("name", cohort.name.clone()),
        ("venue", cohort.venue.clone()),
        ("start", cohort.start.to_string()),
        ("days", cohort.days.to_string()),
        ("slots", slots_text(&cohort.slots)),
        ("level", cohort.level.code().to_string()),
        (
            "field",
            cohort
                .field_focus
                .map(|f| f.code())
                .unwrap_or_default()
                .to_string(),
        ),
        ("grace", cohort.grace_minutes.to_string()),
    ];
    let legacy = || format!("{}% of sessions", cohort.completion_percent);
    let value = |show: fn(&CreditRules) -> String| cohort.credit.as_ref().map_or_else(legacy, show);
    list.extend([
        ("hour_minutes", value(|r| r.hour_minutes.to_string())),
        (
            "hours_per_session",
            value(|r| r.hours_per_session.to_string()),
        ),
        (
            "completion",
            value(|r| format!("{}%", r.completion_percent)),
        ),
        ("leave_limit", value(|r| r.leave_limit.to_string())),
        (
            "late_allowance",
            value(|r| r.late_allowance_minutes.to_string()),
        ),
        ("early_leave", value(|r| r.early_leave_minutes.to_string())),
        (
            "early_allowance",
            value(|r| r.early_allowance_minutes.to_string()),
        ),
        (
            "sign_out_required",
            value(|r| r.sign_out_required.to_string()),
        ),
    ]);
    list
}

/// Refuses an edit that would leave records in sessions the cohort no longer has, or
/// move the dates of check-ins already recorded (their times are on the present dates).
fn refuse_orphans(store: &Store, old: &Cohort, new: &Cohort) -> OpResult<()> {
    if old.start != new.start {
        let count = store.events(&old.code)?.len();
        if count > 0 {
            let refusal = Refusal::of(R::CohortEditStartMoved)
                .with("code", &old.code)
                .with("count", count);
            return Err(refusal.into());
        }
    }
    let gone: Vec<Session> = old
        .sessions()
        .into_iter()
        .filter(|s| !new.has_session(*s))
        .collect();
    if gone.is_empty() {
        return Ok(());
    }
    let events = store.events(&old.code)?;
    let activities = store.activities(&old.code)?;
    let mut orphans = Vec::new();
    for session in gone {
        let checkins = events.iter().filter(|e| e.session == session).count();
        let taught = activities
            .iter()
            .filter(|a| a.details.session == session && a.deleted.is_none())
            .count();
        if checkins + taught > 0 {
            orphans.push((session, checkins, taught));
        }
    }
    if orphans.is_empty() {
        return Ok(());
    }
    let words = |lang: Lang| {
        let one = |(s, e, a): &(Session, usize, usize)| {
            let session = s.label(lang);
            crate::tr!(
                lang,
                R::CohortEditOrphan,
                session = session,
                events = e,
                activities = a
            )
        };
        let sep = crate::tr!(lang, Tabular::ListSeparator);
        orphans.iter().map(one).collect::<Vec<_>>().join(&sep)
    };
    Err(Refusal::of(R::CohortEditOrphans)
        .with("code", &old.code)
        .with_worded("sessions", words)
        .into())
}
