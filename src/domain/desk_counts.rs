//! 各台签到数: how many of a session's standing marks each desk recorded, so a venue
//! with two or three desks (and their merged records) sees who did what. The desk that
//! counts a person is the one whose event gives their status by the rules of
//! [`super::attendance::fold`] (two arrivals: the earliest one's desk).

use std::collections::BTreeMap;

use super::attendance::{AttendanceStatus, CheckInStatus};

/// One desk's standing marks in one session.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct DeskCount {
    /// The desk id (`desk-…`) the events carry.
    pub desk: String,
    pub present: usize,
    pub late: usize,
    pub leave: usize,
}

impl DeskCount {
    /// Every standing mark this desk gave, leave included.
    pub fn total(&self) -> usize {
        self.present + self.late + self.leave
    }

    fn add(&mut self, status: CheckInStatus) {
        match status {
            CheckInStatus::Present => self.present += 1,
            CheckInStatus::Late => self.late += 1,
            CheckInStatus::Leave => self.leave += 1,
        }
    }
}

/// The statuses given (one session's, of the people counted) by the desk whose event
/// gives each, by desk id.
pub fn desk_counts<'a>(statuses: impl IntoIterator<Item = &'a AttendanceStatus>) -> Vec<DeskCount> {
    let mut by_desk: BTreeMap<&str, DeskCount> = BTreeMap::new();
    for status in statuses {
        by_desk
            .entry(&status.desk)
            .or_insert_with(|| DeskCount {
                desk: status.desk.clone(),
                ..DeskCount::default()
            })
            .add(status.status);
    }
    by_desk.into_values().collect()
}

/// A desk as people know it: its name when the folder has one, else its id.
pub fn desk_label<'a>(names: &'a BTreeMap<String, String>, desk: &'a str) -> &'a str {
    names.get(desk).map_or(desk, String::as_str)
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;
    use crate::domain::attendance::{AttendanceEvent, EventKind, derive_all};
    use crate::domain::person::PersonId;
    use crate::domain::session::{Session, SlotKind};

    fn check_in(
        id: &str,
        person: &str,
        desk: &str,
        status: CheckInStatus,
        time: &str,
    ) -> AttendanceEvent {
        AttendanceEvent {
            id: id.into(),
            cohort: "2026-01".into(),
            person: PersonId(person.into()),
            session: Session::new(1, SlotKind::Am),
            kind: EventKind::CheckIn {
                status,
                reason: None,
            },
            at: DateTime::parse_from_rfc3339(&format!("2026-03-16T{time}:00+08:00")).unwrap(),
            desk: desk.into(),
            source: Default::default(),
            entered_at: None,
        }
    }

    #[test]
    fn each_person_counts_once_at_the_desk_whose_mark_stands() {
        let events = [
            check_in("01", "p1", "desk-A", CheckInStatus::Present, "08:20"),
            // p1 again at desk B, later: history, not a second count.
            check_in("02", "p1", "desk-B", CheckInStatus::Present, "08:25"),
            check_in("03", "p2", "desk-B", CheckInStatus::Late, "08:50"),
            check_in("04", "p3", "desk-B", CheckInStatus::Leave, "08:00"),
            check_in("05", "p4", "desk-A", CheckInStatus::Present, "08:21"),
            // p5 on leave at desk A, then arrived at desk B: B's arrival stands.
            check_in("06", "p5", "desk-A", CheckInStatus::Leave, "08:00"),
            check_in("07", "p5", "desk-B", CheckInStatus::Present, "08:40"),
        ];
        let a = DeskCount {
            desk: "desk-A".into(),
            present: 2,
            late: 0,
            leave: 0,
        };
        let b = DeskCount {
            desk: "desk-B".into(),
            present: 1,
            late: 1,
            leave: 1,
        };
        let mut reversed = events.to_vec();
        reversed.reverse();
        for events in [events.to_vec(), reversed] {
            let statuses = derive_all(&events);
            assert_eq!(desk_counts(statuses.values()), vec![a.clone(), b.clone()]);
        }
    }

    #[test]
    fn a_desk_is_shown_by_its_name_else_its_id() {
        let names = BTreeMap::from([("desk-A".to_string(), "1号台".to_string())]);
        assert_eq!(desk_label(&names, "desk-A"), "1号台");
        assert_eq!(desk_label(&names, "desk-B"), "desk-B");
    }
}
