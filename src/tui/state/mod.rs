//! One file per screen: its state, its key handling and its view.

pub mod bases;
pub mod checkin;
pub mod cohorts;
pub mod coverage;
pub mod dashboard;
pub mod import;
pub mod lookup;
pub mod sessions;
pub mod teaching;
pub mod welcome;

use super::keymap::Scope;
use crate::text::Desk as T;

/// The screens, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScreenId {
    CheckIn,
    Lookup,
    Sessions,
    Cohorts,
    Dashboard,
    Teaching,
    Coverage,
    Bases,
    Import,
}

impl ScreenId {
    pub const ALL: [ScreenId; 9] = [
        ScreenId::CheckIn,
        ScreenId::Lookup,
        ScreenId::Sessions,
        ScreenId::Cohorts,
        ScreenId::Dashboard,
        ScreenId::Teaching,
        ScreenId::Coverage,
        ScreenId::Bases,
        ScreenId::Import,
    ];

    /// The keymap scope of the screen.
    pub fn scope(self) -> Scope {
        match self {
            ScreenId::CheckIn => Scope::CheckIn,
            ScreenId::Lookup => Scope::Lookup,
            ScreenId::Sessions => Scope::Sessions,
            ScreenId::Cohorts => Scope::Cohorts,
            ScreenId::Dashboard => Scope::Dashboard,
            ScreenId::Teaching => Scope::Teaching,
            ScreenId::Coverage => Scope::Coverage,
            ScreenId::Bases => Scope::Bases,
            ScreenId::Import => Scope::Import,
        }
    }

    pub fn title(self) -> T {
        match self {
            ScreenId::CheckIn => T::ScreenCheckIn,
            ScreenId::Lookup => T::ScreenLookup,
            ScreenId::Sessions => T::ScreenSessions,
            ScreenId::Cohorts => T::ScreenCohorts,
            ScreenId::Dashboard => T::ScreenDashboard,
            ScreenId::Teaching => T::ScreenTeaching,
            ScreenId::Coverage => T::ScreenCoverage,
            ScreenId::Bases => T::ScreenBases,
            ScreenId::Import => T::ScreenImport,
        }
    }

    pub fn next(self) -> ScreenId {
        let i = ScreenId::ALL.iter().position(|s| *s == self).unwrap_or(0);
        ScreenId::ALL[(i + 1) % ScreenId::ALL.len()]
    }

    pub fn prev(self) -> ScreenId {
        let i = ScreenId::ALL.iter().position(|s| *s == self).unwrap_or(0);
        ScreenId::ALL[(i + ScreenId::ALL.len() - 1) % ScreenId::ALL.len()]
    }
}
