//! 学时 at the desk: the words for a person's standing, and the warning after a
//! check-in of someone who can no longer complete. The credit itself is the open
//! cohort's (`Desk::credit`), computed again after each change the desk makes.

use crate::domain::PersonId;
use crate::domain::credit::{CreditRules, Standing};
use crate::text::Desk as T;
use crate::text::Lang;
use crate::tr;
use crate::tui::widgets::sanitize;

use super::{App, NoticeKind};

/// `结业`, `未结业：请假超过总学时 1/7`, `退训：调离`.
pub fn standing_text(lang: Lang, rules: &CreditRules, standing: &Standing) -> String {
    let label = standing.label(lang);
    let reason = match standing {
        Standing::NotCompleted(shortfall) => shortfall.message(lang, rules),
        Standing::Withdrawn { reason, .. } if !reason.trim().is_empty() => {
            sanitize(reason).into_owned()
        }
        _ => return label,
    };
    tr!(lang, T::DeskStandingWhy, standing = label, reason = reason)
}

impl App {
    /// After a check-in or a leave the store made durable: when `person` can no longer
    /// complete the open cohort, the notice says so (and why) after the acknowledgement.
    pub(crate) fn warn_if_cannot_complete(&mut self, person: &PersonId, name: &str) {
        let Some(desk) = self.desk.as_ref() else {
            return;
        };
        let Some(credit) = desk.credit.person(person) else {
            return;
        };
        let Standing::NotCompleted(shortfall) = &credit.standing else {
            return;
        };
        let reason = shortfall.message(self.lang, &desk.credit.rules);
        let name = sanitize(name).into_owned();
        let warning = tr!(
            self.lang,
            T::DeskCannotComplete,
            name = name,
            reason = reason
        );
        let Some(notice) = self.notice.as_mut() else {
            return self.info(warning);
        };
        notice.text = format!("{} · {warning}", notice.text);
        notice.kind = NoticeKind::Info;
    }
}
