//! 签到: the search box, the hits, and Enter to check the selected person in.

use chrono::{DateTime, FixedOffset};

use crate::domain::attendance::{AttendanceStatus, Refusal};
use crate::domain::scan::{ExactKey, ExactKind};
use crate::domain::{CheckInStatus, Person, PersonId};
use crate::ops::checkin::{self as ops, CheckIn, CheckInError, CheckedIn, Where};
use crate::search::{Hit, MatchTier};
use crate::store::{Store, StoreResult};

use crate::text::Desk as T;
use crate::text::{Scanner, SigningOut};
use crate::tui::desk::{Desk, SearchScope};
use crate::tui::state::Action;
use crate::tui::state::{App, FormKind, Overlay};
use crate::tui::widgets::input::TextInput;
use crate::tui::widgets::list::ListCursor;

use super::checkin_forms::{leave_form, walk_in_form};

type Now = DateTime<FixedOffset>;

/// Most hits kept for one query: more than a screen, fewer than a scroll would reach.
const HIT_LIMIT: usize = 200;
const PAGE: usize = 10;

/// A search box with its hits; used by the check-in and lookup screens.
#[derive(Debug, Clone)]
pub struct SearchBox {
    pub input: TextInput,
    pub scope: SearchScope,
    pub hits: Vec<Hit>,
    pub cursor: ListCursor,
    /// The text is a whole ID number, phone number or person code: the hits are the
    /// people who have it, and no one else (a reader's Enter checks in that person).
    pub exact: Option<ExactKind>,
    /// The cursor was moved since the hits came: the person under it was chosen.
    pub moved: bool,
}

impl Default for SearchBox {
    fn default() -> SearchBox {
        SearchBox {
            input: TextInput::masking_id_numbers(),
            scope: SearchScope::Roster,
            hits: Vec::new(),
            cursor: ListCursor::default(),
            exact: None,
            moved: false,
        }
    }
}

impl SearchBox {
    /// Runs the query against the desk's roster or register.
    pub fn refresh(&mut self, desk: &Desk) {
        let query = self.input.value();
        self.hits = desk.people(self.scope).index.search(query, HIT_LIMIT);
        let exact = self
            .hits
            .first()
            .is_some_and(|h| h.tier == MatchTier::Identity);
        self.exact = ExactKey::parse(query)
            .map(ExactKey::kind)
            .filter(|&kind| exact || kind != ExactKind::Code);
        self.cursor.first();
        self.moved = false;
    }

    /// Several people have the whole number or code typed, and nobody chose among them:
    /// Enter must not pick the first (a scanner presses it at once).
    pub fn undecided(&self) -> bool {
        self.exact.is_some() && self.hits.len() > 1 && !self.moved
    }

    pub fn clear(&mut self) {
        self.input.clear();
        self.hits.clear();
        self.exact = None;
        self.cursor.first();
    }

    pub fn selected_person<'d>(&self, desk: &'d Desk) -> Option<&'d Person> {
        let hit = self.cursor.pick(&self.hits)?;
        desk.people(self.scope).people.get(hit.index)
    }

    /// Keys every search box shares; returns whether the key was one of them.
    pub fn on_action(&mut self, action: Action, desk: &Desk) -> bool {
        match action {
            Action::Type(c) => self.type_char(c, desk),
            Action::Backspace => self.backspace(desk),
            Action::ClearInput | Action::Back => self.clear(),
            Action::Up => self.cursor.prev(),
            Action::Down => self.cursor.next(self.hits.len()),
            Action::PageUp => self.cursor.page_up(PAGE),
            Action::PageDown => self.cursor.page_down(self.hits.len(), PAGE),
            _ => return false,
        }
        self.moved |= matches!(
            action,
            Action::Up | Action::Down | Action::PageUp | Action::PageDown
        );
        true
    }

    /// Ctrl-R: the cohort's roster or the whole register (loaded the first time).
    pub fn toggle_scope(&mut self, desk: &mut Desk, store: &Store) -> StoreResult<()> {
        let scope = match self.scope {
            SearchScope::Roster => SearchScope::Register,
            SearchScope::Register => SearchScope::Roster,
        };
        if scope == SearchScope::Register {
            desk.ensure_register(store)?;
        }
        self.scope = scope;
        self.refresh(desk);
        Ok(())
    }

    fn type_char(&mut self, c: char, desk: &Desk) {
        self.input.push(c);
        self.refresh(desk);
    }

    fn backspace(&mut self, desk: &Desk) {
        self.input.pop();
        self.refresh(desk);
    }
}

