//! Merges between two real folders: the bundle's contents collected from one
//! (`ops::bundle_collect::collect`) and merged into the other.

use std::collections::BTreeSet;

use chrono::{DateTime, Duration, FixedOffset};

use super::*;
use crate::domain::bundle::Scope;
use crate::domain::register::{Change, MatchRule};
use crate::domain::{CheckInStatus, Cohort, Person, PersonId, Session, SlotKind};
use crate::ops::bundle_collect::collect;
use crate::ops::cohort::{NewCohort, create};
use crate::ops::test_support::{new_cohort, now};
use crate::store::{Batch, DeskRequest, Store};
use crate::text::Lang;

fn at(minutes: i64) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2015-03-16T08:20:00+08:00").unwrap() + Duration::minutes(minutes)
}

fn options() -> MergeOptions {
    MergeOptions {
        dry_run: false,
        now: at(600),
    }
}

fn person(name: &str, id_number: Option<&str>) -> Person {
    let mut p = Person::named(PersonId(ulid::Ulid::generate().to_string()), name);
    p.unit = "新开村".into();
    p.id_number = id_number.map(str::to_string);
    p
}

/// A folder with cohort `code` (from `input`) and `people` on its roster.
fn folder(input: &NewCohort, people: &[Person]) -> (tempfile::TempDir, Store, Cohort) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let cohort = create(&store, now(), input).unwrap();
    let mut batch = Batch::default();
    for p in people {
        Store::stage_person(&mut batch, p);
        Store::stage_enrolment(&mut batch, &cohort.code, &p.id, now(), false);
    }
    store.commit(batch).unwrap();
    (dir, store, cohort)
}

fn check_in(store: &Store, code: &str, person: &PersonId, minute: i64) {
    let request = DeskRequest {
        cohort: code,
        person,
        session: Session::new(1, SlotKind::Am),
        at: at(minute),
    };
    store
        .check_in(&request, CheckInStatus::Present, None)
        .unwrap();
}

fn from(store: &Store) -> FromDesk {
    FromDesk {
        desk: store.desk().to_string(),
        name: store.desk_name().unwrap(),
    }
}

fn merge(into: &Store, from_store: &Store) -> MergeReport {
    let contents = collect(from_store, &Scope::All).unwrap();
    merge_contents(into, &from(from_store), &contents, &options()).unwrap()
}

fn event_ids(store: &Store) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for cohort in store.cohorts().unwrap() {
        ids.extend(
            store
                .events(&cohort.code)
                .unwrap()
                .into_iter()
                .map(|e| e.id),
        );
    }
    ids
}

#[test]
fn a_merge_into_an_empty_folder_brings_everything_and_a_second_writes_nothing() {
    let people = [person("张伟", None), person("李娜", None)];
    let (_a, a, cohort) = folder(&new_cohort(), &people);
    check_in(&a, &cohort.code, &people[0].id, 0);
    check_in(&a, &cohort.code, &people[1].id, 3);
    let dir = tempfile::tempdir().unwrap();
    let b = Store::open(dir.path()).unwrap();

    let report = merge(&b, &a);
    assert!(report.written);
    assert!(report.backup.as_ref().is_some_and(|p| p.exists()));
    assert_eq!(report.came_in.check_ins, 2);
    assert_eq!(report.came_in.people, 2);
    assert_eq!(report.came_in.enrolments, 2);
    assert_eq!(report.came_in.cohorts, 1);
    let here = b.cohort(&cohort.code).unwrap().unwrap();
    assert_eq!(here.uid, a.cohort(&cohort.code).unwrap().unwrap().uid);
    assert_eq!(event_ids(&b), event_ids(&a));
    assert_eq!(
        b.events(&cohort.code).unwrap(),
        a.events(&cohort.code).unwrap()
    );
    assert_eq!(b.roster(&cohort.code).unwrap().len(), 2);
    assert!(b.check_integrity().is_ok());
    assert_eq!(
        report.summary(Lang::En),
        format!("merged from {}: 2 check-ins", a.desk())
    );

    let seq = b.commit_seq();
    let again = merge(&b, &a);
    assert!(!again.written);
    assert_eq!(again.backup, None);
    assert_eq!(again.came_in.total(), 0);
    assert_eq!(b.commit_seq(), seq, "a second merge writes nothing");
    assert!(again.summary(Lang::Zh).contains("未写入任何内容"));
}

