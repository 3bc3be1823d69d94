//! 查询: the same search, read-only, with a detail pane for the selected person.

use crate::tui::state::Action;
use crate::tui::state::App;

impl App {
    pub(crate) fn on_lookup(&mut self, action: Action) {
        if action == Action::ToggleRegister {
            self.toggle_lookup_scope();
            return;
        }
        if action == Action::EditPerson {
            return self.open_person_edit();
        }
        if let Some(desk) = self.desk.as_ref() {
            self.lookup.on_action(action, desk);
        }
    }

    fn toggle_lookup_scope(&mut self) {
        let Some(desk) = self.desk.as_mut() else {
            return;
        };
        if let Err(e) = self.lookup.toggle_scope(desk, &self.store) {
            self.fail(&e);
        }
    }
}
