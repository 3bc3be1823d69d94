//! The first start: no cohort yet. Load the demo in one key, or create a cohort.

use crate::demo::{self, DemoOutcome};
use crate::text::Desk as T;
use crate::tui::state::Action;
use crate::tui::state::App;
use crate::tui::state::ScreenId;

impl App {
    pub(crate) fn on_welcome(&mut self, action: Action) {
        match action {
            Action::LoadDemo => self.load_demo(),
            Action::New => self.open_cohort_form(),
            Action::MergeBundle => self.open_merge_form(),
            Action::Quit => self.quit = true,
            _ => {}
        }
    }

    fn load_demo(&mut self) {
        let outcome = match demo::install(&self.store, self.now()) {
            Ok(outcome) => outcome,
            Err(e) => return self.fail(&e),
        };
        let (code, people) = match outcome {
            DemoOutcome::Installed { cohort, people, .. } => (cohort, people),
            DemoOutcome::AlreadyThere { cohort } => (cohort, 0),
        };
        if let Err(e) = self.enter_cohort(&code) {
            return self.fail(&e);
        }
        self.done(crate::tr!(
            self.lang,
            T::DemoLoaded,
            count = people,
            cohort = code
        ));
        self.screen = ScreenId::CheckIn;
    }
}
