//! The demo: a generated register, training bases and two cohorts dated from the
//! clock, so a new user can try every screen of the desk. The generators are pure (the
//! register also feeds the benchmarks); `install` writes them to a store.

mod attendance;
mod cohorts;
mod install;
mod names;
mod places;
mod register;
mod rng;
mod timetable;

pub use cohorts::cohort_name;
pub use install::{DemoOutcome, install};
pub use register::generate_register;
