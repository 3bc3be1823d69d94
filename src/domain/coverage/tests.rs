use super::*;
use crate::domain::base::Have;
use crate::domain::base::tests::base;
use crate::domain::cohort::tests::cohort;
use crate::domain::module::ModuleNames;
use crate::domain::session::SlotKind;
use crate::domain::teaching::tests::{details, event};
use crate::domain::teaching::{ActivityChange, ActivityDetails, derive_all};

fn at(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
}

fn s(text: &str) -> Session {
    Session::parse(text).unwrap()
}

/// Activities numbered from 1 in the order given: (details, planned).
fn log(list: Vec<(ActivityDetails, bool)>) -> Vec<TeachingActivity> {
    let events: Vec<_> = list
        .into_iter()
        .enumerate()
        .map(|(i, (details, planned))| {
            let change = ActivityChange::Created { details, planned };
            event(&format!("e{i:02}"), i as u32 + 1, change)
        })
        .collect();
    derive_all(&events)
}

fn visit(session: &str, base: Option<&str>) -> ActivityDetails {
    let mut d = details(session, Method::Visit, &[4]);
    d.base = base.map(String::from);
    d
}

fn coverage(activities: &[TeachingActivity], bases: &[TrainingBase], now: &str) -> CohortCoverage {
    let c = cohort();
    let catalogue = Catalogue::builtin();
    cohort_coverage(&CoverageInput {
        cohort: &c,
        catalogue: &catalogue,
        activities,
        bases,
        now: at(now),
    })
}

/// Four days, am and pm: 1:am lecture on 1 and 2, 1:pm case on 3, 2:am visit on 4,
/// 3:am discussion on 5 (planned).
fn a_week() -> Vec<TeachingActivity> {
    let mut case = details("1:pm", Method::Case, &[3]);
    case.minutes = Some(90);
    let mut discussion = details("3:am", Method::Discussion, &[5]);
    discussion.minutes = None;
    log(vec![
        (details("1:am", Method::Lecture, &[1, 2]), false),
        (case, false),
        (visit("2:am", Some("a")), false),
        (discussion, true),
    ])
}

#[test]
fn the_matrix_has_a_row_per_module_and_a_cell_per_session() {
    let cov = coverage(
        &a_week(),
        &[base("a", &Have::ALL, Some("2015-01-01"))],
        "2015-03-18 10:00",
    );
    assert_eq!(cov.sessions.len(), 8);
    let table: [(u16, bool, &[&str], u32); 5] = [
        (1, true, &["1:am"], 120),
        (2, true, &["1:am"], 120),
        (3, true, &["1:pm"], 90),
        (4, true, &["2:am"], 120),
        (5, false, &[], 0),
    ];
    for (row, (number, covered, sessions, minutes)) in cov.modules.iter().zip(table) {
        let sessions: Vec<Session> = sessions.iter().map(|t| s(t)).collect();
        assert_eq!(row.module.number, number);
        assert_eq!(
            (row.covered, &row.sessions, row.minutes),
            (covered, &sessions, minutes)
        );
    }
    let m5 = &cov.modules[4];
    assert_eq!(
        m5.cells[4],
        Cell {
            held: 0,
            planned: 1
        },
        "3:am is the fifth session"
    );
}

#[test]
fn methods_are_counted_with_their_hours() {
    let cov = coverage(&a_week(), &[], "2015-03-18 10:00");
    let got: Vec<(Method, u16, u32, u16)> = cov
        .methods
        .iter()
        .map(|u| (u.method, u.count, u.minutes, u.planned))
        .collect();
    let want = [
        (Method::Lecture, 1, 120, 0),
        (Method::Case, 1, 90, 0),
        (Method::Visit, 1, 120, 0),
        (Method::Discussion, 0, 0, 1),
    ];
    assert_eq!(got, want);
}

#[test]
fn warnings_name_uncovered_modules_and_empty_past_sessions() {
    let bases = [base("a", &Have::ALL, Some("2015-01-01"))];
    let cov = coverage(&a_week(), &bases, "2015-03-18 10:00");
    let want = vec![
        Warning::ModuleNotCovered {
            module: 5,
            planned: true,
        },
        Warning::EmptySession { session: s("2:pm") },
    ];
    assert_eq!(
        cov.warnings, want,
        "3:am is under way, so its plan is not late yet"
    );

    let later = coverage(&a_week(), &bases, "2015-03-18 14:30");
    let not_held = Warning::NotMarkedHeld {
        activity: 4,
        session: s("3:am"),
    };
    assert!(later.warnings.contains(&not_held), "{:?}", later.warnings);

    let before = coverage(&[], &bases, "2015-03-16 08:00");
    let uncovered = Warning::ModuleNotCovered {
        module: 1,
        planned: false,
    };
    assert_eq!(
        before.warnings.len(),
        5,
        "only the five modules: {:?}",
        before.warnings
    );
    assert_eq!(before.warnings[0], uncovered);
}

