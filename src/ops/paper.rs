//! 补录: a printed sign-in sheet entered after the session, by the desk's paper mode and by
//! `lunxun import attendance`. The whole sheet is one commit (or nothing).
//!
//! The rules:
//! - each mark becomes a check-in event with `source: paper`, `entered_at` = when it was
//!   typed in and `at` = the session's start as the sheet records it (late: the time
//!   written on the sheet, else start + grace + 1 minute, the first minute that counts
//!   as late);
//! - an empty mark (absent) writes nothing: a closed session already counts everyone
//!   without a check-in as absent, an open one leaves them unmarked until it is closed;
//! - someone who already has a mark (from the desk, or an earlier entry of the sheet)
//!   keeps it: the sheet's mark is not written, and when it says something else it is
//!   reported as a difference (so entering the same sheet twice writes nothing);
//! - a session that has not started is refused; a closed session is allowed (that is
//!   what paper is for); a closed cohort is refused like every other write to it.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Duration, FixedOffset, NaiveDateTime, NaiveTime, TimeZone};

use crate::domain::attendance::{self, AttendanceEvent, CheckInStatus, EventKind, Source};
use crate::domain::{Cohort, Person, PersonId, Session};
use crate::store::{Batch, Store};
use crate::text::{Lang, Paper};

use super::{OpError, OpResult, Refusal};

type Now = DateTime<FixedOffset>;

/// One person's mark on the sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaperMark {
    /// √
    Present,
    /// 迟, with the time written next to it when there is one.
    Late(Option<NaiveTime>),
    /// 假
    Leave,
    /// Empty.
    Absent,
}

impl PaperMark {
    /// The status it records; `None` for absent (nothing is written).
    pub fn status(self) -> Option<CheckInStatus> {
        match self {
            PaperMark::Present => Some(CheckInStatus::Present),
            PaperMark::Late(_) => Some(CheckInStatus::Late),
            PaperMark::Leave => Some(CheckInStatus::Leave),
            PaperMark::Absent => None,
        }
    }

    pub fn code(self) -> &'static str {
        self.status().map_or("absent", CheckInStatus::code)
    }

    pub fn label(self, lang: Lang) -> String {
        match self.status() {
            Some(status) => status.label(lang).to_string(),
            None => crate::tr!(lang, Paper::PaperAbsent),
        }
    }

    /// The next mark the desk's key gives: present → late → leave → absent → present.
    pub fn cycled(self) -> PaperMark {
        match self {
            PaperMark::Present => PaperMark::Late(None),
            PaperMark::Late(_) => PaperMark::Leave,
            PaperMark::Leave => PaperMark::Absent,
            PaperMark::Absent => PaperMark::Present,
        }
    }
}

/// Someone whose recorded mark stands over a different one on the sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    pub person: PersonId,
    pub name: String,
    pub sheet: PaperMark,
    pub recorded: CheckInStatus,
}

/// What a sheet writes (or wrote): the events, and what it left alone.
#[derive(Debug, Clone)]
pub struct Entered {
    pub cohort: String,
    pub session: Session,
    /// The events written (in a dry run: that would be written).
    pub events: Vec<AttendanceEvent>,
    /// Marked the same as already recorded: not written again.
    pub agreed: usize,
    /// Empty on the sheet and not recorded otherwise: nothing written.
    pub absent: usize,
    pub differences: Vec<Difference>,
}

impl Entered {
    fn empty(cohort: &str, session: Session) -> Entered {
        Entered {
            cohort: cohort.to_string(),
            session,
            events: Vec::new(),
            agreed: 0,
            absent: 0,
            differences: Vec::new(),
        }
    }

    /// How many events of `status` the sheet writes.
    pub fn count(&self, status: CheckInStatus) -> usize {
        self.events
            .iter()
            .filter(|e| matches!(e.kind, EventKind::CheckIn { status: s, .. } if s == status))
            .count()
    }
}

/// What the sheet would write, checked, with nothing written.
pub fn plan_sheet(
    store: &Store,
    cohort: &Cohort,
    session: Session,
    marks: &[(PersonId, PaperMark)],
    now: Now,
) -> OpResult<Entered> {
    let stored = store
        .cohort(&cohort.code)?
        .unwrap_or_else(|| cohort.clone());
    check_session(&stored, session, now)?;
    let people = on_roster(store, &stored, marks)?;
    let mut entered = Entered::empty(&stored.code, session);
    let mut ids = ulid::Generator::new();
    for (person, mark) in marks {
        let thread = store.thread(&stored.code, person, session)?;
        if let Some(current) = attendance::derive_status(&thread) {
            note_recorded(&mut entered, &people[person], *mark, current.status);
            continue;
        }
        let Some(status) = mark.status() else {
            entered.absent += 1;
            continue;
        };
        let at = time_of(&stored, session, *mark, now);
        entered.events.push(AttendanceEvent {
            id: event_id(&mut ids, &thread),
            cohort: stored.code.clone(),
            person: person.clone(),
            session,
            kind: EventKind::CheckIn {
                status,
                reason: None,
            },
            at,
            desk: store.desk().to_string(),
            source: Source::Paper,
            entered_at: Some(now),
        });
    }
    Ok(entered)
}

