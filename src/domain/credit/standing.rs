//! Where a person stands in a cohort: completed (结业), not completed (未结业, with the
//! rule that failed), withdrawn (退训) or replaced (调换), or still in progress.

use crate::domain::PersonId;
use crate::text::{Credit, Lang};
use crate::tr;

use crate::domain::rules::{CreditRules, hours_text};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Standing {
    Completed,
    NotCompleted(Shortfall),
    /// Withdrawn (退训), or replaced by a substitute (调换) when `replaced_by` is set.
    Withdrawn {
        reason: String,
        replaced_by: Option<PersonId>,
    },
    /// The cohort is open and the outcome not yet certain.
    InProgress,
}

/// The completion rule a person failed. Minutes, shown as 学时 by [`Shortfall::message`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shortfall {
    /// Credited less than the completion share of the total.
    TooFewHours {
        credited: u32,
        needed: u32,
        total: u32,
    },
    /// Leave and unexcused absence together past the leave limit.
    TooMuchLeave { missed: u32, limit: u32, total: u32 },
    /// A cohort made before 学时 rules: attended fewer than its share of sessions.
    TooFewSessions {
        attended: usize,
        sessions: usize,
        percent: u8,
    },
}

impl Standing {
    pub fn code(&self) -> &'static str {
        match self {
            Standing::Completed => "completed",
            Standing::NotCompleted(_) => "not_completed",
            Standing::Withdrawn {
                replaced_by: None, ..
            } => "withdrawn",
            Standing::Withdrawn { .. } => "substituted",
            Standing::InProgress => "in_progress",
        }
    }

    /// 结业 / 未结业 / 退训 / 调换 / 进行中.
    pub fn label(&self, lang: Lang) -> String {
        let entry = match self {
            Standing::Completed => Credit::CreditStandingCompleted,
            Standing::NotCompleted(_) => Credit::CreditStandingNotCompleted,
            Standing::Withdrawn {
                replaced_by: None, ..
            } => Credit::CreditStandingWithdrawn,
            Standing::Withdrawn { .. } => Credit::CreditStandingSubstituted,
            Standing::InProgress => Credit::CreditStandingInProgress,
        };
        tr!(lang, entry)
    }

    pub fn is_completed(&self) -> bool {
        matches!(self, Standing::Completed)
    }

    pub fn is_withdrawn(&self) -> bool {
        matches!(self, Standing::Withdrawn { .. })
    }
}

impl Shortfall {
    /// Which rule failed and by how much, in `lang`, in 学时 of the cohort's `rules`.
    pub fn message(&self, lang: Lang, rules: &CreditRules) -> String {
        let h = |minutes: &u32| hours_text(*minutes, rules.hour_minutes);
        match self {
            Shortfall::TooFewHours {
                credited,
                needed,
                total,
            } => tr!(
                lang,
                Credit::CreditTooFewHours,
                credited = h(credited),
                total = h(total),
                percent = rules.completion_percent,
                needed = h(needed)
            ),
            Shortfall::TooMuchLeave {
                missed,
                limit,
                total,
            } => tr!(
                lang,
                Credit::CreditTooMuchLeave,
                missed = h(missed),
                total = h(total),
                limit_share = rules.leave_limit,
                limit = h(limit)
            ),
            Shortfall::TooFewSessions {
                attended,
                sessions,
                percent,
            } => tr!(
                lang,
                Credit::CreditTooFewSessions,
                attended = attended,
                sessions = sessions,
                percent = percent
            ),
        }
    }
}
