//! Check-in, leave, walk-in and undo against a real store in a temporary folder.

use chrono::DateTime;

use super::*;
use crate::domain::cohort::tests::cohort;
use crate::domain::{Closed, SessionChange, SlotKind};

fn now() -> Now {
    DateTime::parse_from_rfc3339("2015-03-16T08:20:00+08:00").unwrap()
}

fn am1() -> Session {
    Session::new(1, SlotKind::Am)
}

/// A store holding the cohort and one person, enrolled or not.
fn store(dir: &std::path::Path, enrolled: bool) -> (Store, Cohort, Person) {
    let store = Store::open(dir).unwrap();
    let cohort = cohort();
    let person = Person::named(PersonId("p1".into()), "李雅婷");
    let mut batch = Batch::default();
    Store::stage_cohort(&mut batch, &cohort);
    Store::stage_person(&mut batch, &person);
    if enrolled {
        Store::stage_enrolment(&mut batch, &cohort.code, &person.id, now(), false);
    }
    store.commit(batch).unwrap();
    (store, cohort, person)
}

fn input<'a>(cohort: &'a Cohort, person: &'a Person, walk_in: bool) -> CheckIn<'a> {
    CheckIn {
        at: Where {
            cohort,
            session: am1(),
        },
        person,
        status: None,
        reason: None,
        walk_in,
    }
}

#[test]
fn someone_not_on_the_roster_is_refused_unless_enrolled_as_a_walk_in() {
    let dir = tempfile::tempdir().unwrap();
    let (store, cohort, person) = store(dir.path(), false);
    let refused = check_in(&store, now(), input(&cohort, &person, false));
    let Err(CheckInError::NotOnRoster(not)) = refused else {
        panic!("not refused: {refused:?}")
    };
    assert_eq!(
        not.message(Lang::En),
        "李雅婷 is not enrolled in cohort 2015-01; nothing recorded. Add --walk-in to enrol them as a walk-in and check them in"
    );
    assert!(store.events("2015-01").unwrap().is_empty());

    let seq = store.commit_seq();
    let done = check_in(&store, now(), input(&cohort, &person, true)).unwrap();
    assert_eq!(
        store.commit_seq(),
        seq + 1,
        "enrolled and checked in in one commit"
    );
    assert!(done.enrolled);
    assert_eq!(done.status, CheckInStatus::Present);
    let enrolment = &store.enrolments("2015-01").unwrap()[0];
    assert!(enrolment.walk_in);
    assert_eq!(store.events("2015-01").unwrap().len(), 1);
}

#[test]
fn a_second_check_in_is_refused_and_an_undo_reverts_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let (store, cohort, person) = store(dir.path(), true);
    let first = check_in(&store, now(), input(&cohort, &person, false)).unwrap();
    assert!(!first.enrolled);
    let again = check_in(&store, now(), input(&cohort, &person, false));
    assert!(matches!(
        again,
        Err(CheckInError::Refused(Refusal::AlreadyCheckedIn(_)))
    ));
    let at = Where {
        cohort: &cohort,
        session: am1(),
    };
    let undo_input = Undo {
        at,
        person: &person.id,
    };
    let undone = undo(&store, now(), undo_input).unwrap();
    assert_eq!(undone.target, first.event.id);
    assert!(matches!(
        undo(&store, now(), undo_input),
        Err(CheckInError::Refused(Refusal::NothingToUndo))
    ));
}

#[test]
fn leave_keeps_its_trimmed_reason_and_an_empty_reason_is_none() {
    let dir = tempfile::tempdir().unwrap();
    let (store, cohort, person) = store(dir.path(), true);
    let at = Where {
        cohort: &cohort,
        session: am1(),
    };
    let leave = |at, reason: &str| CheckIn {
        at,
        person: &person,
        status: Some(CheckInStatus::Leave),
        reason: Some(reason.into()),
        walk_in: false,
    };
    let done = check_in(&store, now(), leave(at, "  病假 ")).unwrap();
    assert_eq!(done.status, CheckInStatus::Leave);
    assert_eq!(done.reason.as_deref(), Some("病假"));
    let status = store.status("2015-01", &person.id, am1()).unwrap().unwrap();
    assert_eq!(status.status, CheckInStatus::Leave);
    assert_eq!(status.reason.as_deref(), Some("病假"), "stored trimmed");

    let pm1 = Session::new(1, SlotKind::Pm);
    let at = Where { session: pm1, ..at };
    let done = check_in(&store, now(), leave(at, "  ")).unwrap();
    assert_eq!(done.reason, None, "an empty reason is none");
    let stored = store.status("2015-01", &person.id, pm1).unwrap().unwrap();
    assert_eq!(stored.reason, None);
}

#[test]
fn a_walk_in_adds_enrols_and_checks_in_in_one_commit_and_bad_details_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (store, cohort, _) = store(dir.path(), false);
    let at = Where {
        cohort: &cohort,
        session: am1(),
    };
    let bad = NewPerson {
        name: "王新来".into(),
        unit: "城关镇".into(),
        phone: "12ab".into(),
        ..NewPerson::default()
    };
    let refused = walk_in(&store, now(), at, bad.clone());
    let Err(CheckInError::Invalid(invalid)) = refused else {
        panic!("not refused: {refused:?}")
    };
    assert_eq!(
        invalid.message(Lang::Zh),
        "电话号码格式不正确：应为 7 到 15 位数字（可以 + 开头）"
    );
    let no_unit = NewPerson {
        unit: " ".into(),
        phone: String::new(),
        ..bad.clone()
    };
    let refused = walk_in(&store, now(), at, no_unit);
    assert!(matches!(
        refused,
        Err(CheckInError::Invalid(Invalid::UnitRequired))
    ));
    let seq = store.commit_seq();
    assert_eq!(store.people().unwrap().len(), 1, "nothing written");

    let good = NewPerson {
        phone: "13800001111".into(),
        ..bad
    };
    let done = walk_in(&store, now(), at, good).unwrap();
    assert_eq!(store.commit_seq(), seq + 1, "one commit");
    assert_eq!(store.people().unwrap().len(), 2);
    assert!(store.is_enrolled("2015-01", &done.person.id).unwrap());
    let counts = store.enrolment_counts().unwrap();
    assert_eq!(counts["2015-01"], 1, "the walk-in is counted");
    assert_eq!(done.checked_in.event.person, done.person.id);
}

#[test]
fn a_closed_session_refuses_a_walk_in_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (store, cohort, person) = store(dir.path(), false);
    store
        .change_session("2015-01", am1(), SessionChange::Close, now())
        .unwrap();
    let refused = check_in(&store, now(), input(&cohort, &person, true));
    assert!(matches!(
        refused,
        Err(CheckInError::Refused(Refusal::Closed(Closed::Session(_))))
    ));
    assert!(store.enrolments("2015-01").unwrap().is_empty());
    assert!(store.events("2015-01").unwrap().is_empty());
}
