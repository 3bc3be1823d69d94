//! Closing and reopening cohorts and sessions against a real store.

use super::*;
use crate::domain::{Closed, SlotKind};
use crate::ops::OpError;
use crate::ops::cohort::{CohortClosing, close, create, reopen};
use crate::ops::test_support::{new_cohort, now, refusal};

#[test]
fn closing_and_reopening_a_cohort_is_written_once_and_said_twice_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let code = create(&store, now(), &new_cohort()).unwrap().code;
    let am1 = Session::new(1, SlotKind::Am);
    change(&store, &code, am1, SessionChange::Close, now()).unwrap();

    let seq = store.commit_seq();
    assert!(matches!(close(&store, &code, now()).unwrap(), CohortClosing::Changed(c) if !c.open));
    assert_eq!(store.commit_seq(), seq + 1, "closed in one commit");
    let seq = store.commit_seq();
    assert!(matches!(
        close(&store, &code, now()).unwrap(),
        CohortClosing::Unchanged(_)
    ));
    assert_eq!(store.commit_seq(), seq, "closing it again writes nothing");
    let refused = change(&store, &code, am1, SessionChange::Reopen, now());
    assert!(matches!(refused, Err(OpError::Closed(Closed::Cohort))));

    let seq = store.commit_seq();
    assert!(matches!(reopen(&store, &code, now()).unwrap(), CohortClosing::Changed(c) if c.open));
    assert_eq!(store.commit_seq(), seq + 1, "reopened in one commit");
    let seq = store.commit_seq();
    assert!(matches!(
        reopen(&store, &code, now()).unwrap(),
        CohortClosing::Unchanged(_)
    ));
    assert_eq!(store.commit_seq(), seq, "reopening it again writes nothing");
    let stored = store.cohort(&code).unwrap().unwrap();
    assert!(
        stored.open && stored.is_closed(am1),
        "its sessions stay as they were"
    );
    let reopened = change(&store, &code, am1, SessionChange::Reopen, now()).unwrap();
    assert!(matches!(reopened, SessionClosing::Changed(c) if !c.is_closed(am1)));
    let unknown = refusal(close(&store, "1999-01", now()));
    assert!(unknown.contains("1999-01"), "{unknown}");
}

/// A merge takes the newer edit of a cohort changed on two laptops: every settings
/// change stamps `updated_at`, and what changes nothing leaves it as it was.
#[test]
fn every_settings_change_stamps_the_cohort() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let code = create(&store, now(), &new_cohort()).unwrap().code;
    let stamp = |store: &Store| store.cohort(&code).unwrap().unwrap().updated_at;
    assert_eq!(stamp(&store), None, "created, not edited");
    let minute = |n: i64| now() + chrono::Duration::minutes(n);
    let am1 = Session::new(1, SlotKind::Am);

    change(&store, &code, am1, SessionChange::Close, minute(1)).unwrap();
    assert_eq!(stamp(&store), Some(minute(1)), "a session closed");
    change(&store, &code, am1, SessionChange::Close, minute(2)).unwrap();
    assert_eq!(
        stamp(&store),
        Some(minute(1)),
        "closed again: nothing changed"
    );
    change(&store, &code, am1, SessionChange::Reopen, minute(3)).unwrap();
    assert_eq!(stamp(&store), Some(minute(3)), "a session reopened");
    close(&store, &code, minute(4)).unwrap();
    assert_eq!(stamp(&store), Some(minute(4)), "the cohort closed");
    reopen(&store, &code, minute(5)).unwrap();
    assert_eq!(stamp(&store), Some(minute(5)), "the cohort reopened");

    let rename = crate::ops::cohort_edit::CohortEdit {
        name: Some("第一期（改）".into()),
        ..Default::default()
    };
    crate::ops::cohort_edit::edit(&store, minute(6), &code, &rename).unwrap();
    assert_eq!(stamp(&store), Some(minute(6)), "a setting edited");
    crate::ops::cohort_edit::edit(&store, minute(7), &code, &rename).unwrap();
    assert_eq!(
        stamp(&store),
        Some(minute(6)),
        "the same edit again changes nothing"
    );
}
