//! The status line under the screen: what just happened, and the words for it.

use crate::domain::Session;
use crate::store::StoreError;
use crate::text::Desk as T;

use super::App;

/// The status line under the screen: what just happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub kind: NoticeKind,
    pub text: String,
}

/// Said quietly at the right of the status line: an automatic backup is being written,
/// or when the last one was (a failure is a [`Notice`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackupShown {
    Writing,
    /// Written; the desk's time it was begun, `HH:MM`.
    Written(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    Done,
    Info,
    Error,
}

impl App {
    pub(crate) fn done(&mut self, text: String) {
        self.notice = Some(Notice {
            kind: NoticeKind::Done,
            text,
        });
    }

    pub(crate) fn info(&mut self, text: String) {
        self.notice = Some(Notice {
            kind: NoticeKind::Info,
            text,
        });
    }

    /// A failed write: shown as not saved (or not confirmed when only the journal failed).
    pub(crate) fn fail(&mut self, error: &StoreError) {
        let heading = match error {
            StoreError::Journal(_) => T::NotConfirmed,
            _ => T::WriteFailed,
        };
        let text = crate::tr!(self.lang, heading, reason = error.message(self.lang));
        self.notice = Some(Notice {
            kind: NoticeKind::Error,
            text,
        });
    }

    pub(crate) fn t(&self, text: T) -> &'static str {
        text.get(self.lang)
    }

    /// Session name for messages: `第2天下午` / `day 2 afternoon`.
    pub fn session_label(&self, session: Session) -> String {
        session.label(self.lang)
    }
}
