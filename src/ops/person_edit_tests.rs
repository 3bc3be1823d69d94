//! Editing a person against a real store: one change per changed field, written with
//! the person's record; refusals write nothing.

use super::*;
use crate::ops::test_support::now;
use crate::text::Lang;

/// 张伟 of 新开村, phone 13812341234, in a new store.
fn zhang(store: &Store) -> Person {
    let mut p = Person::named(PersonId(ulid::Ulid::generate().to_string()), "张伟");
    p.unit = "新开村".into();
    p.phone = Some("13812341234".into());
    crate::ops::person::add(store, now(), p, None).unwrap()
}

/// The words of a refusal (bad input or a person's details), in Chinese.
fn refused(result: OpResult<Edited>) -> String {
    match result {
        Err(e @ (OpError::Refused(_) | OpError::Person(_))) => e.message(Lang::Zh),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn each_changed_field_is_one_change_committed_with_the_record() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let p = zhang(&store);
    let before = store.commit_seq();
    let wanted = PersonEdit {
        unit: Some(" 荣家湾镇新开村 ".into()),
        name: Some("张伟".into()),
        phone: Some("139-0000-1111".into()),
        gender: Some("女".into()),
        ..PersonEdit::default()
    };
    let edited = edit(&store, now(), &p.id, &wanted).unwrap();
    assert_eq!(store.commit_seq(), before + 1, "one commit");
    let fields: Vec<PersonField> = edited.changes.iter().map(|c| c.field).collect();
    assert_eq!(
        fields,
        [PersonField::Gender, PersonField::Unit, PersonField::Phone],
        "the unchanged name is no change"
    );
    let stored = store.person(&p.id).unwrap().unwrap();
    assert_eq!(stored, edited.person);
    assert_eq!(stored.unit, "荣家湾镇新开村");
    assert_eq!(stored.phone.as_deref(), Some("13900001111"));
    let history = store.changes().unwrap();
    assert_eq!(history, edited.events, "written in field order");
    assert_eq!(
        history[2].change,
        Change::PersonEdited {
            person: p.id.clone(),
            field: PersonField::Phone,
            old: Some("13812341234".into()),
            new: Some("13900001111".into()),
        }
    );
    assert!(history.iter().all(|e| e.by == who(&store)));
    let shown = edited.changes[2].line(Lang::Zh);
    assert_eq!(shown, "  电话：138****1234 → 139****1111");
}

#[test]
fn an_empty_value_clears_a_field() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let p = zhang(&store);
    let wanted = PersonEdit {
        phone: Some(String::new()),
        ..PersonEdit::default()
    };
    let edited = edit(&store, now(), &p.id, &wanted).unwrap();
    assert_eq!(edited.person.phone, None);
    assert_eq!(edited.changes[0].new, None);
    assert_eq!(
        edited.changes[0].line(Lang::Zh),
        "  电话：138****1234 → （空）"
    );
}

#[test]
fn refusals_write_nothing_and_say_why() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let p = zhang(&store);
    let before = store.commit_seq();
    let cases = [
        (PersonEdit::default(), "没有要修改的项"),
        (
            PersonEdit {
                unit: Some("新开村".into()),
                ..PersonEdit::default()
            },
            "张伟 的信息已是所填的值",
        ),
        (
            PersonEdit {
                name: Some(" ".into()),
                unit: Some("别处".into()),
                ..PersonEdit::default()
            },
            "姓名为空",
        ),
        (
            PersonEdit {
                phone: Some("12ab".into()),
                ..PersonEdit::default()
            },
            "电话号码格式不正确",
        ),
        (
            PersonEdit {
                id_number: Some("110105194912310021".into()),
                ..PersonEdit::default()
            },
            "身份证号码不正确",
        ),
        (
            PersonEdit {
                gender: Some("x".into()),
                ..PersonEdit::default()
            },
            "性别“x”无效",
        ),
        (
            PersonEdit {
                field: Some("farm".into()),
                ..PersonEdit::default()
            },
            "farm",
        ),
    ];
    for (wanted, expected) in cases {
        let message = refused(edit(&store, now(), &p.id, &wanted));
        assert!(message.contains(expected), "{message}");
        assert!(!message.contains("13812341234"), "{message}");
    }
    let nobody = PersonId("nobody".into());
    let wanted = PersonEdit {
        unit: Some("x".into()),
        ..PersonEdit::default()
    };
    let message = refused(edit(&store, now(), &nobody, &wanted));
    assert!(message.contains("没有编号为“nobody”的人员"), "{message}");
    assert_eq!(store.commit_seq(), before, "nothing written");
    assert!(store.changes().unwrap().is_empty());
    assert_eq!(store.person(&p.id).unwrap().unwrap(), p);
}
