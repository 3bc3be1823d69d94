//! The demo: a generated register and a first cohort, so a new user can try the desk.
//! The generator is pure and also feeds the benchmarks; `install` writes it to a store.

mod install;
mod names;
mod places;
mod register;
mod rng;

pub use install::{DEMO_COHORT_NAME, DemoOutcome, install};
pub use register::generate_register;
