//! 场次: the days × sessions grid with counts; choose the session the desk works on,
//! close one (the rest count as absent in reports; no check-ins are invented), or
//! reopen a closed one to correct its attendance.

use crate::domain::{Closed, Cohort, Session, SessionChange};
use crate::ops::{self, OpError, session::SessionClosing};
use crate::text::{Desk as T, Rules};
use crate::tr;
use crate::tui::state::Action;
use crate::tui::state::{App, ConfirmKind, Overlay};
use crate::tui::widgets::list::ListCursor;

#[derive(Debug, Clone, Default)]
pub struct SessionsState {
    /// Index into the cohort's sessions.
    pub cursor: ListCursor,
}

impl SessionsState {
    pub fn select(&mut self, cohort: &Cohort, session: Session) {
        let sessions = cohort.sessions();
        let i = sessions.iter().position(|s| *s == session).unwrap_or(0);
        self.cursor.select(i, sessions.len());
    }
}

impl App {
    pub(crate) fn on_sessions(&mut self, action: Action) {
        let Some(desk) = self.desk.as_ref() else {
            return;
        };
        let count = desk.cohort.sessions().len();
        match action {
            Action::Up => self.sessions.cursor.prev(),
            Action::Down => self.sessions.cursor.next(count),
            Action::Submit => self.choose_session(),
            Action::CloseSession => self.ask_close_session(),
            Action::ReopenSession => self.reopen_session(),
            Action::OpenBundles => self.open_bundles(),
            Action::PaperEntry => self.open_selected_paper(),
            _ => {}
        }
    }

    /// On entering the screen: the desk names as stored now (a merge may have brought
    /// some) for the counts by desk.
    pub(crate) fn refresh_sessions(&mut self) {
        let names = match self.store.desk_names() {
            Ok(names) => names,
            Err(e) => return self.fail(&e),
        };
        if let Some(desk) = self.desk.as_mut() {
            desk.desk_names = names;
        }
    }

    fn selected_session(&self) -> Option<Session> {
        let desk = self.desk.as_ref()?;
        self.sessions.cursor.pick(&desk.cohort.sessions()).copied()
    }

    fn choose_session(&mut self) {
        let Some(session) = self.selected_session() else {
            return;
        };
        if let Some(desk) = self.desk.as_mut() {
            desk.switch_to(session);
        }
        self.checkin.clear();
        let label = self.session_label(session);
        self.done(tr!(self.lang, T::SessionChosen, session = label));
        self.screen = crate::tui::state::ScreenId::CheckIn;
    }

    fn ask_close_session(&mut self) {
        let Some(session) = self.selected_session() else {
            return;
        };
        let desk = self.desk.as_ref().expect("session implies desk");
        match desk.cohort.with_session(session, SessionChange::Close) {
            Err(closed) => return self.info(self.closed_text(closed)),
            Ok(None) => return self.info(self.t(T::SessionClosedNote).to_string()),
            Ok(Some(_)) => {}
        }
        let missing = desk.counts(session).not_yet().to_string();
        let label = self.session_label(session);
        let question = tr!(
            self.lang,
            T::ConfirmCloseSession,
            session = label,
            missing = missing
        );
        self.overlay = Some(Overlay::Confirm(
            ConfirmKind::CloseSession(session),
            question,
        ));
    }

    pub(crate) fn close_session(&mut self, session: Session) {
        self.change_session(session, SessionChange::Close);
    }

    fn reopen_session(&mut self) {
        if let Some(session) = self.selected_session() {
            self.change_session(session, SessionChange::Reopen);
        }
    }

    /// Closes or reopens a session; the stored cohort decides (a closed cohort refuses).
    fn change_session(&mut self, session: Session, change: SessionChange) {
        let Some(desk) = self.desk.as_ref() else {
            return;
        };
        let label = self.session_label(session);
        let (done, unchanged) = match change {
            SessionChange::Close => (T::SessionClosed, T::SessionClosedNote),
            SessionChange::Reopen => (T::SessionReopened, T::SessionNotClosed),
        };
        let now = self.now();
        match ops::session::change(&self.store, &desk.cohort.code, session, change, now) {
            Err(e) => self.op_failed(e),
            Ok(SessionClosing::Unchanged(_)) => {
                self.info(tr!(self.lang, unchanged, session = label))
            }
            Ok(SessionClosing::Changed(cohort)) => {
                self.desk.as_mut().expect("open").set_cohort(cohort);
                self.done(tr!(self.lang, done, session = label));
            }
        }
    }

    /// Why a write was refused, and for a session how to reopen it.
    pub(crate) fn closed_text(&self, closed: Closed) -> String {
        match closed {
            Closed::Cohort => closed.message(self.lang),
            Closed::Session(session) => {
                let label = self.session_label(session);
                let refusal = tr!(self.lang, Rules::ClosedSession, session = label);
                tr!(self.lang, T::SessionClosedRefused, refusal = refusal)
            }
        }
    }

    /// An operation that wrote nothing: the store's failure as an error, a closed
    /// cohort or session with how to reopen it, any other refusal as "not recorded".
    pub(crate) fn op_failed(&mut self, error: OpError) {
        match error {
            OpError::Store(e) => self.fail(&e),
            OpError::Closed(closed) => self.info(self.closed_text(closed)),
            refused => {
                let reason = refused.message(self.lang);
                self.info(tr!(self.lang, T::Refused, reason = reason));
            }
        }
    }
}
