//! The attendance sheet: one row per enrolled person, one column per session, then each
//! person's totals, and per-session totals underneath.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset};

use crate::domain::attendance::derive_all;
use crate::domain::report::{Mark, attendance::mark};
use crate::domain::{AttendanceEvent, AttendanceStatus, Cohort, Person, PersonId, Session};
use crate::text::Lang;

use super::people::Privacy;
use super::sheet::{Cell, Layout, Sheet};

/// The word for a mark in a sheet cell (empty for "nothing yet").
fn label(mark: Mark, lang: Lang) -> &'static str {
    match mark {
        Mark::Present => lang.pick("出席", "present"),
        Mark::Late => lang.pick("迟到", "late"),
        Mark::Leave => lang.pick("请假", "leave"),
        Mark::Absent => lang.pick("缺勤", "absent"),
        Mark::None => "",
    }
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
        name: lang.pick("考勤", "attendance").to_string(),
        title: format!("{} {}", cohort.name, lang.pick("考勤表", "attendance")),
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
    let mut header: Vec<String> = [
        ("序号", "No."),
        ("姓名", "name"),
        ("单位", "unit"),
        ("县市区", "county"),
        ("电话", "phone"),
        ("身份证号", "ID number"),
    ]
    .iter()
    .map(|(zh, en)| lang.pick(zh, en).to_string())
    .collect();
    for s in sessions {
        let date = cohort.date_of(s.day).format("%m-%d");
        header.push(match lang {
            Lang::Zh => format!("{date} {}", s.slot.zh()),
            Lang::En => format!("{date} {}", s.slot.code()),
        });
    }
    for (zh, en) in [
        ("出勤", "attended"),
        ("迟到", "late"),
        ("请假", "leave"),
        ("缺勤", "absent"),
        ("出勤率", "rate"),
    ] {
        header.push(lang.pick(zh, en).to_string());
    }
    header
}

fn subtitle(cohort: &Cohort, people: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "{} 至 {} · 共 {} 天 {} 场 · {people} 人",
            cohort.start,
            cohort.end_date(),
            cohort.days,
            cohort.sessions().len()
        ),
        Lang::En => format!(
            "{} to {} · {} days, {} sessions · {people} people",
            cohort.start,
            cohort.end_date(),
            cohort.days,
            cohort.sessions().len()
        ),
    }
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
        return label.to_string();
    };
    if mark == Mark::Leave {
        return match status.reason.as_deref().filter(|r| !r.is_empty()) {
            Some(reason) => format!("{label}{}{reason}", lang.pick("：", ": ")),
            None => label.to_string(),
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
    let lines: [(&str, &str, Pick); 4] = [
        ("出勤人次", "attended", |t| t.attended),
        ("迟到人次", "late", |t| t.late),
        ("请假人次", "leave", |t| t.leave),
        ("缺勤人次", "absent", |t| t.absent),
    ];
    lines
        .iter()
        .enumerate()
        .map(|(i, (zh, en, pick))| {
            let mut row: Vec<Cell> = vec![Cell::blank(), lang.pick(zh, en).into()];
            row.extend((0..4).map(|_| Cell::blank()));
            row.extend(per_session.iter().map(|t| pick(t).into()));
            let mut summary: Vec<Cell> = (0..5).map(|_| Cell::blank()).collect();
            summary[i] = pick(overall).into();
            row.extend(summary);
            row
        })
        .collect()
}
