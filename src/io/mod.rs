//! Files in and out: tabular files read (CSV in UTF-8 or GBK, Excel workbooks) and turned
//! into rosters and timetables by their importers; reports exported as JSON, CSV, Excel
//! and Markdown; backups. Conversions are pure; files are written by [`write_atomic`].

pub mod backup;
pub mod bundle;
pub mod export;
pub mod report;
pub mod roster;
mod staged;
pub mod tabular;
pub mod timetable;

pub use export::attendance_json;
pub use staged::StagedFile;

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes a whole file or nothing: a private temporary file beside the target, fsync,
/// then rename over the target. Readers never see a half-written report.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let (dir, temp) = beside(path, "tmp")?;
    let result = write_private(&temp, bytes)
        .and_then(|()| fs::rename(&temp, path))
        .and_then(|()| sync_folder(&dir));
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

/// The folder `path` is in, and a hidden temporary name in it for this process:
/// `.NAME.TAG-PID`.
fn beside(path: &Path, tag: &str) -> std::io::Result<(PathBuf, PathBuf)> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| std::io::Error::other("not a file name"))?;
    let temp = dir.join(format!(
        ".{}.{tag}-{}",
        name.to_string_lossy(),
        std::process::id()
    ));
    Ok((dir, temp))
}

/// Makes a rename in `dir` durable (on some file systems it is not until the folder is
/// synced): an automatic backup must be on disk before the journal restarts after it.
#[cfg(unix)]
fn sync_folder(dir: &Path) -> std::io::Result<()> {
    fs::File::open(dir)?.sync_all()
}

/// On Windows std cannot open a folder to sync it; NTFS logs the rename itself.
#[cfg(not(unix))]
fn sync_folder(_dir: &Path) -> std::io::Result<()> {
    Ok(())
}

fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = create_private(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// A new file at `path` (never an existing one), private to the user (0600) on Unix.
fn create_private(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}
