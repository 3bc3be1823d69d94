//! Closing and reopening sessions and cohorts, and the check every write to a cohort's
//! records makes first: the stored cohort (not the caller's copy, which may be stale)
//! decides, by the rules in `domain::closing`.

use chrono::{DateTime, FixedOffset};

use crate::domain::{Closed, Cohort, Session, SessionChange};

use super::{Batch, Store, StoreResult};

/// What came of closing or reopening: written (and durable), already so (nothing
/// written), refused (nothing written), or no such cohort.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CohortChange {
    Changed(Cohort),
    Unchanged(Cohort),
    Refused(Closed),
    Missing,
}

impl Store {
    /// Whether the cohort's records may be written (`session`: its attendance). A
    /// cohort not stored yet has nothing closed.
    pub(super) fn closed_for(
        &self,
        code: &str,
        session: Option<Session>,
    ) -> StoreResult<Result<(), Closed>> {
        let Some(cohort) = self.cohort(code)? else {
            return Ok(Ok(()));
        };
        Ok(match session {
            Some(session) => cohort.check_attendance(session),
            None => cohort.check_writable(),
        })
    }

    /// Closes a session (people without a check-in count as absent) or reopens it.
    pub fn change_session(
        &self,
        code: &str,
        session: Session,
        change: SessionChange,
        now: DateTime<FixedOffset>,
    ) -> StoreResult<CohortChange> {
        let Some(cohort) = self.cohort(code)? else {
            return Ok(CohortChange::Missing);
        };
        match cohort.with_session(session, change) {
            Err(closed) => Ok(CohortChange::Refused(closed)),
            Ok(None) => Ok(CohortChange::Unchanged(cohort)),
            Ok(Some(changed)) => self.save_cohort(changed, now),
        }
    }

    /// Closes a cohort: from now on its records are look-up only.
    pub fn close_cohort(
        &self,
        code: &str,
        now: DateTime<FixedOffset>,
    ) -> StoreResult<CohortChange> {
        let Some(cohort) = self.cohort(code)? else {
            return Ok(CohortChange::Missing);
        };
        match cohort.closing() {
            None => Ok(CohortChange::Unchanged(cohort)),
            Some(closed) => self.save_cohort(closed, now),
        }
    }

    /// Writes a changed setting of the cohort, stamped `updated_at = now` (a merge takes
    /// the newer edit of a cohort changed on two laptops).
    fn save_cohort(
        &self,
        mut cohort: Cohort,
        now: DateTime<FixedOffset>,
    ) -> StoreResult<CohortChange> {
        cohort.updated_at = Some(now);
        let mut batch = Batch::default();
        Store::stage_cohort(&mut batch, &cohort);
        self.commit(batch)?;
        Ok(CohortChange::Changed(cohort))
    }
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;
    use crate::domain::cohort::tests::cohort;
    use crate::domain::{CheckInStatus, Person, PersonId, Refusal, SlotKind};
    use crate::store::{CheckInOutcome, DeskRequest};

    fn noon() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2015-03-16T12:00:00+08:00").unwrap()
    }

    #[test]
    fn a_walk_in_refused_by_a_closed_session_writes_nothing_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let mut batch = Batch::default();
        Store::stage_cohort(&mut batch, &cohort());
        store.commit(batch).unwrap();
        let am1 = Session::new(1, SlotKind::Am);
        let change = store
            .change_session("2015-01", am1, SessionChange::Close, noon())
            .unwrap();
        assert!(matches!(change, CohortChange::Changed(c) if c.is_closed(am1)));

        let person = Person::named(PersonId("w1".into()), "王新来");
        let at = DateTime::parse_from_rfc3339("2015-03-16T08:35:00+08:00").unwrap();
        let mut walk_in = Batch::default();
        Store::stage_person(&mut walk_in, &person);
        Store::stage_enrolment(&mut walk_in, "2015-01", &person.id, at, true);
        let request = DeskRequest {
            cohort: "2015-01",
            person: &person.id,
            session: am1,
            at,
        };
        let outcome = store
            .check_in_with(&request, CheckInStatus::Present, None, walk_in)
            .unwrap();
        let refused = Refusal::Closed(Closed::Session(am1));
        assert_eq!(outcome, CheckInOutcome::Refused(refused));
        assert!(store.people().unwrap().is_empty());
        assert!(store.enrolments("2015-01").unwrap().is_empty());
        assert!(store.events("2015-01").unwrap().is_empty());

        assert!(matches!(
            store.close_cohort("2015-01", noon()),
            Ok(CohortChange::Changed(_))
        ));
        let reopen = store.change_session("2015-01", am1, SessionChange::Reopen, noon());
        assert_eq!(reopen.unwrap(), CohortChange::Refused(Closed::Cohort));
        assert!(store.cohort("2015-01").unwrap().unwrap().is_closed(am1));
    }
}