impl App {
    pub(crate) fn on_checkin(&mut self, action: Action) {
        let Some(desk) = self.desk.as_ref() else {
            return;
        };
        if self.checkin.on_action(action, desk) {
            return;
        }
        match action {
            Action::Submit => self.check_in_selected(),
            Action::Undo => self.undo_last(),
            Action::Leave => self.open_leave_form(),
            Action::SignOut => self.sign_out_selected(),
            Action::WalkIn => self.open_walk_in_form(),
            Action::ToggleRegister => self.toggle_checkin_scope(),
            _ => {}
        }
    }

    /// Before a form opens (leave, walk-in): whether the store would take the session's
    /// attendance, so nobody types a reason in vain. The store itself enforces the rule
    /// for every write (Enter and Ctrl-Z go straight to it).
    pub(super) fn desk_is_writable(&mut self) -> bool {
        let Some(desk) = self.desk.as_ref() else {
            return false;
        };
        match desk.cohort.check_attendance(desk.session) {
            Ok(()) => true,
            Err(closed) => {
                self.info(self.closed_text(closed));
                false
            }
        }
    }

    /// Enter: checks the selected person in, enrolling them as a walk-in when they
    /// come from the register.
    fn check_in_selected(&mut self) {
        let Some(desk) = self.desk.as_ref() else {
            return;
        };
        if self.checkin.undecided() {
            let count = self.checkin.hits.len();
            self.info(crate::tr!(self.lang, Scanner::ScanPickOne, count = count));
            return;
        }
        let Some(person) = self.checkin.selected_person(desk).cloned() else {
            self.info(self.t(T::PickSomeone).to_string());
            return;
        };
        let result = self.record_check_in(Some(&person), |store, now, at| {
            let input = CheckIn {
                at,
                person: &person,
                status: None,
                reason: None,
                walk_in: true,
            };
            ops::check_in(store, now, input).map(|done| (person.clone(), done))
        });
        if let Err(message) = result {
            self.info(message);
        }
    }

