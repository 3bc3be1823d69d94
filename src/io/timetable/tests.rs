//! Reading timetables made here: merged date and slot cells, day headings, every kind
//! of bad row with its line, and matching against the log.

use chrono::DateTime;

use crate::domain::cohort::tests::cohort;
use crate::domain::module::Catalogue;
use crate::domain::teaching::{self, ActivityChange, ActivityEvent};
use crate::domain::{BaseKind, Method, Session, SlotKind, TeachingActivity, TrainingBase};
use crate::text::Lang;

use super::{TimetableError, TimetableInput, TimetableProblem as P, TimetableRead, read};
use crate::io::tabular::ImportOptions;

fn base(name: &str) -> TrainingBase {
    TrainingBase {
        id: format!("id-{name}"),
        name: name.into(),
        kind: BaseKind::Village,
        county: String::new(),
        haves: Default::default(),
        accreditation: None,
        notes: String::new(),
        created_at: DateTime::parse_from_rfc3339("2015-03-01T08:00:00+08:00").unwrap(),
        updated_at: None,
    }
}

fn read_with(text: &str, existing: &[TeachingActivity]) -> Result<TimetableRead, TimetableError> {
    let cohort = cohort(); // 2015-03-16, four days, am and pm
    let current = Catalogue::builtin();
    let bases = [base("新开村")];
    let input = TimetableInput {
        cohort: &cohort,
        current: &current,
        own: None,
        bases: &bases,
        existing,
    };
    read(text.as_bytes(), "csv", &ImportOptions::default(), input)
}

fn problems(text: &str) -> Vec<(usize, P)> {
    let read = read_with(text, &[]).unwrap();
    read.errors
        .into_iter()
        .map(|e| (e.line, e.problem))
        .collect()
}

const HEADER: &str = "日期,时段,方式,题目,授课人,职务,模块,基地,学时";

#[test]
fn merged_dates_and_slots_are_taken_from_the_row_above() {
    let text = [
        "第1期轮训班课程表,,,,,,,,",
        HEADER,
        "3月16日（星期一）,上午,专题辅导,学习党章,王强,县委书记,\"1,2\",,2",
        ",,讨论交流,交流心得,,,模块二,,1小时",
        ",下午,现场观摩,观摩新开村,,,三,新开村,3学时",
        "2015-03-17,,,,,,,,",
        ",am,lecture,依法治村,李明,,依法治理,,",
    ]
    .join("\n");
    let read = read_with(&text, &[]).unwrap();
    assert!(read.errors.is_empty(), "{:?}", read.errors);
    assert_eq!((read.header.line, read.header.index), (2, 1));
    let got: Vec<(Session, Method, &str)> = read
        .plan
        .create
        .iter()
        .map(|r| {
            (
                r.details.session,
                r.details.method,
                r.details.title.as_str(),
            )
        })
        .collect();
    let s = Session::new;
    assert_eq!(
        got,
        [
            (s(1, SlotKind::Am), Method::Lecture, "学习党章"),
            (s(1, SlotKind::Am), Method::Discussion, "交流心得"),
            (s(1, SlotKind::Pm), Method::Visit, "观摩新开村"),
            (s(2, SlotKind::Am), Method::Lecture, "依法治村"),
        ]
    );
    let visit = &read.plan.create[2].details;
    assert_eq!(visit.base.as_deref(), Some("id-新开村"));
    // 3学时 are three of the cohort's 45-minute class hours; plain and 小时 are clock hours.
    assert_eq!((visit.minutes, visit.class_hours), (Some(135), Some(3)));
    let hours = |i: usize| {
        let d = &read.plan.create[i].details;
        (d.minutes, d.class_hours)
    };
    assert_eq!([hours(0), hours(1)], [(Some(120), None), (Some(60), None)]);
    assert_eq!(read.plan.create[0].details.modules, [1, 2]);
    assert_eq!(read.rows, 4, "the day heading on line 6 is not an activity");
    assert!(read.catalogue.is_some(), "the cohort's first activities");
}

#[test]
fn class_hours_follow_the_cohorts_hour_minutes() {
    let mut cohort = cohort();
    let mut rules = cohort.rules();
    rules.hour_minutes = 50;
    cohort.credit = Some(rules);
    let current = Catalogue::builtin();
    let input = TimetableInput {
        cohort: &cohort,
        current: &current,
        own: None,
        bases: &[],
        existing: &[],
    };
    let text = format!("{HEADER}\n2015-03-16,上午,专题辅导,学习党章,,,1,,2学时\n");
    let read = read(text.as_bytes(), "csv", &ImportOptions::default(), input).unwrap();
    assert!(read.errors.is_empty(), "{:?}", read.errors);
    let d = &read.plan.create[0].details;
    assert_eq!((d.minutes, d.class_hours), (Some(100), Some(2)));
}

#[test]
fn days_may_be_given_instead_of_dates_and_must_agree_with_them() {
    let text = "第几天,时段,方式,题目,模块\n第2天,下午,案例分析,案例,4\n三,上午,讨论交流,讨论,5\n";
    let read = read_with(text, &[]).unwrap();
    let sessions: Vec<Session> = read.plan.create.iter().map(|r| r.details.session).collect();
    assert_eq!(
        sessions,
        [Session::new(2, SlotKind::Pm), Session::new(3, SlotKind::Am)]
    );
    let both =
        "日期,第几天,时段,方式,题目,模块\n2015-03-17,2,上午,讲座,a,1\n2015-03-17,3,上午,讲座,b,1\n";
    let date = chrono::NaiveDate::from_ymd_opt(2015, 3, 17).unwrap();
    let want = P::DateDayDisagree {
        date,
        day_of_date: 2,
        day: 3,
    };
    assert_eq!(problems(both), [(3, want)]);
}

