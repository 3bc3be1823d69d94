//! The demo: a generated register and a first cohort, so a new user can try the desk.
//! Also the data source for benchmarks. Pure: nothing here touches the store.

mod names;
mod places;
mod register;
mod rng;

pub use register::generate_register;
