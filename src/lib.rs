//! lunxun (轮训签到台): check-in desk and records for rotation training of grassroots
//! Party branch secretaries. See README.md for the tour.

pub mod demo;
pub mod domain;
