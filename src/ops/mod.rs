//! The operations both front-ends call: each validates its input, applies the domain
//! rules, commits once through the store and returns an outcome that the command line
//! prints and the desk draws. Parsing of text typed by a person (levels, base kinds,
//! slots, dates, methods, hours, modules) lives here, never in `cli` or `tui`.

pub mod activity;
pub mod base;
pub mod cohort;
pub mod refusal;
pub mod session;

pub use refusal::{OpError, OpResult, Refusal};
