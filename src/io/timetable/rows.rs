//! One timetable row → a planned activity, or the reason it is refused.
//!
//! Timetables merge the date and slot cells over the rows of a day (Excel keeps the value
//! in the first row only), so an empty date or day is taken from the row above, and an
//! empty slot too when the row is on the same day as the row above.

use crate::domain::module::{Catalogue, ModuleError};
use crate::domain::person::MAX_TEXT;
use crate::domain::{ActivityDetails, Cohort, Session, SlotKind, TrainingBase};

use crate::io::tabular::RawRow;

use super::cells;
use super::column::TimetableColumn as C;
use super::error::{TimetableProblem, TimetableRowError};
use super::headers::TimetableHeader;

/// An activity read from one row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedRow {
    pub line: usize,
    pub details: ActivityDetails,
}

/// What the rows are checked against. `catalogue` is the cohort's copy of the module
/// catalogue and grows when a row names a module only `current` has.
pub struct RowContext<'a> {
    pub cohort: &'a Cohort,
    pub current: &'a Catalogue,
    pub catalogue: Catalogue,
    pub bases: &'a [TrainingBase],
}

/// The day and slot a row with empty cells takes from the rows above.
#[derive(Debug, Clone, Copy, Default)]
pub enum Carry {
    #[default]
    Nothing,
    Day(u16, Option<SlotKind>),
    /// The row above had a bad date or slot: rows relying on it are not checked.
    Broken,
}

/// What a row turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowOutcome {
    Activity(PlannedRow),
    /// Only a date, day or slot (a day's heading row): sets them for the rows below.
    Heading,
    /// Relies on a row above that has an error; reported there.
    Unchecked,
}

type Checked<T> = Result<T, TimetableProblem>;

/// Reads one data row, updating `carry` for the rows below.
pub fn read_row(
    row: &RawRow,
    header: &TimetableHeader,
    context: &mut RowContext<'_>,
    carry: &mut Carry,
) -> Result<RowOutcome, TimetableRowError> {
    let fail = |problem| TimetableRowError {
        line: row.line,
        problem,
    };
    let cells = Cells { row, header };
    let found = day_and_slot(&cells, context.cohort, carry).map_err(fail)?;
    let is_heading = [C::Title, C::Method, C::Modules, C::Lecturer, C::Base]
        .iter()
        .all(|c| cells.raw(*c).is_empty());
    match found {
        _ if is_heading => Ok(RowOutcome::Heading),
        None => Ok(RowOutcome::Unchecked),
        Some((_, None)) => Err(fail(TimetableProblem::NoSlot)),
        Some((day, Some(slot))) => {
            let details = details(&cells, Session::new(day, slot), context).map_err(fail)?;
            Ok(RowOutcome::Activity(PlannedRow {
                line: row.line,
                details,
            }))
        }
    }
}

/// The cells of one row by column.
struct Cells<'a> {
    row: &'a RawRow,
    header: &'a TimetableHeader,
}

impl Cells<'_> {
    fn raw(&self, column: C) -> &str {
        self.header
            .position(column)
            .map_or("", |i| self.row.cell(i).trim())
    }

    fn was_number(&self, column: C) -> bool {
        self.header
            .position(column)
            .is_some_and(|i| self.row.number_cells.contains(&i))
    }

    /// The cell on one line (Alt+Enter breaks become spaces), checked.
    fn text(&self, column: C) -> Checked<String> {
        let raw = self.raw(column);
        if raw.chars().count() > MAX_TEXT {
            return Err(TimetableProblem::TooLong {
                column,
                limit: MAX_TEXT,
            });
        }
        let text: String = raw
            .split(['\r', '\n', '\t'])
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        if text.chars().any(char::is_control) {
            return Err(TimetableProblem::ControlChars(column));
        }
        Ok(text)
    }
}

/// The row's day and slot (`None` when it has none); `None` when it relies on a
/// broken row above.
fn day_and_slot(
    cells: &Cells<'_>,
    cohort: &Cohort,
    carry: &mut Carry,
) -> Checked<Option<(u16, Option<SlotKind>)>> {
    let day = match own_day(cells, cohort) {
        Ok(Some(day)) => day,
        Ok(None) => match *carry {
            Carry::Day(day, _) => day,
            Carry::Broken => return Ok(None),
            Carry::Nothing => return Err(TimetableProblem::NoDay),
        },
        Err(problem) => {
            *carry = Carry::Broken;
            return Err(problem);
        }
    };
    let slot = match slot(cells, cohort, day, *carry) {
        Ok(slot) => slot,
        Err(problem) => {
            *carry = Carry::Broken;
            return Err(problem);
        }
    };
    *carry = Carry::Day(day, slot);
    Ok(Some((day, slot)))
}

