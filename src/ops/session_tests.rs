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
    change(&store, &code, am1, SessionChange::Close).unwrap();

    let seq = store.commit_seq();
    assert!(matches!(close(&store, &code).unwrap(), CohortClosing::Changed(c) if !c.open));
    assert_eq!(store.commit_seq(), seq + 1, "closed in one commit");
    let seq = store.commit_seq();
    assert!(matches!(
        close(&store, &code).unwrap(),
        CohortClosing::Unchanged(_)
    ));
    assert_eq!(store.commit_seq(), seq, "closing it again writes nothing");
    let refused = change(&store, &code, am1, SessionChange::Reopen);
    assert!(matches!(refused, Err(OpError::Closed(Closed::Cohort))));

    let seq = store.commit_seq();
    assert!(matches!(reopen(&store, &code).unwrap(), CohortClosing::Changed(c) if c.open));
    assert_eq!(store.commit_seq(), seq + 1, "reopened in one commit");
    let seq = store.commit_seq();
    assert!(matches!(
        reopen(&store, &code).unwrap(),
        CohortClosing::Unchanged(_)
    ));
    assert_eq!(store.commit_seq(), seq, "reopening it again writes nothing");
    let stored = store.cohort(&code).unwrap().unwrap();
    assert!(
        stored.open && stored.is_closed(am1),
        "its sessions stay as they were"
    );
    let reopened = change(&store, &code, am1, SessionChange::Reopen).unwrap();
    assert!(matches!(reopened, SessionClosing::Changed(c) if !c.is_closed(am1)));
    let unknown = refusal(close(&store, "1999-01"));
    assert!(unknown.contains("1999-01"), "{unknown}");
}
