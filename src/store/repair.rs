//! sled 0.34 can leave a snapshot it cannot read after a process is killed (its issues
//! 1527/1533), and then refuses to open although its log holds every record. Snapshots
//! are only a shortcut over the log, so the repair moves them aside (kept, not deleted)
//! and lets sled rebuild from the log. The result is accepted only if the commit number
//! check that follows in `Store::open` finds nothing acknowledged missing.

use std::fs;
use std::path::{Path, PathBuf};

use super::opening::open_sled;
use super::{StoreError, StoreResult};

pub fn has_snapshots(sled_dir: &Path) -> bool {
    !snapshots(sled_dir).is_empty()
}

fn snapshots(sled_dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(sled_dir) else {
        return Vec::new();
    };
    entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("snap."))
        })
        .collect()
}

/// Where the snapshots go: `<data folder>/sled-snapshots-<ulid>/` (kept), or, for a copy
/// opened only to be checked, beside the copy (removed with it).
pub fn aside_folder(dir: &Path, sled_dir: &Path, checking_a_copy: bool) -> PathBuf {
    if checking_a_copy {
        PathBuf::from(format!("{}-snapshots", sled_dir.display()))
    } else {
        dir.join(format!("sled-snapshots-{}", ulid::Ulid::generate()))
    }
}

/// Moves the snapshots into `aside` and opens again.
pub fn open_without_snapshots(dir: &Path, sled_dir: &Path, aside: &Path) -> StoreResult<sled::Db> {
    move_snapshots(sled_dir, aside)?;
    open_sled(dir, sled_dir)
}

/// The live folder, after its copy needed the same repair and passed every check.
pub fn set_snapshots_aside(dir: &Path, sled_dir: &Path) -> StoreResult<()> {
    move_snapshots(sled_dir, &aside_folder(dir, sled_dir, false))
}

fn move_snapshots(sled_dir: &Path, aside: &Path) -> StoreResult<()> {
    let wrap = |source| StoreError::Folder {
        dir: aside.to_path_buf(),
        source,
    };
    fs::create_dir(aside).map_err(wrap)?;
    super::folder::restrict(aside, true).map_err(wrap)?;
    for snapshot in snapshots(sled_dir) {
        let name = snapshot
            .file_name()
            .map(|n| aside.join(n))
            .unwrap_or_else(|| aside.join("snap"));
        fs::rename(&snapshot, name).map_err(wrap)?;
    }
    Ok(())
}
