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

/// An event written at `desk` at `time` (HH:MM on the session's day).
fn at_desk(id: &str, desk: &str, kind: EventKind, time: &str) -> AttendanceEvent {
    let mut e = event(id, kind, &format!("2015-03-16T{time}:00+08:00"));
    e.desk = desk.into();
    e
}

fn arrival(status: CheckInStatus) -> EventKind {
    EventKind::CheckIn {
        status,
        reason: None,
    }
}

fn undo_of(target: &str) -> EventKind {
    EventKind::Undo {
        target: target.into(),
    }
}

/// Every order of `events` (all permutations; the threads here are short).
fn every_order(events: &[AttendanceEvent]) -> Vec<Vec<AttendanceEvent>> {
    if events.len() <= 1 {
        return vec![events.to_vec()];
    }
    let mut all = Vec::new();
    for i in 0..events.len() {
        let mut rest = events.to_vec();
        let first = rest.remove(i);
        for mut tail in every_order(&rest) {
            tail.insert(0, first.clone());
            all.push(tail);
        }
    }
    all
}

fn status_id(events: &[AttendanceEvent]) -> Option<String> {
    derive_status(events).map(|s| s.event_id)
}

#[test]
fn of_two_arrivals_at_two_desks_the_earliest_stands_whichever_came_first() {
    // Desk B's event has the smaller id (written first by the ids) but the later time.
    let a = at_desk("02A", "desk-a", arrival(CheckInStatus::Present), "08:41");
    let b = at_desk("01B", "desk-b", arrival(CheckInStatus::Late), "08:43");
    for events in every_order(&[a.clone(), b.clone()]) {
        let status = derive_status(&events).unwrap();
        assert_eq!(
            (status.event_id.as_str(), status.status),
            ("02A", CheckInStatus::Present)
        );
        let folded = fold(&events);
        assert_eq!(
            folded.overruled,
            vec![&events[events.iter().position(|e| e.id == "01B").unwrap()]]
        );
    }
}

#[test]
fn two_arrivals_at_the_same_minute_fall_to_the_smaller_id() {
    let a = at_desk("01A", "desk-a", arrival(CheckInStatus::Present), "08:41");
    let b = at_desk("01B", "desk-b", arrival(CheckInStatus::Present), "08:41");
    for events in every_order(&[b.clone(), a.clone()]) {
        assert_eq!(status_id(&events).as_deref(), Some("01A"));
    }
}

#[test]
fn an_arrival_stands_over_a_leave_before_or_after_it_at_any_desk() {
    let leave = at_desk("01A", "desk-a", arrival(CheckInStatus::Leave), "08:00");
    let came = at_desk("01B", "desk-b", arrival(CheckInStatus::Late), "08:50");
    let late_leave = at_desk("02A", "desk-a", arrival(CheckInStatus::Leave), "09:30");
    for events in every_order(&[leave.clone(), came.clone(), late_leave.clone()]) {
        assert_eq!(status_id(&events).as_deref(), Some("01B"), "{events:?}");
        assert_eq!(fold(&events).overruled.len(), 2);
    }
    // Without the arrival, the earliest leave stands.
    for events in every_order(&[late_leave, leave]) {
        assert_eq!(status_id(&events).as_deref(), Some("01A"));
    }
}

#[test]
fn an_undo_on_one_desk_of_another_desks_event_applies_in_any_order() {
    let a = at_desk("01A", "desk-a", arrival(CheckInStatus::Present), "08:41");
    let b = at_desk("01B", "desk-b", arrival(CheckInStatus::Present), "08:43");
    // Desk B learnt of A's check-in (a merge) and undid it: B's own arrival stands.
    let undo_a = at_desk("02B", "desk-b", undo_of("01A"), "08:50");
    for events in every_order(&[a.clone(), b.clone(), undo_a.clone()]) {
        assert_eq!(status_id(&events).as_deref(), Some("01B"));
    }
    // A clock behind: the undo's time is before its target's; it still applies.
    let early_undo = at_desk("00C", "desk-c", undo_of("01A"), "07:00");
    for events in every_order(&[a, early_undo]) {
        assert_eq!(status_id(&events), None);
        assert_eq!(undo_target(&events), Err(Refusal::NothingToUndo));
    }
}

