//! 补录 at the desk: from the sessions screen (`p`) on a session that has started, the
//! roster in the printed sign-in sheet's order; Space cycles a row through present /
//! late / leave / absent, Ctrl-S writes the whole sheet in one commit
//! ([`crate::ops::paper::enter_sheet`]), Esc leaves without writing. Someone already
//! marked keeps their mark (shown, not changed).

use crate::domain::{CheckInStatus, PersonId, Session};
use crate::io::export::signin_read::sheet_order;
use crate::ops::paper::{self, PaperMark};
use crate::text::Paper;
use crate::tr;
use crate::tui::state::{Action, App};
use crate::tui::widgets::list::ListCursor;

/// The sheet being entered.
#[derive(Debug, Clone)]
pub struct PaperState {
    pub session: Session,
    pub rows: Vec<PaperRow>,
    pub cursor: ListCursor,
}

/// One person on the sheet.
#[derive(Debug, Clone)]
pub struct PaperRow {
    pub person: PersonId,
    pub name: String,
    pub unit: String,
    pub county: String,
    /// What is being entered (absent until a key changes it).
    pub mark: PaperMark,
    /// Their mark already recorded (at the desk or from paper): it stands.
    pub recorded: Option<CheckInStatus>,
}

/// Rows shown per PageUp/PageDown.
const PAGE: usize = 10;

impl App {
    /// `p` on the sessions screen: the selected session's sheet, once it has started.
    pub(crate) fn open_paper(&mut self, session: Session) {
        let Some(desk) = self.desk.as_ref() else {
            return;
        };
        let started = desk.cohort.starts_at(session);
        if started.is_none_or(|t| t > self.now().naive_local()) {
            return self.info(tr!(self.lang, Paper::PaperDeskNotPast));
        }
        let roster = match self.store.roster(&desk.cohort.code) {
            Ok(roster) => roster,
            Err(e) => return self.fail(&e),
        };
        let rows = sheet_order(&roster)
            .into_iter()
            .map(|p| {
                let recorded = desk.status(&p.id, session).map(|s| s.status);
                PaperRow {
                    person: p.id.clone(),
                    name: p.name.clone(),
                    unit: p.unit.clone(),
                    county: p.county.clone(),
                    mark: recorded.map_or(PaperMark::Absent, mark_of),
                    recorded,
                }
            })
            .collect();
        self.paper = Some(PaperState {
            session,
            rows,
            cursor: ListCursor::default(),
        });
    }

    pub(crate) fn on_paper(&mut self, action: Action) {
        let Some(sheet) = self.paper.as_mut() else {
            return;
        };
        let len = sheet.rows.len();
        match action {
            Action::Up => sheet.cursor.prev(),
            Action::Down => sheet.cursor.next(len),
            Action::PageUp => sheet.cursor.page_up(PAGE),
            Action::PageDown => sheet.cursor.page_down(len, PAGE),
            Action::CycleMark => self.cycle_mark(),
            Action::WriteSheet => self.write_sheet(),
            Action::Back => self.paper = None,
            _ => {}
        }
    }

    fn cycle_mark(&mut self) {
        let Some(sheet) = self.paper.as_mut() else {
            return;
        };
        let Some(row) = sheet.rows.get_mut(sheet.cursor.index()) else {
            return;
        };
        if row.recorded.is_some() {
            let name = row.name.clone();
            return self.info(tr!(self.lang, Paper::PaperDeskKept, name = name));
        }
        row.mark = row.mark.cycled();
        sheet.cursor.next(sheet.rows.len());
    }

    /// Writes every row not recorded yet, in one commit, then reloads the desk's counts.
    fn write_sheet(&mut self) {
        let (Some(sheet), Some(desk)) = (self.paper.as_ref(), self.desk.as_ref()) else {
            return;
        };
        let marks: Vec<(PersonId, PaperMark)> = sheet
            .rows
            .iter()
            .filter(|r| r.recorded.is_none())
            .map(|r| (r.person.clone(), r.mark))
            .collect();
        let kept = sheet.rows.len() - marks.len();
        let now = self.now();
        match paper::enter_sheet(&self.store, &desk.cohort, sheet.session, &marks, now) {
            Err(e) => self.op_failed(e),
            Ok(entered) => {
                self.paper = None;
                let desk = self.desk.as_mut().expect("checked above");
                if let Err(e) = desk.reload_events(&self.store) {
                    return self.fail(&e);
                }
                let count = entered.events.len();
                let absent = entered.absent;
                let text = tr!(
                    self.lang,
                    Paper::PaperDeskDone,
                    count = count,
                    absent = absent,
                    kept = kept
                );
                self.done(text);
            }
        }
    }
}

fn mark_of(status: CheckInStatus) -> PaperMark {
    match status {
        CheckInStatus::Present => PaperMark::Present,
        CheckInStatus::Late => PaperMark::Late(None),
        CheckInStatus::Leave => PaperMark::Leave,
    }
}

impl App {
    /// The sessions screen's `p`: the selected session's sheet.
    pub(crate) fn open_selected_paper(&mut self) {
        let Some(desk) = self.desk.as_ref() else {
            return;
        };
        if let Some(session) = self.sessions.cursor.pick(&desk.cohort.sessions()).copied() {
            self.open_paper(session);
        }
    }
}
