//! 结束: a closed cohort is look-up only, and a closed session's attendance stands as it
//! is (people without a check-in count as absent) until the session is reopened.
//! These rules decide every write to a cohort's records; the store enforces them.

use super::cohort::Cohort;
use super::session::Session;
use crate::text::{Lang, Rules};
use crate::tr;

/// Why a write to a cohort's records is refused. Nothing is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Closed {
    /// The cohort is closed: its records are look-up only.
    Cohort,
    /// The session is closed: its attendance is not changed until it is reopened.
    Session(Session),
}

/// Closing or reopening a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionChange {
    Close,
    Reopen,
}

impl Closed {
    /// Why nothing was written, in `lang`: the one wording of this refusal, which each
    /// front-end may follow with how its user reopens a session.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Closed::Cohort => tr!(lang, Rules::ClosedCohort),
            Closed::Session(s) => {
                let name = tr!(lang, Rules::ClosedSessionName, session = s);
                tr!(lang, Rules::ClosedSession, session = name)
            }
        }
    }
}

impl Cohort {
    /// Any write to the cohort's records: roster, teaching log, sessions.
    pub fn check_writable(&self) -> Result<(), Closed> {
        if self.open {
            Ok(())
        } else {
            Err(Closed::Cohort)
        }
    }

    /// A write to the attendance of `session`: check-in, leave, walk-in or undo.
    pub fn check_attendance(&self, session: Session) -> Result<(), Closed> {
        self.check_writable()?;
        if self.is_closed(session) {
            return Err(Closed::Session(session));
        }
        Ok(())
    }

    /// The cohort with `session` closed or reopened; `None` when it already is (or the
    /// cohort has no such session): nothing to write.
    pub fn with_session(
        &self,
        session: Session,
        change: SessionChange,
    ) -> Result<Option<Cohort>, Closed> {
        self.check_writable()?;
        let closed = self.is_closed(session);
        let wanted = change == SessionChange::Close;
        if closed == wanted || !self.has_session(session) {
            return Ok(None);
        }
        let mut cohort = self.clone();
        match change {
            SessionChange::Close => cohort.closed_sessions.push(session),
            SessionChange::Reopen => cohort.closed_sessions.retain(|s| *s != session),
        }
        Ok(Some(cohort))
    }

    /// The cohort closed; `None` when it already is.
    pub fn closing(&self) -> Option<Cohort> {
        self.open.then(|| Cohort {
            open: false,
            ..self.clone()
        })
    }

    /// The cohort open again (to correct its records); `None` when it is open. Its
    /// closed sessions stay closed: each is reopened on its own.
    pub fn reopening(&self) -> Option<Cohort> {
        (!self.open).then(|| Cohort {
            open: true,
            ..self.clone()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::cohort::tests::cohort;
    use crate::domain::session::SlotKind;

    fn am1() -> Session {
        Session::new(1, SlotKind::Am)
    }

    #[test]
    fn a_closed_session_refuses_its_attendance_only() {
        let closed = cohort()
            .with_session(am1(), SessionChange::Close)
            .unwrap()
            .unwrap();
        assert_eq!(closed.check_attendance(am1()), Err(Closed::Session(am1())));
        assert_eq!(
            closed.check_attendance(Session::new(1, SlotKind::Pm)),
            Ok(())
        );
        assert_eq!(closed.check_writable(), Ok(()));
    }

    #[test]
    fn a_closed_cohort_refuses_every_write_first() {
        let mut c = cohort()
            .with_session(am1(), SessionChange::Close)
            .unwrap()
            .unwrap();
        c = c.closing().unwrap();
        assert_eq!(c.check_writable(), Err(Closed::Cohort));
        assert_eq!(c.check_attendance(am1()), Err(Closed::Cohort));
        assert_eq!(
            c.check_attendance(Session::new(2, SlotKind::Am)),
            Err(Closed::Cohort)
        );
        assert_eq!(
            c.with_session(am1(), SessionChange::Reopen),
            Err(Closed::Cohort)
        );
        assert_eq!(c.closing(), None);
        let reopened = c.reopening().unwrap();
        assert!(reopened.open && reopened.is_closed(am1()));
        assert_eq!(reopened.reopening(), None);
    }

    #[test]
    fn reopening_takes_the_session_back_and_twice_changes_nothing() {
        let c = cohort();
        assert_eq!(c.with_session(am1(), SessionChange::Reopen), Ok(None));
        let closed = c
            .with_session(am1(), SessionChange::Close)
            .unwrap()
            .unwrap();
        assert_eq!(closed.with_session(am1(), SessionChange::Close), Ok(None));
        let reopened = closed
            .with_session(am1(), SessionChange::Reopen)
            .unwrap()
            .unwrap();
        assert_eq!(reopened, c);
        let missing = Session::new(9, SlotKind::Am);
        assert_eq!(c.with_session(missing, SessionChange::Close), Ok(None));
    }
}
