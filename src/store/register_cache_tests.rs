//! The register cache is used only when made at sled's current people version and
//! whole; anything else is read from sled and the file made anew.

use std::path::Path;

use super::{FILE, read, write};
use crate::domain::Person;
use crate::store::{Batch, Store, TreeName};

fn add(store: &Store, people: &[Person]) {
    let mut batch = Batch::default();
    for person in people {
        Store::stage_person(&mut batch, person);
    }
    store.commit(batch).unwrap();
}

/// A store holding `n` people whose register has been read once (so the file exists).
fn store_with(dir: &Path, n: usize, seed: u64) -> (Store, Vec<Person>) {
    let store = Store::open(dir).unwrap();
    let people = crate::demo::generate_register(n, seed);
    add(&store, &people);
    assert_eq!(store.people().unwrap(), store.people_from_sled().unwrap());
    assert!(dir.join(FILE).exists(), "the first read makes the file");
    (store, people)
}

fn version(store: &Store) -> Vec<u8> {
    store.people_version().unwrap().expect("a version").to_vec()
}

/// A register that is not the store's: seen only if the file is believed.
fn decoy() -> Vec<Person> {
    crate::demo::generate_register(7, 99)
}

#[test]
fn a_file_at_the_current_version_is_what_people_reads() {
    let dir = tempfile::tempdir().unwrap();
    let (store, people) = store_with(dir.path(), 50, 1);
    assert_eq!(
        read(dir.path(), &version(&store)).unwrap().len(),
        people.len()
    );
    write(dir.path(), &version(&store), &decoy()).unwrap();
    assert_eq!(
        store.people().unwrap(),
        decoy(),
        "read from the file, not sled"
    );
}

#[test]
fn a_people_commit_makes_the_file_stale() {
    let dir = tempfile::tempdir().unwrap();
    let (store, people) = store_with(dir.path(), 50, 2);
    let before = version(&store);
    let mut changed = people[10].clone();
    changed.name = "张伟".into();
    add(&store, std::slice::from_ref(&changed));
    assert_ne!(
        version(&store),
        before,
        "a People write stamps a new version"
    );
    let now = store.people().unwrap();
    assert_eq!(now[10].name, "张伟", "the stale file was not used");
    assert_eq!(now, store.people_from_sled().unwrap());
    // ...and the file was made anew at the new version.
    assert_eq!(read(dir.path(), &version(&store)).unwrap(), now);
}

#[test]
fn only_people_writes_change_the_version() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = store_with(dir.path(), 5, 3);
    let before = version(&store);
    let mut batch = Batch::default();
    batch.put(TreeName::Meta, "unrelated", b"x".to_vec());
    store.commit(batch).unwrap();
    assert_eq!(version(&store), before);
}

#[test]
fn a_flipped_byte_anywhere_makes_the_file_unused() {
    let dir = tempfile::tempdir().unwrap();
    let (store, people) = store_with(dir.path(), 20, 4);
    write(dir.path(), &version(&store), &decoy()).unwrap();
    let good = std::fs::read(dir.path().join(FILE)).unwrap();
    for at in [0, 9, 13, 20, good.len() / 2, good.len() - 1] {
        let mut bad = good.clone();
        bad[at] ^= 0x10;
        std::fs::write(dir.path().join(FILE), &bad).unwrap();
        assert_eq!(store.people().unwrap(), people, "byte {at} flipped");
        // Put the decoy back for the next byte (people() rewrote the file from sled).
        std::fs::write(dir.path().join(FILE), &good).unwrap();
    }
}

#[test]
fn a_truncated_or_empty_file_is_not_used() {
    let dir = tempfile::tempdir().unwrap();
    let (store, people) = store_with(dir.path(), 20, 5);
    write(dir.path(), &version(&store), &decoy()).unwrap();
    let good = std::fs::read(dir.path().join(FILE)).unwrap();
    for len in [0, 5, 12, 30, good.len() - 1] {
        std::fs::write(dir.path().join(FILE), &good[..len]).unwrap();
        assert_eq!(store.people().unwrap(), people, "cut to {len} bytes");
    }
}

