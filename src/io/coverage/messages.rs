//! Coverage warnings in words, in Chinese or English.

use crate::domain::coverage::{CohortCoverage, Warning};
use crate::domain::{Cohort, Session};
use crate::text::Lang;

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
    match lang {
        Lang::Zh => zh(w, &names),
        Lang::En => en(w, &names),
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
        match self.lang {
            Lang::Zh => format!("{number}（{}）", row.module.name_zh),
            Lang::En => format!("{number} ({})", row.module.name_en),
        }
    }

    /// `2:pm（2015-03-17 下午）` / `2:pm (2015-03-17 afternoon)`.
    fn session(&self, session: Session) -> String {
        let date = self.cohort.date_of(session.day);
        match self.lang {
            Lang::Zh => format!("{session}（{date} {}）", session.slot.zh()),
            Lang::En => format!("{session} ({date} {})", session.slot.en()),
        }
    }
}

fn zh(w: &Warning, names: &Names<'_>) -> String {
    match w {
        Warning::ModuleNotCovered { module, planned } => match planned {
            false => format!("模块 {}尚未覆盖", names.module(*module)),
            true => format!("模块 {}已计划，尚未举办", names.module(*module)),
        },
        Warning::EmptySession { session } => {
            format!("场次 {}已结束，没有记录教学活动", names.session(*session))
        }
        Warning::NotMarkedHeld { activity, session } => {
            format!("场次 {session} 的教学活动 {activity} 已计划，但未标记为已举办")
        }
        Warning::VisitWithoutBase { activity, session } => {
            format!("现场观摩（活动 {activity}，{session}）未注明培训基地")
        }
        Warning::UnaccreditedBase {
            activity,
            session,
            base,
        } => {
            format!("现场观摩（活动 {activity}，{session}）所到的“{base}”当时未授牌")
        }
        Warning::BaseBelowStandard {
            activity,
            session,
            base,
            missing,
        } => {
            let list: Vec<&str> = missing.iter().map(|h| h.zh()).collect();
            format!(
                "现场观摩（活动 {activity}，{session}）所到的“{base}”未达到“五有”标准（缺：{}）",
                list.join("、")
            )
        }
        Warning::UnknownBase {
            activity,
            session,
            base,
        } => {
            format!("现场观摩（活动 {activity}，{session}）所到的基地（{base}）不在基地名单中")
        }
    }
}

fn en(w: &Warning, names: &Names<'_>) -> String {
    let visit = |activity: &u32, session: &Session| {
        format!("the site visit (activity {activity}, {session})")
    };
    match w {
        Warning::ModuleNotCovered { module, planned } => match planned {
            false => format!("module {} is not covered", names.module(*module)),
            true => format!(
                "module {} is planned but not yet held",
                names.module(*module)
            ),
        },
        Warning::EmptySession { session } => format!(
            "session {} has ended with no teaching activity logged",
            names.session(*session)
        ),
        Warning::NotMarkedHeld { activity, session } => {
            format!("activity {activity} in session {session} was planned but is not marked held")
        }
        Warning::VisitWithoutBase { activity, session } => {
            format!("{} names no training base", visit(activity, session))
        }
        Warning::UnaccreditedBase {
            activity,
            session,
            base,
        } => format!(
            "{} went to '{base}', which was not accredited on that day",
            visit(activity, session)
        ),
        Warning::BaseBelowStandard {
            activity,
            session,
            base,
            missing,
        } => {
            let list: Vec<&str> = missing.iter().map(|h| h.code()).collect();
            format!(
                "{} went to '{base}', which does not meet the five-haves standard (lacks {})",
                visit(activity, session),
                list.join(", ")
            )
        }
        Warning::UnknownBase {
            activity,
            session,
            base,
        } => format!(
            "{} names a base that is not in the list ({base})",
            visit(activity, session)
        ),
    }
}
