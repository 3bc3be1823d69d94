use chrono::{DateTime, Duration, NaiveDate};

use super::*;
use crate::domain::attendance::{CheckInStatus, EventKind, Source};
use crate::domain::cohort::Level;
use crate::domain::session::{Session, SlotKind};

fn at(minute: i64) -> DateTime<chrono::FixedOffset> {
    DateTime::parse_from_rfc3339("2026-03-02T08:30:00+08:00").unwrap() + Duration::minutes(minute)
}

fn cohort(code: &str, uid: &str) -> Cohort {
    Cohort {
        code: code.into(),
        uid: uid.into(),
        name: format!("班次 {code}"),
        level: Level::County,
        field_focus: None,
        start: NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
        days: 2,
        slots: Vec::new(),
        venue: String::new(),
        open: true,
        grace_minutes: 10,
        completion_percent: 80,
        credit: None,
        closed_sessions: Vec::new(),
        created_at: at(0),
        updated_at: None,
    }
}

fn arrival(id: &str, code: &str, person: &str, desk: &str, minute: i64) -> AttendanceEvent {
    AttendanceEvent {
        id: id.into(),
        cohort: code.into(),
        person: PersonId(person.into()),
        session: Session::new(1, SlotKind::Am),
        kind: EventKind::CheckIn {
            status: CheckInStatus::Present,
            reason: None,
        },
        at: at(minute),
        desk: desk.into(),
        source: Source::Desk,
        entered_at: None,
    }
}

#[test]
fn a_new_cohort_whose_code_is_taken_gets_the_next_code_and_its_events_follow() {
    let here = Local {
        cohorts: vec![cohort("2026-01", "U-HERE")],
        ..Local::default()
    };
    let incoming = Contents {
        cohorts: vec![cohort("2026-01", "U-THERE")],
        events: vec![arrival("E1", "2026-01", "P1", "desk-B", 0)],
        ..Contents::default()
    };
    let plan = plan(&here, &incoming);
    assert_eq!(plan.cohorts[0].code, "2026-02");
    assert_eq!(plan.events[0].cohort, "2026-02");
    assert_eq!(
        plan.renumbered,
        vec![Renumbering::Cohort {
            uid: "U-THERE".into(),
            from: "2026-01".into(),
            to: "2026-02".into()
        }]
    );
}

#[test]
fn the_same_cohort_keeps_the_local_code_and_the_newer_edit() {
    let mut mine = cohort("2026-03", "U");
    mine.updated_at = Some(at(5));
    let mut theirs = cohort("2026-01", "U");
    theirs.updated_at = Some(at(9));
    theirs.venue = "党校".into();
    theirs.name = mine.name.clone();
    theirs.closed_sessions = vec![Session::new(1, SlotKind::Am)];
    let here = Local {
        cohorts: vec![mine.clone()],
        ..Local::default()
    };
    let incoming = Contents {
        cohorts: vec![theirs],
        ..Contents::default()
    };
    let plan = plan(&here, &incoming);
    assert_eq!(plan.codes["2026-01"], "2026-03");
    assert_eq!(plan.cohorts.len(), 1);
    assert_eq!(plan.cohorts[0].code, "2026-03");
    assert_eq!(plan.cohorts[0].venue, "党校");
    assert_eq!(plan.cohorts[0].closed_sessions.len(), 1);
    assert!(plan.edited_on_both[0].incoming_stands);
    assert_eq!(plan.edited_on_both[0].differences[0].field, "venue");
    // A tie is broken by the settings themselves: both folders keep the same one.
    mine.updated_at = Some(at(9));
    let theirs = incoming.cohorts[0].clone();
    let kept = |here: &Cohort, from: &Cohort| {
        let local = Local {
            cohorts: vec![here.clone()],
            ..Local::default()
        };
        let contents = Contents {
            cohorts: vec![from.clone()],
            ..Contents::default()
        };
        let plan = super::plan(&local, &contents);
        plan.cohorts.first().unwrap_or(here).venue.clone()
    };
    assert_eq!(kept(&mine, &theirs), kept(&theirs, &mine));
}

#[test]
fn events_held_here_are_left_out() {
    let mut here = Local {
        cohorts: vec![cohort("2026-01", "U")],
        ..Local::default()
    };
    let held = arrival("E1", "2026-01", "P1", "desk-A", 0);
    here.events.insert("2026-01".into(), vec![held.clone()]);
    let incoming = Contents {
        cohorts: vec![cohort("2026-01", "U")],
        events: vec![held, arrival("E2", "2026-01", "P2", "desk-B", 1)],
        ..Contents::default()
    };
    let plan = plan(&here, &incoming);
    let ids: Vec<&str> = plan.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["E2"]);
}

#[test]
fn two_desks_a_quarter_hour_apart_are_named() {
    let mut events = Vec::new();
    for i in 0..MIN_ARRIVALS as i64 {
        events.push(arrival(
            &format!("A{i}"),
            "C",
            &format!("P{i}"),
            "desk-A",
            i,
        ));
        events.push(arrival(
            &format!("B{i}"),
            "C",
            &format!("Q{i}"),
            "desk-B",
            i + 15,
        ));
    }
    let found = skews(&events);
    assert_eq!(found.len(), 1);
    assert_eq!((found[0].ahead.as_str(), found[0].minutes), ("desk-B", 15));
    // Four arrivals at one desk are too few to tell.
    events.retain(|e| e.id != "B0");
    assert!(skews(&events).is_empty());
}

#[test]
fn a_double_arrival_names_the_standing_one() {
    let here = vec![arrival("01A", "C", "P", "desk-A", 11)];
    let new = vec![arrival("01B", "C", "P", "desk-B", 13)];
    let found = double_arrivals(&here, &new);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].others.len(), 1);
}

#[test]
fn a_cohort_without_a_global_id_is_known_by_its_code() {
    let here = Local {
        cohorts: vec![cohort("2026-01", "U-HERE")],
        ..Local::default()
    };
    let incoming = Contents {
        cohorts: vec![cohort("2026-01", "")],
        ..Contents::default()
    };
    let plan = plan(&here, &incoming);
    assert_eq!(plan.codes["2026-01"], "2026-01");
    assert!(plan.renumbered.is_empty());
}
