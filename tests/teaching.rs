//! The teaching log, the module catalogue and the training bases on a real store:
//! edits and deletions are appended (nothing rewritten), refusals write nothing, a
//! cohort keeps the catalogue it ran with. The command line is tested end to end in
//! `teaching/teach.rs` and `teaching/coverage.rs`.

mod common;
#[path = "teaching/coverage.rs"]
mod coverage;
#[path = "teaching/support.rs"]
mod support;
#[path = "teaching/teach.rs"]
mod teach;

use chrono::NaiveDateTime;
use common::fixtures::at;
use lunxun::domain::module::{ModuleError, ModuleNames};
use lunxun::domain::teaching::{ActivityChange, ActivityEdit, TeachingError};
use lunxun::domain::{ActivityDetails, ActivityStatus, Cohort, Method, Session, TeachingActivity};
use lunxun::store::{ActivityOutcome, ActivityRequest, Batch, Store};

/// The common test cohort, named after its code so that two differ.
fn cohort(code: &str) -> Cohort {
    Cohort {
        name: format!("第{code}期"),
        ..common::fixtures::cohort(code)
    }
}

fn seeded(dir: &std::path::Path) -> Store {
    let store = Store::open(dir).unwrap();
    let mut batch = Batch::default();
    Store::stage_cohort(&mut batch, &cohort("2015-01"));
    Store::stage_cohort(&mut batch, &cohort("2015-02"));
    store.commit(batch).unwrap();
    store
}

fn request<'a>(cohort: &'a Cohort, when: &str) -> ActivityRequest<'a> {
    ActivityRequest {
        cohort,
        at: at(when),
        by: Some("张干事".into()),
        catalogue: None,
    }
}

fn lecture(session: &str, modules: &[u16]) -> ActivityDetails {
    ActivityDetails {
        session: Session::parse(session).unwrap(),
        method: Method::Lecture,
        title: "学习党章".into(),
        lecturer: "王强".into(),
        role: "县委书记".into(),
        modules: modules.to_vec(),
        minutes: Some(120),
        class_hours: None,
        base: None,
        notes: String::new(),
    }
}

fn recorded(outcome: ActivityOutcome) -> TeachingActivity {
    match outcome {
        ActivityOutcome::Recorded(a) => *a,
        ActivityOutcome::Refused(r) => panic!("refused: {r}"),
    }
}

const DAY2: &str = "2015-03-17T10:00:00+08:00";

#[test]
fn edits_and_deletions_are_appended_and_the_first_version_stays() {
    let dir = tempfile::tempdir().unwrap();
    let store = seeded(dir.path());
    let c = cohort("2015-01");
    let req = request(&c, DAY2);
    let first = recorded(
        store
            .add_activity(&req, lecture("1:am", &[1]), false)
            .unwrap(),
    );
    assert_eq!((first.id, first.status), (1, ActivityStatus::Held));
    let edit = ActivityEdit {
        lecturer: Some("李明".into()),
        ..ActivityEdit::default()
    };
    let edited = recorded(store.edit_activity(&req, 1, &edit).unwrap());
    assert_eq!(edited.details.lecturer, "李明");
    assert_eq!(
        edited.edited.as_ref().unwrap().by.as_deref(),
        Some("张干事")
    );
    recorded(store.delete_activity(&req, 1, Some("重复".into())).unwrap());

    let events = store.activity_events("2015-01").unwrap();
    let kinds: Vec<&str> = events
        .iter()
        .map(|e| match e.change {
            ActivityChange::Created { .. } => "created",
            ActivityChange::Edited { .. } => "edited",
            ActivityChange::Held => "held",
            ActivityChange::Deleted { .. } => "deleted",
        })
        .collect();
    assert_eq!(kinds, ["created", "edited", "deleted"]);
    let ActivityChange::Created { details, .. } = &events[0].change else {
        unreachable!()
    };
    assert_eq!(details.lecturer, "王强", "the first version is kept");
    let all = store.activities("2015-01").unwrap();
    assert!(all[0].deleted.is_some());
    assert!(store.activities("2015-02").unwrap().is_empty());
}

#[test]
fn refusals_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let store = seeded(dir.path());
    let c = cohort("2015-01");
    let req = request(&c, DAY2);
    recorded(
        store
            .add_activity(&req, lecture("1:am", &[1]), false)
            .unwrap(),
    );
    let before = store.activity_events("2015-01").unwrap();
    let unchanged = ActivityEdit {
        lecturer: Some("王强".into()),
        ..ActivityEdit::default()
    };
    let table = [
        (
            store.edit_activity(&req, 1, &unchanged),
            TeachingError::Unchanged,
        ),
        (store.mark_held(&req, 1), TeachingError::AlreadyHeld(1)),
        (store.mark_held(&req, 7), TeachingError::NotFound(7)),
        (
            store.delete_activity(&req, 7, None),
            TeachingError::NotFound(7),
        ),
        (
            store.add_activity(&req, lecture("3:am", &[1]), false),
            TeachingError::NoSuchSession(Session::parse("3:am").unwrap()),
        ),
        (
            store.add_activity(&req, lecture("1:pm", &[]), false),
            TeachingError::NoModules,
        ),
    ];
    for (outcome, want) in table {
        assert_eq!(outcome.unwrap(), ActivityOutcome::Refused(want));
    }
    assert_eq!(store.activity_events("2015-01").unwrap(), before);
}

