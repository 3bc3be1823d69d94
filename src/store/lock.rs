//! One lunxun per data folder: an exclusive lock on `lunxun.lock`, held while the store
//! is open and released by the OS when the process ends, even on a kill.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::Path;

use super::error::StoreError;
use super::folder;

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
        match file.try_lock() {
            Ok(()) => Ok(FolderLock { _file: file }),
            Err(TryLockError::WouldBlock) => Err(StoreError::AlreadyOpen(dir.to_path_buf())),
            Err(TryLockError::Error(source)) => Err(StoreError::Folder {
                dir: dir.to_path_buf(),
                source,
            }),
        }
    }
}
