//! 场次: the days × sessions grid with counts; choose the session the desk works on,
//! or close one (the rest count as absent in reports; no check-ins are invented).

use crate::domain::{Cohort, Session};
use crate::store::{Batch, Store};
use crate::tui::action::Action;
use crate::tui::app::{App, ConfirmKind, Overlay};
use crate::tui::text::T;

#[derive(Debug, Clone, Default)]
pub struct SessionsState {
    /// Index into the cohort's sessions.
    pub selected: usize,
}

impl SessionsState {
    pub fn select(&mut self, cohort: &Cohort, session: Session) {
        self.selected = cohort
            .sessions()
            .iter()
            .position(|s| *s == session)
            .unwrap_or(0);
    }
}

impl App {
    pub(crate) fn on_sessions(&mut self, action: Action) {
        let Some(desk) = self.desk.as_ref() else {
            return;
        };
        let count = desk.cohort.sessions().len();
        match action {
            Action::Up => self.sessions.selected = self.sessions.selected.saturating_sub(1),
            Action::Down => {
                self.sessions.selected = (self.sessions.selected + 1).min(count.saturating_sub(1))
            }
            Action::Submit => self.choose_session(),
            Action::CloseItem => self.ask_close_session(),
            _ => {}
        }
    }

    fn selected_session(&self) -> Option<Session> {
        let desk = self.desk.as_ref()?;
        desk.cohort.sessions().get(self.sessions.selected).copied()
    }

    fn choose_session(&mut self) {
        let Some(session) = self.selected_session() else {
            return;
        };
        if let Some(desk) = self.desk.as_mut() {
            desk.session = session;
            desk.undo_stack.clear();
        }
        self.checkin.clear();
        let label = self.session_label(session);
        self.done(T::SessionChosen.fill(self.lang, &[&label]));
        self.screen = crate::tui::screens::ScreenId::CheckIn;
    }

    fn ask_close_session(&mut self) {
        let Some(session) = self.selected_session() else {
            return;
        };
        let desk = self.desk.as_ref().expect("session implies desk");
        if desk.cohort.is_closed(session) || !desk.cohort.open {
            return;
        }
        let missing = desk.counts(session).not_yet().to_string();
        let label = self.session_label(session);
        let question = T::ConfirmCloseSession.fill(self.lang, &[&label, &missing]);
        self.overlay = Some(Overlay::Confirm(
            ConfirmKind::CloseSession(session),
            question,
        ));
    }

    pub(crate) fn close_session(&mut self, session: Session) {
        let Some(desk) = self.desk.as_ref() else {
            return;
        };
        let mut cohort = desk.cohort.clone();
        cohort.closed_sessions.push(session);
        let mut batch = Batch::default();
        Store::stage_cohort(&mut batch, &cohort);
        match self.store.commit(batch) {
            Err(e) => self.fail(&e),
            Ok(()) => {
                self.desk.as_mut().expect("open").cohort = cohort;
                let label = self.session_label(session);
                self.done(T::SessionClosed.fill(self.lang, &[&label]));
            }
        }
    }
}
