//! The operations both front-ends call: each validates its typed input, applies the
//! domain rules, commits once through the store and returns an outcome (or a refusal
//! with nothing written) that the command line prints and the desk draws. Parsing of
//! text typed by a person (levels, base kinds, slots, dates, methods, hours, modules)
//! lives here, never in `cli` or `tui`.

pub mod activity;
pub mod base;
pub mod bundle_collect;
pub mod bundle_export;
mod certificate_book;
mod certificate_serials;
pub mod certificates;
pub mod checkin;
pub mod cohort;
pub mod cohort_edit;
pub mod cohort_rules;
pub mod credit;
pub mod desk;
pub mod import;
pub mod merge;
pub mod paper;
pub mod paper_sheet;
pub mod person;
pub mod person_edit;
pub mod person_history;
pub mod person_hours;
pub mod person_list;
pub mod person_merge;
pub mod person_retire;
pub mod record;
pub mod refusal;
pub mod roster;
pub mod roster_undo;
pub mod session;
pub mod signout;
pub mod who;
pub mod year;

#[cfg(test)]
mod test_support;

pub use refusal::{OpError, OpResult, Refusal};
pub use who::who;
