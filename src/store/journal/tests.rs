//! The journal read back after appends, torn ends, failed writes and restarts.

use super::rewrite::{RewriteStep, stop_rewrite_at};
use super::*;

fn append(journal: &mut Journal, seq: u64, puts: &[Put]) {
    journal.stage(seq, puts);
    journal.write(false).unwrap();
}

#[test]
fn a_failed_write_leaves_nothing_half_written_and_is_written_next_time() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE);
    let mut journal = Journal::open(dir.path(), 0, read_tail(dir.path())).unwrap();
    append(&mut journal, 1, &puts());
    journal.stage(2, &puts());
    assert!(journal.write(true).is_err());
    let after_failure = read(&path).unwrap().unwrap();
    assert_eq!(after_failure.entries.len(), 1);
    assert_eq!(after_failure.damaged_bytes, 0, "the half entry was cut off");
    append(&mut journal, 3, &puts());
    let seqs: Vec<u64> = read(&path)
        .unwrap()
        .unwrap()
        .entries
        .iter()
        .map(|e| e.seq)
        .collect();
    assert_eq!(seqs, [1, 2, 3], "the failed entry went out first");
}

#[test]
fn a_journal_that_ends_before_the_store_is_behind_until_restarted() {
    let dir = tempfile::tempdir().unwrap();
    let mut journal = Journal::open(dir.path(), 0, read_tail(dir.path())).unwrap();
    append(&mut journal, 1, &puts());
    drop(journal);
    assert!(
        !Journal::open(dir.path(), 1, read_tail(dir.path()))
            .unwrap()
            .is_behind()
    );
    let mut journal = Journal::open(dir.path(), 2, read_tail(dir.path())).unwrap();
    assert!(
        journal.is_behind(),
        "commit 2 is in sled, not in the journal"
    );
    journal.restart(2).unwrap();
    assert!(!journal.is_behind());
    drop(journal);
    assert!(
        !Journal::open(dir.path(), 2, read_tail(dir.path()))
            .unwrap()
            .is_behind()
    );
}

fn puts() -> Vec<Put> {
    vec![
        (TreeName::Events, b"e1".to_vec(), b"{\"x\":1}".to_vec()),
        (TreeName::People, b"p1".to_vec(), vec![0, 1, 2, 255]),
    ]
}

#[test]
fn entries_read_back_and_a_torn_end_is_cut_off() {
    let dir = tempfile::tempdir().unwrap();
    let mut journal = Journal::open(dir.path(), 7, read_tail(dir.path())).unwrap();
    append(&mut journal, 8, &puts());
    append(&mut journal, 9, &puts()[..1]);
    let read_back = read(&dir.path().join(FILE)).unwrap().unwrap();
    assert_eq!(read_back.base, 7);
    assert_eq!(read_back.entries.len(), 2);
    assert_eq!(read_back.entries[0].puts, puts());
    assert_eq!(read_back.damaged_bytes, 0);
    // A torn last entry, then a flipped byte inside the first.
    let path = dir.path().join(FILE);
    let mut bytes = std::fs::read(&path).unwrap();
    bytes.truncate(bytes.len() - 3);
    std::fs::write(&path, &bytes).unwrap();
    let torn = read(&path).unwrap().unwrap();
    assert_eq!(torn.entries.len(), 1);
    assert!(torn.damaged_bytes > 0);
    bytes[HEADER + 12] ^= 1;
    std::fs::write(&path, &bytes).unwrap();
    assert!(read(&path).unwrap().unwrap().entries.is_empty());
}

#[test]
fn a_torn_end_is_cut_off_on_open_so_later_entries_stay_readable() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE);
    let mut journal = Journal::open(dir.path(), 0, read_tail(dir.path())).unwrap();
    append(&mut journal, 1, &puts());
    append(&mut journal, 2, &puts());
    drop(journal);
    let len = std::fs::metadata(&path).unwrap().len();
    let file = OpenOptions::new().write(true).open(&path).unwrap();
    file.set_len(len - 5).unwrap();
    let mut journal = Journal::open(dir.path(), 2, read_tail(dir.path())).unwrap();
    assert!(
        journal.is_behind(),
        "entry 2 was torn off: the journal ends at 1"
    );
    append(&mut journal, 3, &puts());
    let read_back = read(&path).unwrap().unwrap();
    let seqs: Vec<u64> = read_back.entries.iter().map(|e| e.seq).collect();
    assert_eq!(seqs, [1, 3]);
    assert_eq!(read_back.damaged_bytes, 0);
    // A torn entry after good ones: the last good one gives the number.
    append(&mut journal, 4, &puts());
    drop(journal);
    let len = std::fs::metadata(&path).unwrap().len();
    let file = OpenOptions::new().write(true).open(&path).unwrap();
    file.set_len(len - 1).unwrap();
    assert!(
        !Journal::open(dir.path(), 3, read_tail(dir.path()))
            .unwrap()
            .is_behind()
    );
    assert!(
        std::fs::metadata(&path).unwrap().len() < len - 1,
        "the torn entry is cut off"
    );
}

