//! The attendance sheet: one row per enrolled person, one column per session (the mark,
//! and the sign-out or early leave after it), then each person's totals (early leaves
//! last), and per-session totals underneath.

use std::collections::HashMap;

use crate::domain::attendance::Source;

use chrono::{DateTime, FixedOffset};

use crate::domain::attendance::{SignOutStatus, derive_all};
use crate::domain::report::{Mark, attendance::mark};
use crate::domain::sign_out::{derive_all_sign_outs, early_leave};
use crate::domain::{AttendanceEvent, AttendanceStatus, Cohort, Person, PersonId, Session};
use crate::text::{Export, Lang, Paper, SigningOut};
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

/// Every person's derived status and standing sign-out, looked up per session.
pub struct Marks {
    statuses: HashMap<(PersonId, Session), AttendanceStatus>,
    sign_outs: HashMap<(PersonId, Session), SignOutStatus>,
    /// Events entered from a paper sheet (补录): their id and when they were typed in.
    paper: HashMap<String, Option<DateTime<FixedOffset>>>,
}

/// A standing sign-out (签退) and, when it was early leave (早退), the minutes early.
#[derive(Debug, Clone, Copy)]
pub struct Departure<'a> {
    pub status: &'a SignOutStatus,
    pub early: Option<u32>,
}

impl Marks {
    pub fn new(events: &[AttendanceEvent]) -> Marks {
        Marks {
            statuses: derive_all(events),
            sign_outs: derive_all_sign_outs(events),
            paper: events
                .iter()
                .filter(|e| e.source == Source::Paper)
                .map(|e| (e.id.clone(), e.entered_at))
                .collect(),
        }
    }

    /// Where a standing status came from; for paper, when it was entered.
    pub fn source(&self, status: &AttendanceStatus) -> (Source, Option<DateTime<FixedOffset>>) {
        match self.paper.get(&status.event_id) {
            Some(entered) => (Source::Paper, *entered),
            None => (Source::Desk, None),
        }
    }

    /// The person's standing sign-out in the session, if any.
    pub fn departure(
        &self,
        cohort: &Cohort,
        person: &PersonId,
        session: Session,
    ) -> Option<Departure<'_>> {
        let status = self.sign_outs.get(&(person.clone(), session))?;
        let early = early_leave(cohort, session, status.at.naive_local());
        Some(Departure { status, early })
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
    /// 早退: sign-outs that were early leave.
    early: usize,
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
            let departure = marks.departure(cohort, &person.id, *session);
            let early = departure.is_some_and(|d| d.early.is_some());
            for t in [&mut tally, &mut per_session[i], &mut overall] {
                t.add(mark);
                t.early += usize::from(early);
            }
            let mut text = mark_text(cohort, *session, mark, status, lang);
            if status.is_some_and(|s| marks.source(s).0 == Source::Paper) {
                text = format!("{text} · {}", tr!(lang, Paper::PaperSourcePaper));
            }
            if let Some(departure) = departure {
                text = format!(
                    "{text} · {}",
                    departure_text(cohort, *session, departure, lang)
                );
            }
            row.push(text.into());
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
    header.push(tr!(lang, SigningOut::SignOutColEarly));
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

/// `签退 11:28`, or `早退 10:40（看病）`.
fn departure_text(cohort: &Cohort, session: Session, d: Departure<'_>, lang: Lang) -> String {
    let time = time_text(cohort, session, d.status.at);
    match d.early {
        None => tr!(lang, SigningOut::SignOutMark, time = time),
        Some(_) => {
            let reason = d.status.reason.as_deref().unwrap_or("—");
            tr!(
                lang,
                SigningOut::SignOutEarlyMark,
                time = time,
                reason = reason
            )
        }
    }
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
        tally.early.into(),
    ]
}

/// Five rows under the people: how many attended, were late, on leave, absent, left
/// early; each total also under its column of the people's tallies.
fn totals(per_session: &[Tally], overall: &Tally, lang: Lang) -> Vec<Vec<Cell>> {
    type Pick = fn(&Tally) -> usize;
    // (label, count, its column among the six tally columns)
    let lines: [(String, Pick, usize); 5] = [
        (tr!(lang, Export::ExpTotalAttended), |t| t.attended, 0),
        (tr!(lang, Export::ExpTotalLate), |t| t.late, 1),
        (tr!(lang, Export::ExpTotalLeave), |t| t.leave, 2),
        (tr!(lang, Export::ExpTotalAbsent), |t| t.absent, 3),
        (tr!(lang, SigningOut::SignOutTotalEarly), |t| t.early, 5),
    ];
    lines
        .into_iter()
        .map(|(label, pick, column)| {
            let mut row: Vec<Cell> = vec![Cell::blank(), label.into()];
            row.extend((0..4).map(|_| Cell::blank()));
            row.extend(per_session.iter().map(|t| pick(t).into()));
            let mut summary: Vec<Cell> = (0..6).map(|_| Cell::blank()).collect();
            summary[column] = pick(overall).into();
            row.extend(summary);
            row
        })
        .collect()
}
