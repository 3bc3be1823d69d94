//! 导入: a roster from a CSV or Excel file — type the path, Enter to preview (nothing
//! written), Enter again to confirm; any bad row means nothing is imported.
//!
//! Reading a large file or writing its records takes a while, so a key only asks for
//! the work ([`ImportState::pending`]): the desk's loop draws the screen saying it has
//! begun, then runs it ([`App::run_pending`]), redrawing at every step the operation
//! reports, with the same progress text as `lunxun import`.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use crate::io::roster::{ImportOptions, Prepared, report};
use crate::ops::import::{self as ops, Commit, CommitError, RosterFile, Step};
use crate::text::Desk as T;
use crate::tui::state::Action;
use crate::tui::state::{App, ConfirmKind, Overlay};
use crate::tui::widgets::input::TextInput;

#[derive(Debug, Clone, Default)]
pub struct ImportState {
    pub path: TextInput,
    /// Enrol everyone in the desk's cohort too.
    pub enrol: bool,
    pub preview: Option<Preview>,
    /// The work asked for and not yet begun.
    pub pending: Option<ImportJob>,
    /// How far the work has come, and when its pass began: shown while it runs.
    pub running: Option<(Step, Instant)>,
}

/// The import's slow work, run by [`App::run_pending`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportJob {
    /// Read and check the file (nothing written).
    Preview,
    /// Commit the previewed import.
    Commit,
}

#[derive(Debug, Clone)]
pub struct Preview {
    pub path: PathBuf,
    pub enrol_in: Option<String>,
    pub prepared: Option<Prepared>,
    /// The summary and the errors (or the reason the file cannot be read), as lines.
    pub lines: Vec<String>,
}

impl Preview {
    fn importable(&self) -> bool {
        self.prepared
            .as_ref()
            .is_some_and(|p| ops::importable(p, false))
    }
}

impl App {
    pub(crate) fn on_import(&mut self, action: Action) {
        let state = &mut self.import;
        match action {
            Action::Type(c) => state.path.push(c),
            Action::Backspace => state.path.pop(),
            Action::ClearInput | Action::Back => *state = ImportState::default(),
            Action::ToggleEnrol => state.enrol = !state.enrol,
            Action::Submit => self.preview_or_confirm(),
            _ => return,
        }
        if !matches!(action, Action::Submit) {
            self.import.preview = None;
        }
    }

    fn preview_or_confirm(&mut self) {
        match &self.import.preview {
            Some(p) if p.importable() => self.ask_import(),
            _ => {
                let start = Step::Checking {
                    rows: 0,
                    bytes: None,
                    total: 0,
                };
                self.ask_for(ImportJob::Preview, start);
            }
        }
    }

    fn ask_for(&mut self, job: ImportJob, start: Step) {
        self.import.pending = Some(job);
        self.import.running = Some((start, Instant::now()));
    }

    /// Runs the import work a key asked for, if any, calling `redraw` at each step it
    /// reports (and the progress is on the screen). True when there was work.
    pub fn run_pending(&mut self, redraw: &mut dyn FnMut(&App)) -> bool {
        if self.run_bundle_job(redraw) {
            return true;
        }
        let Some(job) = self.import.pending.take() else {
            return false;
        };
        redraw(self);
        match job {
            ImportJob::Preview => self.preview_import(redraw),
            ImportJob::Commit => self.commit_import(redraw),
        }
        self.import.running = None;
        true
    }

    /// Shows `step` and redraws; a new pass restarts the clock its rate is counted on.
    fn show_step(&mut self, step: Step, redraw: &mut dyn FnMut(&App)) {
        let since = match self.import.running {
            Some((shown, since))
                if std::mem::discriminant(&shown) == std::mem::discriminant(&step) =>
            {
                since
            }
            _ => Instant::now(),
        };
        self.import.running = Some((step, since));
        redraw(self);
    }

