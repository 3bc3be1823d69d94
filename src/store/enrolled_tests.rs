//! The stored enrolment counts against a full count of the enrolments tree, after
//! every kind of write: enrolments, re-enrolments, imports in chunks, rolled-back
//! imports, restores, random sequences, and a folder made before the counts.

use std::collections::HashMap;
use std::path::Path;

use chrono::DateTime;

use super::enrolled::MARKER;
use super::{Batch, Store, TreeName};
use crate::domain::{Person, PersonId};

fn when() -> chrono::DateTime<chrono::FixedOffset> {
    DateTime::parse_from_rfc3339("2015-03-16T08:00:00+08:00").unwrap()
}

fn enrol(batch: &mut Batch, code: &str, id: &str) {
    let id = PersonId(id.into());
    Store::stage_person(batch, &Person::named(id.clone(), "张伟"));
    Store::stage_enrolment(batch, code, &id, when(), false);
}

fn enrolled(store: &Store, pairs: &[(&str, &str)]) {
    let mut batch = Batch::default();
    for (code, id) in pairs {
        enrol(&mut batch, code, id);
    }
    store.commit(batch).unwrap();
}

fn counts(pairs: &[(&str, usize)]) -> HashMap<String, usize> {
    pairs.iter().map(|(c, n)| (c.to_string(), *n)).collect()
}

/// The stored counts, checked against a full count first.
fn stored(store: &Store) -> HashMap<String, usize> {
    let kept = store.enrolment_counts().unwrap();
    assert_eq!(kept, store.count_enrolments().unwrap(), "stored vs counted");
    kept
}

fn open(dir: &Path) -> Store {
    Store::open(dir).unwrap()
}

#[test]
fn enrolling_counts_once_per_person_even_when_enrolled_again() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path());
    assert!(store.tree(TreeName::Meta).contains_key(MARKER).unwrap());
    assert_eq!(stored(&store), counts(&[]));
    enrolled(&store, &[("A", "p1"), ("A", "p2"), ("B", "p1")]);
    assert_eq!(stored(&store), counts(&[("A", 2), ("B", 1)]));
    // The same people again, and one of them twice in one batch.
    enrolled(&store, &[("A", "p1"), ("A", "p2"), ("A", "p2")]);
    assert_eq!(stored(&store), counts(&[("A", 2), ("B", 1)]));
    enrolled(&store, &[("B", "p3"), ("B", "p3")]);
    assert_eq!(
        store.enrolment_counts().unwrap(),
        counts(&[("A", 2), ("B", 2)])
    );
    drop(store);
    assert_eq!(stored(&open(dir.path())), counts(&[("A", 2), ("B", 2)]));
}

fn chunk(code: &str, ids: std::ops::Range<usize>) -> Batch {
    let mut batch = Batch::default();
    for i in ids {
        enrol(&mut batch, code, &format!("p{i:05}"));
    }
    batch
}

#[test]
fn an_import_in_chunks_counts_and_a_rolled_back_one_counts_as_before() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path());
    enrolled(&store, &[("A", "p00000"), ("A", "x")]);
    let mut run = store.begin_import(Some("A")).unwrap().unwrap();
    for start in (0..1000).step_by(250) {
        let batch = chunk("A", start..start + 250);
        store.commit_import_chunk(&mut run, batch).unwrap();
    }
    store.finish_import(run).unwrap();
    assert_eq!(stored(&store), counts(&[("A", 1001)]));

    // Overlapping the last import and adding a cohort; abandoned (a failed write).
    let mut run = store.begin_import(None).unwrap().unwrap();
    store
        .commit_import_chunk(&mut run, chunk("A", 900..1300))
        .unwrap();
    store
        .commit_import_chunk(&mut run, chunk("B", 0..50))
        .unwrap();
    assert_eq!(stored(&store), counts(&[("A", 1301), ("B", 50)]));
    store.abandon_import(run).unwrap();
    assert_eq!(stored(&store), counts(&[("A", 1001)]));

    // Left unfinished, as a kill leaves it: rolled back at the next open.
    let mut run = store.begin_import(None).unwrap().unwrap();
    store
        .commit_import_chunk(&mut run, chunk("A", 1000..1100))
        .unwrap();
    store
        .commit_import_chunk(&mut run, chunk("C", 0..7))
        .unwrap();
    drop(run);
    drop(store);
    let store = open(dir.path());
    assert_eq!(stored(&store), counts(&[("A", 1001)]));
}

