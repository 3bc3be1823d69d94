//! A cohort's credit: every session's 学时 and every enrolled person's credited 学时
//! and standing, from the cohort's rules and the recorded events.

use std::collections::HashMap;

use crate::domain::attendance::{AttendanceStatus, SignOutStatus, derive_sign_out, derive_status};
use crate::domain::register::RegisterFacts;
use crate::domain::teaching::TeachingActivity;
use crate::domain::{AttendanceEvent, Cohort, PersonId, Session};

use super::session::{SessionCredit, SessionHours, Sitting, credit_session, session_hours};
use super::standing::{Shortfall, Standing};
use crate::domain::rules::{CreditRules, hours_text};

/// What the credit of a cohort is computed from.
pub struct CreditInput<'a> {
    pub cohort: &'a Cohort,
    /// Everyone enrolled, withdrawn people included.
    pub roster: &'a [PersonId],
    pub events: &'a [AttendanceEvent],
    pub activities: &'a [TeachingActivity],
    pub facts: &'a RegisterFacts,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CohortCredit {
    pub rules: CreditRules,
    /// Made before 学时 rules: completion follows the old rule by sessions.
    pub legacy: bool,
    pub sessions: Vec<SessionHours>,
    pub total_minutes: u32,
    /// In roster order.
    pub people: Vec<PersonCredit>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonCredit {
    pub person: PersonId,
    /// In session order.
    pub sessions: Vec<SessionCredit>,
    pub credited_minutes: u32,
    /// Leave and unexcused absence, counted against the leave limit.
    pub missed_minutes: u32,
    pub standing: Standing,
    /// While the cohort is open and completion still possible: how much more the
    /// person can miss and still complete.
    pub can_miss_minutes: Option<u32>,
    /// Missing the longest session still to come would cost them completion.
    pub at_risk: bool,
    /// The person they replaced (调换), if a substitute.
    pub substitute_for: Option<PersonId>,
}

impl PersonCredit {
    pub fn attended(&self) -> usize {
        self.sessions.iter().filter(|s| s.mark.attended()).count()
    }

    /// Attended but not yet certain to complete, and no longer able to: decided against.
    pub fn cannot_complete(&self) -> bool {
        matches!(self.standing, Standing::NotCompleted(_))
    }
}

impl CohortCredit {
    pub fn person(&self, id: &PersonId) -> Option<&PersonCredit> {
        self.people.iter().find(|p| &p.person == id)
    }

    /// How many people are at risk of not completing.
    pub fn at_risk(&self) -> usize {
        self.people.iter().filter(|p| p.at_risk).count()
    }

    pub fn completers(&self) -> impl Iterator<Item = &PersonCredit> {
        self.people.iter().filter(|p| p.standing.is_completed())
    }

    /// Minutes as this cohort's 学时: `3`, `2.7`.
    pub fn hours_text(&self, minutes: u32) -> String {
        hours_text(minutes, self.rules.hour_minutes)
    }

    /// Minutes needed to complete: the completion share of the total, rounded up.
    pub fn needed_minutes(&self) -> u32 {
        needed(&self.rules, self.total_minutes)
    }

    /// The most leave and absence allowed, in minutes.
    pub fn leave_limit_minutes(&self) -> u32 {
        self.rules.leave_limit.of(self.total_minutes)
    }
}

type Thread = (Option<AttendanceStatus>, Option<SignOutStatus>);

/// Every session's 学时 and every enrolled person's credit and standing.
pub fn cohort_credit(input: CreditInput<'_>) -> CohortCredit {
    let cohort = input.cohort;
    let rules = cohort.rules();
    let sessions = session_hours(cohort, input.activities);
    let total_minutes = sessions.iter().map(|s| s.minutes).sum();
    let threads = threads(input.events);
    let mut credit = CohortCredit {
        rules,
        legacy: cohort.credit.is_none(),
        sessions,
        total_minutes,
        people: Vec::with_capacity(input.roster.len()),
    };
    for person in input.roster {
        let one = person_credit(&credit, cohort, person, &threads, input.facts);
        credit.people.push(one);
    }
    credit
}

/// Each person's standing check-in and sign-out per session.
fn threads(events: &[AttendanceEvent]) -> HashMap<(&PersonId, Session), Thread> {
    let mut grouped: HashMap<(&PersonId, Session), Vec<&AttendanceEvent>> = HashMap::new();
    for event in events {
        grouped
            .entry((&event.person, event.session))
            .or_default()
            .push(event);
    }
    grouped
        .into_iter()
        .map(|(key, list)| {
            let status = derive_status(list.iter().copied());
            (key, (status, derive_sign_out(list)))
        })
        .collect()
}

