//! Retirements, hours from elsewhere, the history and the filtered list, against a
//! real store.

use super::*;
use crate::ops::person_history::history;
use crate::ops::person_hours::{self, NewHours, parse_tenths};
use crate::ops::person_list::{PersonFilter, list};
use crate::ops::test_support::{new_cohort, now, refusal};
use crate::text::Lang;

fn add(
    store: &Store,
    name: &str,
    county: &str,
    field: Option<&str>,
    cohort: Option<&str>,
) -> Person {
    let mut p = Person::named(PersonId(ulid::Ulid::generate().to_string()), name);
    p.county = county.into();
    p.field = field.and_then(crate::domain::Field::parse);
    crate::ops::person::add(store, now(), p, cohort).unwrap()
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

#[test]
fn a_retirement_stands_until_undone_and_only_one_at_a_time() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let p = add(&store, "张伟", "岳阳县", None, None);
    let done = retire(&store, now(), &p.id, " 换届 ", None).unwrap();
    assert_eq!(
        (done.from, done.reason.as_str()),
        (now().date_naive(), "换届")
    );
    let facts = store.register_facts().unwrap();
    assert!(facts.is_retired_on(&p.id, now().date_naive()));
    let before = store.commit_seq();
    let again = refusal(retire(
        &store,
        now(),
        &p.id,
        "调离",
        Some(day("2015-06-01")),
    ));
    assert!(
        again.contains("已记录自 2015-03-01 起离任（换届）"),
        "{again}"
    );
    assert!(
        again.contains(&format!("person retire {} --undo", p.id)),
        "{again}"
    );
    let empty = refusal(retire(&store, now(), &p.id, "  ", None));
    assert!(empty.contains("--reason"), "{empty}");
    assert_eq!(store.commit_seq(), before, "refusals write nothing");
    let undone = undo_retirement(&store, now(), &p.id).unwrap();
    assert_eq!(
        undone.event.change,
        Change::Undone {
            target: done.event.id.clone()
        }
    );
    assert!(store.register_facts().unwrap().retired.is_empty());
    let none = refusal(undo_retirement(&store, now(), &p.id));
    assert!(none.contains("张伟 没有离任记录"), "{none}");
    let later = retire(&store, now(), &p.id, "调离", Some(day("2015-06-01"))).unwrap();
    let facts = store.register_facts().unwrap();
    assert!(!facts.is_retired_on(&p.id, day("2015-05-31")));
    assert!(facts.is_retired_on(&p.id, later.from));
}

#[test]
fn hours_are_tenths_with_one_decimal_at_most() {
    let good = [
        ("8", 80),
        ("2.5", 25),
        ("０.５", 5),
        (" 999.9 ", 9999),
        ("0.1", 1),
    ];
    for (text, tenths) in good {
        assert_eq!(parse_tenths(text).unwrap(), tenths, "{text}");
    }
    for bad in [
        "", "0", "0.0", "-1", "2.55", "5.", ".5", "abc", "1000", "1e2", "8学时",
    ] {
        let message = parse_tenths(bad).unwrap_err().message(Lang::Zh);
        assert!(message.contains("学时“"), "{bad}: {message}");
    }
    assert_eq!(person_hours::tenths_text(80), "8");
    assert_eq!(person_hours::tenths_text(25), "2.5");
}

#[test]
fn hours_from_elsewhere_are_checked_then_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let p = add(&store, "张伟", "岳阳县", None, None);
    let good = NewHours {
        hours: "8".into(),
        source: "省委党校专题班".into(),
        date: Some("2015-02-10".into()),
        level: Some("province".into()),
    };
    let before = store.commit_seq();
    let cases = [
        (
            NewHours {
                hours: "2.55".into(),
                ..good.clone()
            },
            "学时“2.55”无效",
        ),
        (
            NewHours {
                source: " ".into(),
                ..good.clone()
            },
            "--source",
        ),
        (
            NewHours {
                date: Some("2015-3-x".into()),
                ..good.clone()
            },
            "日期“2015-3-x”无效",
        ),
        (
            NewHours {
                date: Some("2015-03-02".into()),
                ..good.clone()
            },
            "在今天（2015-03-01）之后",
        ),
        (
            NewHours {
                level: Some("town".into()),
                ..good.clone()
            },
            "town",
        ),
    ];
    for (input, expected) in cases {
        let message = refusal(person_hours::add(&store, now(), &p.id, &input));
        assert!(message.contains(expected), "{message}");
    }
    assert_eq!(store.commit_seq(), before, "refusals write nothing");
    let added = person_hours::add(&store, now(), &p.id, &good).unwrap();
    assert_eq!(
        (added.tenths, added.level),
        (80, Some(crate::domain::Level::Province))
    );
    let today = NewHours {
        hours: "1.5".into(),
        date: None,
        level: None,
        ..good
    };
    person_hours::add(&store, now(), &p.id, &today).unwrap();
    let (_, hours) = person_hours::list(&store, &p.id).unwrap();
    let listed: Vec<(u32, NaiveDate)> = hours.iter().map(|h| (h.tenths, h.date)).collect();
    assert_eq!(listed, [(80, day("2015-02-10")), (15, now().date_naive())]);
}

