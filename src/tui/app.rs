//! The app state and `dispatch`: the only place that talks to the store.
//! Screens render from this state and never do IO.

use chrono::{DateTime, FixedOffset};
use ratatui::crossterm::event::{KeyEvent, KeyEventKind};

use crate::clock::Clock;
use crate::domain::{Cohort, Session};
use crate::store::{Batch, Store, StoreError, StoreResult};
use crate::text::Lang;

use super::action::Action;
use super::desk::Desk;
use super::keymap::{self, Context, Scope};
use super::state::ScreenId;
use super::state::bases::BasesState;
use super::state::checkin::SearchBox;
use super::state::cohorts::CohortsState;
use super::state::coverage::CoverageState;
use super::state::dashboard::DashboardState;
use super::state::import::ImportState;
use super::state::sessions::SessionsState;
use super::state::teaching::TeachingState;
use super::widgets::form::Form;
use crate::text::Desk as T;

/// The status line under the screen: what just happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub kind: NoticeKind,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    Done,
    Info,
    Error,
}

/// What a form is for, so Enter knows what to save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormKind {
    Leave(crate::domain::PersonId),
    WalkIn,
    NewCohort,
    Activity,
    EditActivity(u32),
    Base,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfirmKind {
    CloseSession(Session),
    CloseCohort(String),
    DeleteActivity(u32),
    Import,
}

/// Something drawn over the screen that has the keyboard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Help,
    Form(FormKind, Form),
    Confirm(ConfirmKind, String),
}

pub struct App {
    pub lang: Lang,
    pub clock: Clock,
    pub(crate) store: Store,
    pub screen: ScreenId,
    /// No cohort exists yet: the welcome screen is shown instead of the others.
    pub welcome: bool,
    pub desk: Option<Desk>,
    pub checkin: SearchBox,
    pub lookup: SearchBox,
    pub sessions: SessionsState,
    pub cohorts: CohortsState,
    pub dashboard: DashboardState,
    pub teaching: TeachingState,
    pub coverage: CoverageState,
    pub bases: BasesState,
    pub import: ImportState,
    pub overlay: Option<Overlay>,
    pub notice: Option<Notice>,
    pub quit: bool,
    /// When the last automatic backup was made (see autobackup.rs).
    pub(super) last_backup: DateTime<FixedOffset>,
}

const LAST_COHORT: &str = "last_cohort";

