use super::*;
use crate::domain::session::SlotKind;

fn event(id: &str, kind: EventKind, at: &str) -> AttendanceEvent {
    AttendanceEvent {
        source: Default::default(),
        entered_at: None,
        id: id.into(),
        cohort: "2015-01".into(),
        person: PersonId("p1".into()),
        session: Session::new(1, SlotKind::Am),
        kind,
        at: DateTime::parse_from_rfc3339(at).unwrap(),
        desk: "desk".into(),
    }
}

fn check_in(id: &str, status: CheckInStatus) -> AttendanceEvent {
    let kind = EventKind::CheckIn {
        status,
        reason: None,
    };
    event(id, kind, "2015-03-16T08:31:00+08:00")
}

fn undo(id: &str, target: &str) -> AttendanceEvent {
    let kind = EventKind::Undo {
        target: target.into(),
    };
    event(id, kind, "2015-03-16T08:35:00+08:00")
}

#[test]
fn a_sign_out_stands_beside_the_check_in_until_undone() {
    let out = event(
        "e2",
        EventKind::SignOut { reason: None },
        "2015-03-16T11:00:00+08:00",
    );
    let events = [check_in("e1", CheckInStatus::Present), out.clone()];
    assert_eq!(derive_status(&events).unwrap().event_id, "e1");
    assert_eq!(derive_sign_out(&events).unwrap().event_id, "e2");
    let events = [
        check_in("e1", CheckInStatus::Present),
        out,
        undo("e3", "e2"),
    ];
    assert_eq!(derive_sign_out(&events), None);
    assert_eq!(derive_status(&events).unwrap().event_id, "e1");
}

#[test]
fn no_events_means_no_status() {
    assert_eq!(derive_status(&[]), None);
}

#[test]
fn an_undo_reverts_the_check_in_it_names() {
    let events = [check_in("e1", CheckInStatus::Present), undo("e2", "e1")];
    assert_eq!(derive_status(&events), None);
}

#[test]
fn undoing_an_arrival_after_leave_brings_the_leave_back() {
    let events = [
        check_in("e1", CheckInStatus::Leave),
        check_in("e2", CheckInStatus::Present),
        undo("e3", "e2"),
    ];
    let status = derive_status(&events).unwrap();
    assert_eq!(status.status, CheckInStatus::Leave);
    assert_eq!(status.event_id, "e1");
}

#[test]
fn a_second_check_in_is_refused_and_names_the_first() {
    let events = [check_in("e1", CheckInStatus::Late)];
    let current = derive_status(&events);
    let refusal = check_in_allowed(current.as_ref(), CheckInStatus::Present).unwrap_err();
    assert!(matches!(refusal, Refusal::AlreadyCheckedIn(s) if s.event_id == "e1"));
}

#[test]
fn arriving_after_leave_is_allowed_but_leave_twice_is_not() {
    let events = [check_in("e1", CheckInStatus::Leave)];
    let current = derive_status(&events);
    assert_eq!(
        check_in_allowed(current.as_ref(), CheckInStatus::Late),
        Ok(())
    );
    assert!(check_in_allowed(current.as_ref(), CheckInStatus::Leave).is_err());
}

#[test]
fn undo_needs_a_standing_event() {
    assert_eq!(undo_target(&[]), Err(Refusal::NothingToUndo));
    let undone = [check_in("e1", CheckInStatus::Late), undo("e2", "e1")];
    assert_eq!(undo_target(&undone), Err(Refusal::NothingToUndo));
}

#[test]
fn undo_reverts_the_sign_out_first_then_the_check_in() {
    let out = |id: &str| {
        let kind = EventKind::SignOut { reason: None };
        event(id, kind, "2015-03-16T11:20:00+08:00")
    };
    let mut events = vec![
        check_in("e1", CheckInStatus::Leave),
        check_in("e2", CheckInStatus::Present),
        out("e3"),
    ];
    let target = |events: &[AttendanceEvent]| undo_target(events).unwrap().id.clone();
    assert_eq!(target(&events), "e3", "the sign-out stands last");
    events.push(undo("e4", "e3"));
    assert_eq!(target(&events), "e2", "then the arrival");
    events.push(out("e5"));
    assert_eq!(target(&events), "e5", "a new sign-out");
    events.extend([undo("e6", "e5"), undo("e7", "e2")]);
    assert_eq!(target(&events), "e1", "then the leave");
    assert_eq!(derive_status(&events).unwrap().event_id, "e1");
}

#[test]
fn late_after_start_plus_grace() {
    let cohort = crate::domain::cohort::tests::cohort();
    let s = Session::new(1, SlotKind::Am);
    let at = |t: &str| NaiveDateTime::parse_from_str(t, "%Y-%m-%d %H:%M").unwrap();
    assert_eq!(
        arrival_status(&cohort, s, at("2015-03-16 08:40")),
        CheckInStatus::Present
    );
    assert_eq!(
        arrival_status(&cohort, s, at("2015-03-16 08:41")),
        CheckInStatus::Late
    );
    assert_eq!(
        arrival_status(&cohort, s, at("2015-03-16 07:00")),
        CheckInStatus::Present
    );
}
