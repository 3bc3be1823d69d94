//! The open cohort as the desk sees it: roster, register, search indexes and every
//! person's derived status. Loaded from the store by `update` code only; screens read it.

use std::collections::{HashMap, HashSet};

use crate::domain::attendance::{derive_all, derive_status};
use crate::domain::credit::{CohortCredit, CreditInput, cohort_credit};
use crate::domain::register::RegisterFacts;
use crate::domain::{
    AttendanceEvent, AttendanceStatus, CheckInStatus, Cohort, Person, PersonId, Session,
    TeachingActivity,
};
use crate::search::SearchIndex;
use crate::store::{Store, StoreResult};

/// Which people the search box looks through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchScope {
    Roster,
    Register,
}

/// People plus their search index, kept side by side (hits index into `people`).
pub struct Indexed {
    pub people: Vec<Person>,
    pub index: SearchIndex,
}

impl Indexed {
    pub fn new(people: Vec<Person>) -> Indexed {
        let index = SearchIndex::build(&people);
        Indexed { people, index }
    }
}

pub struct Desk {
    pub cohort: Cohort,
    pub session: Session,
    pub roster: Indexed,
    /// The whole register, built the first time the search is widened.
    pub register: Option<Indexed>,
    pub enrolled: HashSet<PersonId>,
    events: Vec<AttendanceEvent>,
    pub statuses: HashMap<(PersonId, Session), AttendanceStatus>,
    /// Each session's counts, kept with the statuses they come from: the sessions grid
    /// and the dashboard draw them every frame.
    counts: HashMap<Session, SessionCounts>,
    /// Check-ins made at this desk since it opened, newest last: what the undo key reverts.
    pub undo_stack: Vec<(PersonId, Session)>,
    /// The cohort's teaching activities and the register's standing changes: with the
    /// roster and the events, what the credit is computed from.
    activities: Vec<TeachingActivity>,
    pub facts: RegisterFacts,
    /// Every session's 学时 and every person's credit and standing, computed again
    /// after each change the desk makes (never while drawing): the header, the lookup and
    /// the sessions grid read it.
    pub credit: CohortCredit,
}

/// Counts shown in the header for one session.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SessionCounts {
    pub present: usize,
    pub late: usize,
    pub leave: usize,
    pub enrolled: usize,
}

impl SessionCounts {
    pub fn arrived(&self) -> usize {
        self.present + self.late
    }

    pub fn not_yet(&self) -> usize {
        self.enrolled
            .saturating_sub(self.present + self.late + self.leave)
    }
}

impl Desk {
    pub fn load(store: &Store, cohort: Cohort, session: Session) -> StoreResult<Desk> {
        let roster = store.roster(&cohort.code)?;
        let enrolled = roster.iter().map(|p| p.id.clone()).collect();
        let events = store.events_as_one(&cohort.code)?;
        let statuses = derive_all(&events);
        let activities = store.activities(&cohort.code)?;
        let facts = store.register_facts()?;
        let credit = compute_credit(&cohort, &roster, &events, &activities, &facts);
        let mut desk = Desk {
            cohort,
            session,
            roster: Indexed::new(roster),
            register: None,
            enrolled,
            events,
            statuses,
            counts: HashMap::new(),
            undo_stack: Vec::new(),
            activities,
            facts,
            credit,
        };
        desk.tally();
        Ok(desk)
    }

    pub fn people(&self, scope: SearchScope) -> &Indexed {
        match (scope, &self.register) {
            (SearchScope::Register, Some(register)) => register,
            _ => &self.roster,
        }
    }

    /// Loads and indexes the register if not yet done.
    pub fn ensure_register(&mut self, store: &Store) -> StoreResult<()> {
        if self.register.is_none() {
            self.register = Some(Indexed::new(store.people_as_one()?));
        }
        Ok(())
    }

