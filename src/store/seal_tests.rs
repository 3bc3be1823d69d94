//! The journal's tail sealed at a clean close: trusted at the next open only while the
//! journal and sled's files are exactly as that close left them.

use std::fs::OpenOptions;
use std::io::{Seek, SeekFrom, Write};
use std::path::Path;

use super::journal::{self, FILE};
use super::{Batch, Store, TreeName, preserve};

/// A store closed cleanly after `commits` commits, the last one of `last_size` bytes.
fn closed_store(dir: &Path, commits: usize, last_size: usize) {
    let store = Store::open(dir).unwrap();
    for i in 0..commits {
        let mut batch = Batch::default();
        let size = if i + 1 == commits { last_size } else { 10 };
        batch.put(TreeName::Meta, format!("k{i}"), vec![b'x'; size]);
        store.commit(batch).unwrap();
    }
    store.close();
}

fn journal_len(dir: &Path) -> u64 {
    std::fs::metadata(dir.join(FILE)).unwrap().len()
}

/// Overwrites bytes of the journal in place, then puts its modification time back: what
/// only a deliberate edit would do, so the seal cannot tell.
fn overwrite_unseen(dir: &Path, at: SeekFrom, bytes: &[u8]) {
    let path = dir.join(FILE);
    let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
    let mut file = OpenOptions::new().write(true).open(&path).unwrap();
    file.seek(at).unwrap();
    file.write_all(bytes).unwrap();
    file.set_modified(modified).unwrap();
}

fn sealed_tail(dir: &Path) -> Option<journal::Tail> {
    preserve::sealed_tail(dir, &dir.join("sled"))
}

#[test]
fn a_clean_close_seals_the_journals_tail_as_read() {
    let dir = tempfile::tempdir().unwrap();
    closed_store(dir.path(), 5, 100_000);
    let sealed = sealed_tail(dir.path()).expect("the seal records the tail");
    let read = journal::read_tail(dir.path()).unwrap();
    assert_eq!((sealed.end, sealed.last), (read.end, read.last));
    assert_eq!(sealed.end, journal_len(dir.path()));
}

#[test]
fn the_open_after_a_clean_close_does_not_read_the_journals_last_entry() {
    let dir = tempfile::tempdir().unwrap();
    closed_store(dir.path(), 3, 100_000);
    let len = journal_len(dir.path());
    // Damage read back would cut the last entry off (as a torn write is); the sealed
    // tail is taken instead, so the journal keeps its length.
    overwrite_unseen(dir.path(), SeekFrom::End(-1), b"?");
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(journal_len(dir.path()), len);
    assert!(!store.journal_is_behind());
    store.close();
}

#[test]
fn a_close_after_reading_only_seals_the_tail_seen_at_the_open() {
    let dir = tempfile::tempdir().unwrap();
    closed_store(dir.path(), 3, 100_000);
    let before = sealed_tail(dir.path()).unwrap();
    let store = Store::open(dir.path()).unwrap();
    assert!(store.meta_get("k0").unwrap().is_some());
    // Read back at the close, the damaged last entry would not count.
    overwrite_unseen(dir.path(), SeekFrom::End(-1), b"?");
    store.close();
    let after = sealed_tail(dir.path()).expect("sealed again");
    assert_eq!((after.end, after.last), (before.end, before.last));
}

#[test]
fn a_close_after_writing_seals_the_new_tail() {
    let dir = tempfile::tempdir().unwrap();
    closed_store(dir.path(), 3, 100);
    let store = Store::open(dir.path()).unwrap();
    let mut batch = Batch::default();
    batch.put(TreeName::Meta, "more", b"y".to_vec());
    store.commit(batch).unwrap();
    let seq = store.commit_seq();
    store.close();
    let sealed = sealed_tail(dir.path()).unwrap();
    assert_eq!((sealed.end, sealed.last), (journal_len(dir.path()), seq));
}

#[test]
fn bytes_added_to_the_journal_after_the_close_are_read_and_cut_off() {
    let dir = tempfile::tempdir().unwrap();
    closed_store(dir.path(), 3, 100);
    let len = journal_len(dir.path());
    let mut file = OpenOptions::new()
        .append(true)
        .open(dir.path().join(FILE))
        .unwrap();
    file.write_all(&[0, 0, 0, 40, 1, 2]).unwrap();
    drop(file);
    assert!(sealed_tail(dir.path()).is_none());
    Store::open(dir.path()).unwrap().close();
    assert_eq!(journal_len(dir.path()), len);
}

#[test]
fn a_journal_header_rewritten_at_the_same_length_is_not_taken_as_sealed() {
    let dir = tempfile::tempdir().unwrap();
    closed_store(dir.path(), 3, 100);
    assert!(sealed_tail(dir.path()).is_some());
    overwrite_unseen(dir.path(), SeekFrom::Start(15), &[9]);
    assert!(sealed_tail(dir.path()).is_none());
}

#[test]
fn sleds_files_changed_after_the_close_void_the_sealed_tail() {
    let dir = tempfile::tempdir().unwrap();
    closed_store(dir.path(), 3, 100);
    let conf = dir.path().join("sled").join("conf");
    let mut file = OpenOptions::new().append(true).open(&conf).unwrap();
    file.write_all(b"\n").unwrap();
    drop(file);
    assert!(sealed_tail(dir.path()).is_none());
}

/// The sealed tail is the journal's as the close leaves it: after a backup dropped its
/// commits (the journal rewritten, now its header alone), and after the open rolled back
/// an unfinished import (commits the open itself made).
#[test]
fn a_close_after_a_rewrite_or_a_rollback_at_open_seals_the_journal_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    closed_store(dir.path(), 3, 100);
    let store = Store::open(dir.path()).unwrap();
    let seq = store.commit_seq();
    store.drop_journal_through(seq).unwrap();
    store.close();
    let sealed = sealed_tail(dir.path()).expect("sealed");
    assert_eq!((sealed.end, sealed.last), (journal_len(dir.path()), seq));
    assert_eq!(sealed.end, 16, "the header alone");

    let store = Store::open(dir.path()).unwrap();
    let mut run = store.begin_import(None).unwrap().unwrap();
    let mut batch = Batch::default();
    batch.put(TreeName::Meta, "imported", b"z".to_vec());
    store.commit_import_chunk(&mut run, batch).unwrap();
    store.close();
    assert!(
        sealed_tail(dir.path()).is_some(),
        "closed with the import unfinished"
    );
    let store = Store::open(dir.path()).unwrap();
    assert!(store.meta_get("imported").unwrap().is_none(), "rolled back");
    let seq = store.commit_seq();
    store.close();
    let sealed = sealed_tail(dir.path()).expect("sealed");
    assert_eq!((sealed.end, sealed.last), (journal_len(dir.path()), seq));
}
