//! What two folders holding the same records agree on, whatever their labels: the
//! merge property tests compare folders by it.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, FixedOffset};

use lunxun::domain::attendance::derive_all;
use lunxun::domain::register::Change;
use lunxun::domain::teaching::ActivityChange;
use lunxun::domain::{PersonId, Session};
use lunxun::store::Store;

/// A cohort's venue, last edit, closed sessions and roster.
type CohortPrint = (
    String,
    Option<DateTime<FixedOffset>>,
    BTreeSet<Session>,
    BTreeSet<PersonId>,
);

/// What two folders holding the same records agree on, whatever their labels.
#[derive(Debug, PartialEq, Eq)]
pub struct Fingerprint {
    pub events: BTreeSet<String>,
    pub activity_events: BTreeSet<String>,
    /// Every change but the aliases a merge writes (their ids are the merging folder's).
    pub changes: BTreeSet<String>,
    pub aliases: BTreeSet<(PersonId, PersonId)>,
    pub people: BTreeSet<PersonId>,
    /// (cohort uid, person, session) → (status, the event that gives it).
    pub attendance: BTreeMap<(String, PersonId, Session), (String, String)>,
    /// cohort uid → (venue, updated_at, closed sessions, enrolments).
    pub cohorts: BTreeMap<String, CohortPrint>,
    /// activity (creation id) → (title, module uids of its latest details).
    pub activities: BTreeMap<String, (String, BTreeSet<String>)>,
}

pub fn fingerprint(store: &Store) -> Fingerprint {
    let changes = store.changes().unwrap();
    let aliases = store.aliases().unwrap();
    let mut print = Fingerprint {
        events: BTreeSet::new(),
        activity_events: BTreeSet::new(),
        changes: changes
            .iter()
            .filter(|c| !matches!(c.change, Change::PersonsJoined { .. }))
            .map(|c| c.id.clone())
            .collect(),
        aliases: store
            .people()
            .unwrap()
            .into_iter()
            .map(|p| (aliases.kept(&p.id).clone(), p.id))
            .filter(|(kept, id)| kept != id)
            .collect(),
        people: store.people().unwrap().into_iter().map(|p| p.id).collect(),
        attendance: BTreeMap::new(),
        cohorts: BTreeMap::new(),
        activities: BTreeMap::new(),
    };
    let catalogue = store.catalogue().unwrap();
    let uid_of = |n: u16| catalogue.get(n).map(|m| m.uid.clone()).unwrap_or_default();
    for cohort in store.cohorts().unwrap() {
        let events = store.events(&cohort.code).unwrap();
        print.events.extend(events.iter().map(|e| e.id.clone()));
        for ((person, session), status) in derive_all(&events) {
            let value = (status.status.code().to_string(), status.event_id);
            print
                .attendance
                .insert((cohort.uid.clone(), person, session), value);
        }
        let enrolled = store
            .enrolments(&cohort.code)
            .unwrap()
            .into_iter()
            .map(|e| e.person);
        print.cohorts.insert(
            cohort.uid.clone(),
            (
                cohort.venue.clone(),
                cohort.updated_at,
                cohort.closed_sessions.iter().copied().collect(),
                enrolled.collect(),
            ),
        );
        let mut by_activity: BTreeMap<u32, Vec<_>> = BTreeMap::new();
        for event in store.activity_events(&cohort.code).unwrap() {
            print.activity_events.insert(event.id.clone());
            by_activity.entry(event.activity).or_default().push(event);
        }
        for (_, mut events) in by_activity {
            events.sort_by(|a, b| a.id.cmp(&b.id));
            let latest = events.iter().rev().find_map(|e| match &e.change {
                ActivityChange::Created { details, .. } | ActivityChange::Edited { details } => {
                    Some(details)
                }
                _ => None,
            });
            let latest = latest.expect("an activity has its details");
            let modules = latest.modules.iter().map(|n| uid_of(*n)).collect();
            print
                .activities
                .insert(events[0].id.clone(), (latest.title.clone(), modules));
        }
    }
    print
}

pub fn all_changes(store: &Store) -> BTreeSet<String> {
    store.changes().unwrap().into_iter().map(|c| c.id).collect()
}
