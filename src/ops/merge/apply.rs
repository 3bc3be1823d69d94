//! Writing a merge: every record of the plan staged, and the people found to be one
//! recorded as aliases (`PersonsJoined`, stamped by [`crate::ops::who`]). One durable
//! commit when it fits in a chunk; a larger merge goes in chunks under one import id
//! ([`crate::store::ImportRun`]), rolled back at the next open if it never finished, so
//! it stays all or nothing.

use chrono::{DateTime, FixedOffset};

use crate::domain::merge::Plan;
use crate::domain::register::Change;
use crate::ops::who;
use crate::store::{Batch, Store, StoreResult};

/// Records per commit.
pub const CHUNK_RECORDS: usize = 10_000;

/// Writes `plan` into `store`, all or nothing.
pub(super) fn write(store: &Store, plan: &Plan, now: DateTime<FixedOffset>) -> StoreResult<()> {
    let batches = stage(store, plan, now)?;
    if batches.len() <= 1 {
        return match batches.into_iter().next() {
            Some(batch) => store.commit(batch),
            None => Ok(()),
        };
    }
    let Ok(mut run) = store.begin_import(None)? else {
        unreachable!("an import into no cohort is never refused as closed");
    };
    for batch in batches {
        if let Err(e) = store.commit_import_chunk(&mut run, batch) {
            // Undone now if the store lets us; else at the next open.
            let _ = store.abandon_import(run);
            return Err(e);
        }
    }
    store.finish_import(run)
}

/// Batches of at most [`chunk`] records each.
struct Chunks {
    batches: Vec<Batch>,
    limit: usize,
}

impl Chunks {
    fn next(&mut self) -> &mut Batch {
        if self.batches.last().is_none_or(|b| b.len() >= self.limit) {
            self.batches.push(Batch::default());
        }
        self.batches.last_mut().expect("pushed above")
    }
}

fn stage(store: &Store, plan: &Plan, now: DateTime<FixedOffset>) -> StoreResult<Vec<Batch>> {
    let mut chunks = Chunks {
        batches: Vec::new(),
        limit: chunk(),
    };
    for cohort in &plan.cohorts {
        Store::stage_cohort(chunks.next(), cohort);
    }
    if !plan.modules.is_empty() {
        // The whole catalogue: one never changed here is the built-in five, not stored
        // yet, and would read as the new modules alone.
        let mut catalogue = store.catalogue()?;
        catalogue.modules.extend(plan.modules.iter().cloned());
        catalogue.modules.sort_by_key(|m| m.number);
        Store::stage_catalogue(chunks.next(), &catalogue);
    }
    for (code, catalogue) in &plan.cohort_catalogues {
        Store::stage_cohort_catalogue(chunks.next(), code, catalogue);
    }
    for base in &plan.bases {
        Store::stage_base(chunks.next(), base);
    }
    for person in plan.new_people.iter().chain(&plan.updated_people) {
        Store::stage_person(chunks.next(), person);
    }
    for e in &plan.enrolments {
        Store::stage_enrolment(
            chunks.next(),
            &e.cohort,
            &e.person,
            e.enrolled_at,
            e.walk_in,
        );
    }
    for (code, person) in &plan.enrolment_removals {
        Store::stage_enrolment_removal(chunks.next(), code, person);
    }
    for event in &plan.events {
        Store::stage_event(chunks.next(), event);
    }
    for event in &plan.activity_events {
        Store::stage_activity_event(chunks.next(), event);
    }
    for change in &plan.changes {
        Store::stage_change(chunks.next(), change);
    }
    let joins = plan.joinings.iter().map(|j| Change::PersonsJoined {
        kept: j.kept.clone(),
        joined: j.joined.clone(),
        rule: j.rule,
    });
    for change in store.new_changes(now, &who(store), joins)? {
        Store::stage_change(chunks.next(), &change);
    }
    for (desk, name) in &plan.desks {
        Store::stage_desk_name(chunks.next(), desk, name);
    }
    Ok(chunks.batches)
}

/// [`CHUNK_RECORDS`]; debug builds (the kill tests) take `LUNXUN_MERGE_CHUNK` instead.
fn chunk() -> usize {
    let set = || std::env::var("LUNXUN_MERGE_CHUNK").ok()?.parse().ok();
    match cfg!(debug_assertions).then(set).flatten() {
        Some(records) if records > 0 => records,
        _ => CHUNK_RECORDS,
    }
}
