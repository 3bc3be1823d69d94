//! The one catalogue of everything lunxun says, in Chinese and English.
//!
//! Each section (one file, one enum) lists its entries as `Name => "中文", "English";`.
//! Arguments are named: `{count}` in the text, `tr!(lang, Section::Name, count = n)` at
//! the call site. Tests (tests.rs, where a new section is listed in `sections()`) check
//! that every entry has both languages with the same placeholders, that Chinese text is
//! Chinese, and that no entry is unused. This module imports nothing else of the crate,
//! so every layer (domain included) may use it.

#[macro_use]
mod catalogue;
mod bases;
mod bundle;
mod certificates;
mod checkin;
mod cohort;
mod commands;
mod coverage;
mod credit;
mod desk;
mod desk_bundle;
mod domain;
mod export;
mod import;
mod lang;
mod merge;
mod names;
mod paper;
mod people_merge;
mod per_desk;
mod record;
mod report;
mod roster;
mod rosters;
mod scanner;
mod sign_out;
mod store;
mod tabular;
mod teaching;
mod timetable;
mod upkeep;

pub use bases::Bases;
pub use bundle::{Bundles, DeskNames};
pub use catalogue::{Arg, Entry, fill};
pub use certificates::Certificates;
pub use checkin::Attendance;
pub use cohort::Cohorts;
pub use commands::Commands;
pub use coverage::Coverage;
pub use credit::Credit;
pub use desk::Desk;
pub use desk_bundle::DeskBundle;
pub use domain::Rules;
pub use export::Export;
pub use import::RosterImport;
pub use lang::Lang;
pub use merge::Merge;
pub use names::Names;
pub use paper::Paper;
pub use people_merge::PeopleMerge;
pub use per_desk::PerDesk;
pub use record::Record;
pub use report::Report;
pub use roster::Roster;
pub use rosters::Rosters;
pub use scanner::Scanner;
pub use sign_out::SigningOut;
pub use store::{Backups, Storage};
pub use tabular::{Tabular, list_of};
pub use teaching::Teaching;
pub use timetable::Timetable;
pub use upkeep::Upkeep;

/// Latin words Chinese text may hold: key names, file formats and encodings, and what a
/// person types in Latin letters (a date format, slot and five-haves codes, pinyin
/// examples). The catalogue's tests and the Chinese-screen test both hold Chinese text to
/// this list.
pub const LATIN_IN_CHINESE: &[&str] = &[
    "Enter",
    "Esc",
    "Tab",
    "Ctrl",
    "Shift",
    "PgUp",
    "PgDn",
    "Home",
    "End",
    "Backspace",
    "CSV",
    "csv",
    "Excel",
    "xlsx",
    "UTF",
    "GBK",
    "GB",
    "YYYY",
    "am",
    "pm",
    "eve",
    "venue",
    "guide",
    "material",
    "site",
    "film",
    "zw",
    "zhangwei",
    "lyt",
];

/// The text of `entry` in `lang` with its `{name}` placeholders filled.
///
/// `tr!(lang, Section::Entry)` or `tr!(lang, Section::Entry, name = value, ...)`; values
/// are anything that implements `Display`.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $entry:expr $(,)?) => {
        $crate::text::Entry::get($entry, $lang).to_string()
    };
    ($lang:expr, $entry:expr, $($key:ident = $value:expr),+ $(,)?) => {
        $crate::text::fill(
            $crate::text::Entry::get($entry, $lang),
            &[$($crate::text::Arg(stringify!($key), &$value)),+],
        )
    };
}

#[cfg(test)]
mod tests;
