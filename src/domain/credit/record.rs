//! 培训档案: one person's training record — every cohort they were on with the 学时
//! credited and their standing, the hours recorded from elsewhere, make-ups — and a
//! year's total by level against the annual target (56 学时 of concentrated training a
//! year for grassroots secretaries). Pure: built from each cohort's [`CohortCredit`].
//!
//! Sums are kept in tenths of a 学时 so that cohorts with different `hour_minutes` and
//! hours from elsewhere (recorded in tenths) add up exactly.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use crate::domain::cohort::{Cohort, Level};
use crate::domain::person::PersonId;
use crate::domain::register::{OutsideHours, RegisterFacts, Retirement};
use crate::domain::session::Session;

use super::{CohortCredit, CreditRules, PersonCredit, Standing};

/// The national plan's annual target: 56 学时 of concentrated training a year.
pub const DEFAULT_ANNUAL_TARGET: u32 = 56;

/// A session made up afterwards (补课), credited in full.
#[derive(Debug, Clone, PartialEq)]
pub struct MakeUpLine {
    pub session: Session,
    pub reason: String,
}

/// One cohort in a person's record.
#[derive(Debug, Clone, PartialEq)]
pub struct CohortLine {
    pub code: String,
    pub name: String,
    pub level: Level,
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// Sessions checked in (present or late); make-ups are counted apart.
    pub sessions_attended: usize,
    pub sessions_total: usize,
    pub credited_minutes: u32,
    /// The cohort's total 学时, in minutes.
    pub total_minutes: u32,
    /// Minutes in one of this cohort's 学时.
    pub hour_minutes: u32,
    /// The cohort's rules (a failed rule is worded with them).
    pub rules: CreditRules,
    pub standing: Standing,
    pub make_ups: Vec<MakeUpLine>,
    /// Set when this person came in as a substitute (调换) for someone.
    pub substitute_for: Option<PersonId>,
}

impl CohortLine {
    /// The person's line in a cohort whose credit was computed once.
    pub fn new(cohort: &Cohort, credit: &CohortCredit, person: &PersonCredit) -> CohortLine {
        let make_ups = person
            .sessions
            .iter()
            .filter_map(|s| {
                s.make_up.as_ref().map(|reason| MakeUpLine {
                    session: s.session,
                    reason: reason.clone(),
                })
            })
            .collect();
        CohortLine {
            code: cohort.code.clone(),
            name: cohort.name.clone(),
            level: cohort.level,
            start: cohort.start,
            end: cohort.end_date(),
            sessions_attended: person.sessions.iter().filter(|s| s.mark.attended()).count(),
            sessions_total: credit.sessions.len(),
            credited_minutes: person.credited_minutes,
            total_minutes: credit.total_minutes,
            hour_minutes: credit.rules.hour_minutes,
            rules: credit.rules.clone(),
            standing: person.standing.clone(),
            make_ups,
            substitute_for: person.substitute_for.clone(),
        }
    }

    /// 学时 credited, in tenths (rounded to the nearest tenth, as shown).
    pub fn credited_tenths(&self) -> u32 {
        tenths(self.credited_minutes, self.hour_minutes)
    }

    /// The year the cohort counts in: the year it started (as in the year report).
    pub fn year(&self) -> i32 {
        self.start.year()
    }
}

/// `minutes` in tenths of a 学时 of `hour_minutes`, rounded to the nearest tenth.
pub fn tenths(minutes: u32, hour_minutes: u32) -> u32 {
    let hour = u64::from(hour_minutes.max(1));
    let t = (u64::from(minutes) * 10 + hour / 2) / hour;
    u32::try_from(t).unwrap_or(u32::MAX)
}

/// Tenths of a 学时 as shown: `56`, `54.5`.
pub fn tenths_text(tenths: u32) -> String {
    if tenths.is_multiple_of(10) {
        (tenths / 10).to_string()
    } else {
        format!("{}.{}", tenths / 10, tenths % 10)
    }
}

/// Tenths of a 学时 as a number, for JSON and workbooks.
pub fn tenths_value(tenths: u32) -> f64 {
    f64::from(tenths) / 10.0
}

/// A year's 学时 by level, in tenths. Hours from elsewhere count under their level when
/// one was recorded, else under `elsewhere`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LevelHours {
    pub province: u32,
    pub city: u32,
    pub county: u32,
    pub elsewhere: u32,
}