#[test]
fn a_dry_run_reports_the_same_and_writes_nothing() {
    let people = [person("张伟", None)];
    let (_a, a, cohort) = folder(&new_cohort(), &people);
    check_in(&a, &cohort.code, &people[0].id, 0);
    let dir = tempfile::tempdir().unwrap();
    let b = Store::open(dir.path()).unwrap();
    let seq = b.commit_seq();
    let contents = collect(&a, &Scope::All).unwrap();
    let dry = MergeOptions {
        dry_run: true,
        ..options()
    };
    let report = merge_contents(&b, &from(&a), &contents, &dry).unwrap();
    assert_eq!(b.commit_seq(), seq);
    assert!(!dir.path().join("backups").exists() || report.backup.is_none());
    assert!(!report.written && report.backup.is_none());
    assert_eq!(report.came_in.check_ins, 1);
    let real = merge_contents(&b, &from(&a), &contents, &options()).unwrap();
    assert_eq!(real.came_in, report.came_in);
    assert!(real.summary(Lang::Zh).starts_with("已合并"));
    assert!(report.summary(Lang::Zh).starts_with("试合并"));
}

#[test]
fn two_desks_end_with_the_same_events_and_a_double_check_in_is_a_conflict() {
    let people = [person("张伟", None), person("李娜", None)];
    let (_a, a, cohort) = folder(&new_cohort(), &people);
    let dir = tempfile::tempdir().unwrap();
    let b = Store::open(dir.path()).unwrap();
    merge(&b, &a);
    check_in(&a, &cohort.code, &people[0].id, 1);
    check_in(&b, &cohort.code, &people[0].id, 3);
    check_in(&b, &cohort.code, &people[1].id, 4);

    let into_a = merge(&a, &b);
    assert_eq!(into_a.came_in.check_ins, 2);
    assert_eq!(into_a.double_arrivals.len(), 1);
    let double = &into_a.double_arrivals[0];
    // The report names the arrival the attendance fold lets stand.
    let session = Session::new(1, SlotKind::Am);
    let stands = a
        .status(&cohort.code, &people[0].id, session)
        .unwrap()
        .unwrap();
    assert_eq!(double.standing_at, stands.at);
    assert_eq!(double.others.len(), 1);
    let into_b = merge(&b, &a);
    assert_eq!(into_b.came_in.check_ins, 1);
    assert_eq!(event_ids(&a), event_ids(&b));
    assert_eq!(into_b.conflicts(), 1);
    assert!(into_b.summary(Lang::En).ends_with("1 check-in, 1 conflict"));
    let line = into_b.lines(Lang::Zh).join("\n");
    assert!(line.contains("张伟"), "{line}");
}

#[test]
fn a_cohort_code_taken_here_is_renumbered_and_reported() {
    let (_a, a, cohort_a) = folder(&new_cohort(), &[person("张伟", None)]);
    let (_b, b, cohort_b) = folder(&new_cohort(), &[person("李娜", None)]);
    assert_eq!(cohort_a.code, cohort_b.code);
    let report = merge(&b, &a);
    assert_eq!(report.renumbered.len(), 1);
    let codes: Vec<String> = b.cohorts().unwrap().into_iter().map(|c| c.code).collect();
    assert_eq!(codes, ["2015-01", "2015-02"]);
    assert_eq!(b.roster("2015-02").unwrap()[0].name, "张伟");
    assert!(
        report
            .lines(Lang::En)
            .iter()
            .any(|l| l.contains("now 2015-02"))
    );
    // Merging again finds it by its global id under its new code.
    let seq = b.commit_seq();
    let again = merge(&b, &a);
    assert!(again.renumbered.is_empty());
    assert_eq!(b.commit_seq(), seq);
}

#[test]
fn the_same_person_in_two_folders_is_joined_once() {
    let number = "110105199001011234";
    let (_a, a, _) = folder(&new_cohort(), &[person("张伟", Some(number))]);
    let (_b, b, _) = folder(&new_cohort(), &[person("张伟", Some(number))]);
    let report = merge(&b, &a);
    assert_eq!(report.joined.len(), 1);
    assert_eq!(report.joined[0].rule, MatchRule::IdNumber);
    let joins = |s: &Store| {
        s.changes()
            .unwrap()
            .into_iter()
            .filter(|c| matches!(c.change, Change::PersonsJoined { .. }))
            .count()
    };
    assert_eq!(joins(&b), 1);
    // Back the other way: the join comes along and is not made twice.
    let back = merge(&a, &b);
    assert!(back.joined.is_empty());
    assert_eq!(joins(&a), 1);
    let seq = b.commit_seq();
    merge(&b, &a);
    assert_eq!(b.commit_seq(), seq);
}

fn edit(store: &Store, code: &str, minute: i64, change: impl FnOnce(&mut Cohort)) {
    let mut cohort = store.cohort(code).unwrap().unwrap();
    change(&mut cohort);
    cohort.updated_at = Some(at(minute));
    let mut batch = Batch::default();
    Store::stage_cohort(&mut batch, &cohort);
    store.commit(batch).unwrap();
}

