//! Hand-computed: a 4-day cohort, morning and afternoon (08:30–11:30, 14:30–17:30), no
//! teaching hours logged, so each session is 3 学时 of 45 minutes = 135 minutes and the
//! total 24 学时 = 1080 minutes. Completing needs 80% = 864 minutes; leave and absence
//! may reach 1/7 of 1080 = 154 minutes (one session, not two).

use chrono::DateTime;

use super::*;
use crate::domain::attendance::{CheckInStatus, EventKind};
use crate::domain::cohort::tests::cohort;
use crate::domain::register::{Change, RegisterEvent, RegisterFacts};
use crate::domain::{AttendanceEvent, Cohort, PersonId, Session, SlotKind};

struct Log {
    events: Vec<AttendanceEvent>,
    n: u32,
}

impl Log {
    fn new() -> Log {
        Log {
            events: vec![],
            n: 0,
        }
    }

    fn push(&mut self, person: &str, session: Session, time: &str, kind: EventKind) {
        self.n += 1;
        let date = 15 + session.day;
        self.events.push(AttendanceEvent {
            source: Default::default(),
            entered_at: None,
            id: format!("e{:04}", self.n),
            cohort: "2015-01".into(),
            person: PersonId(person.into()),
            session,
            kind,
            at: DateTime::parse_from_rfc3339(&format!("2015-03-{date}T{time}:00+08:00")).unwrap(),
            desk: "d".into(),
        });
    }

    fn check_in(&mut self, person: &str, session: Session, time: &str, status: CheckInStatus) {
        let kind = EventKind::CheckIn {
            status,
            reason: None,
        };
        self.push(person, session, time, kind);
    }

    /// On time in every session but those listed in `except`.
    fn on_time(&mut self, person: &str, except: &[Session]) {
        for s in cohort().sessions() {
            if !except.contains(&s) {
                let time = if s.slot == SlotKind::Am {
                    "08:30"
                } else {
                    "14:30"
                };
                self.check_in(person, s, time, CheckInStatus::Present);
            }
        }
    }
}

fn s(day: u16, slot: SlotKind) -> Session {
    Session::new(day, slot)
}

fn ids(names: &[&str]) -> Vec<PersonId> {
    names.iter().map(|n| PersonId(n.to_string())).collect()
}

fn change(id: &str, change: Change) -> RegisterEvent {
    RegisterEvent {
        id: id.into(),
        at: DateTime::parse_from_rfc3339("2015-03-16T12:00:00+08:00").unwrap(),
        desk: "d".into(),
        by: "o".into(),
        change,
    }
}

fn credit_of(
    cohort: &Cohort,
    roster: &[PersonId],
    log: &Log,
    facts: &RegisterFacts,
) -> CohortCredit {
    cohort_credit(CreditInput {
        cohort,
        roster,
        events: &log.events,
        activities: &[],
        facts,
    })
}

/// The allowances include their last minute: 30 minutes late or early keeps the full
/// session, 31 takes the minutes off (135 − 31 = 104: two 学时, 90).
#[test]
fn the_allowances_include_their_last_minute() {
    let c = cohort();
    let am1 = s(1, SlotKind::Am);
    let mut log = Log::new();
    log.on_time("late30", &[am1]);
    log.check_in("late30", am1, "09:00", CheckInStatus::Late);
    log.on_time("late31", &[am1]);
    log.check_in("late31", am1, "09:01", CheckInStatus::Late);
    for (name, at) in [("early30", "11:00"), ("early31", "10:59")] {
        log.on_time(name, &[]);
        let reason = Some("开会".into());
        log.push(name, am1, at, EventKind::SignOut { reason });
    }
    let roster = ids(&["late30", "late31", "early30", "early31"]);
    let credit = credit_of(&c, &roster, &log, &RegisterFacts::default());
    let credited = |name: &str| {
        credit
            .person(&PersonId(name.into()))
            .unwrap()
            .credited_minutes
    };
    assert_eq!(credited("late30"), 1080);
    assert_eq!(credited("late31"), 1035);
    assert_eq!(credited("early30"), 1080);
    assert_eq!(credited("early31"), 1035);
}

