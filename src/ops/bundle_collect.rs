//! What a bundle of this folder carries ([`Contents`]) for a scope: the records as
//! stored, read once. The bundle file (io::bundle) and the merge (ops::merge) are
//! written elsewhere; this is the one place that decides what a scope includes.

use std::collections::HashSet;

use crate::domain::bundle::{Contents, Scope};
use crate::domain::register::{Change, RegisterEvent};
use crate::domain::{Cohort, PersonId};
use crate::store::{Store, StoreResult};

/// The records of `scope`: its cohorts with their rosters, attendance, teaching log and
/// catalogues; the changes about those cohorts and about the people carried; the people
/// they reference (the whole register for a year or everything); the catalogue, the
/// training bases and the desk names.
pub fn collect(store: &Store, scope: &Scope) -> StoreResult<Contents> {
    let cohorts: Vec<Cohort> = store
        .cohorts()?
        .into_iter()
        .filter(|c| in_scope(c, scope))
        .collect();
    let codes: HashSet<&str> = cohorts.iter().map(|c| c.code.as_str()).collect();
    let mut contents = Contents {
        desks: store.desk_names()?,
        catalogue: store.catalogue()?,
        bases: store.bases()?,
        ..Contents::default()
    };
    for cohort in &cohorts {
        contents.enrolments.extend(store.enrolments(&cohort.code)?);
        contents.events.extend(store.events(&cohort.code)?);
        contents
            .activities
            .extend(store.activity_events(&cohort.code)?);
        if let Some(own) = store.cohort_catalogue(&cohort.code)? {
            contents.cohort_catalogues.insert(cohort.code.clone(), own);
        }
    }
    let changes = store.changes()?;
    let whole_register = !matches!(scope, Scope::Cohort { .. });
    let mut wanted: HashSet<PersonId> = HashSet::new();
    if !whole_register {
        wanted.extend(contents.enrolments.iter().map(|e| e.person.clone()));
        wanted.extend(contents.events.iter().map(|e| e.person.clone()));
        for change in changes.iter().filter(|c| about_cohorts(c, &codes)) {
            wanted.extend(people_named(&change.change));
        }
        // An alias brings its other records along, so the same person stays one: joins
        // are followed until no new record is named (a chain A–B, B–C reaches A from C).
        loop {
            let before = wanted.len();
            for change in &changes {
                if let Change::PersonsJoined { kept, joined, .. } = &change.change
                    && (wanted.contains(kept) || wanted.contains(joined))
                {
                    wanted.insert(kept.clone());
                    wanted.insert(joined.clone());
                }
            }
            if wanted.len() == before {
                break;
            }
        }
    }
    contents.people = store
        .people()?
        .into_iter()
        .filter(|p| whole_register || wanted.contains(&p.id))
        .collect();
    let carried: HashSet<&PersonId> = contents.people.iter().map(|p| &p.id).collect();
    let kept: Vec<RegisterEvent> = changes
        .iter()
        .filter(|c| match c.change.cohort() {
            Some(code) => codes.contains(code),
            None => people_named(&c.change).iter().any(|p| carried.contains(p)),
        })
        .cloned()
        .collect();
    contents.changes = with_their_undos(kept, &changes);
    contents.cohorts = cohorts;
    Ok(contents)
}

fn in_scope(cohort: &Cohort, scope: &Scope) -> bool {
    match scope {
        Scope::All => true,
        Scope::Cohort { code } => &cohort.code == code,
        Scope::Year { year } => chrono::Datelike::year(&cohort.start) == *year,
    }
}

fn about_cohorts(change: &RegisterEvent, codes: &HashSet<&str>) -> bool {
    change.change.cohort().is_some_and(|c| codes.contains(c))
}

/// Every person a change names.
fn people_named(change: &Change) -> Vec<PersonId> {
    match change {
        Change::Substituted {
            replaced,
            replacement,
            ..
        } => vec![replaced.clone(), replacement.clone()],
        Change::PersonsJoined { kept, joined, .. } => vec![kept.clone(), joined.clone()],
        other => other.person().cloned().into_iter().collect(),
    }
}

/// `kept` with every undo (from `all`) of a change in it, in id order.
fn with_their_undos(mut kept: Vec<RegisterEvent>, all: &[RegisterEvent]) -> Vec<RegisterEvent> {
    let ids: HashSet<String> = kept.iter().map(|c| c.id.clone()).collect();
    kept.extend(
        all.iter()
            .filter(|c| match &c.change {
                Change::Undone { target } => ids.contains(target),
                _ => false,
            })
            .cloned(),
    );
    kept.sort_by(|a, b| a.id.cmp(&b.id));
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::register::MatchRule;
    use crate::domain::{Person, PersonId};
    use crate::ops::test_support::{new_cohort, now};
    use crate::store::Batch;

    /// A–B joined first, then B–C; the cohort has only C: a cohort bundle carries all
    /// three records, so the receiving folder reads them as one person that exists.
    #[test]
    fn a_cohort_bundle_carries_every_record_of_a_chain_of_joins() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let cohort = crate::ops::cohort::create(&store, now(), &new_cohort()).unwrap();
        let [a, b, c] = ["01A", "01B", "01C"].map(|id| Person::named(PersonId(id.into()), "张伟"));
        let join = |kept: &Person, joined: &Person| Change::PersonsJoined {
            kept: kept.id.clone(),
            joined: joined.id.clone(),
            rule: MatchRule::Manual,
        };
        let mut batch = Batch::default();
        for p in [&a, &b, &c] {
            Store::stage_person(&mut batch, p);
        }
        Store::stage_enrolment(&mut batch, &cohort.code, &c.id, now(), false);
        for event in store
            .new_changes(now(), "t", [join(&a, &b), join(&b, &c)])
            .unwrap()
        {
            Store::stage_change(&mut batch, &event);
        }
        store.commit(batch).unwrap();
        let scope = Scope::Cohort { code: cohort.code };
        let carried: HashSet<PersonId> = collect(&store, &scope)
            .unwrap()
            .people
            .into_iter()
            .map(|p| p.id)
            .collect();
        assert_eq!(carried, [a.id, b.id, c.id].into_iter().collect());
    }
}
