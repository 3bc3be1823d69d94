//! What the coverage of a cohort asks an organiser to look at.

use serde::Serialize;

use crate::domain::base::Have;
use crate::domain::session::Session;

/// Something an organiser should look at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Warning {
    /// No held activity covered the module (`planned`: one is planned).
    ModuleNotCovered { module: u16, planned: bool },
    /// A session that has ended with no activity logged.
    EmptySession { session: Session },
    /// A planned activity whose session has ended, not marked held.
    NotMarkedHeld { activity: u32, session: Session },
    /// A site visit with no training base.
    VisitWithoutBase { activity: u32, session: Session },
    /// A site visit to a base that was not accredited (授牌) on the day.
    UnaccreditedBase {
        activity: u32,
        session: Session,
        base: String,
    },
    /// A site visit to a base lacking some of the five haves.
    BaseBelowStandard {
        activity: u32,
        session: Session,
        base: String,
        missing: Vec<Have>,
    },
    /// A site visit to a base that is not in the list of bases.
    UnknownBase {
        activity: u32,
        session: Session,
        base: String,
    },
}

impl Warning {
    /// A stable name for scripts: `module_not_covered`, `empty_session`, …
    pub fn kind(&self) -> &'static str {
        match self {
            Warning::ModuleNotCovered { .. } => "module_not_covered",
            Warning::EmptySession { .. } => "empty_session",
            Warning::NotMarkedHeld { .. } => "not_marked_held",
            Warning::VisitWithoutBase { .. } => "visit_without_base",
            Warning::UnaccreditedBase { .. } => "unaccredited_base",
            Warning::BaseBelowStandard { .. } => "base_below_standard",
            Warning::UnknownBase { .. } => "unknown_base",
        }
    }

    pub fn module(&self) -> Option<u16> {
        match self {
            Warning::ModuleNotCovered { module, .. } => Some(*module),
            _ => None,
        }
    }

    pub fn session(&self) -> Option<Session> {
        match self {
            Warning::ModuleNotCovered { .. } => None,
            Warning::EmptySession { session }
            | Warning::NotMarkedHeld { session, .. }
            | Warning::VisitWithoutBase { session, .. }
            | Warning::UnaccreditedBase { session, .. }
            | Warning::BaseBelowStandard { session, .. }
            | Warning::UnknownBase { session, .. } => Some(*session),
        }
    }

    pub fn activity(&self) -> Option<u32> {
        match self {
            Warning::ModuleNotCovered { .. } | Warning::EmptySession { .. } => None,
            Warning::NotMarkedHeld { activity, .. }
            | Warning::VisitWithoutBase { activity, .. }
            | Warning::UnaccreditedBase { activity, .. }
            | Warning::BaseBelowStandard { activity, .. }
            | Warning::UnknownBase { activity, .. } => Some(*activity),
        }
    }

    /// The base's name (its id for an unknown base).
    pub fn base(&self) -> Option<&str> {
        match self {
            Warning::UnaccreditedBase { base, .. }
            | Warning::BaseBelowStandard { base, .. }
            | Warning::UnknownBase { base, .. } => Some(base),
            _ => None,
        }
    }
}
