//! Timetables (课程表): a cohort's plan of teaching activities from CSV/TXT or Excel,
//! read as a grid of cells by [`crate::io::tabular`] (encodings, line numbers) and checked row
//! by row against the cohort (its days and slots), the module catalogue and the training
//! bases. Pure: the caller loads what the rows are checked against and commits the plan.

pub mod cells;
pub mod column;
pub mod error;
pub mod headers;
pub mod plan;
pub mod report;
pub mod rows;

#[cfg(test)]
mod tests;

use crate::domain::module::Catalogue;
use crate::domain::teaching::TeachingActivity;
use crate::domain::{Cohort, TrainingBase};

use crate::io::tabular::{self, ImportOptions, RawRow, Source};

pub use column::TimetableColumn;
pub use error::{TimetableError, TimetableProblem, TimetableRowError};
pub use headers::TimetableHeader;
pub use plan::{TimetablePlan, Unchanged};
pub use rows::PlannedRow;

/// What a timetable is checked against.
pub struct TimetableInput<'a> {
    pub cohort: &'a Cohort,
    /// The organisers' module catalogue.
    pub current: &'a Catalogue,
    /// The cohort's own copy, once it has one.
    pub own: Option<Catalogue>,
    pub bases: &'a [TrainingBase],
    /// The cohort's activities (deleted ones are not matched).
    pub existing: &'a [TeachingActivity],
}

/// A timetable read, checked and matched against the log.
#[derive(Debug, Clone)]
pub struct TimetableRead {
    pub source: Source,
    pub header: TimetableHeader,
    /// Activity rows (headings and blank rows not counted).
    pub rows: usize,
    pub plan: TimetablePlan,
    /// Every refused row, in file order (the plan's repeats included).
    pub errors: Vec<TimetableRowError>,
    /// The cohort's catalogue to save with the activities, when it is new or has grown.
    pub catalogue: Option<Catalogue>,
}

/// Reads a timetable. `extension` is the file name's, e.g. `csv` (any case).
pub fn read(
    bytes: &[u8],
    extension: &str,
    options: &ImportOptions,
    input: TimetableInput<'_>,
) -> Result<TimetableRead, TimetableError> {
    let table = tabular::read_table(bytes, extension, options)?;
    let header = headers::find_header(&table.rows, input.cohort)?;
    let first_use = input.own.is_none();
    let own = input.own.unwrap_or_else(|| input.current.snapshot());
    let mut context = rows::RowContext {
        cohort: input.cohort,
        current: input.current,
        catalogue: own.clone(),
        bases: input.bases,
    };
    let mut carry = rows::Carry::default();
    let (mut planned, mut errors, mut count) = (Vec::new(), Vec::new(), 0);
    for row in table.rows.iter().skip(header.index + 1) {
        if headers::repeats_header(row, &header) || nothing_read(row, &header) {
            continue;
        }
        match rows::read_row(row, &header, &mut context, &mut carry) {
            Ok(rows::RowOutcome::Activity(activity)) => planned.push(activity),
            Ok(rows::RowOutcome::Heading) => continue,
            Ok(rows::RowOutcome::Unchecked) => {}
            Err(error) => errors.push(error),
        }
        count += 1;
    }
    let plan = plan::plan(planned, input.existing);
    errors.extend(plan.errors.iter().cloned());
    errors.sort_by_key(|e| e.line);
    let grew = context.catalogue != own;
    Ok(TimetableRead {
        source: table.source,
        header,
        rows: count,
        plan,
        errors,
        catalogue: (first_use || grew).then_some(context.catalogue),
    })
}

/// Text only in columns that are not read (序号, 星期, 地点, a footer): not a row.
fn nothing_read(row: &RawRow, header: &TimetableHeader) -> bool {
    row.cells.iter().enumerate().all(|(i, cell)| {
        cell.trim().is_empty() || matches!(header.column(i), None | Some(TimetableColumn::Serial))
    })
}
