//! The desk's state and key handling: [`App`] holds every screen's state, and each
//! screen's file here owns that state and the keys that change it (`App::on_<screen>`).
//! Only this folder reads or writes the store; drawing
//! (`tui/draw`) reads the state this folder leaves behind and nothing else.
//!
//! The screens are registered here once: [`ScreenId`] (Tab order, titles), the
//! `App` field that holds each screen's state, and the dispatch of keys to it.
//! A new screen is a state file here, a draw file in `tui/draw`, and one line each in
//! this file, `draw/mod.rs` and the catalogue (its title).

mod action;
pub mod bases;
pub mod bundle;
mod bundle_calls;
mod bundle_forms;
mod bundle_run;
pub mod checkin;
mod checkin_forms;
mod checkin_signout;
pub mod cohorts;
pub mod coverage;
pub mod credit;
pub mod dashboard;
pub mod import;
pub mod lookup;
mod notice;
mod opening;
mod overlays;
pub mod paper;
mod person_edit;
pub mod sessions;
pub mod teaching;
pub mod welcome;

use chrono::{DateTime, FixedOffset};

use crate::clock::Clock;
use crate::domain::PersonId;
use crate::store::{Store, StoreResult};
use crate::text::Desk as T;
use crate::text::Lang;

pub use action::Action;
pub use notice::{BackupShown, Notice, NoticeKind};
pub use overlays::{ConfirmKind, FormKind, Overlay, PersonEditing};

use super::desk::Desk;
use bases::BasesState;
use bundle::BundleState;
use checkin::SearchBox;
use cohorts::CohortsState;
use coverage::CoverageState;
use dashboard::DashboardState;
use import::ImportState;
use sessions::SessionsState;
use teaching::TeachingState;

/// The screens, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScreenId {
    CheckIn,
    Lookup,
    Sessions,
    Cohorts,
    Dashboard,
    Teaching,
    Coverage,
    Bases,
    Import,
    /// 数据包: reached with `b` from the dashboard or the sessions screen, not in the
    /// Tab order (its tab is the screen it came from).
    Bundle,
}

impl ScreenId {
    pub const ALL: [ScreenId; 9] = [
        ScreenId::CheckIn,
        ScreenId::Lookup,
        ScreenId::Sessions,
        ScreenId::Cohorts,
        ScreenId::Dashboard,
        ScreenId::Teaching,
        ScreenId::Coverage,
        ScreenId::Bases,
        ScreenId::Import,
    ];

    /// The name on the screen's tab.
    pub fn title(self) -> T {
        match self {
            ScreenId::CheckIn => T::ScreenCheckIn,
            ScreenId::Lookup => T::ScreenLookup,
            ScreenId::Sessions => T::ScreenSessions,
            ScreenId::Cohorts => T::ScreenCohorts,
            ScreenId::Dashboard => T::ScreenDashboard,
            ScreenId::Teaching => T::ScreenTeaching,
            ScreenId::Coverage => T::ScreenCoverage,
            ScreenId::Bases => T::ScreenBases,
            ScreenId::Import => T::ScreenImport,
            ScreenId::Bundle => T::ScreenBundle,
        }
    }

    /// The screen's place in Tab order, from 0.
    pub fn place(self) -> usize {
        let tab = self.tab();
        ScreenId::ALL.iter().position(|s| *s == tab).unwrap_or(0)
    }

    /// The tab shown as the current one: a screen outside the Tab order is under the
    /// dashboard's.
    pub fn tab(self) -> ScreenId {
        match self {
            ScreenId::Bundle => ScreenId::Dashboard,
            other => other,
        }
    }

    pub fn next(self) -> ScreenId {
        ScreenId::ALL[(self.place() + 1) % ScreenId::ALL.len()]
    }

    pub fn prev(self) -> ScreenId {
        ScreenId::ALL[(self.place() + ScreenId::ALL.len() - 1) % ScreenId::ALL.len()]
    }
}

/// Where the keyboard focus is: a screen, or an overlay on top of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Keys that work on every screen.
    Global,
    Welcome,
    Screen(ScreenId),
    Form,
    Confirm,
    Help,
    /// 补录: a paper sheet being entered (over the sessions screen).
    Paper,
}