#[test]
fn planned_activities_are_marked_held_once_their_session_starts() {
    let dir = tempfile::tempdir().unwrap();
    let store = seeded(dir.path());
    let c = cohort("2015-01");
    let early = request(&c, "2015-03-10T09:00:00+08:00");
    let planned = recorded(
        store
            .add_activity(&early, lecture("2:am", &[2]), false)
            .unwrap(),
    );
    assert_eq!(planned.status, ActivityStatus::Planned);
    let refusal = store.mark_held(&early, 1).unwrap();
    let day2_am = Session::parse("2:am").unwrap();
    assert_eq!(
        refusal,
        ActivityOutcome::Refused(TeachingError::NotStarted(day2_am))
    );
    let swap = ActivityEdit {
        lecturer: Some("李明".into()),
        ..ActivityEdit::default()
    };
    recorded(store.edit_activity(&early, 1, &swap).unwrap());
    let held = recorded(store.mark_held(&request(&c, DAY2), 1).unwrap());
    assert_eq!(
        held.status,
        ActivityStatus::Changed,
        "held, but not as planned"
    );
    assert_eq!(held.held.unwrap().at, at(DAY2));
}

#[test]
fn numbers_continue_after_a_deletion_and_survive_a_reopen() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = seeded(dir.path());
        let c = cohort("2015-01");
        let req = request(&c, DAY2);
        recorded(
            store
                .add_activity(&req, lecture("1:am", &[1]), false)
                .unwrap(),
        );
        recorded(store.delete_activity(&req, 1, None).unwrap());
        let second = recorded(
            store
                .add_activity(&req, lecture("1:pm", &[3]), false)
                .unwrap(),
        );
        assert_eq!(second.id, 2);
    }
    let store = Store::open(dir.path()).unwrap();
    let ids: Vec<u32> = store
        .activities("2015-01")
        .unwrap()
        .iter()
        .map(|a| a.id)
        .collect();
    assert_eq!(ids, [1, 2]);
}

fn rename(
    number: u16,
    name: &str,
) -> impl FnOnce(&mut lunxun::domain::Catalogue) -> Result<(), ModuleError> {
    let names = ModuleNames {
        name_zh: Some(name.into()),
        ..ModuleNames::default()
    };
    move |c| c.rename(number, names)
}

#[test]
fn a_cohort_keeps_the_catalogue_it_ran_with() {
    let dir = tempfile::tempdir().unwrap();
    let store = seeded(dir.path());
    let c1 = cohort("2015-01");
    assert!(
        store.cohort_catalogue("2015-01").unwrap().is_none(),
        "no copy before first use"
    );
    recorded(
        store
            .add_activity(&request(&c1, DAY2), lecture("1:am", &[2]), false)
            .unwrap(),
    );
    store
        .change_catalogue(rename(2, "党章党规党纪"))
        .unwrap()
        .unwrap();
    store.change_catalogue(|c| c.retire(5)).unwrap().unwrap();

    let own = store.catalogue_for("2015-01").unwrap();
    assert_eq!(
        own.get(2).unwrap().name_zh,
        "党章党纪",
        "renaming later does not rewrite it"
    );
    assert!(own.get(5).is_some(), "retiring later does not take it away");
    let (numbers, grown) = store.resolve_modules("2015-01", "5").unwrap().unwrap();
    assert_eq!((numbers, grown), (vec![5], None));

    let fresh = store.catalogue_for("2015-02").unwrap();
    assert_eq!(fresh.get(2).unwrap().name_zh, "党章党规党纪");
    assert!(fresh.get(5).is_none());
    let refused = store.resolve_modules("2015-02", "5").unwrap();
    assert_eq!(refused, Err(ModuleError::Retired(5)));

    let now = NaiveDateTime::parse_from_str("2015-03-17 10:00", "%Y-%m-%d %H:%M").unwrap();
    let coverage = store.cohort_coverage(&c1, now).unwrap();
    assert_eq!(coverage.modules[1].module.name_zh, "党章党纪");
    assert!(coverage.modules[1].covered);
    assert_eq!(coverage.modules.len(), 5);
}

#[test]
fn a_module_added_later_joins_the_cohort_that_uses_it() {
    let dir = tempfile::tempdir().unwrap();
    let store = seeded(dir.path());
    let c1 = cohort("2015-01");
    recorded(
        store
            .add_activity(&request(&c1, DAY2), lecture("1:am", &[1]), false)
            .unwrap(),
    );
    let names = ModuleNames {
        name_zh: Some("乡村振兴".into()),
        ..ModuleNames::default()
    };
    let number = store
        .change_catalogue(|c| c.add(names, ulid::Ulid::generate().to_string()))
        .unwrap()
        .unwrap();
    assert_eq!(number, 6);
    assert!(store.catalogue_for("2015-01").unwrap().get(6).is_none());
    let (numbers, grown) = store
        .resolve_modules("2015-01", "乡村振兴")
        .unwrap()
        .unwrap();
    let mut req = request(&c1, DAY2);
    req.catalogue = grown;
    recorded(
        store
            .add_activity(&req, lecture("1:pm", &numbers), false)
            .unwrap(),
    );
    assert!(store.catalogue_for("2015-01").unwrap().get(6).is_some());
}
