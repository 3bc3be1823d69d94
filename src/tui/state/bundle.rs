//! 数据包: the desk's bundles, reached with `b` from the dashboard or the sessions screen
//! (and `m` on the welcome screen of an empty folder). `e` exports a bundle (a cohort,
//! a year or everything; optionally encrypted), `m` merges one: the file is read and
//! merged as a dry run first (nothing written), its summary asked about, and only `y`
//! / Enter merges it; then the desk reads everything again. `n` names this desk.
//!
//! The work is slow for a large folder, so a key only asks for it
//! ([`BundleState::pending`]): the desk's loop draws the screen saying it has begun,
//! then runs it ([`App::run_bundle_job`], bundle_run.rs). Every call to the bundle and merge
//! operations is in `bundle_calls.rs`.

use std::path::{Path, PathBuf};

use chrono::Datelike;

use crate::store::{Batch, Store};
use crate::text::DeskBundle as B;
use crate::tr;
use crate::tui::state::{Action, App, ConfirmKind, FormKind, Overlay, ScreenId};
use crate::tui::widgets::form::{Form, TypedForm};

use super::bundle_calls::{self as calls, Failure, Opened};
use super::bundle_forms::{ExportForm, MergeForm, NameForm, home};

/// Where the folder of the last bundle written is kept, for the next one's default.
const BUNDLE_FOLDER: &str = "bundle_folder";

#[derive(Debug, Default)]
pub struct BundleState {
    /// This desk's id and name (None: unnamed), read on entering the screen.
    pub desk_id: String,
    pub desk_name: Option<String>,
    /// The names of the desks whose records this folder holds, this one's among them.
    pub known: Vec<String>,
    /// Where a first bundle is offered to go (no bundle written here yet); the home
    /// folder when not set. Tests set it inside their temporary folder.
    pub home: Option<PathBuf>,
    /// The screen `Esc` goes back to.
    pub from: Option<ScreenId>,
    /// What the last export, dry run or merge said.
    pub shown: Option<Shown>,
    /// The first line of [`Shown`] drawn (Up/Down scroll).
    pub scroll: usize,
    /// The work under way, worded (drawn while it runs).
    pub running: Option<String>,
    /// The work asked for and not yet begun.
    pub(super) pending: Option<BundleJob>,
    /// The bundle read for the dry run, waiting for the organiser's yes.
    pub(super) opened: Option<Opened>,
}

/// An outcome shown on the screen: a title and its lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    pub title: B,
    pub lines: Vec<String>,
    pub failed: bool,
}

#[derive(Debug)]
pub(super) enum BundleJob {
    Export(ExportForm),
    /// Read the file and merge it as a dry run; the form comes back on a refusal.
    DryRun(Form),
    Merge,
}

impl App {
    /// `b`: the bundle screen, `Esc` back to the screen it came from.
    pub(crate) fn open_bundles(&mut self) {
        self.bundle.from = Some(self.screen);
        self.screen = ScreenId::Bundle;
        self.refresh_bundle();
    }

    /// Reads this desk's id, name and the desks it knows (on entering the screen).
    pub(crate) fn refresh_bundle(&mut self) {
        match calls::desks(&self.store) {
            Ok((id, name, known)) => {
                self.bundle.desk_id = id;
                self.bundle.desk_name = name;
                self.bundle.known = known;
            }
            Err(failure) => self.bundle_failed(failure),
        }
    }

    pub(crate) fn on_bundle(&mut self, action: Action) {
        match action {
            Action::ExportBundle => self.open_export_form(),
            Action::MergeBundle => self.open_merge_form(),
            Action::NameDesk => self.open_name_form(),
            Action::Up => self.bundle.scroll = self.bundle.scroll.saturating_sub(1),
            Action::Down => {
                let lines = self.bundle.shown.as_ref().map_or(0, |s| s.lines.len());
                self.bundle.scroll = (self.bundle.scroll + 1).min(lines.saturating_sub(1));
            }
            Action::Back => self.screen = self.bundle.from.unwrap_or(ScreenId::Dashboard),
            _ => {}
        }
    }

    fn open_export_form(&mut self) {
        let cohort = self.desk.as_ref().map(|d| d.cohort.code.clone());
        let folder = self
            .bundle_folder()
            .or_else(|| self.bundle.home.clone())
            .or_else(home)
            .unwrap_or_default();
        let path = match calls::default_file(&self.store, &folder, self.now(), self.lang) {
            Ok(path) => path.to_string_lossy().into_owned(),
            Err(failure) => return self.bundle_failed(failure),
        };
        let form = ExportForm::new(cohort.is_some(), path);
        let options = (self.lang, cohort, self.now().year());
        let title = self.t_bundle(B::PackExportTitle);
        self.overlay = Some(Overlay::Form(
            FormKind::BundleExport,
            form.form(title, &options),
        ));
    }

