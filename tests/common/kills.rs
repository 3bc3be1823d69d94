//! What the kill tests share: a replayable generator, the copies an open leaves, and
//! the checks that every acknowledged check-in survived.
#![allow(dead_code)]

use std::path::Path;

use lunxun::domain::{PersonId, Session};
use lunxun::store::Store;

/// How many kills a soak test makes: the number in the variable `var`, else `default`.
pub fn soak(var: &str, default: usize) -> usize {
    std::env::var(var)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// A small deterministic generator, so a failure can be replayed from its seed.
pub struct Lcg(pub u64);

impl Lcg {
    pub fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

/// Copies of sled's folder made before opening (`sled-opening-…`) in `dir`. Look before
/// anything opens the folder again (an open removes stale ones first).
pub fn opening_copies(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("sled-opening-"))
        .collect()
}

/// The store on `dir` after the kills: it opens, passes the integrity check and holds
/// each check-in of `acknowledged` in cohort `code`. Returns it and the number of
/// attendance events it holds; `context` (the seed, …) begins each failure.
pub fn reopened_holding(
    dir: &Path,
    code: &str,
    acknowledged: &[(PersonId, Session)],
    context: &str,
) -> (Store, usize) {
    let store = Store::open(dir).expect("the store opens after every kill");
    let integrity = store
        .check_integrity()
        .expect("the store passes the integrity check");
    for (person, session) in acknowledged {
        let status = store.status(code, person, *session).unwrap();
        assert!(
            status.is_some(),
            "{context}: acknowledged check-in of {person} in {session} lost by sled"
        );
    }
    (store, integrity.events)
}

/// Each check-in of `acknowledged` is among what a restore would give back (see
/// [`kept_for_a_restore`]); `context` begins each failure.
pub fn assert_kept_for_a_restore(dir: &Path, acknowledged: &[(PersonId, Session)], context: &str) {
    let kept = kept_for_a_restore(dir);
    for (person, session) in acknowledged {
        assert!(
            kept.iter()
                .any(|e| e.person == *person && e.session == *session),
            "{context}: acknowledged check-in of {person} in {session} is not in the backup or the journal"
        );
    }
}

/// Attendance events that a restore would give back if sled's files were damaged now:
/// those in the newest automatic backup and those in the journal after it. The journal
/// must read to its end (nothing half-written may stay).
pub fn kept_for_a_restore(dir: &Path) -> Vec<lunxun::domain::AttendanceEvent> {
    use lunxun::store::{JOURNAL_FILE, TreeName, read_journal};
    let mut events = Vec::new();
    let backups = lunxun::io::backup::folder(dir);
    let newest = lunxun::io::backup::backups_in(&backups)
        .unwrap_or_default()
        .pop();
    if let Some(newest) = newest {
        let saved = lunxun::io::backup::read(&newest).unwrap();
        for record in &saved.trees["events"] {
            events.push(serde_json::from_value(record.value.clone()).unwrap());
        }
    }
    let journal = read_journal(&dir.join(JOURNAL_FILE)).unwrap().unwrap();
    assert_eq!(journal.damaged_bytes, 0, "nothing half-written stays");
    for (tree, _, value) in journal.entries.iter().flat_map(|e| &e.puts) {
        if *tree == TreeName::Events {
            events.push(serde_json::from_slice(value).unwrap());
        }
    }
    events
}
