//! Each section of the reports as one [`Table`], built once from the report's model;
//! the Markdown report and the workbook render the same tables.

pub mod cohort;
pub mod cohort_credit;
pub mod teaching;
pub mod year;

use crate::text::{Lang, Report};
use crate::tr;

use super::table::{Table, size, text};

/// A two-column table of counts (`领域 | 人数`).
fn counts(
    tab: String,
    title: String,
    key: String,
    list: impl Iterator<Item = (String, usize)>,
    lang: Lang,
) -> Table {
    Table::new(tab, title)
        .column(key)
        .column(tr!(lang, Report::RptColPeople))
        .with_rows(list.map(|(key, n)| vec![text(key), size(n)]))
}
