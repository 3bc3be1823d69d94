//! 导入: a roster from a CSV or Excel file — type the path, Enter to preview (nothing
//! written), Enter again to confirm; any bad row means nothing is imported.

use std::collections::HashSet;
use std::path::PathBuf;

use crate::domain::PersonId;
use crate::io::import::{self, ImportOptions, Prepared, report};
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
        self.prepared.as_ref().is_some_and(|p| p.errors.is_empty())
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
            _ => self.preview_import(),
        }
    }

    fn preview_import(&mut self) {
        let path = PathBuf::from(self.import.path.value().trim());
        let enrol_in = self
            .desk
            .as_ref()
            .filter(|_| self.import.enrol)
            .map(|d| d.cohort.code.clone());
        let lines;
        let prepared = match self.prepare_import(&path, enrol_in.as_deref()) {
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
        &self,
        path: &std::path::Path,
        enrol_in: Option<&str>,
    ) -> Result<Prepared, String> {
        let lang = self.lang;
        let bytes = import::read_bytes(path).map_err(|e| e.message(lang))?;
        let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        let register = self.store.people().map_err(|e| e.message(lang))?;
        let roster: Option<HashSet<PersonId>> = match enrol_in {
            Some(code) => Some(
                self.store
                    .enrolments(code)
                    .map_err(|e| e.message(lang))?
                    .into_iter()
                    .map(|e| e.person)
                    .collect(),
            ),
            None => None,
        };
        import::prepare(
            &bytes,
            extension,
            &ImportOptions::default(),
            register,
            roster.as_ref(),
            |_| {},
        )
        .map_err(|e| e.message(lang))
    }

    fn preview_lines(
        &self,
        path: &std::path::Path,
        p: &Prepared,
        enrol_in: Option<&str>,
    ) -> Vec<String> {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let summary = report::summary(self.lang, &name, &p.read, &p.plan, enrol_in, p.errors.len());
        let mut lines: Vec<String> = summary.lines().map(str::to_string).collect();
        if !p.errors.is_empty() {
            lines.push(T::ImportErrors.fill(self.lang, &[&p.errors.len().to_string()]));
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
        let name = path.display().to_string();
        let counts = [
            p.plan.new_people.len(),
            p.plan.updated.len(),
            p.plan.enrol.len(),
        ]
        .map(|n| n.to_string());
        let question =
            T::ConfirmImport.fill(self.lang, &[&name, &counts[0], &counts[1], &counts[2]]);
        self.overlay = Some(Overlay::Confirm(ConfirmKind::Import, question));
    }

    /// Commits the previewed import in one durable transaction.
    pub(crate) fn run_import(&mut self) {
        let Some(Preview {
            prepared: Some(p),
            enrol_in,
            ..
        }) = self.import.preview.take()
        else {
            return;
        };
        let result = self.store.commit_import(
            p.plan.writes(),
            enrol_in.as_deref(),
            &p.plan.enrol,
            self.now(),
        );
        match result {
            Err(e) => return self.fail(&e),
            Ok(Err(closed)) => return self.info(self.closed_text(closed)),
            Ok(Ok(())) => {}
        }
        let counts = [p.plan.new_people.len(), p.plan.updated.len()].map(|n| n.to_string());
        self.done(T::ImportDone.fill(self.lang, &[&counts[0], &counts[1]]));
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
