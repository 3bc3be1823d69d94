//! Paper entry against a real store in a temporary folder.

use chrono::DateTime;

use super::*;
use crate::domain::attendance::Mark;
use crate::domain::cohort::tests::cohort;
use crate::domain::{Closed, SessionChange, SlotKind};
use crate::ops::checkin::{self, CheckIn, Where};

fn at(text: &str) -> Now {
    DateTime::parse_from_rfc3339(&format!("2015-03-{text}:00+08:00")).unwrap()
}

fn am1() -> Session {
    Session::new(1, SlotKind::Am)
}

fn id(n: usize) -> PersonId {
    PersonId(format!("p{n}"))
}

/// A store holding the cohort and `people` enrolled people p1, p2, …
fn store(dir: &std::path::Path, people: usize) -> (Store, Cohort) {
    let store = Store::open(dir).unwrap();
    let cohort = cohort();
    let mut batch = Batch::default();
    Store::stage_cohort(&mut batch, &cohort);
    for n in 1..=people {
        let mut person = Person::named(id(n), format!("学员{n}"));
        person.unit = format!("单位{n}");
        Store::stage_person(&mut batch, &person);
        Store::stage_enrolment(&mut batch, &cohort.code, &person.id, at("01T08:00"), false);
    }
    store.commit(batch).unwrap();
    (store, cohort)
}

fn refusal(result: OpResult<Entered>) -> String {
    match result {
        Err(e) => e.message(Lang::Zh),
        Ok(e) => panic!("expected a refusal, got {e:?}"),
    }
}

#[test]
fn one_commit_writes_the_sheet_as_paper_at_the_sessions_time() {
    let dir = tempfile::tempdir().unwrap();
    let (store, cohort) = store(dir.path(), 4);
    let marks = vec![
        (id(1), PaperMark::Present),
        (id(2), PaperMark::Late(None)),
        (id(3), PaperMark::Leave),
        (id(4), PaperMark::Absent),
    ];
    let seq = store.commit_seq();
    let now = at("20T10:00");
    let entered = enter_sheet(&store, &cohort, am1(), &marks, now).unwrap();
    assert_eq!(
        store.commit_seq(),
        seq + 1,
        "one commit for the whole sheet"
    );
    assert_eq!(entered.events.len(), 3);
    assert_eq!(entered.absent, 1);
    let events = store.events(&cohort.code).unwrap();
    assert_eq!(events.len(), 3);
    let start = at("16T08:30");
    for event in &events {
        assert_eq!(event.source, Source::Paper);
        assert_eq!(event.entered_at, Some(now));
        assert_eq!(event.desk, store.desk());
    }
    let of = |n: usize| events.iter().find(|e| e.person == id(n)).unwrap();
    assert_eq!(of(1).at, start);
    assert_eq!(of(3).at, start);
    let grace = i64::from(cohort.grace_minutes) + 1;
    assert_eq!(of(2).at, start + chrono::Duration::minutes(grace));
    let status = |n: usize| store.status(&cohort.code, &id(n), am1()).unwrap();
    assert_eq!(status(2).unwrap().status, CheckInStatus::Late);
    assert_eq!(status(3).unwrap().status, CheckInStatus::Leave);
    assert!(status(4).is_none(), "absent writes nothing");
}

#[test]
fn a_late_time_written_on_the_sheet_is_the_events_time() {
    let dir = tempfile::tempdir().unwrap();
    let (store, cohort) = store(dir.path(), 1);
    let late = PaperMark::Late(NaiveTime::from_hms_opt(9, 5, 0));
    let marks = vec![(id(1), late)];
    let entered = enter_sheet(&store, &cohort, am1(), &marks, at("20T10:00")).unwrap();
    assert_eq!(entered.events[0].at, at("16T09:05"));
}

#[test]
fn the_desks_mark_stands_and_a_different_sheet_mark_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let (store, cohort) = store(dir.path(), 3);
    for n in [1, 2] {
        let person = store.person(&id(n)).unwrap().unwrap();
        let input = CheckIn {
            at: Where {
                cohort: &cohort,
                session: am1(),
            },
            person: &person,
            status: None,
            reason: None,
            walk_in: false,
        };
        checkin::check_in(&store, at("16T08:20"), input).unwrap();
    }
    let marks = vec![
        (id(1), PaperMark::Present),
        (id(2), PaperMark::Leave),
        (id(3), PaperMark::Present),
    ];
    let entered = enter_sheet(&store, &cohort, am1(), &marks, at("20T10:00")).unwrap();
    assert_eq!(entered.agreed, 1);
    assert_eq!(entered.events.len(), 1, "only the person with no mark");
    assert_eq!(entered.differences.len(), 1);
    let difference = &entered.differences[0];
    assert_eq!(difference.person, id(2));
    assert_eq!(difference.sheet, PaperMark::Leave);
    assert_eq!(difference.recorded, CheckInStatus::Present);
    let thread = store.thread(&cohort.code, &id(2), am1()).unwrap();
    assert_eq!(
        thread.len(),
        1,
        "the sheet's mark is not written over the desk's"
    );
}

