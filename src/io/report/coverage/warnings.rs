//! Coverage warnings in words, from the catalogue's Coverage section.

use crate::domain::coverage::{CohortCoverage, Warning};
use crate::domain::{Cohort, Session};
use crate::io::report::labels::{aside, separator};
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
    let session = match w {
        // An empty session is named with its date and slot, the others by code.
        Warning::EmptySession { session } => names.session(*session),
        _ => w.session().map(|s| s.to_string()).unwrap_or_default(),
    };
    let missing = match w {
        Warning::BaseBelowStandard { missing, .. } => {
            let haves: Vec<&str> = missing.iter().map(|h| h.label(lang)).collect();
            haves.join(separator(lang))
        }
        _ => String::new(),
    };
    tr!(
        lang,
        entry(w),
        module = w.module().map(|m| names.module(m)).unwrap_or_default(),
        session = session,
        activity = w.activity().map(|a| a.to_string()).unwrap_or_default(),
        base = w.base().unwrap_or_default(),
        missing = missing
    )
}

/// The sentence of a warning; each fills the placeholders it has.
fn entry(w: &Warning) -> Coverage {
    match w {
        Warning::ModuleNotCovered { planned: false, .. } => Coverage::CovModuleNotCovered,
        Warning::ModuleNotCovered { planned: true, .. } => Coverage::CovModulePlanned,
        Warning::EmptySession { .. } => Coverage::CovEmptySession,
        Warning::NotMarkedHeld { .. } => Coverage::CovNotMarkedHeld,
        Warning::VisitWithoutBase { .. } => Coverage::CovVisitWithoutBase,
        Warning::UnaccreditedBase { .. } => Coverage::CovUnaccreditedBase,
        Warning::BaseBelowStandard { .. } => Coverage::CovBaseBelowStandard,
        Warning::UnknownBase { .. } => Coverage::CovUnknownBase,
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
        let name = row.module.name(self.lang);
        aside(&number.to_string(), name, self.lang)
    }

    /// `2:pm（2015-03-17 下午）` / `2:pm (2015-03-17 afternoon)`.
    fn session(&self, session: Session) -> String {
        let date = self.cohort.date_of(session.day);
        let slot = session.slot.label(self.lang);
        aside(&session.to_string(), &format!("{date} {slot}"), self.lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::cohort::tests::cohort;
    use crate::domain::coverage::ModuleCoverage;
    use crate::domain::{Catalogue, Have, SlotKind};

    fn every_warning() -> Vec<Warning> {
        let session = Session::new(2, SlotKind::Pm);
        let base = "梅溪社区".to_string();
        vec![
            Warning::ModuleNotCovered {
                module: 3,
                planned: false,
            },
            Warning::ModuleNotCovered {
                module: 9,
                planned: true,
            },
            Warning::EmptySession { session },
            Warning::NotMarkedHeld {
                activity: 4,
                session,
            },
            Warning::VisitWithoutBase {
                activity: 5,
                session,
            },
            Warning::UnaccreditedBase {
                activity: 6,
                session,
                base: base.clone(),
            },
            Warning::BaseBelowStandard {
                activity: 7,
                session,
                base: base.clone(),
                missing: vec![Have::Guide, Have::Film],
            },
            Warning::UnknownBase {
                activity: 8,
                session,
                base: "base-x".into(),
            },
        ]
    }

    fn messages(lang: Lang) -> Vec<String> {
        let module = Catalogue::builtin().modules[2].clone();
        let coverage = CohortCoverage {
            sessions: vec![],
            modules: vec![ModuleCoverage {
                module,
                cells: vec![],
                covered: false,
                sessions: vec![],
                minutes: 0,
            }],
            methods: vec![],
            warnings: vec![],
        };
        let cohort = cohort();
        every_warning()
            .iter()
            .map(|w| warning_message(w, &cohort, &coverage, lang))
            .collect()
    }

    #[test]
    fn every_warning_reads_as_before_in_chinese() {
        assert_eq!(
            messages(Lang::Zh),
            [
                "模块 3（依法治理）尚未覆盖",
                "模块 9已计划，尚未举办",
                "场次 2:pm（2015-03-17 下午）已结束，没有记录教学活动",
                "场次 2:pm 的教学活动 4 已计划，但未标记为已举办",
                "现场观摩（活动 5，2:pm）未注明培训基地",
                "现场观摩（活动 6，2:pm）所到的“梅溪社区”当时未授牌",
                "现场观摩（活动 7，2:pm）所到的“梅溪社区”未达到“五有”标准（缺：讲解员、专题片）",
                "现场观摩（活动 8，2:pm）所到的基地（base-x）不在基地名单中",
            ]
        );
    }

    #[test]
    fn every_warning_reads_as_before_in_english() {
        assert_eq!(
            messages(Lang::En),
            [
                "module 3 (Lawful governance) is not covered",
                "module 9 is planned but not yet held",
                "session 2:pm (2015-03-17 afternoon) has ended with no teaching activity logged",
                "activity 4 in session 2:pm was planned but is not marked held",
                "the site visit (activity 5, 2:pm) names no training base",
                "the site visit (activity 6, 2:pm) went to '梅溪社区', which was not accredited on that day",
                "the site visit (activity 7, 2:pm) went to '梅溪社区', which does not meet the five-haves standard (lacks guide, film)",
                "the site visit (activity 8, 2:pm) names a base that is not in the list (base-x)",
            ]
        );
    }
}