pub struct App {
    pub lang: Lang,
    pub clock: Clock,
    /// Shared with a backup being written in the background (autobackup.rs).
    pub(crate) store: std::sync::Arc<Store>,
    pub screen: ScreenId,
    /// No cohort exists yet: the welcome screen is shown instead of the others.
    pub welcome: bool,
    pub desk: Option<Desk>,
    pub checkin: SearchBox,
    pub lookup: SearchBox,
    /// The training record of the person selected on the lookup screen.
    pub person_record: Option<lookup::LookupRecord>,
    /// Whose record was last asked for (read, or failed): asked once per selection.
    record_asked: Option<PersonId>,
    pub sessions: SessionsState,
    pub cohorts: CohortsState,
    pub dashboard: DashboardState,
    pub teaching: TeachingState,
    pub coverage: CoverageState,
    pub bases: BasesState,
    pub import: ImportState,
    pub bundle: BundleState,
    /// The paper sheet being entered, if any (see paper.rs).
    pub paper: Option<paper::PaperState>,
    pub overlay: Option<Overlay>,
    pub notice: Option<Notice>,
    pub quit: bool,
    /// Unicode or ASCII borders and marks, chosen once at start (see `tui/glyphs.rs`).
    pub glyphs: super::Glyphs,
    /// When the last automatic backup was begun (see autobackup.rs).
    pub(in crate::tui) last_backup: DateTime<FixedOffset>,
    /// The automatic backup being written in the background, if any (autobackup.rs).
    pub(in crate::tui) writing: Option<crate::io::backup::Writing>,
    /// When the last automatic backup that was written well was begun, `HH:MM` (none
    /// after a failure); see [`App::backup_shown`].
    pub(in crate::tui) backup_written: Option<String>,
}

impl App {
    /// Loads everything the first screen needs. Fallible, so `main` runs it before the
    /// terminal enters raw mode.
    pub fn new(store: Store, clock: Clock, lang: Lang) -> StoreResult<App> {
        let mut app = App {
            lang,
            clock,
            store: std::sync::Arc::new(store),
            screen: ScreenId::CheckIn,
            welcome: false,
            desk: None,
            checkin: SearchBox::default(),
            lookup: SearchBox::default(),
            person_record: None,
            record_asked: None,
            sessions: SessionsState::default(),
            cohorts: CohortsState::default(),
            dashboard: DashboardState::default(),
            teaching: TeachingState::default(),
            coverage: CoverageState::default(),
            bases: BasesState::default(),
            import: ImportState::default(),
            bundle: BundleState::default(),
            paper: None,
            overlay: None,
            notice: None,
            quit: false,
            glyphs: super::Glyphs::default(),
            last_backup: clock.now(),
            writing: None,
            backup_written: None,
        };
        app.open_first_screen()?;
        Ok(app)
    }

    /// Where the keyboard is.
    pub fn scope(&self) -> Scope {
        match &self.overlay {
            Some(Overlay::Help) => Scope::Help,
            Some(Overlay::Form(..)) => Scope::Form,
            Some(Overlay::Confirm(..)) => Scope::Confirm,
            None if self.paper.is_some() => Scope::Paper,
            None if self.welcome => Scope::Welcome,
            None => Scope::Screen(self.screen),
        }
    }

    /// Whether the focused text box is empty (then `?` opens help).
    pub fn input_empty(&self) -> bool {
        match self.scope() {
            Scope::Screen(ScreenId::CheckIn) => self.checkin.input.is_empty(),
            Scope::Screen(ScreenId::Import) => self.import.path.is_empty(),
            Scope::Screen(ScreenId::Lookup) => self.lookup.input.is_empty(),
            _ => true,
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
            Scope::Paper => self.on_paper(action),
            Scope::Screen(screen) => self.on_screen(screen, action),
            Scope::Global => {}
        }
    }

    /// A key on a screen goes to that screen's handler.
    fn on_screen(&mut self, screen: ScreenId, action: Action) {
        match screen {
            ScreenId::CheckIn => self.on_checkin(action),
            ScreenId::Lookup => self.on_lookup(action),
            ScreenId::Sessions => self.on_sessions(action),
            ScreenId::Cohorts => self.on_cohorts(action),
            ScreenId::Dashboard => self.on_dashboard(action),
            ScreenId::Teaching => self.on_teaching(action),
            ScreenId::Coverage => self.on_coverage(action),
            ScreenId::Bases => self.on_bases(action),
            ScreenId::Import => self.on_import(action),
            ScreenId::Bundle => self.on_bundle(action),
        }
    }

    /// Switches screens; screens that show what others wrote reload on entry.
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
            ScreenId::Lookup => self.refresh_lookup_record(),
            ScreenId::Sessions => self.refresh_sessions(),
            ScreenId::Bundle => self.refresh_bundle(),
            _ => {}
        }
    }

    pub fn now(&self) -> DateTime<FixedOffset> {
        self.clock.now()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tab visits every screen once, in the order of `ALL`, and Shift-Tab walks back.
    #[test]
    fn tab_order_visits_every_screen_once() {
        let mut seen = vec![ScreenId::CheckIn];
        let mut at = ScreenId::CheckIn.next();
        while at != ScreenId::CheckIn {
            seen.push(at);
            at = at.next();
        }
        assert_eq!(seen, ScreenId::ALL);
        for (i, s) in ScreenId::ALL.iter().enumerate() {
            assert_eq!(s.place(), i);
            assert_eq!(s.next().prev(), *s);
        }
        let titles: std::collections::BTreeSet<&str> = ScreenId::ALL
            .iter()
            .map(|s| s.title().get(Lang::Zh))
            .collect();
        assert_eq!(
            titles.len(),
            ScreenId::ALL.len(),
            "every tab has its own title"
        );
    }
}
