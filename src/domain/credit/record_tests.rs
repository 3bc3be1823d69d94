//! A person's record and year totals against a hand-computed fixture.

use chrono::{DateTime, NaiveDate};

use super::*;
use crate::domain::cohort::tests::cohort;
use crate::domain::credit::{SessionCredit, SessionHours, Shortfall};
use crate::domain::register::{Change, RegisterEvent};
use crate::domain::report::Mark;
use crate::domain::session::SlotKind;

fn p(id: &str) -> PersonId {
    PersonId(id.into())
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn session(
    n: u16,
    slot: SlotKind,
    mark: Mark,
    credited: u32,
    make_up: Option<&str>,
) -> SessionCredit {
    SessionCredit {
        session: Session::new(n, slot),
        mark,
        arrived: None,
        signed_out: None,
        late_minutes: 0,
        early_minutes: 0,
        early_leave: false,
        no_sign_out: false,
        make_up: make_up.map(str::to_string),
        credited_minutes: credited,
    }
}

/// A cohort of `level` starting on `start`, whose sessions are worth `session_minutes`
/// each in 学时 of `hour_minutes`, crediting each person what `people` says.
fn credit_of(
    cohort: &Cohort,
    hour_minutes: u32,
    session_minutes: u32,
    people: Vec<(PersonId, Vec<SessionCredit>, Standing)>,
) -> CohortCredit {
    let rules = CreditRules {
        hour_minutes,
        ..CreditRules::default()
    };
    let sessions: Vec<SessionHours> = cohort
        .sessions()
        .into_iter()
        .map(|session| SessionHours {
            session,
            minutes: session_minutes,
            from_activities: false,
            closed: true,
        })
        .collect();
    let total_minutes = session_minutes * sessions.len() as u32;
    let people = people
        .into_iter()
        .map(|(person, sessions, standing)| PersonCredit {
            person,
            credited_minutes: sessions.iter().map(|s| s.credited_minutes).sum(),
            sessions,
            missed_minutes: 0,
            standing,
            can_miss_minutes: None,
            at_risk: false,
            substitute_for: None,
        })
        .collect();
    CohortCredit {
        rules,
        legacy: false,
        sessions,
        total_minutes,
        people,
    }
}

fn cohort_at(code: &str, level: Level, start: NaiveDate, days: u16) -> Cohort {
    let mut c = cohort();
    c.code = code.into();
    c.name = format!("{code}班");
    c.level = level;
    c.start = start;
    c.days = days;
    c
}

fn outside(person: &str, tenths: u32, date: NaiveDate, level: Option<Level>) -> RegisterEvent {
    RegisterEvent {
        id: format!("{date}-{tenths}"),
        at: DateTime::parse_from_rfc3339("2015-12-01T08:00:00+08:00").unwrap(),
        desk: "desk".into(),
        by: "organiser".into(),
        change: Change::OutsideHours {
            person: p(person),
            tenths,
            source: format!("来源{tenths}"),
            date,
            level,
        },
    }
}

/// The fixture, by hand:
/// - A (city, 2015-03-16, 2 days, 45-minute 学时, 135 minutes a session = 3 学时, 4
///   sessions = 12 学时): 1:am present 135, 1:pm late 90, 2:am leave 0, 2:pm made up 135:
///   360 minutes = 8 学时 (80 tenths); 2 sessions attended; one make-up. Not completed
///   (too much leave).
/// - B (county, 2015-06-01, 1 day, 40-minute 学时): 1:am present 100 minutes = 2.5 学时
///   (25 tenths), 1:pm absent.
/// - C (province, 2014-11-03, 1 day): 135 + 135 minutes = 6 学时, in 2014.
/// - Elsewhere: 8 学时 at province level on 2015-05-01, 2.5 with no level on
///   2015-09-01, 4 with no level on 2014-12-01.
///
/// 2015: province 8, city 8, county 2.5, elsewhere 2.5 = 21 学时; 35 short of 56.
/// 2014: province 6, elsewhere 4 = 10.
struct Fixture {
    cohorts: Vec<(Cohort, CohortCredit)>,
    facts: RegisterFacts,
}

fn fixture() -> Fixture {
    let a = cohort_at("A", Level::City, day(2015, 3, 16), 2);
    let b = cohort_at("B", Level::County, day(2015, 6, 1), 1);
    let c = cohort_at("C", Level::Province, day(2014, 11, 3), 1);
    let leave = Shortfall::TooMuchLeave {
        missed: 135,
        limit: 77,
        total: 540,
    };
    let a_credit = credit_of(
        &a,
        45,
        135,
        vec![(
            p("zw"),
            vec![
                session(1, SlotKind::Am, Mark::Present, 135, None),
                session(1, SlotKind::Pm, Mark::Late, 90, None),
                session(2, SlotKind::Am, Mark::Leave, 0, None),
                session(2, SlotKind::Pm, Mark::Absent, 135, Some("病假后补课")),
            ],
            Standing::NotCompleted(leave),
        )],
    );
    let b_credit = credit_of(
        &b,
        40,
        120,
        vec![(
            p("zw"),
            vec![
                session(1, SlotKind::Am, Mark::Present, 100, None),
                session(1, SlotKind::Pm, Mark::Absent, 0, None),
            ],
            Standing::InProgress,
        )],
    );
    let c_credit = credit_of(
        &c,
        45,
        135,
        vec![(
            p("zw"),
            vec![
                session(1, SlotKind::Am, Mark::Present, 135, None),
                session(1, SlotKind::Pm, Mark::Present, 135, None),
            ],
            Standing::Completed,
        )],
    );
    let events = [
        outside("zw", 80, day(2015, 5, 1), Some(Level::Province)),
        outside("zw", 25, day(2015, 9, 1), None),
        outside("zw", 40, day(2014, 12, 1), None),
        outside("other", 10, day(2015, 9, 1), None),
    ];
    Fixture {
        cohorts: vec![(b, b_credit), (a, a_credit), (c, c_credit)],
        facts: RegisterFacts::fold(&events),
    }
}

fn record_of(f: &Fixture, person: &PersonId) -> TrainingRecord {
    let lines = f
        .cohorts
        .iter()
        .filter_map(|(c, credit)| {
            credit
                .person(person)
                .map(|pc| CohortLine::new(c, credit, pc))
        })
        .collect();
    TrainingRecord::new(person.clone(), lines, &f.facts)
}

#[test]
fn a_record_lists_each_cohort_with_its_credit_oldest_first() {
    let f = fixture();
    let record = record_of(&f, &p("zw"));
    let codes: Vec<_> = record.cohorts.iter().map(|c| c.code.as_str()).collect();
    assert_eq!(codes, ["C", "A", "B"]);
    let a = &record.cohorts[1];
    assert_eq!((a.sessions_attended, a.sessions_total), (2, 4));
    assert_eq!(
        (a.credited_minutes, a.total_minutes, a.hour_minutes),
        (360, 540, 45)
    );
    assert_eq!(a.credited_tenths(), 80);
    assert_eq!(a.end, day(2015, 3, 17));
    assert_eq!(a.level, Level::City);
    assert_eq!(
        a.make_ups,
        vec![MakeUpLine {
            session: Session::new(2, SlotKind::Pm),
            reason: "病假后补课".into()
        }]
    );
    assert!(matches!(
        a.standing,
        Standing::NotCompleted(Shortfall::TooMuchLeave { .. })
    ));
    assert_eq!(
        record.cohorts[2].credited_tenths(),
        25,
        "100 minutes of 40 = 2.5"
    );
    let dates: Vec<_> = record.outside.iter().map(|o| o.date).collect();
    assert_eq!(dates, [day(2014, 12, 1), day(2015, 5, 1), day(2015, 9, 1)]);
    assert_eq!(record.retired, None);
}

#[test]
fn the_year_total_adds_its_cohorts_and_hours_from_elsewhere_by_level() {
    let f = fixture();
    let record = record_of(&f, &p("zw"));
    let y2015 = record.year_total(2015, 56);
    assert_eq!(
        y2015.hours,
        LevelHours {
            province: 80,
            city: 80,
            county: 25,
            elsewhere: 25
        }
    );
    assert_eq!(y2015.hours.total(), 210);
    assert!(!y2015.met());
    assert_eq!(y2015.short_tenths(), 350);
    let y2014 = record.year_total(2014, 56);
    assert_eq!(
        y2014.hours,
        LevelHours {
            province: 60,
            elsewhere: 40,
            ..LevelHours::default()
        }
    );
    assert!(
        record.year_total(2015, 21).met(),
        "exactly the target is met"
    );
    assert_eq!(record.year_total(2015, 22).short_tenths(), 10);
}

#[test]
fn the_register_totals_match_each_persons_record() {
    let f = fixture();
    let pairs = f.cohorts.iter().map(|(c, credit)| (c, credit));
    let by_person = year_hours(2015, pairs, &f.facts);
    let record = record_of(&f, &p("zw"));
    assert_eq!(by_person[&p("zw")], record.year_total(2015, 56).hours);
    assert_eq!(
        by_person[&p("other")],
        LevelHours {
            elsewhere: 10,
            ..LevelHours::default()
        }
    );
    assert_eq!(by_person.len(), 2);
}

#[test]
fn tenths_round_to_the_nearest_and_show_without_a_trailing_zero() {
    assert_eq!(tenths(120, 45), 27, "2.67 学时");
    assert_eq!(tenths(135, 45), 30);
    assert_eq!(tenths(0, 0), 0);
    assert_eq!(tenths_text(560), "56");
    assert_eq!(tenths_text(545), "54.5");
    assert_eq!(tenths_text(5), "0.5");
    assert_eq!(tenths_value(545), 54.5);
}
