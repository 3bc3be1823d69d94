//! Coverage warnings in words, from the catalogue's Coverage section.

use crate::domain::coverage::{CohortCoverage, Warning};
use crate::domain::{Cohort, Session};
use crate::io::report::labels::{aside, separator, word};
use crate::text::{Coverage, Lang};
use crate::tr;

/// One warning as a sentence for the organiser.
pub fn warning_message(
    w: &Warning,
    cohort: &Cohort,
    coverage: &CohortCoverage,
    lang: Lang,
) -> String {
    let names = Names {
        cohort,
        coverage,
        lang,
    };
    match w {
        Warning::ModuleNotCovered { module, planned } => {
            let entry = match planned {
                false => Coverage::CovModuleNotCovered,
                true => Coverage::CovModulePlanned,
            };
            tr!(lang, entry, module = names.module(*module))
        }
        Warning::EmptySession { session } => {
            tr!(
                lang,
                Coverage::CovEmptySession,
                session = names.session(*session)
            )
        }
        Warning::NotMarkedHeld { activity, session } => tr!(
            lang,
            Coverage::CovNotMarkedHeld,
            activity = activity,
            session = session
        ),
        Warning::VisitWithoutBase { activity, session } => tr!(
            lang,
            Coverage::CovVisitWithoutBase,
            activity = activity,
            session = session
        ),
        Warning::UnaccreditedBase {
            activity,
            session,
            base,
        } => tr!(
            lang,
            Coverage::CovUnaccreditedBase,
            activity = activity,
            session = session,
            base = base
        ),
        Warning::BaseBelowStandard {
            activity,
            session,
            base,
            missing,
        } => {
            let list: Vec<&str> = missing
                .iter()
                .map(|h| word(lang, h.zh(), h.code()))
                .collect();
            tr!(
                lang,
                Coverage::CovBaseBelowStandard,
                activity = activity,
                session = session,
                base = base,
                missing = list.join(separator(lang))
            )
        }
        Warning::UnknownBase {
            activity,
            session,
            base,
        } => tr!(
            lang,
            Coverage::CovUnknownBase,
            activity = activity,
            session = session,
            base = base
        ),
    }
}

struct Names<'a> {
    cohort: &'a Cohort,
    coverage: &'a CohortCoverage,
    lang: Lang,
}

impl Names<'_> {
    /// `3（依法治理）` / `3 (Lawful governance)`.
    fn module(&self, number: u16) -> String {
        let found = self
            .coverage
            .modules
            .iter()
            .find(|m| m.module.number == number);
        let Some(row) = found else {
            return number.to_string();
        };
        let name = word(self.lang, &row.module.name_zh, &row.module.name_en);
        aside(&number.to_string(), name, self.lang)
    }

    /// `2:pm（2015-03-17 下午）` / `2:pm (2015-03-17 afternoon)`.
    fn session(&self, session: Session) -> String {
        let date = self.cohort.date_of(session.day);
        let slot = word(self.lang, session.slot.zh(), session.slot.en());
        aside(&session.to_string(), &format!("{date} {slot}"), self.lang)
    }
}
