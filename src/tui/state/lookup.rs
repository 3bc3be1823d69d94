//! 查询: the same search, read-only, with a detail pane for the selected person.

use crate::tui::desk::SearchScope;
use crate::tui::state::Action;
use crate::tui::state::App;

impl App {
    pub(crate) fn on_lookup(&mut self, action: Action) {
        if action == Action::ToggleRegister {
            self.toggle_lookup_scope();
            return;
        }
        if let Some(desk) = self.desk.as_ref() {
            self.lookup.on_action(action, desk);
        }
    }

    fn toggle_lookup_scope(&mut self) {
        let scope = match self.lookup.scope {
            SearchScope::Roster => SearchScope::Register,
            SearchScope::Register => SearchScope::Roster,
        };
        if let Err(e) = self.load_register_if(scope) {
            self.fail(&e);
            return;
        }
        self.lookup.scope = scope;
        if let Some(desk) = self.desk.as_ref() {
            self.lookup.refresh(desk);
        }
    }
}
