//! One lunxun per data folder: an exclusive lock on `lunxun.lock`, held while the store
//! is open and released by the OS when the process ends, even on a kill.
//!
//! A lock that is busy is tried again for a moment before the folder is called open
//! elsewhere: a process that starts a child (the workbook reader, or any test harness)
//! shares its open files with the child between fork and exec, so a store closed in
//! that window stays locked until the exec (seen as a rare "already open" under load).

use std::fs::{File, OpenOptions, TryLockError};
use std::path::Path;
use std::time::{Duration, Instant};

use super::error::StoreError;
use super::folder;

/// Far longer than a fork-to-exec window, short enough for "already open" to come fast.
const BUSY_WAIT: Duration = Duration::from_secs(2);

pub struct FolderLock {
    _file: File,
}

impl FolderLock {
    pub fn acquire(dir: &Path) -> Result<FolderLock, StoreError> {
        let path = dir.join("lunxun.lock");
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|source| StoreError::Folder {
                dir: dir.to_path_buf(),
                source,
            })?;
        let _ = folder::restrict(&path, false);
        let deadline = Instant::now() + BUSY_WAIT;
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(FolderLock { _file: file }),
                Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(10));
                }
                Err(TryLockError::WouldBlock) => {
                    return Err(StoreError::AlreadyOpen(dir.to_path_buf()));
                }
                Err(TryLockError::Error(source)) => {
                    return Err(StoreError::Folder {
                        dir: dir.to_path_buf(),
                        source,
                    });
                }
            }
        }
    }
}