fn person_credit(
    credit: &CohortCredit,
    cohort: &Cohort,
    person: &PersonId,
    threads: &HashMap<(&PersonId, Session), Thread>,
    facts: &RegisterFacts,
) -> PersonCredit {
    let make_ups = facts.make_ups_of(&cohort.code, person);
    let sessions: Vec<SessionCredit> = credit
        .sessions
        .iter()
        .map(|hours| {
            let thread = threads.get(&(person, hours.session));
            let make_up = make_ups.iter().find(|m| m.session == hours.session);
            let sitting = Sitting {
                hours,
                status: thread.and_then(|t| t.0.as_ref()),
                sign_out: thread.and_then(|t| t.1.as_ref()),
                make_up: make_up.map(|m| m.reason.as_str()),
            };
            credit_session(cohort, &credit.rules, sitting)
        })
        .collect();
    let credited_minutes = sessions.iter().map(|s| s.credited_minutes).sum();
    let missed_minutes = sessions
        .iter()
        .zip(&credit.sessions)
        .filter(|(s, _)| s.missed())
        .map(|(_, h)| h.minutes)
        .sum();
    let mut one = PersonCredit {
        person: person.clone(),
        sessions,
        credited_minutes,
        missed_minutes,
        standing: Standing::InProgress,
        can_miss_minutes: None,
        at_risk: false,
        substitute_for: facts
            .substitute_for
            .get(&(cohort.code.clone(), person.clone()))
            .cloned(),
    };
    judge(credit, cohort, &mut one, facts);
    one
}

/// Sets the standing, what the person can still miss and whether they are at risk.
fn judge(credit: &CohortCredit, cohort: &Cohort, one: &mut PersonCredit, facts: &RegisterFacts) {
    if let Some(w) = facts.withdrawal(&cohort.code, &one.person) {
        one.standing = Standing::Withdrawn {
            reason: w.reason.clone(),
            replaced_by: w.replaced_by.clone(),
        };
        return;
    }
    if credit.legacy {
        one.standing = legacy_standing(cohort, one);
        return;
    }
    let pending: Vec<u32> = one
        .sessions
        .iter()
        .zip(&credit.sessions)
        .filter(|(s, _)| s.pending())
        .map(|(_, h)| h.minutes)
        .collect();
    let still_possible: u32 = pending.iter().sum();
    let total = credit.total_minutes;
    let needed = credit.needed_minutes();
    let limit = credit.leave_limit_minutes();
    let (credited, missed) = (one.credited_minutes, one.missed_minutes);
    let shortfall = if missed > limit {
        Some(Shortfall::TooMuchLeave {
            missed,
            limit,
            total,
        })
    } else if credited + still_possible < needed {
        Some(Shortfall::TooFewHours {
            credited,
            needed,
            total,
        })
    } else {
        None
    };
    one.standing = match shortfall {
        Some(shortfall) => Standing::NotCompleted(shortfall),
        // Certain once nothing still to come could push the leave past the limit.
        None if credited >= needed && missed + still_possible <= limit => Standing::Completed,
        None => Standing::InProgress,
    };
    if one.standing == Standing::InProgress || (cohort.open && one.standing.is_completed()) {
        let can_miss = (credited + still_possible - needed).min(limit - missed);
        one.can_miss_minutes = Some(can_miss);
        // At risk: already missed or lost 学时, and missing the longest session still
        // to come would cost completion. (Where one absence alone fails — sessions
        // longer than the leave limit — everyone would be "at risk": that says nothing.)
        let longest = pending.iter().copied().max().unwrap_or(0);
        one.at_risk = lost_some(one, &credit.sessions) && longest > can_miss;
    }
}

/// Missed a session, or was credited less than a session's worth of one attended.
fn lost_some(one: &PersonCredit, sessions: &[SessionHours]) -> bool {
    one.missed_minutes > 0
        || one
            .sessions
            .iter()
            .zip(sessions)
            .any(|(s, h)| s.mark.attended() && s.credited_minutes < h.minutes)
}

/// The rule of a cohort made before 学时 rules: a share of the sessions attended.
fn legacy_standing(cohort: &Cohort, one: &PersonCredit) -> Standing {
    let attended = one.attended();
    if cohort.completes_by_sessions(attended) {
        return Standing::Completed;
    }
    let open = one.sessions.iter().any(SessionCredit::pending);
    if open {
        return Standing::InProgress;
    }
    Standing::NotCompleted(Shortfall::TooFewSessions {
        attended,
        sessions: one.sessions.len(),
        percent: cohort.completion_percent,
    })
}

/// The completion share of `total`, rounded up.
fn needed(rules: &CreditRules, total: u32) -> u32 {
    let share = u64::from(total) * u64::from(rules.completion_percent);
    u32::try_from(share.div_ceil(100)).unwrap_or(u32::MAX)
}