    /// A merge begun on the welcome screen (an empty folder) shows the bundle screen
    /// while it runs and while its dry run is asked about.
    pub fn bundle_over_welcome(&self) -> bool {
        let asking = matches!(
            self.overlay,
            Some(Overlay::Confirm(ConfirmKind::MergeBundle, _))
        );
        self.welcome && (self.bundle.running.is_some() || asking)
    }

    /// `m`, on this screen or the welcome screen.
    pub(crate) fn open_merge_form(&mut self) {
        self.refresh_bundle();
        let folder = self.bundle_folder().map(|f| with_separator(&f));
        let form = MergeForm::with_path(folder.unwrap_or_default());
        let title = self.t_bundle(B::PackMergeTitle);
        self.overlay = Some(Overlay::Form(FormKind::BundleMerge, form.form(title, &())));
    }

    fn open_name_form(&mut self) {
        let name = self.bundle.desk_name.clone().unwrap_or_default();
        let title = self.t_bundle(B::PackNameTitle);
        let form = NameForm { name }.form(title, &());
        self.overlay = Some(Overlay::Form(FormKind::DeskName, form));
    }

    /// The export form's Enter: checked here, written by [`App::run_bundle_job`].
    pub(super) fn submit_export(&mut self, form: &Form) -> Result<(), String> {
        let wanted = ExportForm::read(form);
        wanted.check(self.lang)?;
        let file = wanted.path.clone();
        self.ask_bundle_job(
            BundleJob::Export(wanted),
            tr!(self.lang, B::PackRunningExport, file = file),
        );
        Ok(())
    }

    /// The merge form's Enter: the file is read and merged as a dry run.
    pub(super) fn submit_merge(&mut self, form: &Form) -> Result<(), String> {
        let wanted = MergeForm::read(form);
        wanted.check(self.lang)?;
        let running = tr!(self.lang, B::PackRunningRead, file = wanted.path);
        self.ask_bundle_job(BundleJob::DryRun(form.clone()), running);
        Ok(())
    }

    pub(super) fn submit_desk_name(&mut self, form: &Form) -> Result<(), String> {
        let NameForm { name } = NameForm::read(form);
        match calls::set_name(&self.store, &name, self.lang) {
            Ok(name) => {
                self.refresh_bundle();
                self.done(tr!(self.lang, B::PackNamed, name = name));
                Ok(())
            }
            Err(Failure::Store(e)) => {
                self.fail(&e);
                Ok(())
            }
            Err(Failure::Refused(reason)) => Err(reason),
            Err(Failure::NeedsPassphrase) => Ok(()),
        }
    }

    /// `y` / Enter on the dry run's question.
    pub(crate) fn confirm_merge(&mut self) {
        let Some(opened) = &self.bundle.opened else {
            return;
        };
        let file = opened.path.display().to_string();
        let running = tr!(self.lang, B::PackRunningMerge, file = file);
        self.ask_bundle_job(BundleJob::Merge, running);
    }

    /// `n` / Esc on the dry run's question: the bundle read is let go.
    pub(crate) fn cancel_merge(&mut self) {
        self.bundle.opened = None;
        self.info(self.t_bundle(B::PackMergeCancelled));
    }

    fn ask_bundle_job(&mut self, job: BundleJob, running: String) {
        self.bundle.pending = Some(job);
        self.bundle.running = Some(running);
        self.notice = None;
    }

    pub(super) fn show(&mut self, title: B, lines: Vec<String>) {
        self.bundle.shown = Some(Shown {
            title,
            lines,
            failed: false,
        });
        self.bundle.scroll = 0;
    }

    pub(super) fn show_failed(&mut self, text: String) {
        self.bundle.shown = Some(Shown {
            title: B::PackFailedTitle,
            lines: vec![text.clone()],
            failed: true,
        });
        self.bundle.scroll = 0;
        self.info(text);
    }

    /// The folder of the last bundle written or merged here, if any.
    fn bundle_folder(&self) -> Option<PathBuf> {
        let folder = self.store.meta_get(BUNDLE_FOLDER).ok().flatten()?;
        Some(PathBuf::from(folder))
    }

    /// Keeps `folder` as the next bundle's default (a failure only loses the default).
    pub(super) fn remember_folder(&self, folder: &Path) {
        let text = folder.to_string_lossy();
        if text.is_empty() || self.bundle_folder().as_deref() == Some(folder) {
            return;
        }
        let mut batch = Batch::default();
        Store::stage_meta(&mut batch, BUNDLE_FOLDER, &text);
        let _ = self.store.commit(batch);
    }

    pub(crate) fn t_bundle(&self, text: B) -> String {
        crate::tr!(self.lang, text)
    }
}

/// `folder` with a path separator after it, ready for a file name to be typed.
fn with_separator(folder: &Path) -> String {
    let mut text = folder.to_string_lossy().into_owned();
    if !text.ends_with(std::path::MAIN_SEPARATOR) {
        text.push(std::path::MAIN_SEPARATOR);
    }
    text
}
