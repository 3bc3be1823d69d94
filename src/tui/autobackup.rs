//! The automatic backup every 30 minutes while the desk runs (besides those at start
//! and on exit), so a database damaged after a crash loses at most that much to the
//! backup alone. Timed by the desk's clock, which tests fix.

use std::path::PathBuf;

use chrono::TimeDelta;

use super::state::{App, Notice, NoticeKind};

/// How often a running desk writes an automatic backup.
pub const BACKUP_EVERY: TimeDelta = TimeDelta::minutes(30);

impl App {
    /// Writes an automatic backup once 30 minutes have passed since the last one (the
    /// one at start, before the desk opened, counts). A clock set back starts the 30
    /// minutes again from now. A failure is shown; the desk carries on.
    pub fn backup_if_due(&mut self) -> Option<PathBuf> {
        let now = self.now();
        if now < self.last_backup {
            self.last_backup = now;
        }
        if now - self.last_backup < BACKUP_EVERY {
            return None;
        }
        self.last_backup = now;
        match crate::io::backup::automatic(&self.store, now) {
            Ok(path) => Some(path),
            Err(e) => {
                self.notice = Some(Notice {
                    kind: NoticeKind::Error,
                    text: e.to_string(),
                });
                None
            }
        }
    }
}
