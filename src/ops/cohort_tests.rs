//! Creating, closing and reopening cohorts and sessions against a real store.

use chrono::DateTime;

use super::*;
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
        Err(e @ (OpError::Refused(_) | OpError::Cohort(_))) => e.message(Lang::Zh),
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
