//! Creating, closing and reopening cohorts and sessions against a real store.

use chrono::DateTime;

use super::*;
use crate::domain::{Closed, Session, SessionChange, SlotKind};
use crate::ops::base::{self, NewBase};
use crate::ops::session::{self, SessionClosing};
use crate::text::Lang;

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2015-03-01T08:00:00+08:00").unwrap()
}

fn input() -> NewCohort {
    NewCohort {
        name: "第1期".into(),
        start: "2015-03-16".into(),
        days: "4".into(),
        slots: "am,pm".into(),
        level: "county".into(),
        venue: "县委党校".into(),
        grace_minutes: 10,
        ..NewCohort::default()
    }
}

fn refusal(result: OpResult<impl std::fmt::Debug>) -> String {
    match result {
        Err(OpError::Refused(r)) => r.message(Lang::Zh),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn a_cohort_is_created_with_the_next_free_code_and_a_taken_code_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let first = create(&store, now(), &input()).unwrap();
    assert_eq!(first.code, "2015-01");
    assert_eq!(first.sessions().len(), 8);
    assert_eq!(store.cohort("2015-01").unwrap(), Some(first));
    let second = create(&store, now(), &input()).unwrap();
    assert_eq!(second.code, "2015-02");
    let taken = NewCohort {
        code: Some("2015-01".into()),
        ..input()
    };
    let message = refusal(create(&store, now(), &taken));
    assert!(message.contains("班次代码“2015-01”已被使用"), "{message}");
    assert_eq!(store.cohorts().unwrap().len(), 2);
}

#[test]
fn bad_input_is_refused_in_the_catalogue_s_words_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let cases = [
        (
            NewCohort {
                level: "village".into(),
                ..input()
            },
            "层级“village”无效",
        ),
        (
            NewCohort {
                start: "2015-02-30".into(),
                ..input()
            },
            "开始日期“2015-02-30”无效",
        ),
        (
            NewCohort {
                days: "x".into(),
                ..input()
            },
            "天数须在 1 到 60 之间",
        ),
        (
            NewCohort {
                days: "61".into(),
                ..input()
            },
            "天数须在 1 到 60 之间",
        ),
        (
            NewCohort {
                slots: "am,noon".into(),
                ..input()
            },
            "时段“noon”无效",
        ),
        (
            NewCohort {
                slots: "am,am".into(),
                ..input()
            },
            "每天至少一个时段且不重复",
        ),
        (
            NewCohort {
                name: " ".into(),
                ..input()
            },
            "班次名称为空",
        ),
        (
            NewCohort {
                field: Some("farm".into()),
                ..input()
            },
            "领域“farm”无效",
        ),
    ];
    for (bad, expected) in cases {
        let message = refusal(create(&store, now(), &bad));
        assert!(
            message.contains(expected),
            "{message} should say {expected}"
        );
    }
    assert!(store.cohorts().unwrap().is_empty());
}

#[test]
fn closing_and_reopening_a_cohort_is_written_once_and_said_twice_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let code = create(&store, now(), &input()).unwrap().code;
    let am1 = Session::new(1, SlotKind::Am);
    session::change(&store, &code, am1, SessionChange::Close).unwrap();

    assert!(matches!(close(&store, &code).unwrap(), CohortClosing::Changed(c) if !c.open));
    assert!(matches!(
        close(&store, &code).unwrap(),
        CohortClosing::Unchanged(_)
    ));
    let refused = session::change(&store, &code, am1, SessionChange::Reopen);
    assert!(matches!(refused, Err(OpError::Closed(Closed::Cohort))));

    assert!(matches!(reopen(&store, &code).unwrap(), CohortClosing::Changed(c) if c.open));
    assert!(matches!(
        reopen(&store, &code).unwrap(),
        CohortClosing::Unchanged(_)
    ));
    let stored = store.cohort(&code).unwrap().unwrap();
    assert!(
        stored.open && stored.is_closed(am1),
        "its sessions stay as they were"
    );
    let reopened = session::change(&store, &code, am1, SessionChange::Reopen).unwrap();
    assert!(matches!(reopened, SessionClosing::Changed(c) if !c.is_closed(am1)));
    let unknown = refusal(close(&store, "1999-01"));
    assert!(unknown.contains("1999-01"), "{unknown}");
}

#[test]
fn a_base_s_kind_haves_and_accreditation_are_checked_and_its_name_is_unique() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let good = NewBase {
        name: "新开村".into(),
        kind: "village".into(),
        haves: "venue,guide".into(),
        accredited: Some("2015-03-10".into()),
        level: Some("city".into()),
        ..NewBase::default()
    };
    let base = base::add(&store, now(), &good).unwrap();
    assert_eq!(base.accreditation.unwrap().level, Level::City);
    let cases = [
        (
            NewBase {
                kind: "farm".into(),
                ..good.clone()
            },
            "基地类型“farm”无效",
        ),
        (
            NewBase {
                haves: "venue,pool".into(),
                ..good.clone()
            },
            "“pool”不是“五有”之一",
        ),
        (
            NewBase {
                level: Some("province".into()),
                ..good.clone()
            },
            "授牌层级“province”无效",
        ),
        (
            NewBase {
                level: None,
                ..good.clone()
            },
            "授牌需要层级",
        ),
        (
            NewBase {
                name: "新开村 ".into(),
                ..good.clone()
            },
            "已有名为“新开村”的培训基地",
        ),
    ];
    for (bad, expected) in cases {
        let message = refusal(base::add(&store, now(), &bad));
        assert!(
            message.contains(expected),
            "{message} should say {expected}"
        );
    }
    assert_eq!(store.bases().unwrap().len(), 1);
}