    /// The desk's one way to check someone in (Enter, the leave form, the walk-in
    /// form): runs `operation` on the open cohort and session; once the store has made
    /// it durable, takes note of the event (and of a walk-in's enrolment), acknowledges
    /// it and clears the search box. Refusals and failures become the notice; bad typed
    /// details come back as the message for the form.
    pub(crate) fn record_check_in<F>(
        &mut self,
        person: Option<&Person>,
        operation: F,
    ) -> Result<(), String>
    where
        F: FnOnce(&Store, Now, Where<'_>) -> Result<(Person, CheckedIn), CheckInError>,
    {
        let desk = self.desk.as_ref().ok_or_else(String::new)?;
        let at = Where {
            cohort: &desk.cohort,
            session: desk.session,
        };
        let now = self.now();
        match operation(&self.store, now, at) {
            Ok((person, done)) => {
                let desk = self.desk.as_mut().expect("open");
                desk.undo_stack
                    .push((person.id.clone(), done.event.session));
                match done.enrolled {
                    true => desk.record_walk_in(person.clone(), done.event.clone()),
                    false => desk.record(done.event.clone()),
                }
                self.confirm_check_in(&person, &done);
                self.warn_if_cannot_complete(&person.id, &person.name);
                self.checkin.clear();
                Ok(())
            }
            Err(error) => self.not_recorded(person, error),
        }
    }

    /// Says why nothing was recorded; returns bad typed details (or a refusal a form
    /// should show) as the message for the form.
    fn not_recorded(&mut self, person: Option<&Person>, error: CheckInError) -> Result<(), String> {
        match error {
            CheckInError::Invalid(invalid) => return Err(invalid.message(self.lang)),
            CheckInError::NotOnRoster(not) => return Err(not.message(self.lang)),
            CheckInError::Store(e) => self.fail(&e),
            CheckInError::Refused(refusal) => self.refused(person, &refusal),
        }
        Ok(())
    }

    fn confirm_check_in(&mut self, person: &Person, done: &CheckedIn) {
        let lang = self.lang;
        let name = crate::tui::widgets::sanitize(&person.name).into_owned();
        let text = if done.status == CheckInStatus::Leave {
            let reason = done.reason.as_deref().unwrap_or("—");
            crate::tr!(lang, T::LeaveRecorded, name = name, reason = reason)
        } else {
            let unit = if person.unit.is_empty() {
                "—"
            } else {
                &person.unit
            };
            crate::tr!(
                lang,
                T::CheckedIn,
                name = name,
                unit = unit,
                time = done.event.at.format("%H:%M"),
                status = self.t(status_text(Some(done.status)))
            )
        };
        crate::store::trace::acknowledged(self.store.commit_seq());
        self.done(text);
    }

    /// A refusal that names a check-in the desk does not show (its commit failed after
    /// sled took it: "not confirmed") reloads the events.
    fn refused(&mut self, person: Option<&Person>, refusal: &Refusal) {
        let text = match refusal {
            Refusal::AlreadyCheckedIn(s) | Refusal::AlreadyOnLeave(s) => {
                let entry = match refusal {
                    Refusal::AlreadyCheckedIn(_) => T::AlreadyIn,
                    _ => T::AlreadyLeave,
                };
                let name = person.map(|p| p.name.as_str()).unwrap_or_default();
                let time = s.at.format("%H:%M");
                crate::tr!(self.lang, entry, name = name, time = time)
            }
            Refusal::NothingToUndo => refusal.message(self.lang),
            Refusal::Closed(closed) => self.closed_text(*closed),
        };
        self.info(text);
        if let (Some(person), Refusal::AlreadyCheckedIn(s) | Refusal::AlreadyOnLeave(s)) =
            (person, refusal)
        {
            self.learn_standing(&person.id, s);
        }
    }

    fn learn_standing(&mut self, person: &PersonId, standing: &AttendanceStatus) {
        let Some(desk) = self.desk.as_mut() else {
            return;
        };
        let shown = desk.status(person, desk.session).map(|s| &s.event_id);
        if shown == Some(&standing.event_id) {
            return;
        }
        if let Err(e) = desk.reload_events(&self.store) {
            self.fail(&e);
        }
    }

    fn undo_last(&mut self) {
        let Some(desk) = self.desk.as_mut() else {
            return;
        };
        let Some((person, session)) = desk.undo_stack.pop() else {
            self.info(Refusal::NothingToUndo.message(self.lang));
            return;
        };
        let previous = desk.status(&person, session).map(|s| s.status);
        let at = Where {
            cohort: &desk.cohort,
            session,
        };
        let input = ops::Undo {
            at,
            person: &person,
        };
        match ops::undo(&self.store, self.clock.now(), input) {
            Ok(undone) => {
                desk.record(undone.event);
                let name = desk.person(&person).map(|p| p.name.clone());
                let name = name.unwrap_or_default();
                let text = if undone.sign_out {
                    crate::tr!(self.lang, SigningOut::SignOutDeskUndone, name = name)
                } else {
                    let status = self.t(status_text(previous));
                    crate::tr!(self.lang, T::Undone, name = name, status = status)
                };
                self.done(text);
            }
            Err(error) => {
                let keep = matches!(
                    error,
                    CheckInError::Store(_) | CheckInError::Refused(Refusal::Closed(_))
                );
                if keep {
                    // Still the last check-in here: undoable once saving works again or
                    // the session reopens.
                    desk.undo_stack.push((person, session));
                }
                if let Err(message) = self.not_recorded(None, error) {
                    self.info(message);
                }
            }
        }
    }

    fn open_leave_form(&mut self) {
        let Some(desk) = self.desk.as_ref() else {
            return;
        };
        let Some(person) = self.checkin.selected_person(desk).cloned() else {
            self.info(self.t(T::PickSomeone).to_string());
            return;
        };
        if !self.desk_is_writable() {
            return;
        }
        let form = leave_form(self.lang, &person.name);
        self.overlay = Some(Overlay::Form(FormKind::Leave(person.id.clone()), form));
    }

    fn open_walk_in_form(&mut self) {
        if self.desk.is_none() || !self.desk_is_writable() {
            return;
        }
        let form = walk_in_form(self.lang, self.checkin.input.value());
        self.overlay = Some(Overlay::Form(FormKind::WalkIn, form));
    }

    fn toggle_checkin_scope(&mut self) {
        let Some(desk) = self.desk.as_mut() else {
            return;
        };
        if let Err(e) = self.checkin.toggle_scope(desk, &self.store) {
            self.fail(&e);
        }
    }
}

/// The word for a status in the result list and messages.
pub fn status_text(status: Option<CheckInStatus>) -> T {
    match status {
        None => T::StatusNone,
        Some(CheckInStatus::Present) => T::StatusPresent,
        Some(CheckInStatus::Late) => T::StatusLate,
        Some(CheckInStatus::Leave) => T::StatusLeave,
    }
}