/// The "done when": on time, late, a leave, an early leave, a withdrawal and a
/// substitute, in a closed cohort.
#[test]
fn a_closed_cohort_credits_and_judges_everyone() {
    let mut c = cohort();
    c.open = false;
    let am1 = s(1, SlotKind::Am);
    let am2 = s(2, SlotKind::Am);
    let pm2 = s(2, SlotKind::Pm);
    let mut log = Log::new();
    log.on_time("ontime", &[]);
    log.on_time("late20", &[am1]);
    log.check_in("late20", am1, "08:50", CheckInStatus::Late);
    log.on_time("late40", &[am1]);
    log.check_in("late40", am1, "09:10", CheckInStatus::Late);
    log.on_time("leave1", &[am2]);
    log.check_in("leave1", am2, "08:00", CheckInStatus::Leave);
    log.on_time("leave2", &[am2, pm2]);
    log.check_in("leave2", am2, "08:00", CheckInStatus::Leave);
    log.check_in("leave2", pm2, "08:00", CheckInStatus::Leave);
    log.on_time("early", &[]);
    log.push(
        "early",
        am1,
        "10:30",
        EventKind::SignOut {
            reason: Some("开会".into()),
        },
    );
    log.on_time("gone", &[]);
    log.on_time("sub", &[]);
    let facts = RegisterFacts::fold(&[
        change(
            "1",
            Change::Unenrolled {
                cohort: "2015-01".into(),
                person: PersonId("gone".into()),
                reason: "生病".into(),
            },
        ),
        change(
            "2",
            Change::Substituted {
                cohort: "2015-01".into(),
                replaced: PersonId("out".into()),
                replacement: PersonId("sub".into()),
                reason: "调动".into(),
            },
        ),
    ]);
    let roster = ids(&[
        "ontime", "late20", "late40", "leave1", "leave2", "early", "gone", "out", "sub", "absent",
    ]);
    let credit = credit_of(&c, &roster, &log, &facts);
    assert_eq!(credit.total_minutes, 1080);
    assert_eq!(
        (credit.needed_minutes(), credit.leave_limit_minutes()),
        (864, 154)
    );
    let person = |name: &str| credit.person(&PersonId(name.into())).unwrap();
    let credited = |name: &str| person(name).credited_minutes;
    assert_eq!(credited("ontime"), 1080);
    assert_eq!(
        credited("late20"),
        1080,
        "20 minutes late: within the 30-minute allowance"
    );
    assert_eq!(
        credited("late40"),
        1035,
        "135 − 40 = 95 minutes: two 学时 (90)"
    );
    assert_eq!(credited("leave1"), 945);
    assert_eq!(person("leave1").missed_minutes, 135);
    assert_eq!(
        credited("early"),
        990,
        "left 60 minutes early: 75 minutes, one 学时"
    );
    assert!(person("early").sessions[0].early_leave);
    for name in ["ontime", "late20", "late40", "leave1", "early", "sub"] {
        assert_eq!(person(name).standing, Standing::Completed, "{name}");
    }
    assert_eq!(
        person("leave2").standing,
        Standing::NotCompleted(Shortfall::TooMuchLeave {
            missed: 270,
            limit: 154,
            total: 1080
        })
    );
    assert_eq!(
        person("absent").standing,
        Standing::NotCompleted(Shortfall::TooMuchLeave {
            missed: 1080,
            limit: 154,
            total: 1080
        })
    );
    assert_eq!(
        person("gone").standing,
        Standing::Withdrawn {
            reason: "生病".into(),
            replaced_by: None
        }
    );
    assert_eq!(
        person("gone").credited_minutes,
        1080,
        "credited what they attended"
    );
    assert!(
        matches!(&person("out").standing, Standing::Withdrawn { replaced_by: Some(p), .. } if p.as_str() == "sub")
    );
    assert_eq!(person("sub").substitute_for, Some(PersonId("out".into())));
    assert_eq!(credit.completers().count(), 6);
    assert!(
        credit
            .people
            .iter()
            .all(|p| !p.at_risk && p.can_miss_minutes.is_none())
    );
}