#[test]
fn a_restore_from_a_backup_and_the_journal_counts_each_enrolment_once() {
    let dir = tempfile::tempdir().unwrap();
    let from = open(&dir.path().join("from"));
    enrolled(&from, &[("A", "p1"), ("A", "p2"), ("B", "p1")]);
    let backup = from.backup("2015-03-16T09:00:00+08:00").unwrap();
    let after = from.commit_seq();
    enrolled(&from, &[("A", "p3"), ("A", "p1"), ("C", "p9")]);
    let mut run = from.begin_import(None).unwrap().unwrap();
    from.commit_import_chunk(&mut run, chunk("B", 0..5))
        .unwrap();
    from.abandon_import(run).unwrap();
    let want = stored(&from);
    assert_eq!(want, counts(&[("A", 3), ("B", 1), ("C", 1)]));
    let journal = super::read_journal(&dir.path().join("from").join(super::JOURNAL_FILE));
    let replay: Vec<_> = journal.unwrap().unwrap().entries;
    let replay: Vec<_> = replay.into_iter().filter(|e| e.seq > after).collect();

    let to = open(&dir.path().join("to"));
    to.restore(&backup, &replay).unwrap();
    assert_eq!(stored(&to), want);
    assert!(to.restore_differences(&backup, &replay).unwrap().is_empty());

    let alone = open(&dir.path().join("alone"));
    alone.restore(&backup, &[]).unwrap();
    assert_eq!(stored(&alone), counts(&[("A", 2), ("B", 1)]));
}

/// Takes the counts and their marker away with a raw sled write, as a folder made
/// before them has it; stale counts are left behind to be replaced.
fn as_an_older_folder(store: &Store) {
    let meta = store.tree(TreeName::Meta);
    for key in meta.scan_prefix("enrolled/").keys() {
        meta.remove(key.unwrap()).unwrap();
    }
    meta.remove(MARKER).unwrap();
    meta.insert("enrolled/Z", 9u64.to_be_bytes().to_vec())
        .unwrap();
    meta.insert("enrolled/A", 1u64.to_be_bytes().to_vec())
        .unwrap();
    store.db.flush().unwrap();
}

#[test]
fn a_folder_made_before_the_counts_gets_them_at_open() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path());
    enrolled(&store, &[("A", "p1"), ("A", "p2"), ("B", "p1")]);
    as_an_older_folder(&store);
    // Without the marker the counts are not trusted: counted the old way.
    assert_eq!(
        store.enrolment_counts().unwrap(),
        counts(&[("A", 2), ("B", 1)])
    );
    drop(store);
    let store = open(dir.path());
    assert!(store.tree(TreeName::Meta).contains_key(MARKER).unwrap());
    assert_eq!(stored(&store), counts(&[("A", 2), ("B", 1)]));
    enrolled(&store, &[("A", "p3")]);
    assert_eq!(stored(&store), counts(&[("A", 3), ("B", 1)]));
}

/// A small deterministic generator (xorshift), so a failure repeats.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

#[test]
fn random_enrolments_imports_and_rollbacks_keep_the_counts_exact() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path());
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let codes = ["A", "B", "C"];
    let pick = |rng: &mut Rng| {
        let code = codes[rng.below(3) as usize];
        (code, format!("p{}", rng.below(40)))
    };
    for _ in 0..60 {
        let mut batch = Batch::default();
        for _ in 0..=rng.below(6) {
            let (code, id) = pick(&mut rng);
            enrol(&mut batch, code, &id);
        }
        if rng.below(3) == 0 {
            let mut run = store.begin_import(None).unwrap().unwrap();
            store.commit_import_chunk(&mut run, batch).unwrap();
            let (code, _) = pick(&mut rng);
            store
                .commit_import_chunk(&mut run, chunk(code, 0..2))
                .unwrap();
            if rng.below(2) == 0 {
                store.abandon_import(run).unwrap();
            } else {
                store.finish_import(run).unwrap();
            }
        } else {
            store.commit(batch).unwrap();
        }
        stored(&store);
    }
    assert!(!store.enrolment_counts().unwrap().is_empty());
}
