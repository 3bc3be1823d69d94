//! [`write_atomic`](super::write_atomic) in two steps, for a file whose writing must be
//! recorded: write it under a temporary name, record, then put it in place. Dropped
//! before it is put in place, the temporary file is removed, so a failed record leaves
//! no file behind and a failed write records nothing.

use std::fs;
use std::path::{Path, PathBuf};

/// A whole file written (and synced) beside its target under a private temporary name.
#[derive(Debug)]
pub struct StagedFile {
    temp: PathBuf,
    path: PathBuf,
    dir: PathBuf,
    placed: bool,
}

impl StagedFile {
    /// Writes `bytes` to a temporary file beside `path`; nothing is at `path` yet.
    pub fn write(path: &Path, bytes: &[u8]) -> std::io::Result<StagedFile> {
        let (dir, temp) = super::beside(path, "staged")?;
        let staged = StagedFile {
            temp,
            path: path.to_path_buf(),
            dir,
            placed: false,
        };
        super::write_private(&staged.temp, bytes)?;
        replaceable(path)?;
        Ok(staged)
    }

    /// Writes the file beside `path` through `fill`, which gets the new private file
    /// (for a file too large to hold in memory first), then syncs it. On an error from
    /// `fill` the temporary file is removed and nothing is at `path`.
    pub fn write_with<E: From<std::io::Error>>(
        path: &Path,
        fill: impl FnOnce(&mut fs::File) -> Result<(), E>,
    ) -> Result<StagedFile, E> {
        let (dir, temp) = super::beside(path, "staged")?;
        let mut file = super::create_private(&temp)?;
        let staged = StagedFile {
            temp,
            path: path.to_path_buf(),
            dir,
            placed: false,
        };
        let filled = fill(&mut file).and_then(|()| file.sync_all().map_err(E::from));
        // Closed before the temporary file can be removed (Windows removes no open file).
        drop(file);
        filled?;
        replaceable(path)?;
        Ok(staged)
    }

    /// Renames the file over its target, durably.
    pub fn put_in_place(mut self) -> std::io::Result<()> {
        fs::rename(&self.temp, &self.path)?;
        self.placed = true;
        super::sync_folder(&self.dir)
    }
}

/// Fails if a file at `path` cannot be opened for writing: read-only, or (on Windows)
/// open in Excel. Asked before anything is recorded, so the rename after is unlikely
/// to fail.
fn replaceable(path: &Path) -> std::io::Result<()> {
    match fs::OpenOptions::new().write(true).open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

impl Drop for StagedFile {
    fn drop(&mut self) {
        if !self.placed {
            let _ = fs::remove_file(&self.temp);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn nothing_is_at_the_target_until_it_is_put_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("结业证书.xlsx");
        let staged = StagedFile::write(&path, b"pages").unwrap();
        assert!(!path.exists());
        assert_eq!(entries(dir.path()).len(), 1);
        staged.put_in_place().unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"pages");
        assert_eq!(entries(dir.path()), vec!["结业证书.xlsx".to_string()]);
    }

    #[test]
    fn a_target_that_cannot_be_replaced_fails_before_anything_is_recorded() {
        let dir = tempfile::tempdir().unwrap();
        // A folder where the file should go: no one can open it for writing.
        let path = dir.path().join("c.xlsx");
        fs::create_dir(&path).unwrap();
        assert!(StagedFile::write(&path, b"new").is_err());
        assert_eq!(entries(dir.path()), vec!["c.xlsx".to_string()]);
    }

    #[test]
    fn dropped_before_it_is_put_in_place_it_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.xlsx");
        fs::write(&path, b"old").unwrap();
        drop(StagedFile::write(&path, b"new").unwrap());
        assert_eq!(entries(dir.path()), vec!["c.xlsx".to_string()]);
        assert_eq!(fs::read(&path).unwrap(), b"old");
    }
}