    /// Someone on the roster, or in the register when it is loaded.
    pub fn person(&self, id: &PersonId) -> Option<&Person> {
        fn find<'p>(people: &'p [Person], id: &PersonId) -> Option<&'p Person> {
            people.iter().find(|p| &p.id == id)
        }
        let register = self.register.as_ref();
        find(&self.roster.people, id).or_else(|| register.and_then(|r| find(&r.people, id)))
    }

    pub fn status(&self, person: &PersonId, session: Session) -> Option<&AttendanceStatus> {
        self.statuses.get(&(person.clone(), session))
    }

    /// Makes `session` the one the desk works on. Undo reverts check-ins of the session
    /// in hand only, so the stack starts again.
    pub fn switch_to(&mut self, session: Session) {
        self.session = session;
        self.undo_stack.clear();
    }

    /// Takes note of an event the store has made durable: only its person's status in
    /// its session can change, so only that one is derived again.
    pub fn record(&mut self, event: AttendanceEvent) {
        self.note(event);
        self.changed();
    }

    /// A walk-in's check-in: the person enrolled at the desk and their event, worked
    /// out again once.
    pub fn record_walk_in(&mut self, person: Person, event: AttendanceEvent) {
        self.add_person(person);
        self.note(event);
        self.changed();
    }

    fn note(&mut self, event: AttendanceEvent) {
        let key = (event.person.clone(), event.session);
        self.events.push(event);
        let theirs = self
            .events
            .iter()
            .filter(|e| e.person == key.0 && e.session == key.1);
        match derive_status(theirs) {
            Some(status) => self.statuses.insert(key, status),
            None => self.statuses.remove(&key),
        };
    }

    /// Reads the cohort's events again: after a refusal says a check-in stands that the
    /// desk never heard of (its commit failed after sled took it), the rows must agree.
    pub fn reload_events(&mut self, store: &Store) -> StoreResult<()> {
        self.events = store.events_as_one(&self.cohort.code)?;
        self.statuses = derive_all(&self.events);
        self.changed();
        Ok(())
    }

    /// Adds a person enrolled at the desk (walk-in) to the roster and its index, and to
    /// the register's when it is loaded and they are new to it.
    fn add_person(&mut self, person: Person) {
        if let Some(register) = self.register.as_mut()
            && !register.people.iter().any(|p| p.id == person.id)
        {
            let mut people = std::mem::take(&mut register.people);
            people.push(person.clone());
            *register = Indexed::new(people);
        }
        self.enrolled.insert(person.id.clone());
        let mut people = std::mem::take(&mut self.roster.people);
        people.push(person);
        self.roster = Indexed::new(people);
    }

    /// Takes the cohort as the store now holds it (a session or the cohort closed or
    /// reopened): closing a session turns its missing check-ins into absences.
    pub fn set_cohort(&mut self, cohort: Cohort) {
        self.cohort = cohort;
        self.credit_again();
    }

    /// Takes the cohort's teaching activities as the store now holds them: a session's
    /// 学时 come from its held activities. Entering the teaching screen reads them too:
    /// unchanged, the credit stands.
    pub fn set_activities(&mut self, activities: &[TeachingActivity]) {
        if self.activities == activities {
            return;
        }
        self.activities = activities.to_vec();
        self.credit_again();
    }

    pub fn counts(&self, session: Session) -> SessionCounts {
        let none = SessionCounts {
            enrolled: self.enrolled.len(),
            ..SessionCounts::default()
        };
        self.counts.get(&session).copied().unwrap_or(none)
    }

    /// What follows from the events and the roster, worked out again once per change.
    fn changed(&mut self) {
        self.tally();
        self.credit_again();
    }

    fn credit_again(&mut self) {
        self.credit = compute_credit(
            &self.cohort,
            &self.roster.people,
            &self.events,
            &self.activities,
            &self.facts,
        );
    }

    /// Counts every session's statuses of the people enrolled, once per change.
    fn tally(&mut self) {
        let mut counts: HashMap<Session, SessionCounts> = HashMap::new();
        for ((id, session), status) in &self.statuses {
            if !self.enrolled.contains(id) {
                continue;
            }
            let c = counts.entry(*session).or_insert(SessionCounts {
                enrolled: self.enrolled.len(),
                ..SessionCounts::default()
            });
            match status.status {
                CheckInStatus::Present => c.present += 1,
                CheckInStatus::Late => c.late += 1,
                CheckInStatus::Leave => c.leave += 1,
            }
        }
        self.counts = counts;
    }
}

/// The cohort's credit from what the desk holds (the same inputs `ops::credit` loads).
fn compute_credit(
    cohort: &Cohort,
    roster: &[Person],
    events: &[AttendanceEvent],
    activities: &[TeachingActivity],
    facts: &RegisterFacts,
) -> CohortCredit {
    let roster: Vec<PersonId> = roster.iter().map(|p| p.id.clone()).collect();
    cohort_credit(CreditInput {
        cohort,
        roster: &roster,
        events,
        activities,
        facts,
    })
}
