//! Creating, closing and reopening cohorts and sessions against a real store.

use super::*;
use crate::ops::test_support::{new_cohort, now, refusal};
use crate::text::Lang;

/// Bad input, or a cohort that breaks its rules, in the catalogue's words.
fn rejection(result: OpResult<Cohort>) -> String {
    match result {
        Err(e @ (OpError::Refused(_) | OpError::Cohort(_))) => e.message(Lang::Zh),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn a_cohort_is_created_with_the_next_free_code_and_a_taken_code_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let first = create(&store, now(), &new_cohort()).unwrap();
    assert_eq!(first.code, "2015-01");
    assert_eq!(first.sessions().len(), 8);
    assert_eq!(store.cohort("2015-01").unwrap(), Some(first));
    let second = create(&store, now(), &new_cohort()).unwrap();
    assert_eq!(second.code, "2015-02");
    let taken = NewCohort {
        code: Some("2015-01".into()),
        ..new_cohort()
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
                ..new_cohort()
            },
            "层级“village”无效",
        ),
        (
            NewCohort {
                start: "2015-02-30".into(),
                ..new_cohort()
            },
            "开始日期“2015-02-30”无效",
        ),
        (
            NewCohort {
                days: "x".into(),
                ..new_cohort()
            },
            "天数须在 1 到 60 之间",
        ),
        (
            NewCohort {
                days: "61".into(),
                ..new_cohort()
            },
            "天数须在 1 到 60 之间",
        ),
        (
            NewCohort {
                slots: "am,noon".into(),
                ..new_cohort()
            },
            "时段“noon”无效",
        ),
        (
            NewCohort {
                slots: "am,am".into(),
                ..new_cohort()
            },
            "每天至少一个时段且不重复",
        ),
        (
            NewCohort {
                name: " ".into(),
                ..new_cohort()
            },
            "班次名称为空",
        ),
        (
            NewCohort {
                field: Some("farm".into()),
                ..new_cohort()
            },
            "领域“farm”无效",
        ),
    ];
    for (bad, expected) in cases {
        let message = rejection(create(&store, now(), &bad));
        assert!(
            message.contains(expected),
            "{message} should say {expected}"
        );
    }
    assert!(store.cohorts().unwrap().is_empty());
}
