//! The cohort report's credit section: who completed (结业), who did not and by which
//! rule, who withdrew (退训) and who was substituted (调换), each with the 学时
//! credited. Built from the cohort's [`CohortCredit`], computed once by the caller.

use std::collections::HashMap;

use serde::Serialize;

use crate::domain::credit::{CohortCredit, CreditRules, PersonCredit, Shortfall, Standing};
use crate::domain::{Person, PersonId};

/// A person with the 学时 credited to them.
#[derive(Debug, Clone, Serialize)]
pub struct CreditedPerson {
    pub person_id: String,
    pub name: String,
    pub unit: String,
    pub county: String,
    pub credited_minutes: u32,
    pub credited_hours: f64,
}

/// Did not complete: the rule that failed, with its figures — minutes for the hours
/// rules (credited or missed, the minutes needed or allowed, the cohort's total),
/// sessions for a legacy cohort's rule (attended, needed, held).
#[derive(Debug, Clone, Serialize)]
pub struct NotCompleted {
    #[serde(flatten)]
    pub person: CreditedPerson,
    /// `too_few_hours`, `too_much_leave` or `too_few_sessions`.
    pub rule: &'static str,
    pub actual: u32,
    pub required: u32,
    pub total: u32,
    /// Worded by the renderers in the reader's language.
    #[serde(skip)]
    pub shortfall: Shortfall,
}

#[derive(Debug, Clone, Serialize)]
pub struct Withdrawn {
    #[serde(flatten)]
    pub person: CreditedPerson,
    pub reason: String,
}

/// 调换: `substitute` took `replaced`'s place.
#[derive(Debug, Clone, Serialize)]
pub struct Substitution {
    pub substitute: CreditedPerson,
    pub replaced: CreditedPerson,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct CreditSection {
    /// Made before the hours rules: completion by the old rule (sessions attended).
    pub legacy: bool,
    pub completers: Vec<CreditedPerson>,
    pub not_completed: Vec<NotCompleted>,
    pub in_progress: Vec<CreditedPerson>,
    pub withdrawn: Vec<Withdrawn>,
    pub substitutes: Vec<Substitution>,
    /// The rules the shortfalls are worded with.
    #[serde(skip)]
    pub rules: CreditRules,
}

/// Sorts the roster into the section's lists, in roster order.
pub fn section(credit: &CohortCredit, roster: &[Person]) -> CreditSection {
    let people: HashMap<&PersonId, &Person> = roster.iter().map(|p| (&p.id, p)).collect();
    let line = |c: &PersonCredit| credited(c, people.get(&c.person).copied(), &credit.rules);
    let mut out = CreditSection {
        legacy: credit.legacy,
        completers: Vec::new(),
        not_completed: Vec::new(),
        in_progress: Vec::new(),
        withdrawn: Vec::new(),
        substitutes: Vec::new(),
        rules: credit.rules.clone(),
    };
    for c in &credit.people {
        match &c.standing {
            Standing::Completed => out.completers.push(line(c)),
            Standing::InProgress => out.in_progress.push(line(c)),
            Standing::NotCompleted(shortfall) => {
                out.not_completed.push(not_completed(line(c), shortfall))
            }
            Standing::Withdrawn {
                reason,
                replaced_by: None,
            } => out.withdrawn.push(Withdrawn {
                person: line(c),
                reason: reason.clone(),
            }),
            Standing::Withdrawn {
                reason,
                replaced_by: Some(by),
            } => out.substitutes.push(Substitution {
                substitute: match credit.person(by) {
                    Some(sub) => line(sub),
                    None => credited_absent(by, people.get(by).copied()),
                },
                replaced: line(c),
                reason: reason.clone(),
            }),
        }
    }
    out
}

/// The rule a shortfall failed, as JSON names it: `too_few_hours`, `too_much_leave` or
/// `too_few_sessions`.
pub fn rule_code(shortfall: &Shortfall) -> &'static str {
    match shortfall {
        Shortfall::TooFewHours { .. } => "too_few_hours",
        Shortfall::TooMuchLeave { .. } => "too_much_leave",
        Shortfall::TooFewSessions { .. } => "too_few_sessions",
    }
}

fn not_completed(person: CreditedPerson, shortfall: &Shortfall) -> NotCompleted {
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let (actual, required, total) = match *shortfall {
        Shortfall::TooFewHours {
            credited,
            needed,
            total,
        } => (credited, needed, total),
        Shortfall::TooMuchLeave {
            missed,
            limit,
            total,
        } => (missed, limit, total),
        Shortfall::TooFewSessions {
            attended,
            sessions,
            percent,
        } => (
            count(attended),
            // The old rule: attended × 100 ≥ sessions × percent.
            count((sessions * usize::from(percent)).div_ceil(100)),
            count(sessions),
        ),
    };
    NotCompleted {
        person,
        rule: rule_code(shortfall),
        actual,
        required,
        total,
        shortfall: shortfall.clone(),
    }
}

fn credited(c: &PersonCredit, person: Option<&Person>, rules: &CreditRules) -> CreditedPerson {
    let mut line = credited_absent(&c.person, person);
    line.credited_minutes = c.credited_minutes;
    line.credited_hours = rules.hours(c.credited_minutes);
    line
}

/// A person known only by id (not on the roster): no hours.
fn credited_absent(id: &PersonId, person: Option<&Person>) -> CreditedPerson {
    CreditedPerson {
        person_id: id.to_string(),
        name: person.map_or_else(|| id.to_string(), |p| p.name.clone()),
        unit: person.map(|p| p.unit.clone()).unwrap_or_default(),
        county: person.map(|p| p.county.clone()).unwrap_or_default(),
        credited_minutes: 0,
        credited_hours: 0.0,
    }
}
