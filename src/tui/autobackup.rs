//! The automatic backups while the desk runs: the one at start (begun by `main` before
//! the desk opens) and one every 30 minutes, so a database damaged after a crash loses at
//! most that much to the backup alone. Each copies the records under the commit lock and
//! is written in the background (`io::backup::start`): the desk draws, takes keys and
//! checks people in meanwhile. Once written, the journal drops what it holds. Timed by
//! the desk's clock, which tests fix.

use std::path::PathBuf;

use chrono::TimeDelta;

use super::state::{App, BackupShown, Notice, NoticeKind};
use crate::io::backup::BackupError;
use crate::text::{Desk as T, Lang};

/// How often a running desk writes an automatic backup.
pub const BACKUP_EVERY: TimeDelta = TimeDelta::minutes(30);

impl App {
    /// Begins an automatic backup in the background (the one at start, from `main`):
    /// the desk draws and takes keys meanwhile. A failure to begin (the backups folder
    /// cannot be made) is returned; one while writing is shown when it finishes.
    pub fn begin_backup(&mut self) -> Result<(), BackupError> {
        self.begin_backup_held(None)
    }

    /// Test aid: [`App::begin_backup`], the writing held until `hold` says go (see
    /// `io::backup::start_held`).
    #[doc(hidden)]
    pub fn begin_backup_held(
        &mut self,
        hold: Option<std::sync::mpsc::Receiver<()>>,
    ) -> Result<(), BackupError> {
        let now = self.now();
        let writing = crate::io::backup::start_held(&self.store, now, hold)?;
        self.last_backup = now;
        self.writing = Some(writing);
        Ok(())
    }

    /// Begins an automatic backup once 30 minutes have passed since the last one began
    /// (the one at start counts), unless one is still being written; returns whether
    /// one began. A clock set back starts the 30 minutes again from now. A failure is
    /// shown; the desk carries on.
    pub fn backup_if_due(&mut self) -> bool {
        let now = self.now();
        if now < self.last_backup {
            self.last_backup = now;
        }
        if now - self.last_backup < BACKUP_EVERY || self.writing.is_some() {
            return false;
        }
        self.last_backup = now;
        match self.begin_backup() {
            Ok(()) => true,
            Err(e) => {
                self.backup_failed(&e);
                false
            }
        }
    }

    /// Takes in the background backup once it is done (with `wait`, waits for it) and
    /// says so in the status line, or shows its failure. Returns the backup's file if
    /// one finished well; `None` when none finished or it failed.
    pub fn finish_backup(&mut self, wait: bool) -> Option<PathBuf> {
        let writing = self.writing.take_if(|w| wait || w.is_finished())?;
        let at = self.last_backup.format("%H:%M").to_string();
        match writing.finish() {
            Ok(path) => {
                self.backup_written = Some(at);
                Some(path)
            }
            Err(e) => {
                self.backup_failed(&e);
                None
            }
        }
    }

    /// The commit number the background backup copied up to, once copied (waits for
    /// the copy); `None` without one or if the copy failed.
    pub fn backup_copied(&mut self) -> Option<u64> {
        self.writing.as_mut()?.seq()
    }

    /// What the status line says quietly about the automatic backups: one is being
    /// written, or when the last one was.
    pub fn backup_shown(&self) -> Option<BackupShown> {
        if self.writing.is_some() {
            return Some(BackupShown::Writing);
        }
        self.backup_written.clone().map(BackupShown::Written)
    }

    /// Whether a background backup is being made.
    pub fn backup_running(&self) -> bool {
        self.writing.is_some()
    }

    /// On the way out: waits for a backup still being made (never left half-done
    /// unnoticed), then, when the user quit, makes the exit backup unless that one
    /// already holds every commit. Returns the failures, for standard error.
    pub fn backups_on_exit(&mut self, quit: bool) -> Vec<BackupError> {
        let mut failures = Vec::new();
        let mut current = false;
        if let Some(mut writing) = self.writing.take() {
            let seq = writing.seq();
            match writing.finish() {
                Ok(_) => current = seq == Some(self.store.commit_seq()),
                Err(e) => failures.push(e),
            }
        }
        if quit
            && !current
            && let Err(e) = crate::io::backup::automatic(&self.store, self.now())
        {
            failures.push(e);
        }
        failures
    }

    fn backup_failed(&mut self, error: &BackupError) {
        self.backup_written = None;
        self.notice = Some(Notice {
            kind: NoticeKind::Error,
            text: failure(error, self.lang),
        });
    }
}

/// The failure in the desk's language: the system's reason for a file error in words
/// for the usual ones, else its number (the system's own text is English).
pub(super) fn failure(error: &BackupError, lang: Lang) -> String {
    match error {
        BackupError::Store(e) => crate::tr!(lang, T::AutoBackupFailed, reason = e.message(lang)),
        BackupError::File { path, source } => crate::tr!(
            lang,
            T::AutoBackupCannotWrite,
            path = path.display(),
            reason = file_reason(source, lang)
        ),
        other => crate::tr!(lang, T::AutoBackupFailed, reason = other.message(lang)),
    }
}

fn file_reason(error: &std::io::Error, lang: Lang) -> String {
    use std::io::ErrorKind;
    let entry = match error.kind() {
        ErrorKind::PermissionDenied => T::FileDenied,
        ErrorKind::StorageFull => T::FileDiskFull,
        ErrorKind::ReadOnlyFilesystem => T::FileReadOnly,
        _ => {
            let code = error.raw_os_error().unwrap_or(0);
            return crate::tr!(lang, T::FileSystemError, code = code);
        }
    };
    crate::tr!(lang, entry)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::Clock;
    use crate::store::Store;

    /// A backup folder that cannot be made: the desk says so in its own language and
    /// carries on.
    #[test]
    fn a_failed_backup_is_told_in_the_desks_language() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        // A file where the backups folder should be.
        std::fs::write(crate::io::backup::folder(dir.path()), b"").unwrap();
        let start = chrono::DateTime::parse_from_rfc3339("2015-03-16T08:35:00+08:00").unwrap();
        let mut app = App::new(store, Clock::Fixed(start), Lang::Zh).unwrap();
        app.clock = Clock::Fixed(start + BACKUP_EVERY);
        assert!(!app.backup_if_due());
        let notice = app.notice.clone().expect("the failure is shown");
        assert_eq!(notice.kind, NoticeKind::Error);
        assert!(
            notice.text.starts_with("自动备份失败：无法写入 ") && notice.text.ends_with('）'),
            "{}",
            notice.text
        );
        // Nothing English but the path: the system's reason is given by its number.
        let path = crate::io::backup::folder(dir.path());
        let words = notice.text.replace(&path.display().to_string(), "");
        assert!(
            !words.chars().any(|c| c.is_ascii_alphabetic()),
            "{}",
            notice.text
        );
        assert!(!app.quit);
    }
}