#[test]
fn site_visits_are_checked_against_their_base() {
    let short = [Have::Venue, Have::Guide, Have::Material, Have::Site];
    let bases = [
        base("ok", &Have::ALL, Some("2015-01-01")),
        base("none", &Have::ALL, None),
        base("late", &Have::ALL, Some("2015-03-17")),
        base("short", &short, Some("2015-01-01")),
    ];
    let table: [(Option<&str>, Option<Warning>); 6] = [
        (Some("ok"), None),
        (
            None,
            Some(Warning::VisitWithoutBase {
                activity: 1,
                session: s("1:am"),
            }),
        ),
        (
            Some("gone"),
            Some(Warning::UnknownBase {
                activity: 1,
                session: s("1:am"),
                base: "gone".into(),
            }),
        ),
        (
            Some("none"),
            Some(Warning::UnaccreditedBase {
                activity: 1,
                session: s("1:am"),
                base: "基地none".into(),
            }),
        ),
        (
            Some("late"),
            Some(Warning::UnaccreditedBase {
                activity: 1,
                session: s("1:am"),
                base: "基地late".into(),
            }),
        ),
        (
            Some("short"),
            Some(Warning::BaseBelowStandard {
                activity: 1,
                session: s("1:am"),
                base: "基地short".into(),
                missing: vec![Have::Film],
            }),
        ),
    ];
    for (base_id, want) in table {
        let cov = coverage(
            &log(vec![(visit("1:am", base_id), false)]),
            &bases,
            "2015-03-16 09:00",
        );
        let visits: Vec<Warning> = cov
            .warnings
            .into_iter()
            .filter(|w| !matches!(w, Warning::ModuleNotCovered { .. }))
            .collect();
        assert_eq!(visits, want.into_iter().collect::<Vec<_>>(), "{base_id:?}");
    }
}

#[test]
fn deleted_activities_do_not_count() {
    let d = details("1:am", Method::Lecture, &[1]);
    let events = [
        event(
            "e1",
            1,
            ActivityChange::Created {
                details: d,
                planned: false,
            },
        ),
        event("e2", 1, ActivityChange::Deleted { reason: None }),
    ];
    let cov = coverage(&derive_all(&events), &[], "2015-03-16 09:00");
    assert!(!cov.modules[0].covered);
    assert!(cov.methods.is_empty());
}

#[test]
fn sessions_end_when_the_next_slot_starts_or_at_midnight() {
    let c = cohort();
    let table = [
        (Session::new(1, SlotKind::Am), "2015-03-16 14:30"),
        (Session::new(1, SlotKind::Pm), "2015-03-17 00:00"),
        (Session::new(4, SlotKind::Pm), "2015-03-20 00:00"),
    ];
    for (session, end) in table {
        assert_eq!(session_end(&c, session), Some(at(end)), "{session}");
    }
    assert_eq!(session_end(&c, Session::new(1, SlotKind::Eve)), None);
}

#[test]
fn the_cohorts_matrix_uses_each_cohorts_own_catalogue() {
    let mut current = Catalogue::builtin();
    let first = current.snapshot();
    let rename = ModuleNames {
        name_zh: Some("党章党规党纪".into()),
        ..ModuleNames::default()
    };
    current.rename(2, rename).unwrap();
    current.retire(5).unwrap();
    let added = ModuleNames {
        name_zh: Some("乡村振兴".into()),
        ..ModuleNames::default()
    };
    current.add(added, "u6".into()).unwrap();
    let second = current.snapshot();
    let (c1, mut c2) = (cohort(), cohort());
    c2.code = "2015-02".into();
    let a1 = a_week();
    let a2 = log(vec![(details("1:am", Method::Lecture, &[6, 1]), false)]);
    let matrix = cohorts_matrix(&current, &[(&c1, &first, &a1), (&c2, &second, &a2)]);
    let numbers: Vec<u16> = matrix.modules.iter().map(|m| m.number).collect();
    assert_eq!(numbers, [1, 2, 3, 4, 5, 6]);
    assert_eq!(
        matrix.modules[1].name_zh, "党章党规党纪",
        "headers use today's names"
    );
    let row1 = &matrix.rows[0];
    assert_eq!(
        row1.cells,
        [Some(1), Some(1), Some(1), Some(1), Some(0), None]
    );
    assert_eq!(row1.missing, [5]);
    let row2 = &matrix.rows[1];
    assert_eq!(
        row2.cells,
        [Some(1), Some(0), Some(0), Some(0), None, Some(1)]
    );
    assert_eq!(row2.missing, [2, 3, 4]);
}
