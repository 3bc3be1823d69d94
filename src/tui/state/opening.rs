//! Which cohort the desk opens on, and opening a cohort at the desk.

use crate::domain::{Cohort, Session, SlotKind};
use crate::store::{Batch, Store, StoreResult};
use crate::tui::desk::Desk;

use super::checkin::SearchBox;
use super::{App, ScreenId};

const LAST_COHORT: &str = "last_cohort";

impl App {
    /// The first screen: welcome when no cohort exists, else the check-in screen on
    /// the cohort to open, else the cohorts list.
    pub(super) fn open_first_screen(&mut self) -> StoreResult<()> {
        self.refresh_cohorts()?;
        self.welcome = self.cohorts.list.is_empty();
        if let Some(cohort) = self.initial_cohort()? {
            self.open_desk(cohort)?;
        } else if !self.welcome {
            self.screen = ScreenId::Cohorts;
        }
        Ok(())
    }

    /// The last cohort used at this desk if still open, else the newest open one.
    fn initial_cohort(&self) -> StoreResult<Option<Cohort>> {
        if let Some(code) = self.store.meta_get(LAST_COHORT)?
            && let Some(cohort) = self.store.cohort(&code)?.filter(|c| c.open)
        {
            return Ok(Some(cohort));
        }
        let newest_open = self.cohorts.list.iter().rev().find(|r| r.cohort.open);
        Ok(newest_open.map(|r| r.cohort.clone()))
    }

    /// Makes `cohort` the desk's cohort, on the session the clock is in (else the next
    /// one, else the last).
    pub(crate) fn open_desk(&mut self, cohort: Cohort) -> StoreResult<()> {
        let now = self.now().naive_local();
        let session = cohort
            .session_near(now)
            .unwrap_or(Session::new(1, SlotKind::Am));
        // The cohorts list opens on the cohort in use, not on the oldest.
        if let Some(i) = self
            .cohorts
            .list
            .iter()
            .position(|r| r.cohort.code == cohort.code)
        {
            self.cohorts.cursor.select(i, self.cohorts.list.len());
        }
        let desk = Desk::load(&self.store, cohort, session)?;
        self.sessions.select(&desk.cohort, session);
        self.desk = Some(desk);
        self.checkin = SearchBox::default();
        self.lookup = SearchBox::default();
        Ok(())
    }

    /// Remembers the cohort in use, so the next start opens on it.
    pub(crate) fn remember_cohort(&self, code: &str) -> StoreResult<()> {
        let mut batch = Batch::default();
        Store::stage_meta(&mut batch, LAST_COHORT, code);
        self.store.commit(batch)
    }
}