#[test]
fn entering_the_same_sheet_twice_writes_nothing_the_second_time() {
    let dir = tempfile::tempdir().unwrap();
    let (store, cohort) = store(dir.path(), 2);
    let marks = vec![(id(1), PaperMark::Present), (id(2), PaperMark::Late(None))];
    enter_sheet(&store, &cohort, am1(), &marks, at("20T10:00")).unwrap();
    let seq = store.commit_seq();
    let again = enter_sheet(&store, &cohort, am1(), &marks, at("20T11:00")).unwrap();
    assert!(again.events.is_empty());
    assert_eq!(again.agreed, 2);
    assert_eq!(store.commit_seq(), seq, "nothing committed");
}

#[test]
fn a_closed_session_is_entered_and_its_absent_stay_absent() {
    let dir = tempfile::tempdir().unwrap();
    let (store, cohort) = store(dir.path(), 2);
    store
        .change_session(&cohort.code, am1(), SessionChange::Close)
        .unwrap();
    let marks = vec![(id(1), PaperMark::Present), (id(2), PaperMark::Absent)];
    enter_sheet(&store, &cohort, am1(), &marks, at("20T10:00")).unwrap();
    let stored = store.cohort(&cohort.code).unwrap().unwrap();
    let mark = |n: usize| {
        let status = store.status(&cohort.code, &id(n), am1()).unwrap();
        attendance::mark(&stored, am1(), status.as_ref())
    };
    assert_eq!(mark(1), Mark::Present);
    assert_eq!(mark(2), Mark::Absent);
}

#[test]
fn a_session_not_started_yet_is_refused_with_nothing_written() {
    let dir = tempfile::tempdir().unwrap();
    let (store, cohort) = store(dir.path(), 1);
    let marks = vec![(id(1), PaperMark::Present)];
    let message = refusal(enter_sheet(&store, &cohort, am1(), &marks, at("16T08:29")));
    assert!(message.contains("还没有开始"), "{message}");
    let day9 = Session::new(9, SlotKind::Am);
    let message = refusal(enter_sheet(&store, &cohort, day9, &marks, at("30T08:00")));
    assert!(message.contains("没有 9:am 这一场"), "{message}");
    assert!(store.events(&cohort.code).unwrap().is_empty());
    assert!(enter_sheet(&store, &cohort, am1(), &marks, at("16T08:30")).is_ok());
}

#[test]
fn a_closed_cohort_someone_off_the_roster_or_twice_refuses_the_whole_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let (store, cohort) = store(dir.path(), 2);
    let now = at("20T10:00");
    let stranger = vec![(id(1), PaperMark::Present), (id(9), PaperMark::Present)];
    let message = refusal(enter_sheet(&store, &cohort, am1(), &stranger, now));
    assert!(message.contains("p9"), "{message}");
    let twice = vec![(id(1), PaperMark::Present), (id(1), PaperMark::Leave)];
    let message = refusal(enter_sheet(&store, &cohort, am1(), &twice, now));
    assert!(message.contains("两次"), "{message}");
    assert!(store.events(&cohort.code).unwrap().is_empty());
    store.close_cohort(&cohort.code).unwrap();
    let one = vec![(id(1), PaperMark::Present)];
    assert!(matches!(
        enter_sheet(&store, &cohort, am1(), &one, now),
        Err(OpError::Closed(Closed::Cohort))
    ));
    assert!(store.events(&cohort.code).unwrap().is_empty());
}

#[test]
fn the_desk_key_cycles_through_the_four_marks() {
    let mut mark = PaperMark::Present;
    let mut seen = vec![];
    for _ in 0..4 {
        seen.push(mark.code());
        mark = mark.cycled();
    }
    assert_eq!(seen, ["present", "late", "leave", "absent"]);
    assert_eq!(mark, PaperMark::Present);
}