    fn preview_import(&mut self, redraw: &mut dyn FnMut(&App)) {
        let path = PathBuf::from(self.import.path.value().trim());
        let enrol_in = self
            .desk
            .as_ref()
            .filter(|_| self.import.enrol)
            .map(|d| d.cohort.code.clone());
        let lines;
        let prepared = match self.prepare_import(&path, enrol_in.as_deref(), redraw) {
            Ok(p) => {
                lines = self.preview_lines(&path, &p, enrol_in.as_deref());
                Some(p)
            }
            Err(message) => {
                lines = vec![message];
                None
            }
        };
        self.import.preview = Some(Preview {
            path,
            enrol_in,
            prepared,
            lines,
        });
    }

    fn prepare_import(
        &mut self,
        path: &Path,
        enrol_in: Option<&str>,
        redraw: &mut dyn FnMut(&App),
    ) -> Result<Prepared, String> {
        let options = ImportOptions::default();
        let file = RosterFile {
            path,
            options: &options,
            cohort: enrol_in,
        };
        let store = Arc::clone(&self.store);
        ops::prepare(&store, file, |step| self.show_step(step, redraw))
            .map_err(|e| e.message(self.lang))
    }

    fn preview_lines(&self, path: &Path, p: &Prepared, enrol_in: Option<&str>) -> Vec<String> {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let summary = report::summary(self.lang, &name, &p.read, &p.plan, enrol_in, p.errors.len());
        let mut lines: Vec<String> = summary.lines().map(str::to_string).collect();
        if !p.errors.is_empty() {
            let count = p.errors.len();
            lines.push(crate::tr!(self.lang, T::ImportErrors, count = count));
            lines.extend(p.errors.iter().map(|e| e.message(self.lang)));
        }
        lines
    }

    fn ask_import(&mut self) {
        let Some(Preview {
            path,
            prepared: Some(p),
            ..
        }) = &self.import.preview
        else {
            return;
        };
        let plan = &p.plan;
        let question = crate::tr!(
            self.lang,
            T::ConfirmImport,
            file = path.display(),
            new = plan.new_people.len(),
            updated = plan.updated.len(),
            enrolled = plan.enrol.len()
        );
        self.overlay = Some(Overlay::Confirm(ConfirmKind::Import, question));
    }

    /// Asks for the previewed import to be committed (see [`App::run_pending`]).
    pub(crate) fn run_import(&mut self) {
        let Some(Preview {
            prepared: Some(p),
            enrol_in,
            ..
        }) = &self.import.preview
        else {
            return;
        };
        let total = ops::records(&p.plan, enrol_in.as_deref());
        self.ask_for(ImportJob::Commit, Step::Writing { done: 0, total });
    }

    /// Commits the previewed import: all of it, or nothing (see [`ops::commit`]).
    fn commit_import(&mut self, redraw: &mut dyn FnMut(&App)) {
        let Some(Preview {
            prepared: Some(p),
            enrol_in,
            ..
        }) = self.import.preview.take()
        else {
            return;
        };
        let input = Commit {
            prepared: &p,
            cohort: enrol_in.as_deref(),
            skip_invalid: false,
        };
        let store = Arc::clone(&self.store);
        let written = ops::commit(&store, self.now(), input, |s| self.show_step(s, redraw));
        let imported = match written {
            Ok(imported) => imported,
            Err(CommitError::Store(e)) => return self.fail(&e),
            Err(CommitError::Closed(closed)) => return self.info(self.closed_text(closed)),
            // The preview offers no confirmation then; nothing written.
            Err(CommitError::BadRows(_)) => return,
        };
        self.done(crate::tr!(
            self.lang,
            T::ImportDone,
            new = imported.new_people,
            updated = imported.updated
        ));
        self.import = ImportState::default();
        self.reload_desk();
    }

    /// Reloads the desk's roster and register after people changed.
    fn reload_desk(&mut self) {
        let Some(desk) = &self.desk else { return };
        let (cohort, session) = (desk.cohort.clone(), desk.session);
        if let Err(e) =
            crate::tui::desk::Desk::load(&self.store, cohort, session).map(|d| self.desk = Some(d))
        {
            self.fail(&e);
        }
    }
}
