//! The automatic backups while the desk runs: the one at start (begun by `main` before
//! the desk opens) and one every 30 minutes, so a database damaged after a crash loses at
//! most that much to the backup alone. Each copies the records under the commit lock and
//! is written in the background (`io::backup::start`): the desk draws, takes keys and
//! checks people in meanwhile. Once written, the journal drops what it holds. Timed by
//! the desk's clock, which tests fix.

use std::path::PathBuf;

use chrono::TimeDelta;

use super::state::{App, BackupShown, Notice, NoticeKind};
use crate::io::backup::{BackupError, Writing};
use crate::text::{Desk as T, Lang};

/// How often a running desk writes an automatic backup.
pub const BACKUP_EVERY: TimeDelta = TimeDelta::minutes(30);

impl App {
    /// Takes over a backup begun before the desk opened (the one at start).
    pub fn backup_begun(&mut self, writing: Writing) {
        self.writing = Some(writing);
        self.backup_shown = Some(BackupShown::Writing);
    }

    /// Begins an automatic backup once 30 minutes have passed since the last one began
    /// (the one at start counts), unless one is still being written; returns where it
    /// is being written. A clock set back starts the 30 minutes again from now. A
    /// failure is shown; the desk carries on.
    pub fn backup_if_due(&mut self) -> Option<PathBuf> {
        let now = self.now();
        if now < self.last_backup {
            self.last_backup = now;
        }
        if now - self.last_backup < BACKUP_EVERY || self.writing.is_some() {
            return None;
        }
        self.last_backup = now;
        match crate::io::backup::start(&self.store, now) {
            Ok(writing) => {
                let path = writing.path().to_path_buf();
                self.backup_begun(writing);
                Some(path)
            }
            Err(e) => {
                self.backup_failed(&e);
                None
            }
        }
    }

    /// Finishes the backup being written once its file is (with `wait`, waits for it):
    /// the journal drops what it holds, and the status line says so, or shows the
    /// failure. Returns whether one finished (the screen changes).
    pub fn finish_backup(&mut self, wait: bool) -> bool {
        let Some(writing) = self.writing.take_if(|w| wait || w.is_finished()) else {
            return false;
        };
        let at = self.last_backup.format("%H:%M").to_string();
        match writing.finish(&self.store) {
            Ok(_) => self.backup_shown = Some(BackupShown::Written(at)),
            Err(e) => self.backup_failed(&e),
        }
        true
    }

    /// On the way out: waits for a backup still being written (never left half-done
    /// unnoticed), then, when the user quit, makes the exit backup unless that one
    /// already holds every commit. Returns the failures, for standard error.
    pub(super) fn backups_on_exit(&mut self, quit: bool) -> Vec<BackupError> {
        let mut failures = Vec::new();
        let mut current = false;
        if let Some(writing) = self.writing.take() {
            let seq = writing.seq();
            match writing.finish(&self.store) {
                Ok(_) => current = seq == self.store.commit_seq(),
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
        self.backup_shown = None;
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
        assert_eq!(app.backup_if_due(), None);
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
