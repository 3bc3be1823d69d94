//! The bundle screen's slow work (see bundle.rs), run by the desk's loop after the
//! frame saying it has begun: the export, the dry run and its question, the merge, and
//! reading everything again after it.

use std::path::PathBuf;

use chrono::Datelike;

use crate::store::StoreResult;
use crate::text::DeskBundle as B;
use crate::tr;
use crate::tui::desk::Desk;
use crate::tui::state::{App, ConfirmKind, FormKind, Overlay, ScreenId};
use crate::tui::widgets::form::{Form, TypedForm};

use super::bundle::BundleJob;
use super::bundle_calls::{self as calls, Exported, Failure, Merged, Opened};
use super::bundle_forms::{ExportForm, MergeForm};

impl App {
    /// Runs the bundle work a key asked for, if any (see the module's comment). True
    /// when there was work.
    pub(crate) fn run_bundle_job(&mut self, redraw: &mut dyn FnMut(&App)) -> bool {
        let Some(job) = self.bundle.pending.take() else {
            return false;
        };
        redraw(self);
        match job {
            BundleJob::Export(wanted) => self.export_now(&wanted),
            BundleJob::DryRun(form) => self.dry_run(form),
            BundleJob::Merge => self.merge_now(),
        }
        self.bundle.running = None;
        true
    }

    fn export_now(&mut self, wanted: &ExportForm) {
        let scope = wanted.scope(self.desk.as_ref(), self.now().year());
        let path = PathBuf::from(&wanted.path);
        let passphrase = wanted.passphrase();
        match calls::export(
            &self.store,
            &scope,
            &path,
            passphrase,
            self.now(),
            self.lang,
        ) {
            Ok(exported) => self.show_exported(&exported),
            Err(Failure::Store(e)) => self.fail(&e),
            Err(Failure::Refused(reason)) => {
                let text = tr!(self.lang, B::PackExportFailed, reason = reason);
                self.show_failed(text);
            }
            Err(Failure::NeedsPassphrase) => {}
        }
    }

    fn show_exported(&mut self, exported: &Exported) {
        let lang = self.lang;
        let c = exported.counts;
        let counts = tr!(
            lang,
            B::PackCounts,
            cohorts = c.cohorts,
            people = c.people,
            events = c.events,
            activities = c.activities
        );
        let file = exported.path.display().to_string();
        let notice = tr!(lang, B::PackExported, file = file, counts = counts);
        let privacy = match exported.encrypted {
            true => B::PackEncrypted,
            false => B::PackNotEncrypted,
        };
        self.show(
            B::PackExportedTitle,
            vec![notice.clone(), self.t_bundle(privacy)],
        );
        self.done(notice);
        if let Some(folder) = exported.path.parent() {
            self.remember_folder(folder);
        }
    }

    /// Reads the bundle and merges it as a dry run; its summary is asked about.
    fn dry_run(&mut self, form: Form) {
        let wanted = MergeForm::read(&form);
        let path = PathBuf::from(&wanted.path);
        let refused = |app: &mut App, mut form: Form, reason: String, focus_passphrase| {
            if focus_passphrase {
                form.focus = MergeForm::PASSPHRASE_FIELD;
            }
            form.error = Some(reason);
            app.overlay = Some(Overlay::Form(FormKind::BundleMerge, form));
        };
        let opened = match calls::open(&path, wanted.passphrase(), self.lang) {
            Ok(opened) => opened,
            Err(Failure::Store(e)) => return self.fail(&e),
            Err(Failure::NeedsPassphrase) => {
                let reason = self.t_bundle(B::PackNeedsPassphrase);
                return refused(self, form, reason, true);
            }
            Err(Failure::Refused(reason)) => return refused(self, form, reason, false),
        };
        match calls::merge(&self.store, &opened, true, self.now(), self.lang) {
            Ok(report) => self.ask_merge(opened, report),
            Err(failure) => self.merge_failed(failure),
        }
    }

    /// The dry run's report shown, and its summary asked about; nothing to ask when
    /// everything in the bundle is here already.
    fn ask_merge(&mut self, opened: Opened, report: Merged) {
        self.show(B::PackDryRunTitle, report.lines);
        if report.nothing_new {
            return self.info(report.summary);
        }
        let mut summary = report.summary;
        if report.renumbered > 0 {
            let count = report.renumbered;
            summary = tr!(
                self.lang,
                B::PackRenumbered,
                summary = summary,
                count = count
            );
        }
        let question = tr!(self.lang, B::PackConfirmMerge, summary = summary);
        self.bundle.opened = Some(opened);
        self.overlay = Some(Overlay::Confirm(ConfirmKind::MergeBundle, question));
    }

    fn merge_now(&mut self) {
        let Some(opened) = self.bundle.opened.take() else {
            return;
        };
        match calls::merge(&self.store, &opened, false, self.now(), self.lang) {
            Ok(report) => self.show_merged(&opened, report),
            Err(failure) => self.merge_failed(failure),
        }
    }

    fn show_merged(&mut self, opened: &Opened, report: Merged) {
        self.show(B::PackMergedTitle, report.lines);
        if let Err(e) = self.reload_after_merge() {
            return self.fail(&e);
        }
        self.refresh_bundle();
        self.done(report.summary);
        if let Some(folder) = opened.path.parent() {
            self.remember_folder(folder);
        }
    }

    fn merge_failed(&mut self, failure: Failure) {
        if let Failure::Refused(reason) = failure {
            let text = tr!(self.lang, B::PackMergeFailed, reason = reason);
            return self.show_failed(text);
        }
        self.bundle_failed(failure);
    }

    /// A failure outside a form: the store's as not saved, a refusal as a notice.
    pub(super) fn bundle_failed(&mut self, failure: Failure) {
        match failure {
            Failure::Store(e) => self.fail(&e),
            Failure::Refused(reason) => self.info(reason),
            Failure::NeedsPassphrase => {}
        }
    }

    /// After a merge everything the desk holds is read again: the cohorts, the open
    /// cohort (its roster, search index, attendance and credit) on the session in hand,
    /// and — when the folder was empty — the first screen.
    fn reload_after_merge(&mut self) -> StoreResult<()> {
        if self.welcome {
            self.open_first_screen()?;
            if !self.welcome {
                self.screen = ScreenId::CheckIn;
            }
            return Ok(());
        }
        self.refresh_cohorts()?;
        let Some(old) = self.desk.take() else {
            return Ok(());
        };
        let Some(cohort) = self.store.cohort(&old.cohort.code)? else {
            return Ok(());
        };
        let mut desk = Desk::load(&self.store, cohort, old.session)?;
        desk.undo_stack = old.undo_stack;
        self.desk = Some(desk);
        self.checkin = Default::default();
        self.lookup = Default::default();
        self.person_record = None;
        self.record_asked = None;
        Ok(())
    }
}
