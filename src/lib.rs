//! lunxun (轮训签到台): check-in desk and records for rotation training of grassroots
//! Party branch secretaries. See README.md for the tour.

pub mod cli;
pub mod clock;
pub mod demo;
pub mod display;
pub mod domain;
pub mod io;
pub mod ops;
pub mod search;
pub mod store;
pub mod text;
pub mod tui;
