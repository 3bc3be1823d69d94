//! Sign-out, early leave and the undo of a sign-out against a real store.

use chrono::DateTime;

use super::*;
use crate::domain::cohort::tests::cohort;
use crate::domain::{CheckInStatus, Cohort, EventKind, Person, Session, SessionChange, SlotKind};
use crate::ops::checkin::{self, CheckIn, CheckInError};
use crate::store::Batch;
use crate::text::Lang;

fn at(time: &str) -> Now {
    DateTime::parse_from_rfc3339(&format!("2015-03-16T{time}:00+08:00")).unwrap()
}

fn am1(cohort: &Cohort) -> Where<'_> {
    Where {
        cohort,
        session: Session::new(1, SlotKind::Am),
    }
}

fn store(dir: &std::path::Path) -> (Store, Cohort, Person) {
    let store = Store::open(dir).unwrap();
    let cohort = cohort();
    let person = Person::named(PersonId("p1".into()), "李雅婷");
    let mut batch = Batch::default();
    Store::stage_cohort(&mut batch, &cohort);
    Store::stage_person(&mut batch, &person);
    Store::stage_enrolment(&mut batch, &cohort.code, &person.id, at("08:00"), false);
    store.commit(batch).unwrap();
    (store, cohort, person)
}

fn arrive(store: &Store, cohort: &Cohort, person: &Person, status: Option<CheckInStatus>) {
    let input = CheckIn {
        at: am1(cohort),
        person,
        status,
        reason: None,
        walk_in: false,
    };
    checkin::check_in(store, at("08:25"), input).unwrap();
}

fn leave_at<'a>(cohort: &'a Cohort, person: &'a Person, reason: &str) -> SignOut<'a> {
    SignOut {
        at: am1(cohort),
        person: &person.id,
        reason: Some(reason.to_string()),
    }
}

#[test]
fn a_sign_out_after_arrival_is_recorded_once() {
    let dir = tempfile::tempdir().unwrap();
    let (store, cohort, person) = store(dir.path());
    let before = sign_out(&store, at("11:20"), leave_at(&cohort, &person, ""));
    assert!(
        matches!(
            before,
            Err(SignOutError::Refused(SignOutRefusal::NotArrived))
        ),
        "{before:?}"
    );
    arrive(&store, &cohort, &person, None);
    let seq = store.commit_seq();
    let done = sign_out(&store, at("11:20"), leave_at(&cohort, &person, " ")).unwrap();
    assert_eq!(
        (done.early, done.reason),
        (None, None),
        "10 minutes early is fine"
    );
    assert_eq!(done.event.kind, EventKind::SignOut { reason: None });
    assert_eq!(store.commit_seq(), seq + 1, "one commit");
    let again = sign_out(&store, at("11:25"), leave_at(&cohort, &person, ""));
    let Err(SignOutError::Refused(SignOutRefusal::AlreadySignedOut(s))) = again else {
        panic!("{again:?}")
    };
    assert_eq!(s.event_id, done.event.id);
    assert_eq!(store.events(&cohort.code).unwrap().len(), 2);
}

#[test]
fn early_leave_is_refused_without_a_reason_and_kept_with_one() {
    let dir = tempfile::tempdir().unwrap();
    let (store, cohort, person) = store(dir.path());
    arrive(&store, &cohort, &person, None);
    let refused = sign_out(&store, at("10:50"), leave_at(&cohort, &person, "  "));
    let Err(SignOutError::Refused(refusal)) = refused else {
        panic!("{refused:?}")
    };
    assert_eq!(refusal, SignOutRefusal::ReasonNeeded { minutes: 40 });
    assert_eq!(
        store.events(&cohort.code).unwrap().len(),
        1,
        "nothing written"
    );
    assert_eq!(early_leave(am1(&cohort), at("10:50")), Some(40));
    let done = sign_out(&store, at("10:50"), leave_at(&cohort, &person, " 看病 ")).unwrap();
    assert_eq!(
        (done.early, done.reason.as_deref()),
        (Some(40), Some("看病"))
    );
}

#[test]
fn undo_takes_back_the_sign_out_then_the_check_in() {
    let dir = tempfile::tempdir().unwrap();
    let (store, cohort, person) = store(dir.path());
    arrive(&store, &cohort, &person, Some(CheckInStatus::Late));
    let out = sign_out(&store, at("11:29"), leave_at(&cohort, &person, "")).unwrap();
    let undo = || {
        let input = checkin::Undo {
            at: am1(&cohort),
            person: &person.id,
        };
        checkin::undo(&store, at("11:31"), input)
    };
    let first = undo().unwrap();
    assert_eq!(
        (first.target.as_str(), first.sign_out),
        (out.event.id.as_str(), true)
    );
    let status = store.status(&cohort.code, &person.id, am1(&cohort).session);
    assert_eq!(
        status.unwrap().unwrap().status,
        CheckInStatus::Late,
        "still arrived"
    );
    let second = undo().unwrap();
    assert!(!second.sign_out);
    let status = store.status(&cohort.code, &person.id, am1(&cohort).session);
    assert_eq!(status.unwrap(), None);
    assert!(matches!(undo(), Err(CheckInError::Refused(_))));
}

#[test]
fn a_closed_session_takes_no_sign_out() {
    let dir = tempfile::tempdir().unwrap();
    let (store, cohort, person) = store(dir.path());
    arrive(&store, &cohort, &person, None);
    let am = am1(&cohort).session;
    store
        .change_session(&cohort.code, am, SessionChange::Close, at("12:00"))
        .unwrap();
    let refused = sign_out(&store, at("11:30"), leave_at(&cohort, &person, ""));
    let Err(SignOutError::Refused(refusal)) = refused else {
        panic!("{refused:?}")
    };
    assert!(matches!(refusal, SignOutRefusal::Closed(_)));
    assert!(refusal.message(Lang::En).contains("closed"), "{refusal:?}");
}
