//! 合并数据包: `lunxun bundle merge` and the desk's merge. Reads what this folder holds
//! of the bundle's cohorts, plans the merge ([`crate::domain::merge`]: labels translated
//! through global ids, records united by id), records every match of a person as an
//! alias, and writes it all or nothing after an automatic backup. A second merge of the
//! same bundle plans nothing and writes nothing (no backup either). `dry_run` reports
//! the same without writing.

mod apply;
mod report;
mod report_text;
#[cfg(test)]
mod tests;

use std::collections::HashSet;

use chrono::{DateTime, FixedOffset};

use crate::domain::bundle::Contents;
use crate::domain::merge::{Local, Plan, double_arrivals, plan, skews};
use crate::io::backup::{self, BackupError};
use crate::io::bundle::Bundle;
use crate::store::{Store, StoreError, StoreResult};
use crate::text::Lang;

pub use report::{CameIn, FromDesk, Joined, MergeReport, Near};

/// How to merge.
#[derive(Debug, Clone, Copy)]
pub struct MergeOptions {
    /// Report what would come in; write nothing, make no backup.
    pub dry_run: bool,
    pub now: DateTime<FixedOffset>,
}

/// Why a merge wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("{0}")]
    Backup(#[from] BackupError),
}

impl MergeError {
    /// What a person is told, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            MergeError::Store(e) => e.message(lang),
            MergeError::Backup(e) => e.message(lang),
        }
    }
}

/// Merges `bundle` into `store`.
pub fn merge(
    store: &Store,
    bundle: &Bundle,
    options: &MergeOptions,
) -> Result<MergeReport, MergeError> {
    let header = &bundle.header;
    let from = FromDesk {
        desk: header.desk.clone(),
        name: (!header.desk_name.is_empty() && header.desk_name != header.desk)
            .then(|| header.desk_name.clone()),
    };
    merge_contents(store, &from, &bundle.contents, options)
}

/// The desk that sent the bundle is the one that knows its own name: a rename there
/// (`lunxun desk name`) reaches every folder it sends to, so all agree on its label.
fn take_its_own_name(store: &Store, from: &FromDesk, local: &Local, plan: &mut Plan) {
    let Some(name) = &from.name else { return };
    if from.desk == store.desk() || local.desks.get(&from.desk) == Some(name) {
        return;
    }
    plan.desks.retain(|(desk, _)| *desk != from.desk);
    plan.desks.push((from.desk.clone(), name.clone()));
}

/// Merges `contents`, sent by desk `from`, into `store`.
pub fn merge_contents(
    store: &Store,
    from: &FromDesk,
    contents: &Contents,
    options: &MergeOptions,
) -> Result<MergeReport, MergeError> {
    let local = load(store, contents)?;
    let mut plan = plan(&local, contents);
    take_its_own_name(store, from, &local, &mut plan);
    let mut report = MergeReport::new(from, &local, &plan, options.dry_run);
    let here: Vec<_> = local.events.values().flatten().cloned().collect();
    report.double_arrivals = double_arrivals(&here, &plan.events);
    if !plan.events.is_empty() {
        // Named only when a desk of the bundle's new events is one of the pair.
        let incoming: HashSet<&str> = plan.events.iter().map(|e| e.desk.as_str()).collect();
        let mut all = here;
        all.extend(plan.events.iter().cloned());
        report.clocks = skews(&all)
            .into_iter()
            .filter(|s| incoming.contains(s.ahead.as_str()) || incoming.contains(s.behind.as_str()))
            .collect();
    }
    if options.dry_run || plan.is_empty() {
        return Ok(report);
    }
    let path = backup::automatic(store, options.now)?;
    report.backup = Some(path);
    apply::write(store, &plan, options.now)?;
    report.written = true;
    Ok(report)
}

/// What this folder holds that the merge of `incoming` reads: the register, the
/// catalogue, the bases, the desk names, and the records of the cohorts it shares with
/// the bundle.
fn load(store: &Store, incoming: &Contents) -> StoreResult<Local> {
    let uids: HashSet<&str> = incoming
        .cohorts
        .iter()
        .map(|c| c.uid.as_str())
        .filter(|u| !u.is_empty())
        .collect();
    let mut local = Local {
        cohorts: store.cohorts()?,
        catalogue: store.catalogue()?,
        changes: store.changes()?,
        people: store.people()?,
        bases: store.bases()?,
        desks: store.desk_names()?,
        ..Local::default()
    };
    for cohort in local
        .cohorts
        .iter()
        .filter(|c| uids.contains(c.uid.as_str()))
    {
        let code = &cohort.code;
        local.events.insert(code.clone(), store.events(code)?);
        local
            .activities
            .insert(code.clone(), store.activity_events(code)?);
        for e in store.enrolments(code)? {
            local.enrolments.insert((code.clone(), e.person.clone()), e);
        }
        if let Some(copy) = store.cohort_catalogue(code)? {
            local.cohort_catalogues.insert(code.clone(), copy);
        }
    }
    Ok(local)
}