#[test]
fn too_few_hours_fails_without_any_leave() {
    let mut c = cohort();
    c.open = false;
    let mut log = Log::new();
    for session in c.sessions() {
        let time = if session.slot == SlotKind::Am {
            "10:10"
        } else {
            "16:10"
        };
        log.check_in("slow", session, time, CheckInStatus::Late);
    }
    let credit = credit_of(&c, &ids(&["slow"]), &log, &RegisterFacts::default());
    let slow = &credit.people[0];
    assert_eq!(
        (slow.credited_minutes, slow.missed_minutes),
        (0, 0),
        "100 minutes late of 135: 35 left, no whole 学时"
    );
    assert_eq!(
        slow.standing,
        Standing::NotCompleted(Shortfall::TooFewHours {
            credited: 0,
            needed: 864,
            total: 1080
        })
    );
}

#[test]
fn changing_a_rule_makes_the_results_follow() {
    let mut c = cohort();
    c.open = false;
    let mut log = Log::new();
    log.on_time("leave2", &[s(2, SlotKind::Am), s(2, SlotKind::Pm)]);
    let roster = ids(&["leave2"]);
    let facts = RegisterFacts::default();
    assert!(
        !credit_of(&c, &roster, &log, &facts).people[0]
            .standing
            .is_completed()
    );
    c.credit.as_mut().unwrap().leave_limit = Fraction { num: 2, den: 7 };
    let standing = credit_of(&c, &roster, &log, &facts).people[0]
        .standing
        .clone();
    let hours = Shortfall::TooFewHours {
        credited: 810,
        needed: 864,
        total: 1080,
    };
    assert_eq!(
        standing,
        Standing::NotCompleted(hours),
        "270 ≤ 2/7 of 1080, but 810 < 80%"
    );
    c.credit.as_mut().unwrap().completion_percent = 75;
    let standing = credit_of(&c, &roster, &log, &facts).people[0]
        .standing
        .clone();
    assert!(standing.is_completed(), "810 = 75% of 1080");
    c.credit.as_mut().unwrap().hours_per_session = 4;
    let credit = credit_of(&c, &roster, &log, &facts);
    assert_eq!(
        credit.total_minutes,
        8 * 180,
        "4 学时 = 180 minutes, the slot's length"
    );
    c.credit.as_mut().unwrap().hours_per_session = 5;
    assert_eq!(
        credit_of(&c, &roster, &log, &facts).total_minutes,
        8 * 180,
        "capped at the slot"
    );
}

#[test]
fn a_make_up_credits_the_session_and_takes_it_off_the_missed() {
    let mut c = cohort();
    c.open = false;
    let (am2, pm2) = (s(2, SlotKind::Am), s(2, SlotKind::Pm));
    let mut log = Log::new();
    log.on_time("p", &[am2, pm2]);
    let make_up = Change::MakeUp {
        cohort: "2015-01".into(),
        person: PersonId("p".into()),
        session: pm2,
        reason: "补看录像".into(),
    };
    let facts = RegisterFacts::fold(&[change("1", make_up)]);
    let credit = credit_of(&c, &ids(&["p"]), &log, &facts);
    let p = &credit.people[0];
    assert_eq!((p.credited_minutes, p.missed_minutes), (945, 135));
    assert_eq!(p.standing, Standing::Completed);
    assert_eq!(p.sessions[3].make_up.as_deref(), Some("补看录像"));
}

#[test]
fn sign_out_required_credits_nothing_without_one_in_a_closed_session() {
    let mut c = cohort();
    c.credit.as_mut().unwrap().sign_out_required = true;
    let am1 = s(1, SlotKind::Am);
    c.closed_sessions.push(am1);
    let mut log = Log::new();
    log.check_in("a", am1, "08:30", CheckInStatus::Present);
    log.check_in("b", am1, "08:30", CheckInStatus::Present);
    log.push("b", am1, "11:30", EventKind::SignOut { reason: None });
    // In a session still open a sign-out may yet come: credited in full meanwhile.
    let pm1 = s(1, SlotKind::Pm);
    log.check_in("c", pm1, "14:30", CheckInStatus::Present);
    let credit = credit_of(&c, &ids(&["a", "b", "c"]), &log, &RegisterFacts::default());
    assert!(credit.people[0].sessions[0].no_sign_out);
    assert_eq!(credit.people[0].credited_minutes, 0);
    assert_eq!(credit.people[1].credited_minutes, 135);
    let open = &credit.people[2].sessions[1];
    assert_eq!(open.session, pm1);
    assert!(!open.no_sign_out);
    assert_eq!(credit.people[2].credited_minutes, 135);
}

mod standing;