#[test]
fn the_sign_out_is_the_latest_after_the_standing_arrival() {
    let out = |id: &str, desk: &str, time: &str| {
        at_desk(id, desk, EventKind::SignOut { reason: None }, time)
    };
    let a = at_desk("01A", "desk-a", arrival(CheckInStatus::Present), "08:41");
    let b = at_desk("01B", "desk-b", arrival(CheckInStatus::Present), "08:43");
    let out_a = out("03A", "desk-a", "11:10");
    let out_b = out("02B", "desk-b", "11:25");
    let before = out("00C", "desk-c", "08:30"); // before any arrival: a skewed clock
    let all = [a, b, out_a, out_b, before];
    for events in every_order(&all) {
        let folded = fold(&events);
        assert_eq!(folded.sign_out.map(|e| e.id.as_str()), Some("02B"));
        assert_eq!(
            undo_target(&events).unwrap().id,
            "02B",
            "the sign-out first"
        );
    }
}

#[test]
fn undo_reverts_what_the_status_shows() {
    let a = at_desk("02A", "desk-a", arrival(CheckInStatus::Present), "08:41");
    let b = at_desk("01B", "desk-b", arrival(CheckInStatus::Present), "08:43");
    let events = [b.clone(), a.clone()];
    assert_eq!(undo_target(&events).unwrap().id, "02A");
    let undone = [b, a, at_desk("03A", "desk-a", undo_of("02A"), "08:50")];
    assert_eq!(
        status_id(&undone).as_deref(),
        Some("01B"),
        "the other arrival"
    );
}

mod permutations {
    use proptest::prelude::*;

    use super::*;

    /// A random thread: a few check-ins, sign-outs and undos at three desks, the
    /// undos naming earlier-generated events.
    fn thread() -> impl Strategy<Value = Vec<AttendanceEvent>> {
        let one = (0u8..6, 0u8..3, 0u32..240, any::<prop::sample::Index>());
        prop::collection::vec(one, 1..9).prop_map(|specs| {
            let mut events: Vec<AttendanceEvent> = Vec::new();
            for (n, (kind, desk, minute, target)) in specs.into_iter().enumerate() {
                let kind = match kind {
                    0 => arrival(CheckInStatus::Present),
                    1 => arrival(CheckInStatus::Late),
                    2 => arrival(CheckInStatus::Leave),
                    3 => EventKind::SignOut { reason: None },
                    _ if events.is_empty() => arrival(CheckInStatus::Present),
                    _ => undo_of(&events[target.index(events.len())].id),
                };
                let time = format!("{:02}:{:02}", 8 + minute / 60, minute % 60);
                let id = format!("{n:02}{}", ["A", "B", "C"][usize::from(desk)]);
                events.push(at_desk(
                    &id,
                    ["desk-a", "desk-b", "desk-c"][usize::from(desk)],
                    kind,
                    &time,
                ));
            }
            events
        })
    }

    fn summary(
        events: &[AttendanceEvent],
    ) -> (Option<String>, Option<String>, Vec<String>, Option<String>) {
        let folded = fold(events);
        let mut overruled: Vec<String> = folded.overruled.iter().map(|e| e.id.clone()).collect();
        overruled.sort();
        (
            folded.status.map(|e| e.id.clone()),
            folded.sign_out.map(|e| e.id.clone()),
            overruled,
            undo_target(events).ok().map(|e| e.id.clone()),
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        #[test]
        fn the_fold_does_not_depend_on_the_order_of_the_events(
            (events, shuffled) in thread().prop_flat_map(|events| {
                let shuffled = Just(events.clone()).prop_shuffle();
                (Just(events), shuffled)
            })
        ) {
            prop_assert_eq!(summary(&events), summary(&shuffled));
            prop_assert_eq!(derive_status(&events), derive_status(&shuffled));
            prop_assert_eq!(derive_sign_out(&events), derive_sign_out(&shuffled));
        }

        #[test]
        fn an_arrival_that_stands_is_the_earliest_standing_one(events in thread()) {
            let folded = fold(&events);
            let undone: Vec<&str> = events.iter().filter_map(|e| match &e.kind {
                EventKind::Undo { target } => Some(target.as_str()),
                _ => None,
            }).collect();
            let arrivals = events.iter().filter(|e| !undone.contains(&e.id.as_str())).filter(|e| {
                matches!(e.kind, EventKind::CheckIn { status, .. } if status.attended())
            });
            let earliest = arrivals.min_by(|a, b| order_key(a).cmp(&order_key(b)));
            if let Some(earliest) = earliest {
                prop_assert_eq!(folded.status.map(|e| &e.id), Some(&earliest.id));
            }
        }
    }
}
