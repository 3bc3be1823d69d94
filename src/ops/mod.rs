//! The operations both front-ends call: each validates its typed input, applies the
//! domain rules, commits once through the store and returns an outcome (or a refusal
//! with nothing written) that the command line prints and the desk draws.

pub mod checkin;
pub mod import;
pub mod year;
