//! One file per screen: its state, its key handling and its view.

pub mod checkin;
pub mod cohorts;
pub mod lookup;
pub mod sessions;
pub mod welcome;

use super::text::T;

/// The screens, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScreenId {
    CheckIn,
    Lookup,
    Sessions,
    Cohorts,
}

impl ScreenId {
    pub const ALL: [ScreenId; 4] = [
        ScreenId::CheckIn,
        ScreenId::Lookup,
        ScreenId::Sessions,
        ScreenId::Cohorts,
    ];

    pub fn title(self) -> T {
        match self {
            ScreenId::CheckIn => T::ScreenCheckIn,
            ScreenId::Lookup => T::ScreenLookup,
            ScreenId::Sessions => T::ScreenSessions,
            ScreenId::Cohorts => T::ScreenCohorts,
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