#[test]
fn the_history_words_every_change_with_private_values_masked() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let p = add(&store, "张伟", "岳阳县", None, None);
    let wanted = crate::ops::person_edit::PersonEdit {
        id_number: Some("11010519491231002X".into()),
        ..Default::default()
    };
    crate::ops::person_edit::edit(&store, now(), &p.id, &wanted).unwrap();
    retire(&store, now(), &p.id, "换届", None).unwrap();
    undo_retirement(&store, now(), &p.id).unwrap();
    let other = add(&store, "李四", "岳阳县", None, None);
    retire(&store, now(), &other.id, "调离", None).unwrap();
    let h = history(&store, &p.id).unwrap();
    let lines: Vec<String> = h.events.iter().map(|e| h.describe(e, Lang::Zh)).collect();
    assert_eq!(
        lines,
        [
            "修改身份证号：（空） → 110105********002X",
            "离任，自 2015-03-01 起（换届）（已撤销）",
            "撤销：离任，自 2015-03-01 起（换届）",
        ],
        "李四's retirement is not in 张伟's history"
    );
    let line = h.line(&h.events[0], Lang::En);
    assert!(line.starts_with("2015-03-01 08:00  "), "{line}");
    assert!(line.contains(store.desk()), "{line}");
}

#[test]
fn the_list_filters_by_county_field_cohort_and_text() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let cohort = crate::ops::cohort::create(&store, now(), &new_cohort()).unwrap();
    let a = add(
        &store,
        "张伟",
        "岳阳县",
        Some("village"),
        Some(&cohort.code),
    );
    let b = add(&store, "李雅婷", "华容县", Some("community"), None);
    let c = add(&store, "王五", "岳阳县", Some("community"), None);
    retire(&store, now(), &c.id, "调离", None).unwrap();
    // Sorted: ids made within one millisecond need not follow the order of adding.
    let names = |filter: PersonFilter| -> Vec<String> {
        let mut names: Vec<String> = list(&store, &filter)
            .unwrap()
            .into_iter()
            .map(|l| l.person.name)
            .collect();
        names.sort();
        names
    };
    let by = |county: Option<&str>,
              field: Option<&str>,
              cohort: Option<&str>,
              text: Option<&str>| PersonFilter {
        county: county.map(Into::into),
        field: field.map(Into::into),
        cohort: cohort.map(Into::into),
        text: text.map(Into::into),
    };
    assert_eq!(
        names(by(None, None, None, None)),
        ["张伟", "李雅婷", "王五"]
    );
    assert_eq!(
        names(by(Some("岳阳县"), None, None, None)),
        ["张伟", "王五"]
    );
    assert_eq!(
        names(by(Some("岳阳县"), Some("社区"), None, None)),
        ["王五"]
    );
    assert_eq!(names(by(None, None, Some(&cohort.code), None)), ["张伟"]);
    assert_eq!(names(by(None, None, None, Some("雅"))), ["李雅婷"]);
    assert_eq!(names(by(None, None, None, Some("华容"))), ["李雅婷"]);
    let listed = list(&store, &by(None, None, None, None)).unwrap();
    let retired: Vec<&str> = listed
        .iter()
        .filter(|l| l.retired.is_some())
        .map(|l| l.person.name.as_str())
        .collect();
    assert_eq!(retired, ["王五"]);
    assert_eq!((a.name.as_str(), b.name.as_str()), ("张伟", "李雅婷"));
    let unknown = refusal(list(&store, &by(None, None, Some("nope"), None)));
    assert!(unknown.contains("没有代码为“nope”的班次"), "{unknown}");
    let field = refusal(list(&store, &by(None, Some("farm"), None, None)));
    assert!(field.contains("farm"), "{field}");
}

#[test]
fn the_history_words_cohort_changes_from_either_side_of_a_substitution() {
    use crate::domain::register::CertificateKind;
    use crate::domain::{Session, SlotKind};
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let a = add(&store, "张伟", "岳阳县", None, None);
    let b = add(&store, "李四", "岳阳县", None, None);
    let changes = [
        Change::Enrolled {
            cohort: "2015-01".into(),
            person: a.id.clone(),
            walk_in: false,
        },
        Change::Substituted {
            cohort: "2015-01".into(),
            replaced: a.id.clone(),
            replacement: b.id.clone(),
            reason: "工作调动".into(),
        },
        Change::MakeUp {
            cohort: "2015-01".into(),
            person: b.id.clone(),
            session: Session::new(1, SlotKind::Am),
            reason: "补学录像".into(),
        },
        Change::CertificateIssued {
            cohort: "2015-01".into(),
            person: b.id.clone(),
            kind: CertificateKind::Completion,
            serial: "desk-1-2015-01-001".into(),
            reprint: true,
        },
    ];
    for change in changes {
        commit_change(&store, now(), change, Batch::default()).unwrap();
    }
    let words = |id: &PersonId| {
        let h = history(&store, id).unwrap();
        h.events
            .iter()
            .map(|e| h.describe(e, Lang::Zh))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        words(&a.id),
        [
            "编入班次 2015-01",
            "调换：在班次 2015-01 中由 李四 替换（工作调动）"
        ]
    );
    assert_eq!(
        words(&b.id),
        [
            "调换：在班次 2015-01 中替换 张伟（工作调动）",
            "补课：班次 2015-01 第1天上午（补学录像）",
            "结业证书 desk-1-2015-01-001（班次 2015-01）（补打）"
        ]
    );
}
