//! The store on a real sled database in a temporary folder: round trips, reopen,
//! the folder lock, the schema check, and the attendance rules applied through it.

mod common;

use common::fixtures::{at, cohort};
use lunxun::domain::attendance::Refusal;
use lunxun::domain::{CheckInStatus, Cohort, Person, PersonId, Session, SlotKind};
use lunxun::store::{Batch, CheckInOutcome, DeskRequest, SCHEMA_VERSION, Store, StoreError};

fn person(id: &str, name: &str) -> Person {
    let mut p = common::fixtures::person(id, name);
    p.unit = "荣家湾镇新开村".into();
    p.phone = Some("13812345678".into());
    p
}

/// A store holding one cohort with two enrolled people.
fn seeded(dir: &std::path::Path) -> Store {
    let store = Store::open(dir).unwrap();
    let mut batch = Batch::default();
    Store::stage_cohort(&mut batch, &cohort("2015-01"));
    for (id, name) in [("p1", "张伟"), ("p2", "李雅婷")] {
        Store::stage_person(&mut batch, &person(id, name));
        let when = at("2015-03-01T08:00:00+08:00");
        Store::stage_enrolment(&mut batch, "2015-01", &PersonId(id.into()), when, false);
    }
    store.commit(batch).unwrap();
    store
}

fn request<'a>(person: &'a PersonId, session: Session, when: &str) -> DeskRequest<'a> {
    DeskRequest {
        cohort: "2015-01",
        person,
        session,
        at: at(when),
    }
}

#[test]
fn records_survive_closing_and_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let p1 = PersonId("p1".into());
    let am = Session::new(1, SlotKind::Am);
    {
        let store = seeded(dir.path());
        let outcome = store
            .check_in(
                &request(&p1, am, "2015-03-16T08:20:00+08:00"),
                CheckInStatus::Present,
                None,
            )
            .unwrap();
        assert!(matches!(outcome, CheckInOutcome::Recorded(_)));
    }
    let store = Store::open(dir.path()).unwrap();
    let stored = store.cohort("2015-01").unwrap().expect("the cohort");
    assert_eq!(stored.uid.len(), 26, "a global id given when first saved");
    let uid = stored.uid.clone();
    assert_eq!(
        stored,
        Cohort {
            uid,
            ..cohort("2015-01")
        }
    );
    assert_eq!(store.person(&p1).unwrap(), Some(person("p1", "张伟")));
    let names: Vec<_> = store
        .roster("2015-01")
        .unwrap()
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(names, ["张伟", "李雅婷"]);
    let status = store.status("2015-01", &p1, am).unwrap().unwrap();
    assert_eq!(status.status, CheckInStatus::Present);
    assert_eq!(store.events("2015-01").unwrap().len(), 1);
}

#[test]
fn a_second_check_in_is_refused_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let store = seeded(dir.path());
    let p1 = PersonId("p1".into());
    let am = Session::new(1, SlotKind::Am);
    let first = request(&p1, am, "2015-03-16T08:20:00+08:00");
    store
        .check_in(&first, CheckInStatus::Present, None)
        .unwrap();
    let again = request(&p1, am, "2015-03-16T08:50:00+08:00");
    let outcome = store.check_in(&again, CheckInStatus::Late, None).unwrap();
    assert!(matches!(
        outcome,
        CheckInOutcome::Refused(Refusal::AlreadyCheckedIn(_))
    ));
    assert_eq!(store.events("2015-01").unwrap().len(), 1);
}

#[test]
fn undo_is_an_event_and_clears_the_status() {
    let dir = tempfile::tempdir().unwrap();
    let store = seeded(dir.path());
    let p1 = PersonId("p1".into());
    let pm = Session::new(1, SlotKind::Pm);
    let req = request(&p1, pm, "2015-03-16T14:20:00+08:00");
    store.check_in(&req, CheckInStatus::Present, None).unwrap();
    assert!(matches!(
        store.undo(&req).unwrap(),
        CheckInOutcome::Recorded(_)
    ));
    assert_eq!(store.status("2015-01", &p1, pm).unwrap(), None);
    assert_eq!(
        store.events("2015-01").unwrap().len(),
        2,
        "the undo is kept as an event"
    );
    let nothing = store.undo(&req).unwrap();
    assert_eq!(nothing, CheckInOutcome::Refused(Refusal::NothingToUndo));
    assert_eq!(store.events("2015-01").unwrap().len(), 2);
}

#[test]
fn events_read_back_in_written_order_even_within_one_millisecond() {
    let dir = tempfile::tempdir().unwrap();
    let store = seeded(dir.path());
    let p2 = PersonId("p2".into());
    let am = Session::new(2, SlotKind::Am);
    let req = request(&p2, am, "2015-03-17T08:00:00+08:00");
    for _ in 0..20 {
        store.check_in(&req, CheckInStatus::Present, None).unwrap();
        store.undo(&req).unwrap();
    }
    let events = store.events("2015-01").unwrap();
    assert_eq!(events.len(), 40);
    let ids: Vec<_> = events.iter().map(|e| e.id.clone()).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(ids, sorted, "ids are unique and increasing");
    assert_eq!(store.status("2015-01", &p2, am).unwrap(), None);
}

#[test]
fn a_second_open_of_the_same_folder_is_refused_and_the_first_keeps_working() {
    let dir = tempfile::tempdir().unwrap();
    let first = seeded(dir.path());
    match Store::open(dir.path()) {
        Err(StoreError::AlreadyOpen(path)) => assert_eq!(path, dir.path()),
        Err(other) => panic!("expected AlreadyOpen, got {other}"),
        Ok(_) => panic!("a second store opened the same folder"),
    }
    let p1 = PersonId("p1".into());
    let req = request(
        &p1,
        Session::new(1, SlotKind::Am),
        "2015-03-16T08:00:00+08:00",
    );
    assert!(matches!(
        first.check_in(&req, CheckInStatus::Present, None).unwrap(),
        CheckInOutcome::Recorded(_)
    ));
    drop(first);
    Store::open(dir.path()).expect("the folder opens once the first store is closed");
}

#[test]
fn a_database_from_a_newer_schema_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    drop(Store::open(dir.path()).unwrap());
    {
        let db = sled::open(dir.path().join("sled")).unwrap();
        let meta = db.open_tree("meta").unwrap();
        meta.insert("schema_version", &(SCHEMA_VERSION + 1).to_be_bytes())
            .unwrap();
        db.flush().unwrap();
    }
    match Store::open(dir.path()) {
        Err(err @ StoreError::NewerSchema { .. }) => {
            let message = err.message(lunxun::text::Lang::En);
            assert!(message.contains("newer lunxun"), "{message}");
            assert!(message.contains("Upgrade"), "{message}");
        }
        Err(other) => panic!("expected NewerSchema, got {other}"),
        Ok(_) => panic!("a newer database was opened"),
    }
}

#[cfg(unix)]
#[test]
fn the_data_folder_and_database_files_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("data");
    drop(seeded(&dir));
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&dir), 0o700);
    assert_eq!(mode(&dir.join("sled")), 0o700);
    assert_eq!(mode(&dir.join("sled").join("db")), 0o600);
    assert_eq!(mode(&dir.join("lunxun.lock")), 0o600);
}