impl LevelHours {
    pub fn add(&mut self, level: Option<Level>, tenths: u32) {
        let slot = match level {
            Some(Level::Province) => &mut self.province,
            Some(Level::City) => &mut self.city,
            Some(Level::County) => &mut self.county,
            None => &mut self.elsewhere,
        };
        *slot = slot.saturating_add(tenths);
    }

    pub fn total(&self) -> u32 {
        self.province
            .saturating_add(self.city)
            .saturating_add(self.county)
            .saturating_add(self.elsewhere)
    }

    /// Adds another person's hours (a register's totals row).
    pub fn plus(self, other: LevelHours) -> LevelHours {
        LevelHours {
            province: self.province.saturating_add(other.province),
            city: self.city.saturating_add(other.city),
            county: self.county.saturating_add(other.county),
            elsewhere: self.elsewhere.saturating_add(other.elsewhere),
        }
    }
}

/// A person's 学时 in one year against the annual target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearTotal {
    pub year: i32,
    pub hours: LevelHours,
    /// The annual target in whole 学时.
    pub target: u32,
}

impl YearTotal {
    pub fn met(&self) -> bool {
        self.short_tenths() == 0
    }

    /// Tenths of a 学时 still missing to reach the target (0 when met, 达标).
    pub fn short_tenths(&self) -> u32 {
        self.target
            .saturating_mul(10)
            .saturating_sub(self.hours.total())
    }
}

/// 培训档案: one person's record.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainingRecord {
    pub person: PersonId,
    /// Oldest first.
    pub cohorts: Vec<CohortLine>,
    /// Hours recorded from elsewhere, oldest first.
    pub outside: Vec<OutsideHours>,
    /// No longer in post from a date (换届, 调离); the record stays.
    pub retired: Option<Retirement>,
}

impl TrainingRecord {
    pub fn new(
        person: PersonId,
        mut cohorts: Vec<CohortLine>,
        facts: &RegisterFacts,
    ) -> TrainingRecord {
        cohorts.sort_by(|a, b| (a.start, &a.code).cmp(&(b.start, &b.code)));
        let mut outside = facts
            .outside_hours
            .get(&person)
            .cloned()
            .unwrap_or_default();
        outside.sort_by(|a, b| (a.date, &a.event_id).cmp(&(b.date, &b.event_id)));
        TrainingRecord {
            retired: facts.retired.get(&person).cloned(),
            person,
            cohorts,
            outside,
        }
    }

    /// The year's 学时 by level: the cohorts that started in the year and the hours
    /// from elsewhere dated in it.
    pub fn year_total(&self, year: i32, target: u32) -> YearTotal {
        let mut hours = LevelHours::default();
        for line in self.cohorts.iter().filter(|c| c.year() == year) {
            hours.add(Some(line.level), line.credited_tenths());
        }
        add_outside(&mut hours, &self.outside, year);
        YearTotal {
            year,
            hours,
            target,
        }
    }
}

fn add_outside(hours: &mut LevelHours, outside: &[OutsideHours], year: i32) {
    for o in outside.iter().filter(|o| o.date.year() == year) {
        hours.add(o.level, o.tenths);
    }
}

/// Every person's 学时 in `year` by level, from the year's cohorts (each cohort's credit
/// computed once, whatever the number of people) and the hours from elsewhere. People
/// with no hours are absent from the map.
pub fn year_hours<'a>(
    year: i32,
    cohorts: impl IntoIterator<Item = (&'a Cohort, &'a CohortCredit)>,
    facts: &RegisterFacts,
) -> HashMap<PersonId, LevelHours> {
    let mut by_person: HashMap<PersonId, LevelHours> = HashMap::new();
    for (cohort, credit) in cohorts {
        if cohort.start.year() != year {
            continue;
        }
        for person in &credit.people {
            let t = tenths(person.credited_minutes, credit.rules.hour_minutes);
            by_person
                .entry(person.person.clone())
                .or_default()
                .add(Some(cohort.level), t);
        }
    }
    for (person, outside) in &facts.outside_hours {
        add_outside(by_person.entry(person.clone()).or_default(), outside, year);
    }
    by_person
}

#[cfg(test)]
#[path = "record_tests.rs"]
mod tests;
