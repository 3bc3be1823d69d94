use super::*;
use crate::domain::cohort::tests::cohort;
use crate::domain::session::SlotKind;

pub(crate) fn details(session: &str, method: Method, modules: &[u16]) -> ActivityDetails {
    ActivityDetails {
        session: Session::parse(session).unwrap(),
        method,
        title: "学习党章".into(),
        lecturer: "王强".into(),
        role: "组织部长".into(),
        modules: modules.to_vec(),
        minutes: Some(120),
        class_hours: None,
        base: None,
        notes: String::new(),
    }
}

pub(crate) fn event(id: &str, activity: u32, change: ActivityChange) -> ActivityEvent {
    ActivityEvent {
        id: id.into(),
        cohort: "2015-01".into(),
        activity,
        change,
        at: DateTime::parse_from_rfc3339("2015-03-16T09:00:00+08:00").unwrap(),
        desk: "desk-1".into(),
        by: None,
    }
}

fn created(id: &str, details: ActivityDetails, planned: bool) -> ActivityEvent {
    event(id, 1, ActivityChange::Created { details, planned })
}

fn edited(id: &str, details: ActivityDetails) -> ActivityEvent {
    event(id, 1, ActivityChange::Edited { details })
}

fn at(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
}

#[test]
fn methods_parse_from_code_chinese_and_english() {
    for m in Method::ALL {
        assert_eq!(Method::parse(m.code()), Some(m));
        assert_eq!(Method::parse(m.label(Lang::Zh)), Some(m));
        assert_eq!(Method::parse(m.label(Lang::En)), Some(m));
    }
    assert_eq!(Method::parse("专题辅导"), Some(Method::Lecture));
    assert_eq!(Method::parse("Site-Visit"), Some(Method::Visit));
    assert_eq!(Method::parse("seminar"), None);
}

#[test]
fn hours_parse_as_decimals_or_hours_and_minutes() {
    let table = [
        ("2", Some(120)),
        ("1.5", Some(90)),
        ("0.75", Some(45)),
        ("1:30", Some(90)),
        ("2h", Some(120)),
        ("0", None),
        ("-1", None),
        ("25", None),
        ("1:75", None),
        ("two", None),
        ("NaN", None),
    ];
    for (text, minutes) in table {
        assert_eq!(parse_hours(text), minutes, "{text}");
    }
    assert_eq!(hours(90), 1.5);
    assert_eq!(hours(100), 1.67);
}

#[test]
fn an_activity_logged_after_the_fact_is_held() {
    let a = fold(&[created("e1", details("1:am", Method::Lecture, &[1]), false)]).unwrap();
    assert_eq!(a.status, ActivityStatus::Held);
    assert_eq!(a.held, Some(a.created.clone()));
    assert!(!a.planned);
}

#[test]
fn status_follows_plan_held_and_changes() {
    let plan = details("1:am", Method::Lecture, &[1]);
    let mut other_lecturer = plan.clone();
    other_lecturer.lecturer = "李明".into();
    let mut only_notes = plan.clone();
    only_notes.notes = "改在二楼".into();
    let held = event("e9", 1, ActivityChange::Held);
    let table: Vec<(Vec<ActivityEvent>, ActivityStatus, bool)> = vec![
        (
            vec![created("e1", plan.clone(), true)],
            ActivityStatus::Planned,
            false,
        ),
        (
            vec![created("e1", plan.clone(), true), held.clone()],
            ActivityStatus::Held,
            false,
        ),
        (
            vec![
                created("e1", plan.clone(), true),
                edited("e2", only_notes),
                held.clone(),
            ],
            ActivityStatus::Held,
            false,
        ),
        (
            vec![
                created("e1", plan.clone(), true),
                edited("e2", other_lecturer.clone()),
            ],
            ActivityStatus::Planned,
            true,
        ),
        (
            vec![
                created("e1", plan.clone(), true),
                edited("e2", other_lecturer),
                held,
            ],
            ActivityStatus::Changed,
            true,
        ),
    ];
    for (events, status, changed) in table {
        let a = fold(&events).unwrap();
        assert_eq!(
            (a.status, a.changed_from_plan),
            (status, changed),
            "{events:?}"
        );
    }
}

#[test]
fn edits_keep_the_history_and_delete_ends_the_activity() {
    let first = details("1:am", Method::Lecture, &[1]);
    let second = details("1:pm", Method::Case, &[2, 3]);
    let events = [
        created("e1", first.clone(), false),
        edited("e2", second.clone()),
        event("e3", 1, ActivityChange::Deleted { reason: None }),
        edited("e4", first),
    ];
    let a = fold(&events).unwrap();
    assert_eq!(a.details, second, "nothing after the deletion counts");
    assert_eq!(a.edits, 1);
    assert!(a.deleted.is_some());
    assert_eq!(check_delete(&a), Err(TeachingError::Deleted(1)));
    assert!(live(&[a]).is_empty());
}

