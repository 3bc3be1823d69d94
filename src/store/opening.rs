//! Opening sled's files, and the checks that no acknowledged commit went missing
//! since they were last closed: sled's own commit number against `lunxun.seq` and
//! the journal. sled 0.34 reads a damaged log as "empty from here on", silently, so
//! these numbers are how lost records show.

use std::path::Path;

use super::error::{Damage, StoreError, StoreResult};
use super::{journal, seq};

/// Opens sled. Holding the folder lock means no other lunxun uses the folder, but a
/// store closed a moment ago in this process may still be releasing sled's own file
/// lock from a background thread, so a lock failure is retried for up to ten seconds
/// (on a loaded machine sled's threads can take over a second to let go).
pub(super) fn open_sled(dir: &Path, sled_dir: &Path) -> StoreResult<sled::Db> {
    let config = sled::Config::new()
        .path(sled_dir)
        .cache_capacity(64 * 1024 * 1024);
    let mut attempts = 0;
    loop {
        match open_quietly(&config, dir)? {
            Err(sled::Error::Io(e)) if e.to_string().contains("could not acquire lock") => {
                attempts += 1;
                if attempts >= 500 {
                    return Err(StoreError::AlreadyOpen(dir.to_path_buf()));
                }
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Err(sled::Error::Corruption { .. }) => {
                return Err(StoreError::Damaged {
                    dir: dir.to_path_buf(),
                    reason: Damage::Corrupted,
                    untouched: false,
                });
            }
            // A folder lunxun may not read is not damage; anything else sled cannot open
            // ("unsupported", "read corrupted data at offset …") is.
            Err(sled::Error::Io(e)) if e.kind() == std::io::ErrorKind::PermissionDenied => {
                return Err(StoreError::Folder {
                    dir: dir.to_path_buf(),
                    source: e,
                });
            }
            Err(e) => {
                return Err(StoreError::Damaged {
                    dir: dir.to_path_buf(),
                    reason: Damage::CannotOpen(e.to_string()),
                    untouched: false,
                });
            }
            Ok(db) => return Ok(db),
        }
    }
}

/// Compares sled's commit number with the one recorded beside it (see `seq.rs`).
/// A journal entry is written only once sled has made the commit durable, so a journal
/// that knows a later commit than sled means sled lost commits (even with `lunxun.seq`
/// lost too). A journal restarted after a backup holds only what that backup made
/// durable first.
pub(super) fn check_journal(
    dir: &Path,
    held: u64,
    journaled: Option<journal::Tail>,
) -> StoreResult<()> {
    match journaled.map(|t| t.last) {
        Some(last) if last > held => Err(StoreError::Damaged {
            dir: dir.to_path_buf(),
            reason: Damage::BehindJournal {
                held,
                journaled: last,
            },
            untouched: false,
        }),
        _ => Ok(()),
    }
}

/// Whether backups or a journal with commits show that this folder held records, should
/// both sled's log and `lunxun.seq` have been lost.
pub(super) fn io_traces(dir: &Path, journaled: Option<journal::Tail>) -> bool {
    let backups = std::fs::read_dir(dir.join("backups"))
        .map(|mut entries| entries.next().is_some())
        .unwrap_or(false);
    backups || journaled.is_some_and(|t| t.holds_commits())
}

/// sled's last commit number, and the last one confirmed in `lunxun.seq`.
pub(super) fn check_sequence(
    dir: &Path,
    meta: &sled::Tree,
) -> StoreResult<((u64, seq::SeqFile), u64)> {
    let mut file = seq::SeqFile::open(dir)?;
    let confirmed = file.read()?;
    let held = meta.get(seq::SEQ_KEY)?.map_or(0, |b| seq::decode_meta(&b));
    if held < confirmed {
        return Err(StoreError::Damaged {
            dir: dir.to_path_buf(),
            reason: Damage::BehindConfirmed { held, confirmed },
            untouched: false,
        });
    }
    Ok(((held, file), confirmed))
}

/// sled may panic on a damaged file; that becomes a "damaged" error, not a crash.
fn open_quietly(config: &sled::Config, dir: &Path) -> StoreResult<sled::Result<sled::Db>> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| config.open()));
    std::panic::set_hook(previous);
    result.map_err(|_| StoreError::Damaged {
        dir: dir.to_path_buf(),
        reason: Damage::Panicked,
        untouched: false,
    })
}
