//! The module catalogue's rules.

use super::*;

fn names(zh: &str, en: &str) -> ModuleNames {
    ModuleNames {
        name_zh: Some(zh.into()),
        name_en: Some(en.into()),
        ..ModuleNames::default()
    }
}

#[test]
fn the_five_modules_of_the_notice_are_built_in() {
    let c = Catalogue::builtin();
    let numbers: Vec<u16> = c.active().map(|m| m.number).collect();
    assert_eq!(numbers, [1, 2, 3, 4, 5]);
    assert!(c.modules.iter().all(|m| !m.text_zh.is_empty()));
    assert!(c.get(3).unwrap().text_zh.contains("民主协商"));
}

#[test]
fn modules_are_found_by_number_or_name() {
    let c = Catalogue::builtin();
    for (text, number) in [
        ("3", 3),
        ("模块3", 3),
        ("模块三", 3),
        ("第五", 5),
        ("（二）", 2),
        ("一", 1),
        ("党章党纪", 2),
        ("lawful governance", 3),
        ("基层党组织基本职责和工作方法", 4),
    ] {
        assert_eq!(c.find(text).map(|m| m.number), Some(number), "{text}");
    }
    assert_eq!(c.find("9"), None);
    assert_eq!(c.find("十一"), None);
    assert_eq!(c.find("地理"), None);
}

#[test]
fn added_modules_take_the_next_number_and_names_must_be_free() {
    let mut c = Catalogue::builtin();
    assert_eq!(
        c.add(names("乡村振兴", "Rural revival"), "u6".into()),
        Ok(6)
    );
    assert_eq!(c.find("乡村振兴").unwrap().number, 6);
    let clash = c.add(names("讲话精神", "x"), "u7".into());
    assert!(matches!(
        clash,
        Err(ModuleError::NameTaken { number: 1, .. })
    ));
    assert_eq!(
        c.add(ModuleNames::default(), "u8".into()),
        Err(ModuleError::EmptyName)
    );
}

#[test]
fn renaming_keeps_the_number_and_a_snapshot_keeps_the_old_name() {
    let mut c = Catalogue::builtin();
    let snapshot = c.snapshot();
    c.rename(2, names("党章党规党纪", "Rules")).unwrap();
    assert_eq!(c.get(2).unwrap().name_zh, "党章党规党纪");
    assert!(!c.get(2).unwrap().text_zh.is_empty(), "full text kept");
    assert_eq!(snapshot.get(2).unwrap().name_zh, "党章党纪");
}

#[test]
fn retired_modules_leave_new_snapshots_but_not_old_ones() {
    let mut c = Catalogue::builtin();
    let mut old = c.snapshot();
    c.retire(5).unwrap();
    assert_eq!(c.retire(5), Err(ModuleError::Retired(5)));
    assert!(c.snapshot().get(5).is_none());
    assert_eq!(old.extend_with(&c, "5"), Ok((vec![5], false)));
    let mut new = c.snapshot();
    assert_eq!(new.extend_with(&c, "5"), Err(ModuleError::Retired(5)));
    assert_eq!(c.rename(5, names("a", "b")), Err(ModuleError::Retired(5)));
}

#[test]
fn a_cohort_picks_up_a_module_added_after_it_started() {
    let mut c = Catalogue::builtin();
    let mut snapshot = c.snapshot();
    c.add(names("乡村振兴", "Rural revival"), "u6".into())
        .unwrap();
    let got = snapshot.extend_with(&c, "1、乡村振兴，1");
    assert_eq!(got, Ok((vec![1, 6], true)));
    assert!(snapshot.get(6).is_some());
    assert_eq!(snapshot.extend_with(&c, " , "), Err(ModuleError::NoneGiven));
    let unknown = snapshot.extend_with(&c, "1,七");
    assert_eq!(unknown, Err(ModuleError::Unknown("七".into())));
}