#[test]
fn activities_are_listed_in_session_order() {
    let events = [
        event(
            "e1",
            1,
            ActivityChange::Created {
                details: details("2:am", Method::Lecture, &[1]),
                planned: false,
            },
        ),
        event(
            "e2",
            2,
            ActivityChange::Created {
                details: details("1:pm", Method::Visit, &[3]),
                planned: false,
            },
        ),
        event("e3", 3, ActivityChange::Held),
    ];
    let ids: Vec<u32> = derive_all(&events).iter().map(|a| a.id).collect();
    assert_eq!(
        ids,
        [2, 1],
        "an activity without a creation event is skipped"
    );
}

#[test]
fn rules_refuse_unchanged_edits_double_held_and_early_held() {
    let c = cohort();
    let plan = details("2:am", Method::Lecture, &[1]);
    let a = fold(&[created("e1", plan.clone(), true)]).unwrap();
    assert_eq!(check_edit(&a, &plan), Err(TeachingError::Unchanged));
    let before = at("2015-03-17 08:00");
    let started = at("2015-03-17 08:30");
    let s = Session::new(2, SlotKind::Am);
    assert_eq!(
        check_held(&a, &c, before),
        Err(TeachingError::NotStarted(s))
    );
    assert_eq!(check_held(&a, &c, started), Ok(()));
    let logged = fold(&[created("e1", plan, false)]).unwrap();
    assert_eq!(
        check_held(&logged, &c, started),
        Err(TeachingError::AlreadyHeld(1))
    );
}

/// The edited session decides: moved into a session that has begun, a planned activity
/// is held with the edit; one still to come, or one already held, is not.
#[test]
fn an_edit_holds_a_planned_activity_once_its_edited_session_has_begun() {
    let c = cohort();
    let plan = details("2:am", Method::Lecture, &[1]);
    let planned = fold(&[created("e1", plan.clone(), true)]).unwrap();
    let retitled = ActivityDetails {
        title: "学习新党章".into(),
        ..plan.clone()
    };
    let moved = details("1:am", Method::Lecture, &[1]);
    let day1 = at("2015-03-16 10:00");
    assert!(edit_holds(&planned, &moved, &c, day1));
    assert!(!edit_holds(&planned, &retitled, &c, day1));
    assert!(edit_holds(&planned, &retitled, &c, at("2015-03-17 08:30")));
    let logged = fold(&[created("e1", plan, false)]).unwrap();
    assert!(!edit_holds(&logged, &moved, &c, day1));
}

#[test]
fn details_are_validated_against_the_cohort() {
    let c = cohort();
    let mut d = details("1:am", Method::Lecture, &[1]);
    assert_eq!(d.validate(&c), Ok(()));
    d.session = Session::new(9, SlotKind::Am);
    assert_eq!(d.validate(&c), Err(TeachingError::NoSuchSession(d.session)));
    let mut d = details("1:am", Method::Lecture, &[]);
    assert_eq!(d.validate(&c), Err(TeachingError::NoModules));
    d.title = "  ".into();
    assert_eq!(d.validate(&c), Err(TeachingError::EmptyTitle));
}

#[test]
fn a_new_activity_is_planned_until_its_session_starts() {
    let c = cohort();
    let s = Session::new(1, SlotKind::Pm);
    assert!(enters_as_planned(&c, s, at("2015-03-16 09:00"), false));
    assert!(!enters_as_planned(&c, s, at("2015-03-16 15:00"), false));
    assert!(enters_as_planned(&c, s, at("2015-03-16 15:00"), true));
}

#[test]
fn an_edit_changes_only_what_it_names() {
    let d = details("1:am", Method::Lecture, &[1]);
    let edit = ActivityEdit {
        lecturer: Some("李明".into()),
        minutes: Some(None),
        ..ActivityEdit::default()
    };
    let next = edit.apply(&d);
    assert_eq!(next.lecturer, "李明");
    assert_eq!(next.minutes, None);
    assert_eq!(next.title, d.title);
    assert!(ActivityEdit::default().is_empty());
}

#[test]
fn class_hours_are_the_cohorts_hours_and_clock_hours_stay_minutes() {
    let table = [
        ("2学时", Some(GivenHours::Class(2))),
        ("3 课时", Some(GivenHours::Class(3))),
        ("1.5学时", None),
        ("0学时", None),
        ("2小时", Some(GivenHours::Clock(120))),
        ("2 小时", Some(GivenHours::Clock(120))),
        ("2h", Some(GivenHours::Clock(120))),
        ("1:30", Some(GivenHours::Clock(90))),
        ("1.5", Some(GivenHours::Clock(90))),
        ("学时", None),
    ];
    for (text, given) in table {
        assert_eq!(GivenHours::parse(text), given, "{text}");
    }
    assert_eq!(GivenHours::Class(2).stored(45), (90, Some(2)));
    assert_eq!(GivenHours::Class(2).stored(50), (100, Some(2)));
    assert_eq!(GivenHours::Clock(120).stored(45), (120, None));
}