impl App {
    /// Loads everything the first screen needs. Fallible, so `main` runs it before the
    /// terminal enters raw mode.
    pub fn new(store: Store, clock: Clock, lang: Lang) -> StoreResult<App> {
        let mut app = App {
            lang,
            clock,
            store,
            screen: ScreenId::CheckIn,
            welcome: false,
            desk: None,
            checkin: SearchBox::default(),
            lookup: SearchBox::default(),
            sessions: SessionsState::default(),
            cohorts: CohortsState::default(),
            dashboard: DashboardState::default(),
            teaching: TeachingState::default(),
            coverage: CoverageState::default(),
            bases: BasesState::default(),
            import: ImportState::default(),
            overlay: None,
            notice: None,
            quit: false,
            last_backup: clock.now(),
        };
        app.refresh_cohorts()?;
        app.welcome = app.cohorts.list.is_empty();
        if let Some(cohort) = app.initial_cohort()? {
            app.open_desk(cohort)?;
        } else if !app.welcome {
            app.screen = ScreenId::Cohorts;
        }
        Ok(app)
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
    pub(super) fn open_desk(&mut self, cohort: Cohort) -> StoreResult<()> {
        let now = self.now().naive_local();
        let session = cohort
            .session_near(now)
            .unwrap_or(Session::new(1, crate::domain::SlotKind::Am));
        // The cohorts list opens on the cohort in use, not on the oldest.
        if let Some(i) = self
            .cohorts
            .list
            .iter()
            .position(|r| r.cohort.code == cohort.code)
        {
            self.cohorts.selected = i;
        }
        let desk = Desk::load(&self.store, cohort, session)?;
        self.sessions.select(&desk.cohort, session);
        self.desk = Some(desk);
        self.checkin = SearchBox::default();
        self.lookup = SearchBox::default();
        Ok(())
    }

    /// Remembers the cohort in use, so the next start opens on it.
    pub(super) fn remember_cohort(&self, code: &str) -> StoreResult<()> {
        let mut batch = Batch::default();
        Store::stage_meta(&mut batch, LAST_COHORT, code);
        self.store.commit(batch)
    }

    pub fn now(&self) -> DateTime<FixedOffset> {
        self.clock.now()
    }

    /// Where the keyboard is.
    pub fn scope(&self) -> Scope {
        match &self.overlay {
            Some(Overlay::Help) => Scope::Help,
            Some(Overlay::Form(..)) => Scope::Form,
            Some(Overlay::Confirm(..)) => Scope::Confirm,
            None if self.welcome => Scope::Welcome,
            None => self.screen.scope(),
        }
    }

    fn input_empty(&self) -> bool {
        match self.scope() {
            Scope::CheckIn => self.checkin.input.is_empty(),
            Scope::Import => self.import.path.is_empty(),
            Scope::Lookup => self.lookup.input.is_empty(),
            _ => true,
        }
    }

    /// Feeds one key event through the keymap. Returns whether anything may have changed.
    pub fn on_key(&mut self, key: KeyEvent) -> bool {
        if key.kind == KeyEventKind::Release {
            return false;
        }
        let ctx = Context {
            scope: self.scope(),
            input_empty: self.input_empty(),
        };
        match keymap::resolve(ctx, key) {
            Some(action) => {
                self.dispatch(action);
                true
            }
            None => false,
        }
    }

    /// Pasted text arrives as typed characters (an input method may send a whole word).
    pub fn on_paste(&mut self, text: &str) {
        for c in text.chars().filter(|c| !c.is_control()) {
            self.dispatch(Action::Type(c));
        }
    }

    pub fn dispatch(&mut self, action: Action) {
        match action {
            Action::Quit => self.quit = true,
            Action::Help => self.overlay = Some(Overlay::Help),
            Action::NextScreen => self.go_to(self.screen.next()),
            Action::PrevScreen => self.go_to(self.screen.prev()),
            Action::GoTo(screen) => self.go_to(screen),
            other => self.dispatch_in_scope(other),
        }
    }

    fn dispatch_in_scope(&mut self, action: Action) {
        match self.scope() {
            Scope::Help => self.overlay = None,
            Scope::Form => self.on_form(action),
            Scope::Confirm => self.on_confirm(action),
            Scope::Welcome => self.on_welcome(action),
            Scope::CheckIn => self.on_checkin(action),
            Scope::Lookup => self.on_lookup(action),
            Scope::Sessions => self.on_sessions(action),
            Scope::Cohorts => self.on_cohorts(action),
            Scope::Dashboard => self.on_dashboard(action),
            Scope::Teaching => self.on_teaching(action),
            Scope::Coverage => self.on_coverage(action),
            Scope::Bases => self.on_bases(action),
            Scope::Import => self.on_import(action),
            Scope::Global => {}
        }
    }

    fn go_to(&mut self, screen: ScreenId) {
        if self.welcome {
            return;
        }
        self.screen = screen;
        match screen {
            ScreenId::Dashboard => self.refresh_dashboard(),
            ScreenId::Teaching => self.refresh_teaching(),
            ScreenId::Coverage => self.refresh_coverage(),
            ScreenId::Bases => self.refresh_bases(),
            _ => {}
        }
    }

    pub(super) fn done(&mut self, text: String) {
        self.notice = Some(Notice {
            kind: NoticeKind::Done,
            text,
        });
    }

    pub(super) fn info(&mut self, text: String) {
        self.notice = Some(Notice {
            kind: NoticeKind::Info,
            text,
        });
    }

    pub(super) fn fail(&mut self, error: &StoreError) {
        let heading = match error {
            StoreError::Journal(_) => T::NotConfirmed,
            _ => T::WriteFailed,
        };
        let text = heading.fill(self.lang, &[&error.message(self.lang)]);
        self.notice = Some(Notice {
            kind: NoticeKind::Error,
            text,
        });
    }

    pub(super) fn t(&self, text: T) -> &'static str {
        text.get(self.lang)
    }

    /// Session name for messages: `第2天 下午` / `day 2 afternoon`.
    pub fn session_label(&self, session: Session) -> String {
        match self.lang {
            Lang::Zh => format!("第{}天{}", session.day, session.slot.zh()),
            Lang::En => format!("day {} {}", session.day, session.slot.en()),
        }
    }
}
