//! 学时: what each session is worth, what each person is credited, and whether they
//! complete (结业) — derived from the cohort's rules and the recorded events, never
//! stored by hand.

pub mod record;
pub mod rules;

pub use rules::{CreditRules, Fraction, hours, hours_text};
