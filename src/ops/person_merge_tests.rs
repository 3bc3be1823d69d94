use chrono::DateTime;

use super::*;
use crate::domain::attendance::Refusal as Denied;
use crate::domain::{Cohort, Session, SlotKind};
use crate::ops::checkin::{self, CheckIn, CheckInError, Where};
use crate::ops::test_support::{new_cohort, now, refusal};

struct Folder {
    _dir: tempfile::TempDir,
    store: Store,
    cohort: Cohort,
}

/// A cohort with `ids` in the register, the first two enrolled (as if at two desks).
fn folder(people: &[Person]) -> Folder {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let cohort = crate::ops::cohort::create(&store, now(), &new_cohort()).unwrap();
    let mut batch = Batch::default();
    for (n, person) in people.iter().enumerate() {
        Store::stage_person(&mut batch, person);
        if n < 2 {
            Store::stage_enrolment(&mut batch, &cohort.code, &person.id, now(), true);
        }
    }
    store.commit(batch).unwrap();
    Folder {
        _dir: dir,
        store,
        cohort,
    }
}

fn person(id: &str, name: &str) -> Person {
    let mut p = Person::named(PersonId(format!("01J0000000000000000000000{id}")), name);
    p.unit = "新开村".into();
    p
}

fn session_time() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2015-03-16T08:20:00+08:00").unwrap()
}

fn check_in<'a>(f: &'a Folder, who: &'a Person) -> Result<checkin::CheckedIn, CheckInError> {
    let input = CheckIn {
        at: Where {
            cohort: &f.cohort,
            session: Session::new(1, SlotKind::Am),
        },
        person: who,
        status: None,
        reason: None,
        walk_in: false,
    };
    checkin::check_in(&f.store, session_time(), input)
}

#[test]
fn two_records_become_one_person_on_the_roster_and_in_the_register() {
    let (a, b, c) = (
        person("A", "张伟"),
        person("B", "张伟"),
        person("C", "李强"),
    );
    let f = folder(&[a.clone(), b.clone(), c]);
    assert_eq!(f.store.roster(&f.cohort.code).unwrap().len(), 2);
    let joined = merge(&f.store, now(), &b.id, &a.id).unwrap();
    assert_eq!(joined.kept.id, a.id, "the smaller id is kept");
    assert_eq!(joined.joined.id, b.id);
    let roster = f.store.roster(&f.cohort.code).unwrap();
    assert_eq!(roster, vec![a.clone()], "one person, the kept record");
    let register = f.store.people_as_one().unwrap();
    assert_eq!(register.len(), 2);
    assert!(register.iter().all(|p| p.id != b.id));
    assert_eq!(
        f.store.people().unwrap().len(),
        3,
        "both records stay stored"
    );
    assert_eq!(
        f.store.enrolled_as_one(&f.cohort.code).unwrap(),
        vec![a.id.clone()]
    );
}

/// An arrival under one record stands for the other: checking the other in is refused
/// as already checked in, and the events read as the kept person's.
#[test]
fn an_arrival_under_either_record_counts_once() {
    let (a, b) = (person("A", "张伟"), person("B", "张伟"));
    let f = folder(&[a.clone(), b.clone()]);
    check_in(&f, &b).unwrap();
    merge(&f.store, now(), &a.id, &b.id).unwrap();
    match check_in(&f, &a) {
        Err(CheckInError::Refused(Denied::AlreadyCheckedIn(_))) => {}
        other => panic!("expected already checked in, got {other:?}"),
    }
    let events = f.store.events_as_one(&f.cohort.code).unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].person, a.id, "read as the kept person");
    assert_eq!(f.store.events(&f.cohort.code).unwrap()[0].person, b.id);
}

/// An undo of the kept person reverts the arrival recorded under the other record.
#[test]
fn an_undo_reaches_the_arrival_under_the_other_record() {
    let (a, b) = (person("A", "张伟"), person("B", "张伟"));
    let f = folder(&[a.clone(), b.clone()]);
    check_in(&f, &b).unwrap();
    merge(&f.store, now(), &a.id, &b.id).unwrap();
    let undo = checkin::Undo {
        at: Where {
            cohort: &f.cohort,
            session: Session::new(1, SlotKind::Am),
        },
        person: &a.id,
    };
    checkin::undo(&f.store, session_time(), undo).unwrap();
    check_in(&f, &a).unwrap();
    match checkin::undo(&f.store, session_time(), undo) {
        Ok(done) => assert_eq!(done.event.person, a.id),
        other => panic!("{other:?}"),
    }
    match checkin::undo(&f.store, session_time(), undo) {
        Err(CheckInError::Refused(Denied::NothingToUndo)) => {}
        other => panic!("expected nothing to undo, got {other:?}"),
    }
}

/// The joined record checked in (`checkin --person B`) is recorded as the kept person.
#[test]
fn a_joined_record_checks_in_as_the_kept_person() {
    let (a, b) = (person("A", "张伟"), person("B", "张伟"));
    let f = folder(&[a.clone(), b.clone()]);
    merge(&f.store, now(), &a.id, &b.id).unwrap();
    let done = check_in(&f, &b).unwrap();
    assert_eq!(done.event.person, a.id);
}

#[test]
fn refusals_write_nothing() {
    let (a, b, c) = (
        person("A", "张伟"),
        person("B", "张伟"),
        person("C", "张伟"),
    );
    let mut d = person("D", "张伟");
    let mut e = person("E", "张伟");
    d.id_number = Some("430621198001011234".into());
    e.id_number = Some("43062119800101123X".into());
    let f = folder(&[a.clone(), b.clone(), c.clone(), d.clone(), e.clone()]);
    assert!(refusal(merge(&f.store, now(), &a.id, &a.id)).contains("无需合并"));
    assert!(refusal(merge(&f.store, now(), &d.id, &e.id)).contains("身份证号不同"));
    let unknown = PersonId("nobody".into());
    assert!(refusal(merge(&f.store, now(), &a.id, &unknown)).contains("nobody"));
    merge(&f.store, now(), &b.id, &c.id).unwrap();
    merge(&f.store, now(), &a.id, &c.id).unwrap();
    let seq = f.store.commit_seq();
    assert!(refusal(merge(&f.store, now(), &b.id, &a.id)).contains("已是同一人"));
    assert_eq!(f.store.commit_seq(), seq, "nothing written");
    let aliases = f.store.aliases().unwrap();
    assert_eq!(aliases.group(&c.id), vec![a.id, b.id, c.id], "a chain");
}

#[test]
fn change_undo_parts_them_again() {
    let (a, b) = (person("A", "张伟"), person("B", "张伟"));
    let f = folder(&[a.clone(), b.clone()]);
    let joined = merge(&f.store, now(), &a.id, &b.id).unwrap();
    crate::ops::roster_undo::undo(&f.store, now(), &joined.event.id).unwrap();
    assert!(f.store.aliases().unwrap().is_empty());
    assert_eq!(f.store.roster(&f.cohort.code).unwrap().len(), 2);
    merge(&f.store, now(), &a.id, &b.id).unwrap();
    assert_eq!(
        f.store.roster(&f.cohort.code).unwrap().len(),
        1,
        "joined again"
    );
}
