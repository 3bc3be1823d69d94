//! 学时 and completion of a cohort, loaded from the store and computed by
//! [`crate::domain::credit`]: the one place the desk, the commands, the reports and the
//! certificates get them from.

use crate::domain::credit::{self, CohortCredit, CreditInput};
use crate::domain::register::RegisterFacts;
use crate::domain::{Cohort, PersonId, TeachingActivity};
use crate::store::{Store, StoreResult};

/// Every session's 学时 and every enrolled person's credit and standing.
pub fn cohort_credit(store: &Store, cohort: &Cohort) -> StoreResult<CohortCredit> {
    let facts = store.register_facts()?;
    cohort_credit_with(store, cohort, &facts)
}

/// As [`cohort_credit`], with the register's facts already read (for many cohorts).
pub fn cohort_credit_with(
    store: &Store,
    cohort: &Cohort,
    facts: &RegisterFacts,
) -> StoreResult<CohortCredit> {
    credit_and_log(store, cohort, facts).map(|(credit, _)| credit)
}

/// As [`cohort_credit_with`], and the teaching log it read (the year report's coverage
/// shows it too).
pub(crate) fn credit_and_log(
    store: &Store,
    cohort: &Cohort,
    facts: &RegisterFacts,
) -> StoreResult<(CohortCredit, Vec<TeachingActivity>)> {
    let roster: Vec<PersonId> = store.enrolled_as_one(&cohort.code)?;
    let events = store.events_as_one(&cohort.code)?;
    let activities = store.activities(&cohort.code)?;
    let credit = credit::cohort_credit(CreditInput {
        cohort,
        roster: &roster,
        events: &events,
        activities: &activities,
        facts,
    });
    Ok((credit, activities))
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;
    use crate::domain::cohort::tests::cohort;
    use crate::domain::credit::Standing;
    use crate::domain::register::Change;
    use crate::domain::{Person, Session, SlotKind};
    use crate::ops::checkin::{self, CheckIn, Where};
    use crate::store::Batch;

    /// Through the real store: a check-in 40 minutes late (one 学时 off), a
    /// withdrawal recorded as a change, and someone never seen, in an open cohort.
    #[test]
    fn the_store_s_records_make_the_credit() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let cohort = cohort();
        let at = |t: &str| DateTime::parse_from_rfc3339(t).unwrap();
        let people: Vec<Person> = ["late", "gone", "never"]
            .iter()
            .map(|id| Person::named(PersonId(id.to_string()), *id))
            .collect();
        let mut batch = Batch::default();
        Store::stage_cohort(&mut batch, &cohort);
        for p in &people {
            Store::stage_person(&mut batch, p);
            Store::stage_enrolment(
                &mut batch,
                &cohort.code,
                &p.id,
                at("2015-03-01T08:00:00+08:00"),
                false,
            );
        }
        let gone = Change::Unenrolled {
            cohort: cohort.code.clone(),
            person: people[1].id.clone(),
            reason: "生病".into(),
        };
        let event = store
            .new_change(at("2015-03-16T08:00:00+08:00"), "o", gone)
            .unwrap();
        Store::stage_change(&mut batch, &event);
        store.commit(batch).unwrap();
        let input = CheckIn {
            at: Where {
                cohort: &cohort,
                session: Session::new(1, SlotKind::Am),
            },
            person: &people[0],
            status: None,
            reason: None,
            walk_in: false,
        };
        checkin::check_in(&store, at("2015-03-16T09:10:00+08:00"), input).unwrap();
        let credit = cohort_credit(&store, &cohort).unwrap();
        assert_eq!(credit.total_minutes, 1080);
        let late = credit.person(&people[0].id).unwrap();
        assert_eq!(late.credited_minutes, 90);
        assert_eq!(late.standing, Standing::InProgress);
        assert!(
            credit
                .person(&people[1].id)
                .unwrap()
                .standing
                .is_withdrawn()
        );
        let never = credit.person(&people[2].id).unwrap();
        assert_eq!(never.can_miss_minutes, Some(154));
    }
}
