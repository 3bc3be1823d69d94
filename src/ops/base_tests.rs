//! Adding bases against a real store.

use super::*;
use crate::ops::test_support::{now, refusal};

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
    let base = add(&store, now(), &good).unwrap();
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
        let message = refusal(add(&store, now(), &bad));
        assert!(
            message.contains(expected),
            "{message} should say {expected}"
        );
    }
    assert_eq!(store.bases().unwrap().len(), 1);
}
