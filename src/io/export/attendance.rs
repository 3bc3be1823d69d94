//! The attendance sheet: one row per enrolled person, one column per session, then each
//! person's totals, and per-session totals underneath.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset};

use crate::domain::attendance::derive_all;
use crate::domain::report::{Mark, attendance::mark};
use crate::domain::{AttendanceEvent, AttendanceStatus, Cohort, Person, PersonId, Session};
use crate::text::{Export, Lang};
use crate::tr;

use super::people::Privacy;
use super::sheet::{Cell, Layout, Sheet};

/// The word for a mark in a sheet cell (empty for "nothing yet").
fn label(mark: Mark, lang: Lang) -> String {
    let entry = match mark {
        Mark::Present => Export::ExpMarkPresent,
        Mark::Late => Export::ExpMarkLate,
        Mark::Leave => Export::ExpMarkLeave,
        Mark::Absent => Export::ExpMarkAbsent,
        Mark::None => return String::new(),
    };
    tr!(lang, entry)
}

/// Every person's derived status, looked up per session.
pub struct Marks {
    statuses: HashMap<(PersonId, Session), AttendanceStatus>,
}

impl Marks {
    pub fn new(events: &[AttendanceEvent]) -> Marks {
        Marks {
            statuses: derive_all(events),
        }
    }

    /// The mark, and the standing event's time and reason.
    pub fn get(
        &self,
        cohort: &Cohort,
        person: &PersonId,
        session: Session,
    ) -> (Mark, Option<&AttendanceStatus>) {
        let status = self.statuses.get(&(person.clone(), session));
        (mark(cohort, session, status), status)
    }
}

#[derive(Default)]
struct Tally {
    attended: usize,
    late: usize,
    leave: usize,
    absent: usize,
}

impl Tally {
    fn add(&mut self, mark: Mark) {
        match mark {
            Mark::Present => self.attended += 1,
            Mark::Late => {
                self.attended += 1;
                self.late += 1;
            }
            Mark::Leave => self.leave += 1,
            Mark::Absent => self.absent += 1,
            Mark::None => {}
        }
    }
}

pub fn sheet(
    cohort: &Cohort,
    roster: &[Person],
    events: &[AttendanceEvent],
    lang: Lang,
    privacy: Privacy,
) -> Sheet {
    let marks = Marks::new(events);
    let sessions = cohort.sessions();
    let mut per_session: Vec<Tally> = sessions.iter().map(|_| Tally::default()).collect();
    let mut overall = Tally::default();
    let mut rows = Vec::with_capacity(roster.len());
    for (n, person) in roster.iter().enumerate() {
        let mut row: Vec<Cell> = vec![
            (n + 1).into(),
            person.name.as_str().into(),
            person.unit.as_str().into(),
            person.county.as_str().into(),
            privacy.phone(person).into(),
            privacy.id_number(person).into(),
        ];
        let mut tally = Tally::default();
        for (i, session) in sessions.iter().enumerate() {
            let (mark, status) = marks.get(cohort, &person.id, *session);
            tally.add(mark);
            per_session[i].add(mark);
            overall.add(mark);
            row.push(mark_text(cohort, *session, mark, status, lang).into());
        }
        row.extend(tally_cells(&tally, sessions.len()));
        rows.push(row);
    }
    Sheet {
        name: tr!(lang, Export::ExpAttendanceTab),
        title: tr!(lang, Export::ExpAttendanceTitle, cohort = cohort.name),
        subtitle: subtitle(cohort, roster.len(), lang),
        header: header(cohort, &sessions, lang),
        rows,
        totals: totals(&per_session, &overall, lang),
        layout: Layout {
            freeze_columns: 2,
            landscape: true,
            ..Layout::default()
        },
    }
}

fn header(cohort: &Cohort, sessions: &[Session], lang: Lang) -> Vec<String> {
    let words =
        |entries: &[Export]| -> Vec<String> { entries.iter().map(|e| tr!(lang, *e)).collect() };
    let mut header = words(&[
        Export::ExpColNo,
        Export::ExpColName,
        Export::ExpColUnit,
        Export::ExpColCounty,
        Export::ExpColPhone,
        Export::ExpColIdNumber,
    ]);
    for s in sessions {
        let date = cohort.date_of(s.day).format("%m-%d");
        header.push(format!("{date} {}", s.slot.label(lang)));
    }
    header.extend(words(&[
        Export::ExpColAttended,
        Export::ExpColLate,
        Export::ExpColLeave,
        Export::ExpColAbsent,
        Export::ExpColRate,
    ]));
    header
}

fn subtitle(cohort: &Cohort, people: usize, lang: Lang) -> String {
    tr!(
        lang,
        Export::ExpAttendanceSubtitle,
        start = cohort.start,
        end = cohort.end_date(),
        days = cohort.days,
        sessions = cohort.sessions().len(),
        people = people
    )
}

/// `出席 08:25`, `迟到 08:45`, `请假：生病`, `缺勤`; the date too when the record was
/// made on another day than the session.
fn mark_text(
    cohort: &Cohort,
    session: Session,
    mark: Mark,
    status: Option<&AttendanceStatus>,
    lang: Lang,
) -> String {
    let label = label(mark, lang);
    let Some(status) = status else {
        return label;
    };
    if mark == Mark::Leave {
        return match status.reason.as_deref().filter(|r| !r.is_empty()) {
            Some(reason) => tr!(lang, Export::ExpLeaveReason, reason = reason),
            None => label,
        };
    }
    format!("{label} {}", time_text(cohort, session, status.at))
}

fn time_text(cohort: &Cohort, session: Session, at: DateTime<FixedOffset>) -> String {
    if at.date_naive() == cohort.date_of(session.day) {
        at.format("%H:%M").to_string()
    } else {
        at.format("%m-%d %H:%M").to_string()
    }
}

fn tally_cells(tally: &Tally, sessions: usize) -> Vec<Cell> {
    let rate = if sessions == 0 {
        String::new()
    } else {
        format!("{:.0}%", tally.attended as f64 * 100.0 / sessions as f64)
    };
    vec![
        tally.attended.into(),
        tally.late.into(),
        tally.leave.into(),
        tally.absent.into(),
        rate.into(),
    ]
}

/// Four rows under the people: how many attended, were late, on leave, absent.
fn totals(per_session: &[Tally], overall: &Tally, lang: Lang) -> Vec<Vec<Cell>> {
    type Pick = fn(&Tally) -> usize;
    let lines: [(Export, Pick); 4] = [
        (Export::ExpTotalAttended, |t| t.attended),
        (Export::ExpTotalLate, |t| t.late),
        (Export::ExpTotalLeave, |t| t.leave),
        (Export::ExpTotalAbsent, |t| t.absent),
    ];
    lines
        .iter()
        .enumerate()
        .map(|(i, (entry, pick))| {
            let mut row: Vec<Cell> = vec![Cell::blank(), tr!(lang, *entry).into()];
            row.extend((0..4).map(|_| Cell::blank()));
            row.extend(per_session.iter().map(|t| pick(t).into()));
            let mut summary: Vec<Cell> = (0..5).map(|_| Cell::blank()).collect();
            summary[i] = pick(overall).into();
            row.extend(summary);
            row
        })
        .collect()
}
