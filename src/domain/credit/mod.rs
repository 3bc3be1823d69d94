//! 学时: what each session is worth, what each person is credited, and whether they
//! complete (结业) — derived from the cohort's rules and the recorded events, never
//! stored by hand.

pub mod cohort;
pub mod record;
pub mod session;
pub mod standing;

pub use crate::domain::rules::{CreditRules, Fraction, hours, hours_text};
pub use cohort::{CohortCredit, CreditInput, PersonCredit, cohort_credit};
pub use session::{SessionCredit, SessionHours, session_hours};
pub use standing::{Shortfall, Standing};

#[cfg(test)]
mod tests;
