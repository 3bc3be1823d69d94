//! The operations both front-ends call: each validates its typed input, applies the
//! domain rules, commits once through the store and returns an outcome (or a refusal
//! with nothing written) that the command line prints and the desk draws. Parsing of
//! text typed by a person (levels, base kinds, slots, dates, methods, hours, modules)
//! lives here, never in `cli` or `tui`.

pub mod activity;
pub mod base;
pub mod checkin;
pub mod cohort;
pub mod credit;
pub mod import;
pub mod person;
pub mod record;
pub mod refusal;
pub mod session;
pub mod year;

#[cfg(test)]
mod test_support;

pub use refusal::{OpError, OpResult, Refusal};