#[test]
fn a_restart_empties_it_and_a_reopen_keeps_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut journal = Journal::open(dir.path(), 0, read_tail(dir.path())).unwrap();
    append(&mut journal, 1, &puts());
    drop(journal);
    let mut journal = Journal::open(dir.path(), 99, read_tail(dir.path())).unwrap();
    let path = dir.path().join(FILE);
    assert_eq!(read(&path).unwrap().unwrap().base, 0, "kept on reopen");
    journal.restart(1).unwrap();
    append(&mut journal, 2, &puts());
    let read_back = read(&path).unwrap().unwrap();
    assert_eq!(read_back.base, 1);
    assert_eq!(read_back.entries.len(), 1);
    assert_eq!(read_back.entries[0].seq, 2);
    std::fs::write(&path, b"not a journal").unwrap();
    assert!(read(&path).unwrap().is_none());
    // Opened again, a file that is not a journal starts over after the store's commits.
    drop(journal);
    Journal::open(dir.path(), 5, read_tail(dir.path())).unwrap();
    let restarted = read(&path).unwrap().unwrap();
    assert_eq!((restarted.base, restarted.entries.len()), (5, 0));
}

#[test]
fn a_damaged_entry_in_the_middle_is_stepped_over_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE);
    let mut journal = Journal::open(dir.path(), 0, read_tail(dir.path())).unwrap();
    append(&mut journal, 1, &puts());
    append(&mut journal, 2, &puts());
    append(&mut journal, 3, &puts());
    let mut bytes = std::fs::read(&path).unwrap();
    let first = read(&path).unwrap().unwrap();
    assert_eq!(first.skipped, Vec::<u64>::new());
    // A byte inside the second entry's payload (each entry here has the same length).
    let entry_len = (bytes.len() - HEADER) / 3;
    bytes[HEADER + entry_len + 20] ^= 0x40;
    std::fs::write(&path, &bytes).unwrap();
    let read_back = read(&path).unwrap().unwrap();
    let seqs: Vec<u64> = read_back.entries.iter().map(|e| e.seq).collect();
    assert_eq!(seqs, [1, 3]);
    assert_eq!(read_back.skipped, [2]);
    assert_eq!(read_back.damaged_bytes, 0);
}

/// The journal's base and its entries' commit numbers, read from the file.
fn on_disk(dir: &Path) -> (u64, Vec<u64>) {
    let read_back = read(&dir.join(FILE)).unwrap().unwrap();
    assert_eq!(read_back.damaged_bytes, 0);
    let seqs = read_back.entries.iter().map(|e| e.seq).collect();
    (read_back.base, seqs)
}

fn journal_of(dir: &Path, through: u64) -> Journal {
    let mut journal = Journal::open(dir, 0, read_tail(dir)).unwrap();
    for seq in 1..=through {
        append(&mut journal, seq, &puts());
    }
    journal
}

#[test]
fn dropping_through_a_backup_keeps_exactly_the_commits_after_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut journal = journal_of(dir.path(), 5);
    journal.drop_through(3).unwrap();
    assert_eq!(on_disk(dir.path()), (3, vec![4, 5]));
    assert_eq!(
        read(&dir.path().join(FILE)).unwrap().unwrap().entries[0].puts,
        puts()
    );
    // Appends go to the new file.
    append(&mut journal, 6, &puts());
    assert_eq!(on_disk(dir.path()), (3, vec![4, 5, 6]));
    // An older backup drops nothing more; a newer one drops all.
    journal.drop_through(2).unwrap();
    assert_eq!(on_disk(dir.path()), (3, vec![4, 5, 6]));
    journal.drop_through(6).unwrap();
    assert_eq!(on_disk(dir.path()), (6, vec![]));
    // An entry queued after a failed write stays queued, and goes out next.
    journal.stage(7, &puts());
    assert!(journal.write(true).is_err());
    journal.drop_through(6).unwrap();
    append(&mut journal, 8, &puts());
    assert_eq!(on_disk(dir.path()), (6, vec![7, 8]));
    drop(journal);
    assert!(!dir.path().join(REWRITE).exists());
    let reopened = Journal::open(dir.path(), 8, read_tail(dir.path())).unwrap();
    assert!(!reopened.is_behind());
}

/// A kill at each step of a rewrite: before it starts, with the new journal written
/// beside the old, and right after the rename. Each leaves the old journal or the new
/// one, whole, and the next open goes on from it.
#[test]
fn a_rewrite_stopped_at_any_step_leaves_the_old_journal_or_the_new_one() {
    for (stop, expected) in [
        (RewriteStep::Written, (0, vec![1, 2, 3, 4, 5])),
        (RewriteStep::Renamed, (3, vec![4, 5])),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let mut journal = journal_of(dir.path(), 5);
        stop_rewrite_at(Some(stop));
        assert!(journal.drop_through(3).is_err());
        stop_rewrite_at(None);
        drop(journal);
        assert_eq!(on_disk(dir.path()), expected, "stopped at {stop:?}");
        let mut journal = Journal::open(dir.path(), 5, read_tail(dir.path())).unwrap();
        assert!(!journal.is_behind(), "stopped at {stop:?}");
        assert!(!dir.path().join(REWRITE).exists(), "stopped at {stop:?}");
        append(&mut journal, 6, &puts());
        let (base, seqs) = on_disk(dir.path());
        assert_eq!(base, expected.0);
        assert_eq!(seqs.last(), Some(&6));
    }
}

/// A rewrite that stopped without a kill (a failed rename, say) leaves the journal
/// usable by the same process: the next write opens it again.
#[test]
fn after_a_stopped_rewrite_the_next_write_goes_to_the_journal() {
    let dir = tempfile::tempdir().unwrap();
    let mut journal = journal_of(dir.path(), 2);
    stop_rewrite_at(Some(RewriteStep::Renamed));
    assert!(journal.drop_through(2).is_err());
    stop_rewrite_at(None);
    append(&mut journal, 3, &puts());
    assert_eq!(on_disk(dir.path()), (2, vec![3]));
}