#[test]
fn every_bad_row_is_listed_with_its_line() {
    let rows = [
        HEADER,
        "2015-03-21,上午,专题辅导,t1,,,1,,",
        "3月16日,晚上,专题辅导,t2,,,1,,",
        "3月16日,上午,唱歌,t3,,,1,,",
        "3月16日,上午,专题辅导,t4,,,模块九,,",
        "3月16日,上午,现场观摩,t5,,,1,梅溪社区,",
        "3月16日,上午,专题辅导,,王强,,1,,",
        "3月16日,上午,专题辅导,t7,,,1,,两小时",
        "下周,上午,专题辅导,t8,,,1,,",
        "3月16日,中午,专题辅导,t9,,,1,,",
        "3月16日,上午,专题辅导,t10,,,,,",
        "3月16日,上午,,t11,,,1,,",
        "3月16日,上午,专题辅导,t12,,,1,,",
        "3月16日,上午,专题辅导,t12,,,2,,",
    ];
    let got: Vec<usize> = problems(&rows.join("\n")).iter().map(|(l, _)| *l).collect();
    assert_eq!(got, (2..=12).chain([14]).collect::<Vec<_>>());
    let got = problems(&rows.join("\n"));
    assert!(matches!(got[0].1, P::DateOutside { .. }));
    assert!(matches!(
        got[1].1,
        P::SlotNotInCohort {
            slot: SlotKind::Eve,
            ..
        }
    ));
    assert!(matches!(got[2].1, P::BadMethod { .. }));
    assert_eq!(
        got[3].1,
        P::UnknownModule {
            value: "模块九".into()
        }
    );
    assert_eq!(
        got[4].1,
        P::UnknownBase {
            value: "梅溪社区".into()
        }
    );
    assert_eq!(got[5].1, P::NoTitle);
    assert!(matches!(got[6].1, P::BadHours { .. }));
    assert!(matches!(got[7].1, P::BadDate { .. }));
    assert!(matches!(got[8].1, P::BadSlot { .. }));
    assert_eq!(got[9].1, P::NoModules);
    assert_eq!(got[10].1, P::NoMethod);
    assert_eq!(got[11].1, P::Repeats { first_line: 13 });
}

#[test]
fn rows_below_a_bad_date_are_not_blamed_for_it() {
    let text = format!("{HEADER}\n3月40日,上午,讲座,a,,,1,,\n,,讲座,b,,,1,,\n,下午,讲座,c,,,x,,\n");
    let got = problems(&text);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, 2);
}

#[test]
fn a_missing_column_or_header_refuses_the_file() {
    let err = read_with("日期,时段,题目,授课人\n3月16日,上午,a,b\n", &[]).unwrap_err();
    let message = err.message(Lang::En);
    assert!(
        message.contains("method (方式), modules (模块)"),
        "{message}"
    );
    assert_eq!(
        err.message(Lang::Zh),
        "第 1 行的表头缺少这些列：方式、模块。"
    );
    let err = read_with("a,b\nc,d\n", &[]).unwrap_err();
    assert!(matches!(err, TimetableError::NoHeader { .. }));
}

#[test]
fn rows_already_in_the_log_are_left_as_logged() {
    let text = format!(
        "{HEADER}\n3月16日,上午,专题辅导,学习 党章,王强,,1,,\n3月16日,下午,讨论交流,讨论,,,1,,\n"
    );
    let first = read_with(&text, &[]).unwrap();
    let events: Vec<ActivityEvent> = first
        .plan
        .create
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let mut details = row.details.clone();
            details.lecturer = "李明".into();
            ActivityEvent {
                id: format!("01J{i}"),
                cohort: "2015-01".into(),
                activity: u32::try_from(i).unwrap() + 1,
                change: ActivityChange::Created {
                    details,
                    planned: true,
                },
                at: DateTime::parse_from_rfc3339("2015-03-10T08:00:00+08:00").unwrap(),
                desk: "desk".into(),
                by: None,
            }
        })
        .collect();
    let log = teaching::derive_all(&events);
    let again = read_with(&text.replace("学习 党章", "学习党章"), &log).unwrap();
    assert!(again.plan.create.is_empty());
    assert_eq!(again.plan.unchanged.len(), 2);
    let lecturer = super::TimetableColumn::Lecturer;
    assert_eq!(
        again.plan.unchanged[0].differs,
        [super::TimetableColumn::Title, lecturer]
    );
    assert_eq!(again.plan.unchanged[1].differs, [lecturer]);
}

#[test]
fn a_pasted_header_is_skipped_but_data_that_looks_like_headers_is_not() {
    let text = format!(
        "{HEADER}\n3月16日,上午,专题辅导,模块课程,,,模块九,,\n{HEADER}\n3月16日,下午,讲座,a,,,1,,\n"
    );
    let got = problems(&text);
    assert_eq!(
        got,
        [(
            2,
            P::UnknownModule {
                value: "模块九".into()
            }
        )]
    );
    let text =
        format!("{HEADER}\n3月16日,上午,讲座,a,,,1,,\n{HEADER}\n3月16日,下午,讲座,b,,,1,,\n");
    let read = read_with(&text, &[]).unwrap();
    assert_eq!((read.rows, read.plan.create.len()), (2, 2));
}