#[test]
fn a_cohort_edited_in_both_folders_takes_the_newer_edit_and_lists_the_difference() {
    let (_a, a, cohort) = folder(&new_cohort(), &[person("张伟", None)]);
    let dir = tempfile::tempdir().unwrap();
    let b = Store::open(dir.path()).unwrap();
    merge(&b, &a);
    edit(&a, &cohort.code, 5, |c| c.venue = "市委党校".into());
    edit(&b, &cohort.code, 9, |c| c.venue = "村部".into());
    let report = merge(&a, &b);
    assert_eq!(a.cohort(&cohort.code).unwrap().unwrap().venue, "村部");
    assert_eq!(report.conflicts(), 1);
    let zh = report.lines(Lang::Zh).join("\n");
    assert!(zh.contains("地点 本机 市委党校、对方 村部"), "{zh}");
    // The other way the newer edit stands too, so both folders agree.
    let back = merge(&b, &a);
    assert!(!back.cohorts_edited.is_empty() || back.came_in.total() == 0);
    assert_eq!(
        b.cohort(&cohort.code).unwrap().unwrap(),
        a.cohort(&cohort.code).unwrap().unwrap()
    );
}

#[test]
fn a_desk_whose_clock_runs_a_quarter_hour_ahead_is_named() {
    let people: Vec<Person> = (0..10).map(|i| person(&format!("学员{i}"), None)).collect();
    let (_a, a, cohort) = folder(&new_cohort(), &people);
    let dir = tempfile::tempdir().unwrap();
    let b = Store::open(dir.path()).unwrap();
    merge(&b, &a);
    for (i, p) in people.iter().enumerate() {
        let i = i as i64;
        match i % 2 {
            0 => check_in(&a, &cohort.code, &p.id, i),
            _ => check_in(&b, &cohort.code, &p.id, i + 15),
        }
    }
    let report = merge(&a, &b);
    assert_eq!(report.clocks.len(), 1, "{:?}", report.clocks);
    assert_eq!(report.clocks[0].ahead, b.desk());
    assert!(report.clocks[0].minutes >= 14);
    let en = report.lines(Lang::En).join("\n");
    assert!(en.contains("minutes ahead of"), "{en}");
}

#[test]
fn an_enrolment_undone_at_one_desk_comes_off_the_other_and_never_comes_back() {
    let (_a, a, cohort) = folder(&new_cohort(), &[person("张伟", None)]);
    let walk = person("李娜", None);
    let mut batch = Batch::default();
    Store::stage_person(&mut batch, &walk);
    a.commit(batch).unwrap();
    let enrolled = match crate::ops::roster::enrol(&a, now(), &cohort, &walk).unwrap() {
        crate::ops::roster::Enrolled::New(event) => event,
        other => panic!("{other:?}"),
    };
    let dir = tempfile::tempdir().unwrap();
    let b = Store::open(dir.path()).unwrap();
    merge(&b, &a);
    assert!(b.is_enrolled(&cohort.code, &walk.id).unwrap());
    crate::ops::roster_undo::undo(&a, now(), &enrolled.id).unwrap();
    assert!(!a.is_enrolled(&cohort.code, &walk.id).unwrap());

    // B still has the enrolment: it does not come back to A.
    let into_a = merge(&a, &b);
    assert_eq!(into_a.came_in.enrolments, 0);
    assert!(!a.is_enrolled(&cohort.code, &walk.id).unwrap());
    let into_b = merge(&b, &a);
    assert_eq!(into_b.came_in.enrolments_undone, 1);
    assert!(!b.is_enrolled(&cohort.code, &walk.id).unwrap());
    let seq = b.commit_seq();
    merge(&b, &a);
    assert_eq!(b.commit_seq(), seq);
    assert!(b.check_integrity().is_ok());
}

/// A desk renamed after its first bundle: its next bundle carries the new name to the
/// folders that knew the old one, and merging it again writes nothing.
#[test]
fn a_desk_renamed_is_known_by_its_new_name_once_its_bundle_arrives() {
    let (_a, one, _) = folder(&new_cohort(), &[]);
    let (_b, two, _) = folder(&new_cohort(), &[]);
    let name = |store: &Store, name: &str| {
        let mut batch = Batch::default();
        Store::stage_desk_name(&mut batch, store.desk(), name);
        store.commit(batch).unwrap();
    };
    name(&two, "二号");
    merge(&one, &two);
    assert_eq!(one.desk_names().unwrap()[two.desk()], "二号");
    name(&two, "2号台");
    merge(&one, &two);
    assert_eq!(one.desk_names().unwrap()[two.desk()], "2号台");
    let seq = one.commit_seq();
    assert!(!merge(&one, &two).written);
    assert_eq!(one.commit_seq(), seq, "nothing written the second time");
}