/// Writes the sheet in one commit; returns only after it is durable.
pub fn enter_sheet(
    store: &Store,
    cohort: &Cohort,
    session: Session,
    marks: &[(PersonId, PaperMark)],
    now: Now,
) -> OpResult<Entered> {
    let entered = plan_sheet(store, cohort, session, marks, now)?;
    if entered.events.is_empty() {
        return Ok(entered);
    }
    let mut batch = Batch::default();
    for event in &entered.events {
        Store::stage_event(&mut batch, event);
    }
    store.commit(batch)?;
    Ok(entered)
}

fn check_session(cohort: &Cohort, session: Session, now: Now) -> OpResult<()> {
    cohort.check_writable().map_err(OpError::Closed)?;
    let starts = cohort
        .starts_at(session)
        .filter(|_| cohort.has_session(session));
    let Some(starts) = starts else {
        let refusal = Refusal::of(Paper::PaperNoSuchSession)
            .with("cohort", &cohort.code)
            .with("session", session);
        return Err(refusal.into());
    };
    if starts > now.naive_local() {
        let refusal = Refusal::of(Paper::PaperFutureSession)
            .with_worded("session", move |lang| session.label(lang));
        return Err(refusal.into());
    }
    Ok(())
}

/// Everyone on the sheet, looked up: on the roster, not withdrawn, listed once.
fn on_roster(
    store: &Store,
    cohort: &Cohort,
    marks: &[(PersonId, PaperMark)],
) -> OpResult<HashMap<PersonId, Person>> {
    let roster: HashMap<PersonId, Person> = store
        .roster(&cohort.code)?
        .into_iter()
        .map(|p| (p.id.clone(), p))
        .collect();
    let facts = store.register_facts()?;
    let mut seen = HashSet::new();
    for (id, mark) in marks {
        let Some(person) = roster.get(id) else {
            let refusal = Refusal::of(Paper::PaperNotOnRoster)
                .with("name", id)
                .with("cohort", &cohort.code);
            return Err(refusal.into());
        };
        if !seen.insert(id) {
            return Err(Refusal::of(Paper::PaperTwice)
                .with("name", &person.name)
                .into());
        }
        if let (Some(w), Some(_)) = (facts.withdrawal(&cohort.code, id), mark.status()) {
            let refusal = Refusal::of(Paper::PaperWithdrawn)
                .with("name", &person.name)
                .with("date", w.at.date_naive())
                .with("reason", &w.reason);
            return Err(refusal.into());
        }
    }
    Ok(roster)
}

fn note_recorded(entered: &mut Entered, person: &Person, mark: PaperMark, recorded: CheckInStatus) {
    if mark.status() == Some(recorded) {
        entered.agreed += 1;
        return;
    }
    entered.differences.push(Difference {
        person: person.id.clone(),
        name: person.name.clone(),
        sheet: mark,
        recorded,
    });
}

/// A new ULID above every id already in the person's thread (the order that decides
/// their status holds even if the clock went back).
fn event_id(ids: &mut ulid::Generator, thread: &[AttendanceEvent]) -> String {
    let fresh = ids.generate().unwrap_or_else(|_| ulid::Ulid::generate());
    let last = thread
        .iter()
        .filter_map(|e| ulid::Ulid::from_string(&e.id).ok())
        .max();
    match last {
        Some(last) if last >= fresh => last.increment().unwrap_or(last).to_string(),
        _ => fresh.to_string(),
    }
}

/// The session's start as the sheet records it; late: the time written, else the first
/// minute after the grace period.
fn time_of(cohort: &Cohort, session: Session, mark: PaperMark, now: Now) -> Now {
    let start = cohort
        .starts_at(session)
        .unwrap_or_else(|| now.naive_local());
    let local: NaiveDateTime = match mark {
        PaperMark::Late(Some(time)) => start.date().and_time(time),
        PaperMark::Late(None) => start + Duration::minutes(i64::from(cohort.grace_minutes) + 1),
        _ => start,
    };
    now.offset()
        .from_local_datetime(&local)
        .single()
        .unwrap_or(now)
}

#[cfg(test)]
#[path = "paper_tests.rs"]
mod tests;
