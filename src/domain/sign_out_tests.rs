use chrono::DateTime;

use super::*;
use crate::domain::attendance::{CheckInStatus, EventKind};
use crate::domain::cohort::tests::cohort;
use crate::domain::session::SlotKind;

fn event(id: &str, person: &str, kind: EventKind, at: &str) -> AttendanceEvent {
    AttendanceEvent {
        source: Default::default(),
        entered_at: None,
        id: id.into(),
        cohort: "2015-01".into(),
        person: PersonId(person.into()),
        session: Session::new(1, SlotKind::Am),
        kind,
        at: DateTime::parse_from_rfc3339(&format!("2015-03-16T{at}:00+08:00")).unwrap(),
        desk: "desk".into(),
    }
}

fn arrive(id: &str, status: CheckInStatus) -> AttendanceEvent {
    let kind = EventKind::CheckIn {
        status,
        reason: None,
    };
    event(id, "p1", kind, "08:31")
}

fn out(id: &str, at: &str) -> AttendanceEvent {
    event(id, "p1", EventKind::SignOut { reason: None }, at)
}

fn undo(id: &str, target: &str) -> AttendanceEvent {
    let kind = EventKind::Undo {
        target: target.into(),
    };
    event(id, "p1", kind, "09:00")
}

fn at(time: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(&format!("2015-03-16 {time}"), "%Y-%m-%d %H:%M").unwrap()
}

#[test]
fn early_leave_is_more_than_the_cohorts_minutes_before_the_slots_end() {
    let mut c = cohort(); // am 08:30–11:30, early leave after 15 minutes
    let am = Session::new(1, SlotKind::Am);
    assert_eq!(minutes_early(&c, am, at("11:00")), 30);
    assert_eq!(minutes_early(&c, am, at("11:45")), 0);
    assert_eq!(
        early_leave(&c, am, at("11:15")),
        None,
        "15 minutes is allowed"
    );
    assert_eq!(early_leave(&c, am, at("11:14")), Some(16));
    assert_eq!(early_leave(&c, am, at("12:00")), None);
    let mut rules = c.rules();
    rules.early_leave_minutes = 40;
    c.credit = Some(rules);
    assert_eq!(
        early_leave(&c, am, at("11:00")),
        None,
        "the cohort's setting"
    );
    assert_eq!(
        minutes_early(&c, Session::new(1, SlotKind::Eve), at("11:00")),
        0
    );
}

#[test]
fn a_sign_out_needs_a_standing_arrival() {
    assert_eq!(
        sign_out_allowed(&[], None, None),
        Err(SignOutRefusal::NotArrived)
    );
    let leave = [arrive("e1", CheckInStatus::Leave)];
    assert_eq!(
        sign_out_allowed(&leave, None, None),
        Err(SignOutRefusal::NotArrived)
    );
    let undone = [arrive("e1", CheckInStatus::Present), undo("e2", "e1")];
    assert_eq!(
        sign_out_allowed(&undone, None, None),
        Err(SignOutRefusal::NotArrived)
    );
    let late = [arrive("e1", CheckInStatus::Late)];
    assert_eq!(sign_out_allowed(&late, None, None), Ok(()));
}

#[test]
fn a_sign_out_stands_once_and_early_leave_needs_a_reason() {
    let signed = [arrive("e1", CheckInStatus::Present), out("e2", "11:25")];
    match sign_out_allowed(&signed, None, None) {
        Err(SignOutRefusal::AlreadySignedOut(s)) => assert_eq!(s.event_id, "e2"),
        other => panic!("{other:?}"),
    }
    let mut again = signed.to_vec();
    again.push(undo("e3", "e2"));
    assert_eq!(
        sign_out_allowed(&again, None, None),
        Ok(()),
        "after an undo"
    );
    let present = [arrive("e1", CheckInStatus::Present)];
    let refused = sign_out_allowed(&present, Some(40), None);
    assert_eq!(refused, Err(SignOutRefusal::ReasonNeeded { minutes: 40 }));
    let message = refused.unwrap_err().message(Lang::Zh);
    assert!(
        message.contains("40 分钟") && message.contains("早退"),
        "{message}"
    );
    assert_eq!(sign_out_allowed(&present, Some(40), Some("看病")), Ok(()));
}

#[test]
fn every_standing_sign_out_is_derived_per_person_and_session() {
    let other = event("f1", "p2", EventKind::SignOut { reason: None }, "10:00");
    let events = [
        arrive("e1", CheckInStatus::Present),
        out("e2", "11:00"),
        undo("e3", "e2"),
        out("e4", "11:20"),
        other,
    ];
    let all = derive_all_sign_outs(&events);
    let am = Session::new(1, SlotKind::Am);
    let id = |p: &str| all[&(PersonId(p.into()), am)].event_id.clone();
    assert_eq!(
        (id("p1"), id("p2"), all.len()),
        ("e4".into(), "f1".into(), 2)
    );
}