#[test]
fn another_folders_file_is_not_used() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (_store_a, people_a) = store_with(a.path(), 30, 6);
    let (store_b, people_b) = store_with(b.path(), 30, 7);
    assert_ne!(people_a, people_b);
    std::fs::copy(a.path().join(FILE), b.path().join(FILE)).unwrap();
    assert_eq!(store_b.people().unwrap(), people_b);
}

#[test]
fn a_restore_never_trusts_a_file_made_at_the_backups_version() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (store_a, people) = store_with(a.path(), 30, 8);
    let backup = store_a.backup("2026-11-30T10:00:00+08:00").unwrap();
    let meta = &backup.trees["meta"];
    assert!(
        meta.iter().all(|r| r.key != super::VERSION_KEY),
        "not backed up"
    );
    let restored = Store::open(b.path()).unwrap();
    write(b.path(), &version(&store_a), &decoy()).unwrap();
    restored.restore(&backup, &[]).unwrap();
    assert_ne!(version(&restored), version(&store_a));
    assert_eq!(restored.people().unwrap(), people);
    assert!(
        restored
            .restore_differences(&backup, &[])
            .unwrap()
            .is_empty()
    );
}

#[cfg(unix)]
#[test]
fn the_file_is_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    store_with(dir.path(), 3, 9);
    let mode = std::fs::metadata(dir.path().join(FILE))
        .unwrap()
        .permissions();
    assert_eq!(mode.mode() & 0o777, 0o600);
}

#[test]
fn a_record_that_does_not_decode_spoils_the_whole_file() {
    let dir = tempfile::tempdir().unwrap();
    let (store, people) = store_with(dir.path(), 20, 10);
    let version = version(&store);
    write(dir.path(), &version, &decoy()).unwrap();
    let mut bytes = std::fs::read(dir.path().join(FILE)).unwrap();
    // The first record's version byte, with the CRC made to match again.
    let first = super::HEADER + 1 + version.len() + 8 + 4;
    bytes[first] = 0;
    let crc = crc32fast::hash(&bytes[super::HEADER..]);
    bytes[super::HEADER - 4..super::HEADER].copy_from_slice(&crc.to_le_bytes());
    std::fs::write(dir.path().join(FILE), &bytes).unwrap();
    assert!(read(dir.path(), &version).is_none());
    assert_eq!(store.people().unwrap(), people);
}

#[test]
fn a_register_from_before_people_versions_gets_one_at_the_open() {
    let dir = tempfile::tempdir().unwrap();
    let (store, people) = store_with(dir.path(), 10, 11);
    // As a build without the register cache left it: no version in sled.
    store
        .tree(TreeName::Meta)
        .remove(super::VERSION_KEY)
        .unwrap();
    store.close();
    let store = Store::open(dir.path()).unwrap();
    let version = version(&store);
    assert_eq!(store.people().unwrap(), people);
    assert_eq!(read(dir.path(), &version).unwrap(), people, "made at it");
}

#[test]
fn a_register_of_many_chunks_reads_whole_and_damage_in_a_later_chunk_is_caught() {
    let dir = tempfile::tempdir().unwrap();
    let people = crate::demo::generate_register(45_000, 12);
    write(dir.path(), b"v1", &people).unwrap();
    let len = std::fs::metadata(dir.path().join(FILE)).unwrap().len();
    assert!(len > 1 + super::CHUNK, "spans chunks: {len} bytes");
    assert_eq!(read(dir.path(), b"v1").unwrap(), people);
    let mut bytes = std::fs::read(dir.path().join(FILE)).unwrap();
    let last = bytes.len() - 3;
    bytes[last] ^= 0x01;
    std::fs::write(dir.path().join(FILE), &bytes).unwrap();
    assert!(read(dir.path(), b"v1").is_none());
}
