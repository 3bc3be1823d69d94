//! Small widgets shared by the screens.

pub mod form;
pub mod input;

pub use crate::display::{sanitize, unsafe_char};
