//! 签到: the search box, the hits, and Enter to check the selected person in.

use crate::domain::attendance::{self, Refusal};
use crate::domain::{CheckInStatus, Person, PersonId};
use crate::search::Hit;
use crate::store::{Batch, CheckInOutcome, DeskRequest, Store};

use crate::text::Desk as T;
use crate::tui::desk::{Desk, SearchScope};
use crate::tui::state::Action;
use crate::tui::state::{App, FormKind, Overlay};
use crate::tui::widgets::form::{Form, FormField};
use crate::tui::widgets::input::TextInput;
use crate::tui::widgets::list::ListCursor;

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
}

impl Default for SearchBox {
    fn default() -> SearchBox {
        SearchBox {
            input: TextInput::default(),
            scope: SearchScope::Roster,
            hits: Vec::new(),
            cursor: ListCursor::default(),
        }
    }
}

impl SearchBox {
    /// Runs the query against the desk's roster or register.
    pub fn refresh(&mut self, desk: &Desk) {
        self.hits = desk
            .people(self.scope)
            .index
            .search(self.input.value(), HIT_LIMIT);
        self.cursor.first();
    }

    pub fn clear(&mut self) {
        self.input.clear();
        self.hits.clear();
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
        true
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
            Action::WalkIn => self.open_walk_in_form(),
            Action::ToggleRegister => self.toggle_checkin_scope(),
            _ => {}
        }
    }

    /// Before a form opens (leave, walk-in): whether the store would take the session's
    /// attendance, so nobody types a reason in vain. The store itself enforces the rule
    /// for every write (Enter and Ctrl-Z go straight to it).
    fn desk_is_writable(&mut self) -> bool {
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

    fn check_in_selected(&mut self) {
        let Some(desk) = self.desk.as_ref() else {
            return;
        };
        let Some(person) = self.checkin.selected_person(desk).cloned() else {
            self.info(self.t(T::PickSomeone).to_string());
            return;
        };
        let now = self.now();
        let status = attendance::arrival_status(&desk.cohort, desk.session, now.naive_local());
        let mut extra = Batch::default();
        let walk_in = !desk.enrolled.contains(&person.id);
        if walk_in {
            Store::stage_enrolment(&mut extra, &desk.cohort.code, &person.id, now, true);
        }
        if self.record_check_in(&person, status, None, extra) {
            if walk_in {
                self.desk.as_mut().expect("open").enrol(person);
            }
            self.checkin.clear();
        }
    }

    /// Writes a check-in (with any extra writes in the same commit) and reports it.
    /// Returns whether it was recorded.
    pub(crate) fn record_check_in(
        &mut self,
        person: &Person,
        status: CheckInStatus,
        reason: Option<String>,
        extra: Batch,
    ) -> bool {
        let desk = self.desk.as_ref().expect("callers check the desk");
        let now = self.now();
        let request = DeskRequest {
            cohort: &desk.cohort.code,
            person: &person.id,
            session: desk.session,
            at: now,
        };
        match self
            .store
            .check_in_with(&request, status, reason.clone(), extra)
        {
            Err(e) => {
                self.fail(&e);
                false
            }
            Ok(CheckInOutcome::Refused(refusal)) => {
                self.explain_refusal(&person.name, &refusal);
                self.learn_standing(&person.id, &refusal);
                false
            }
            Ok(CheckInOutcome::Recorded(event)) => {
                let desk = self.desk.as_mut().expect("open");
                desk.undo_stack.push((person.id.clone(), event.session));
                desk.record(event);
                self.confirm_check_in(person, status, reason, now);
                true
            }
        }
    }

    fn confirm_check_in(
        &mut self,
        person: &Person,
        status: CheckInStatus,
        reason: Option<String>,
        now: chrono::DateTime<chrono::FixedOffset>,
    ) {
        let name = crate::tui::widgets::sanitize(&person.name).into_owned();
        let text = if status == CheckInStatus::Leave {
            T::LeaveRecorded.fill(self.lang, &[&name, reason.as_deref().unwrap_or("—")])
        } else {
            let unit = if person.unit.is_empty() {
                "—"
            } else {
                &person.unit
            };
            let time = now.format("%H:%M").to_string();
            let word = self.t(status_text(Some(status)));
            T::CheckedIn.fill(self.lang, &[&name, unit, &time, word])
        };
        crate::store::trace::acknowledged(self.store.commit_seq());
        self.done(text);
    }

    /// A refusal names the check-in that stands; if the desk does not show it (its
    /// commit failed after sled took it: "not confirmed"), reload the cohort's events.
    fn learn_standing(&mut self, person: &PersonId, refusal: &Refusal) {
        let standing = match refusal {
            Refusal::AlreadyCheckedIn(s) | Refusal::AlreadyOnLeave(s) => s,
            Refusal::NothingToUndo | Refusal::Closed(_) => return,
        };
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

    fn explain_refusal(&mut self, name: &str, refusal: &Refusal) {
        let text = match refusal {
            Refusal::AlreadyCheckedIn(s) => {
                T::AlreadyIn.fill(self.lang, &[name, &s.at.format("%H:%M").to_string()])
            }
            Refusal::AlreadyOnLeave(s) => {
                T::AlreadyLeave.fill(self.lang, &[name, &s.at.format("%H:%M").to_string()])
            }
            Refusal::NothingToUndo => self.t(T::NothingToUndo).to_string(),
            Refusal::Closed(closed) => self.closed_text(*closed),
        };
        self.info(text);
    }

    fn undo_last(&mut self) {
        let Some(desk) = self.desk.as_mut() else {
            return;
        };
        let Some((person, session)) = desk.undo_stack.pop() else {
            self.info(self.t(T::NothingToUndo).to_string());
            return;
        };
        let request = DeskRequest {
            cohort: &desk.cohort.code,
            person: &person,
            session,
            at: self.clock.now(),
        };
        let previous = desk.status(&person, session).map(|s| s.status);
        match self.store.undo(&request) {
            Err(e) => {
                desk.undo_stack.push((person, session));
                self.fail(&e);
            }
            Ok(CheckInOutcome::Refused(refusal)) => {
                if matches!(refusal, Refusal::Closed(_)) {
                    // Still the last check-in here: undoable once the session reopens.
                    desk.undo_stack.push((person, session));
                }
                self.explain_refusal("", &refusal);
            }
            Ok(CheckInOutcome::Recorded(event)) => {
                desk.record(event);
                let name = self.person_name(&person);
                let what = self.t(status_text(previous));
                self.done(T::Undone.fill(self.lang, &[&name, what]));
            }
        }
    }

    fn person_name(&self, id: &PersonId) -> String {
        let desk = self.desk.as_ref();
        let find = |people: &[Person]| people.iter().find(|p| &p.id == id).map(|p| p.name.clone());
        desk.and_then(|d| {
            find(&d.roster.people).or_else(|| d.register.as_ref().and_then(|r| find(&r.people)))
        })
        .unwrap_or_default()
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
        let title = T::LeaveTitle.fill(self.lang, &[&person.name]);
        let form = Form::new(title, vec![FormField::text(T::LeaveReason, "")]);
        self.overlay = Some(Overlay::Form(FormKind::Leave(person.id.clone()), form));
    }

    fn open_walk_in_form(&mut self) {
        if self.desk.is_none() || !self.desk_is_writable() {
            return;
        }
        let typed = self.checkin.input.value().to_string();
        let looks_like_name = !typed.is_ascii();
        let fields = vec![
            FormField::text(T::FieldName, if looks_like_name { &typed } else { "" }),
            FormField::text(T::FieldUnit, ""),
            FormField::text(T::FieldCounty, ""),
            FormField::text(T::FieldTownship, ""),
            FormField::text(T::FieldPosition, ""),
            FormField::text(T::FieldPhone, ""),
        ];
        let form = Form::new(self.t(T::WalkInTitle).to_string(), fields);
        self.overlay = Some(Overlay::Form(FormKind::WalkIn, form));
    }

    fn toggle_checkin_scope(&mut self) {
        let scope = match self.checkin.scope {
            SearchScope::Roster => SearchScope::Register,
            SearchScope::Register => SearchScope::Roster,
        };
        if let Err(e) = self.load_register_if(scope) {
            self.fail(&e);
            return;
        }
        self.checkin.scope = scope;
        if let Some(desk) = self.desk.as_ref() {
            self.checkin.refresh(desk);
        }
    }

    pub(crate) fn load_register_if(&mut self, scope: SearchScope) -> crate::store::StoreResult<()> {
        match (scope, self.desk.as_mut()) {
            (SearchScope::Register, Some(desk)) => desk.ensure_register(&self.store),
            _ => Ok(()),
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
