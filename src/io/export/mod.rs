//! Reports out: attendance, roster and the paper sign-in sheet, each built once as a
//! [`Sheet`] and written as CSV, Excel, Markdown or JSON ([`to_json`]; attendance and the
//! roster have their own JSON, one record per person).

pub mod attendance;
pub mod attendance_json;
pub mod attendance_standing;
pub mod certificates;
mod certificates_page;
#[cfg(test)]
mod certificates_tests;
pub mod csv_file;
pub mod escape;
pub mod json;
pub mod markdown;
pub mod people;
pub mod sheet;
pub mod signin;
pub mod signin_read;
pub mod xlsx_file;

pub use csv_file::to_csv;
pub use json::to_json;
pub use markdown::to_markdown;
pub use people::Privacy;
pub use sheet::{Cell, Layout, Sheet};
pub use xlsx_file::to_workbook;
