//! A cohort's attendance: per session tallies and per person completion.

use std::collections::HashMap;

use crate::domain::attendance::derive_all;
pub use crate::domain::attendance::{Mark, mark};
use crate::domain::{AttendanceEvent, AttendanceStatus, Cohort, PersonId, Session};

#[derive(Debug, Clone, PartialEq)]
pub struct SessionTally {
    pub session: Session,
    pub enrolled: usize,
    pub present: usize,
    pub late: usize,
    pub leave: usize,
    pub absent: usize,
    pub none: usize,
}

impl SessionTally {
    /// Share of the enrolled who attended (present or late), 0 when nobody is enrolled.
    pub fn rate(&self) -> f64 {
        if self.enrolled == 0 {
            0.0
        } else {
            (self.present + self.late) as f64 / self.enrolled as f64
        }
    }

    fn count(&mut self, mark: Mark) {
        match mark {
            Mark::Present => self.present += 1,
            Mark::Late => self.late += 1,
            Mark::Leave => self.leave += 1,
            Mark::Absent => self.absent += 1,
            Mark::None => self.none += 1,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct PersonRecord {
    pub person: PersonId,
    /// The mark in every session of the cohort, in session order.
    pub marks: Vec<Mark>,
    pub completed: bool,
}

impl PersonRecord {
    pub fn attended(&self) -> usize {
        self.marks.iter().filter(|m| m.attended()).count()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct CohortAttendance {
    pub sessions: Vec<SessionTally>,
    pub people: Vec<PersonRecord>,
}

impl CohortAttendance {
    pub fn completed(&self) -> impl Iterator<Item = &PersonId> {
        self.people
            .iter()
            .filter(|p| p.completed)
            .map(|p| &p.person)
    }
}

/// Completion by the old rule (see [`Cohort::completes_by_sessions`]).
pub fn completes(cohort: &Cohort, attended: usize) -> bool {
    cohort.completes_by_sessions(attended)
}

/// Tallies every session and every enrolled person from the cohort's events.
pub fn cohort_attendance(
    cohort: &Cohort,
    roster: &[PersonId],
    events: &[AttendanceEvent],
) -> CohortAttendance {
    let statuses: HashMap<(PersonId, Session), AttendanceStatus> = derive_all(events);
    let sessions = cohort.sessions();
    let mut tallies: Vec<SessionTally> = sessions
        .iter()
        .map(|s| SessionTally {
            session: *s,
            enrolled: roster.len(),
            present: 0,
            late: 0,
            leave: 0,
            absent: 0,
            none: 0,
        })
        .collect();
    let people = roster
        .iter()
        .map(|id| {
            let marks: Vec<Mark> = sessions
                .iter()
                .map(|s| mark(cohort, *s, statuses.get(&(id.clone(), *s))))
                .collect();
            marks
                .iter()
                .zip(tallies.iter_mut())
                .for_each(|(m, t)| t.count(*m));
            let attended = marks.iter().filter(|m| m.attended()).count();
            PersonRecord {
                person: id.clone(),
                completed: completes(cohort, attended),
                marks,
            }
        })
        .collect();
    CohortAttendance {
        sessions: tallies,
        people,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::attendance::EventKind;
    use crate::domain::cohort::tests::cohort;
    use crate::domain::{CheckInStatus, SlotKind};
    use chrono::DateTime;

    fn event(id: &str, person: &str, session: Session, kind: EventKind) -> AttendanceEvent {
        AttendanceEvent {
            source: Default::default(),
            entered_at: None,
            id: id.into(),
            cohort: "2015-01".into(),
            person: PersonId(person.into()),
            session,
            kind,
            at: DateTime::parse_from_rfc3339("2015-03-16T08:20:00+08:00").unwrap(),
            desk: "d".into(),
        }
    }

    fn check(id: &str, person: &str, session: Session, status: CheckInStatus) -> AttendanceEvent {
        event(
            id,
            person,
            session,
            EventKind::CheckIn {
                status,
                reason: None,
            },
        )
    }

    /// Hand-computed: 4 days × 2 sessions = 8; 80% needs 7 attended (6.4 rounds up).
    #[test]
    fn completion_needs_eighty_percent_of_sessions() {
        let c = cohort();
        assert!(!completes(&c, 6));
        assert!(completes(&c, 7));
        assert!(completes(&c, 8));
    }

    #[test]
    fn undone_check_ins_leave_and_closed_sessions_are_tallied() {
        let mut c = cohort();
        let am1 = Session::new(1, SlotKind::Am);
        let pm1 = Session::new(1, SlotKind::Pm);
        c.closed_sessions.push(am1);
        let roster: Vec<PersonId> = ["a", "b", "c"]
            .iter()
            .map(|p| PersonId(p.to_string()))
            .collect();
        let events = vec![
            check("e1", "a", am1, CheckInStatus::Present),
            check("e2", "b", am1, CheckInStatus::Late),
            event(
                "e3",
                "b",
                am1,
                EventKind::Undo {
                    target: "e2".into(),
                },
            ),
            check("e4", "c", pm1, CheckInStatus::Leave),
        ];
        let report = cohort_attendance(&c, &roster, &events);
        let t = &report.sessions[0];
        assert_eq!(
            (t.present, t.late, t.leave, t.absent, t.none),
            (1, 0, 0, 2, 0)
        );
        assert!((t.rate() - 1.0 / 3.0).abs() < 1e-9);
        let t = &report.sessions[1];
        assert_eq!(
            (t.present, t.late, t.leave, t.absent, t.none),
            (0, 0, 1, 0, 2)
        );
        assert_eq!(
            report.people[1].marks[0],
            Mark::Absent,
            "b's late was undone"
        );
        assert_eq!(report.people[0].attended(), 1);
        assert_eq!(report.completed().count(), 0);
    }

    #[test]
    fn a_closed_cohort_counts_every_missing_check_in_as_absent() {
        let mut c = cohort();
        c.open = false;
        let roster = vec![PersonId("a".into())];
        let report = cohort_attendance(&c, &roster, &[]);
        assert!(report.sessions.iter().all(|t| t.absent == 1 && t.none == 0));
    }
}
