//! Standings: the leave limit's edge, an open cohort's can-miss and at-risk, the old rule
//! of cohorts made before 学时 rules, and the words of a shortfall. The fixture is the
//! parent module's (4 days, 8 sessions of 135 minutes, 1080 in all).

use super::*;

/// Leave up to the limit itself completes: a limit of 1/8 is one 135-minute session.
#[test]
fn leave_up_to_the_limit_itself_completes() {
    let mut c = cohort();
    c.open = false;
    c.credit.as_mut().unwrap().leave_limit = Fraction { num: 1, den: 8 };
    let am1 = s(1, SlotKind::Am);
    let mut log = Log::new();
    log.on_time("once", &[am1]);
    log.check_in("once", am1, "08:00", CheckInStatus::Leave);
    let credit = credit_of(&c, &ids(&["once"]), &log, &RegisterFacts::default());
    assert_eq!(credit.leave_limit_minutes(), 135);
    assert_eq!(credit.people[0].missed_minutes, 135);
    assert_eq!(credit.people[0].standing, Standing::Completed);
}

/// Open cohort, day 1 morning closed: one leave leaves 154 − 135 = 19 minutes to miss,
/// less than a session: at risk. A second leave decides it.
#[test]
fn an_open_cohort_says_who_can_miss_what_and_who_is_at_risk() {
    let mut c = cohort();
    let (am1, pm1) = (s(1, SlotKind::Am), s(1, SlotKind::Pm));
    c.closed_sessions.push(am1);
    let mut log = Log::new();
    log.check_in("fine", am1, "08:30", CheckInStatus::Present);
    log.check_in("once", am1, "08:00", CheckInStatus::Leave);
    log.check_in("twice", am1, "08:00", CheckInStatus::Leave);
    log.check_in("twice", pm1, "08:00", CheckInStatus::Leave);
    let credit = credit_of(
        &c,
        &ids(&["fine", "once", "twice"]),
        &log,
        &RegisterFacts::default(),
    );
    let [fine, once, twice] = &credit.people[..] else {
        panic!()
    };
    assert_eq!(fine.standing, Standing::InProgress);
    assert_eq!(fine.can_miss_minutes, Some(154));
    assert!(!fine.at_risk);
    assert_eq!(once.can_miss_minutes, Some(19));
    assert!(once.at_risk);
    assert!(twice.cannot_complete());
    assert_eq!(credit.at_risk(), 1);
}

#[test]
fn a_cohort_made_before_rules_keeps_its_rule_by_sessions() {
    let mut c = cohort();
    c.open = false;
    c.credit = None;
    let mut log = Log::new();
    // 7 of 8 sessions completes by the old rule (80% of sessions); 6 does not.
    log.on_time("seven", &[s(4, SlotKind::Pm)]);
    log.on_time("six", &[s(4, SlotKind::Am), s(4, SlotKind::Pm)]);
    let credit = credit_of(&c, &ids(&["seven", "six"]), &log, &RegisterFacts::default());
    assert!(credit.legacy);
    assert_eq!(credit.people[0].standing, Standing::Completed);
    assert_eq!(
        credit.people[1].standing,
        Standing::NotCompleted(Shortfall::TooFewSessions {
            attended: 6,
            sessions: 8,
            percent: 80
        })
    );
}

#[test]
fn shortfalls_say_which_rule_failed_in_both_languages() {
    use crate::text::Lang;
    let rules = CreditRules::default();
    let leave = Shortfall::TooMuchLeave {
        missed: 270,
        limit: 154,
        total: 1080,
    };
    assert_eq!(
        leave.message(Lang::Zh, &rules),
        "请假和缺勤共 6 学时，超过总学时 24 的 1/7（3.4 学时）"
    );
    let hours = Shortfall::TooFewHours {
        credited: 0,
        needed: 864,
        total: 1080,
    };
    assert!(
        hours
            .message(Lang::En, &rules)
            .contains("credited 0 of 24 class hours, below 80% (needs 19.2)")
    );
    let withdrawn = Standing::Withdrawn {
        reason: "x".into(),
        replaced_by: Some(PersonId("q".into())),
    };
    assert_eq!(
        (withdrawn.code(), withdrawn.label(Lang::Zh).as_str()),
        ("substituted", "调换")
    );
}

/// One day, 270 minutes: the leave limit (38) is below one session, so one absence alone
/// fails anyone. Only someone who has already lost 学时 is counted at risk.
#[test]
fn at_risk_means_already_lost_some_and_cannot_miss_another_session() {
    let mut c = cohort();
    c.days = 1;
    let am1 = s(1, SlotKind::Am);
    c.closed_sessions.push(am1);
    let mut log = Log::new();
    log.check_in("fresh", am1, "08:30", CheckInStatus::Present);
    log.check_in("late", am1, "09:10", CheckInStatus::Late);
    let credit = credit_of(
        &c,
        &ids(&["fresh", "late"]),
        &log,
        &RegisterFacts::default(),
    );
    let [fresh, late] = &credit.people[..] else {
        panic!()
    };
    assert_eq!(
        (credit.total_minutes, credit.leave_limit_minutes()),
        (270, 38)
    );
    assert_eq!(fresh.can_miss_minutes, Some(38));
    assert!(!fresh.at_risk, "nothing lost yet");
    assert_eq!(late.can_miss_minutes, Some(9), "90 + 135 − 216");
    assert!(late.at_risk);
}
