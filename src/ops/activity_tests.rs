//! Logging, changing, holding and deleting activities against a real store.

use chrono::DateTime;

use super::*;
use crate::domain::teaching::ActivityChange;
use crate::domain::{ActivityStatus, SlotKind};
use crate::ops::cohort::{NewCohort, close, create};
use crate::ops::test_support::new_cohort;

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

/// A two-day cohort from 2015-03-16: its code.
fn setup(store: &Store) -> String {
    let cohort = NewCohort {
        days: "2".into(),
        ..new_cohort()
    };
    create(store, at("2015-03-01T08:00:00+08:00"), &cohort)
        .unwrap()
        .code
}

/// Logging in the week before the cohort starts, by nobody named.
fn before(code: &str) -> LogBy<'_> {
    LogBy {
        cohort: code,
        at: at("2015-03-10T09:00:00+08:00"),
        by: None,
    }
}

fn lecture() -> NewActivity {
    NewActivity {
        session: Session::new(1, SlotKind::Am),
        method: "专题辅导".into(),
        title: "学习党章".into(),
        lecturer: "王强".into(),
        role: String::new(),
        modules: Modules::Named("1".into()),
        hours: "1:30".into(),
        base: String::new(),
        notes: String::new(),
    }
}

#[test]
fn an_activity_is_logged_edited_held_and_deleted_each_as_one_event() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let code = setup(&store);
    let before = LogBy {
        by: Some("李"),
        ..before(&code)
    };
    let Logged::Recorded(a) = log(&store, before, &lecture(), false).unwrap() else {
        panic!("not recorded")
    };
    assert_eq!(
        (a.id, a.status, a.details.minutes),
        (1, ActivityStatus::Planned, Some(90))
    );

    let during = LogBy {
        at: at("2015-03-16T10:00:00+08:00"),
        ..before
    };
    let changes = ActivityChanges {
        title: Some("学习新党章".into()),
        hold_if_started: true,
        ..ActivityChanges::default()
    };
    let Logged::Recorded(edited) = edit(&store, during, 1, &changes).unwrap() else {
        panic!("not recorded")
    };
    assert!(
        edited.status.took_place(),
        "editing after the start holds it"
    );
    assert_eq!(store.activity_events(&code).unwrap().len(), 3);
    assert!(matches!(
        hold(&store, during, 1).unwrap(),
        Logged::Unchanged(TeachingError::AlreadyHeld(1))
    ));
    assert!(matches!(
        delete(&store, during, 1, Some(" 重复 ")).unwrap(),
        Logged::Recorded(_)
    ));
    assert!(matches!(
        delete(&store, during, 1, None),
        Err(OpError::Teaching(TeachingError::Deleted(1)))
    ));
    assert_eq!(store.activity_events(&code).unwrap().len(), 4);
}

/// An edit after the session began also marks the activity held: one commit with both
/// events, so a crash cannot leave the edit without the hold.
#[test]
fn an_edit_that_holds_the_activity_commits_once() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let code = setup(&store);
    let before = before(&code);
    log(&store, before, &lecture(), false).unwrap();
    let during = LogBy {
        at: at("2015-03-16T10:00:00+08:00"),
        ..before
    };
    let changes = ActivityChanges {
        title: Some("学习新党章".into()),
        hold_if_started: true,
        ..ActivityChanges::default()
    };
    let seq = store.commit_seq();
    let Logged::Recorded(a) = edit(&store, during, 1, &changes).unwrap() else {
        panic!("not recorded")
    };
    assert_eq!(
        store.commit_seq(),
        seq + 1,
        "the edit and the hold in one commit"
    );
    assert_eq!((a.edits, a.held.is_some()), (1, true), "edited and held");
    let events = store.activity_events(&code).unwrap();
    let last: Vec<_> = events.iter().skip(1).map(|e| &e.change).collect();
    assert!(
        matches!(
            last.as_slice(),
            [ActivityChange::Edited { .. }, ActivityChange::Held]
        ),
        "{last:?}"
    );
    assert!(
        events.windows(2).all(|w| w[0].id < w[1].id),
        "events in written order"
    );
}

#[test]
fn bad_input_and_a_closed_cohort_are_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let code = setup(&store);
    let who = before(&code);
    let message = |r: OpResult<Logged>| match r {
        Err(e) => e.message(crate::text::Lang::Zh),
        Ok(l) => panic!("expected a refusal, got {l:?}"),
    };
    let bad_method = NewActivity {
        method: "sing".into(),
        ..lecture()
    };
    assert!(message(log(&store, who, &bad_method, false)).contains("教学方式“sing”无效"));
    let bad_hours = NewActivity {
        hours: "25".into(),
        ..lecture()
    };
    assert!(message(log(&store, who, &bad_hours, false)).contains("学时“25”无效"));
    let no_base = NewActivity {
        base: "无此村".into(),
        ..lecture()
    };
    assert!(message(log(&store, who, &no_base, false)).contains("无此村"));
    let no_modules = NewActivity {
        modules: Modules::Numbers(vec![]),
        ..lecture()
    };
    assert!(matches!(
        log(&store, who, &no_modules, false),
        Err(OpError::Teaching(TeachingError::NoModules))
    ));
    close(&store, &code, at("2015-03-16T12:00:00+08:00")).unwrap();
    assert!(matches!(
        log(&store, who, &lecture(), false),
        Err(OpError::Teaching(TeachingError::CohortClosed))
    ));
    assert!(store.activity_events(&code).unwrap().is_empty());
}