/// The day the row's own date or day cell names, if any, checked against the cohort.
fn own_day(cells: &Cells<'_>, cohort: &Cohort) -> Checked<Option<u16>> {
    let date_text = cells.text(C::Date)?;
    let day_text = cells.text(C::Day)?;
    let by_date = match date_text.as_str() {
        "" => None,
        text => {
            let date = cells::parse_date(text, cells.was_number(C::Date), cohort)
                .ok_or_else(|| TimetableProblem::BadDate { value: shown(text) })?;
            let (first, last) = (cohort.start, cohort.end_date());
            if date < first || date > last {
                return Err(TimetableProblem::DateOutside { date, first, last });
            }
            let day = (date - first).num_days() + 1;
            Some((date, u16::try_from(day).unwrap_or(u16::MAX)))
        }
    };
    let by_day = match day_text.as_str() {
        "" => None,
        text => {
            let day = cells::parse_day(text)
                .ok_or_else(|| TimetableProblem::BadDay { value: shown(text) })?;
            if day > cohort.days {
                let days = cohort.days;
                return Err(TimetableProblem::DayOutside { day, days });
            }
            Some(day)
        }
    };
    match (by_date, by_day) {
        (Some((date, day_of_date)), Some(day)) if day != day_of_date => {
            Err(TimetableProblem::DateDayDisagree {
                date,
                day_of_date,
                day,
            })
        }
        (Some((_, day)), _) | (None, Some(day)) => Ok(Some(day)),
        (None, None) => Ok(None),
    }
}

/// The row's slot: its own, the cohort's only one, or the row above's on the same day.
/// `None` for a heading row that names only a day.
fn slot(cells: &Cells<'_>, cohort: &Cohort, day: u16, carry: Carry) -> Checked<Option<SlotKind>> {
    let text = cells.text(C::Slot)?;
    let slot = if !text.is_empty() {
        cells::parse_slot(&text).ok_or_else(|| TimetableProblem::BadSlot {
            value: shown(&text),
        })?
    } else if let [only] = cohort.slots.as_slice() {
        only.kind
    } else {
        match carry {
            Carry::Day(above, Some(slot)) if above == day => slot,
            _ => return Ok(None),
        }
    };
    if !cohort.has_session(Session::new(day, slot)) {
        let slots = cohort.slots.iter().map(|s| s.kind).collect();
        return Err(TimetableProblem::SlotNotInCohort { slot, slots });
    }
    Ok(Some(slot))
}

/// Everything but the session; modules, base and hours checked.
fn details(
    cells: &Cells<'_>,
    session: Session,
    context: &mut RowContext<'_>,
) -> Checked<ActivityDetails> {
    let title = cells.text(C::Title)?;
    if title.is_empty() {
        return Err(TimetableProblem::NoTitle);
    }
    let method_text = cells.text(C::Method)?;
    if method_text.is_empty() {
        return Err(TimetableProblem::NoMethod);
    }
    let method = cells::parse_method(&method_text).ok_or_else(|| TimetableProblem::BadMethod {
        value: shown(&method_text),
    })?;
    let modules = modules(&cells.text(C::Modules)?, context)?;
    let base = base(&cells.text(C::Base)?, context.bases)?;
    let hours = cells.text(C::Hours)?;
    let (minutes, class_hours) = match hours.as_str() {
        "" => (None, None),
        text => {
            let given = cells::parse_hours_cell(text)
                .ok_or_else(|| TimetableProblem::BadHours { value: shown(text) })?;
            let (minutes, class_hours) = given.stored(context.cohort.rules().hour_minutes);
            (Some(minutes), class_hours)
        }
    };
    Ok(ActivityDetails {
        session,
        method,
        title,
        lecturer: cells.text(C::Lecturer)?,
        role: cells.text(C::Role)?,
        modules,
        minutes,
        class_hours,
        base,
        notes: cells.text(C::Notes)?,
    })
}

/// `1,3`, `模块一、模块三`, `一、三`, `讲话精神；党章党纪` → module numbers.
fn modules(text: &str, context: &mut RowContext<'_>) -> Checked<Vec<u16>> {
    if text.is_empty() {
        return Err(TimetableProblem::NoModules);
    }
    match context.catalogue.extend_with(context.current, text) {
        Ok((numbers, _)) => Ok(numbers),
        Err(ModuleError::Retired(number)) => Err(TimetableProblem::RetiredModule { number }),
        Err(ModuleError::Unknown(value)) => Err(TimetableProblem::UnknownModule {
            value: shown(&value),
        }),
        Err(_) => Err(TimetableProblem::NoModules),
    }
}

/// A base by name, as its id.
fn base(name: &str, bases: &[TrainingBase]) -> Checked<Option<String>> {
    if name.is_empty() {
        return Ok(None);
    }
    match bases.iter().find(|b| b.is_named(name)) {
        Some(base) => Ok(Some(base.id.clone())),
        None => Err(TimetableProblem::UnknownBase { value: shown(name) }),
    }
}

/// A user's value quoted in a message: at most 20 characters.
fn shown(text: &str) -> String {
    let mut out: String = text.chars().filter(|c| !c.is_control()).take(20).collect();
    if text.chars().count() > 20 {
        out.push('…');
    }
    out
}
