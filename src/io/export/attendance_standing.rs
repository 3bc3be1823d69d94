//! Each person's standing (结业 / 未结业 / 退训 / 调换 / 进行中, in the export's
//! language) and 学时 credited, from the cohort's credit: two columns added at the end
//! of the attendance sheet (xlsx, CSV, Markdown) and fields of the JSON export.

use crate::domain::PersonId;
use crate::domain::credit::CohortCredit;
use crate::text::{Lang, Report};
use crate::tr;

use super::attendance_json::{AttendanceExport, StandingOut};
use super::sheet::{Cell, Sheet};

fn standing_of(credit: &CohortCredit, person: &PersonId, lang: Lang) -> Option<StandingOut> {
    let c = credit.person(person)?;
    Some(StandingOut {
        standing: c.standing.code(),
        standing_label: c.standing.label(lang),
        credited_minutes: c.credited_minutes,
        credited_hours: credit.rules.hours(c.credited_minutes),
    })
}

/// Appends `结业情况 | 认定学时` to the sheet: one pair per row, rows in `people`'s
/// order (the roster the sheet was made from); totals rows padded to the new width.
pub fn add_to_sheet(sheet: &mut Sheet, people: &[PersonId], credit: &CohortCredit, lang: Lang) {
    sheet.header.push(tr!(lang, Report::RptColStanding));
    sheet.header.push(tr!(lang, Report::RptColCredited));
    for (row, person) in sheet.rows.iter_mut().zip(people) {
        match standing_of(credit, person, lang) {
            Some(s) => row.extend([Cell::Text(s.standing_label), Cell::Number(s.credited_hours)]),
            None => row.extend([Cell::blank(), Cell::blank()]),
        }
    }
    let width = sheet.header.len();
    for row in &mut sheet.totals {
        row.resize_with(width.max(row.len()), Cell::blank);
    }
}

/// Fills each attendee's standing and 学时 in the JSON export.
pub fn add_to_json(export: &mut AttendanceExport, credit: &CohortCredit, lang: Lang) {
    for attendee in &mut export.attendees {
        let id = PersonId(attendee.person_id.clone());
        attendee.credit = standing_of(credit, &id, lang);
    }
}
