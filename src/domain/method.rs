//! 轮训方式: the six teaching methods of the notice, and hours as organisers write them.

use serde::{Deserialize, Serialize};

use crate::text::{Lang, Names};

/// 轮训方式: the six teaching methods of the notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    Lecture,
    Sharing,
    Case,
    Visit,
    Discussion,
    Elective,
}

impl Method {
    pub const ALL: [Method; 6] = [
        Method::Lecture,
        Method::Sharing,
        Method::Case,
        Method::Visit,
        Method::Discussion,
        Method::Elective,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Method::Lecture => "lecture",
            Method::Sharing => "sharing",
            Method::Case => "case",
            Method::Visit => "visit",
            Method::Discussion => "discussion",
            Method::Elective => "elective",
        }
    }

    /// Its name in `lang`, as shown to a person.
    pub fn label(self, lang: Lang) -> &'static str {
        let entry = match self {
            Method::Lecture => Names::LabelMethodLecture,
            Method::Sharing => Names::LabelMethodSharing,
            Method::Case => Names::LabelMethodCase,
            Method::Visit => Names::LabelMethodVisit,
            Method::Discussion => Names::LabelMethodDiscussion,
            Method::Elective => Names::LabelMethodElective,
        };
        entry.get(lang)
    }

    /// Accepts the code, the Chinese name or the English name (`site-visit` too).
    pub fn parse(text: &str) -> Option<Method> {
        let t = text.trim();
        let lower = t.to_ascii_lowercase().replace(['-', '_'], " ");
        Method::ALL
            .into_iter()
            .find(|m| m.code() == lower || m.label(Lang::Zh) == t || m.label(Lang::En) == lower)
    }
}

/// Reads clock hours as a decimal (`2`, `1.5`, `2小时`, `2h`) or as `H:MM`; returns
/// minutes (1 to 24 hours). 学时 are read by [`GivenHours::parse`].
pub fn parse_hours(text: &str) -> Option<u32> {
    let t = text
        .trim()
        .trim_end_matches(['h', 'H', '小', '时'])
        .trim_end();
    let minutes = match t.split_once(':') {
        Some((h, m)) => {
            let m: u32 = m.parse().ok().filter(|m| *m < 60)?;
            h.parse::<u32>().ok()?.checked_mul(60)?.checked_add(m)?
        }
        None => {
            let hours: f64 = t.parse().ok().filter(|h: &f64| h.is_finite())?;
            (hours * 60.0).round() as u32
        }
    };
    (1..=24 * 60).contains(&minutes).then_some(minutes)
}

/// Hours as an organiser gives them: in 学时 (class hours, `2学时`, `2课时`: whole
/// numbers, each the cohort's `hour_minutes` long) or clock time (`2`, `1.5`, `1:30`,
/// `2小时`, `2h`: minutes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GivenHours {
    Class(u32),
    Clock(u32),
}

impl GivenHours {
    /// Reads `2学时`, `2课时` (1 to 24 class hours) or clock hours as [`parse_hours`].
    pub fn parse(text: &str) -> Option<GivenHours> {
        let t = text.trim();
        let class = ["学时", "课时"].iter().find_map(|s| t.strip_suffix(s));
        match class {
            Some(number) => {
                let n: u32 = number.trim().parse().ok()?;
                (1..=24).contains(&n).then_some(GivenHours::Class(n))
            }
            None => parse_hours(t).map(GivenHours::Clock),
        }
    }

    /// As stored on an activity: `(minutes, class_hours)`.
    pub fn stored(self, hour_minutes: u32) -> (u32, Option<u32>) {
        match self {
            GivenHours::Class(n) => (n * hour_minutes, Some(n)),
            GivenHours::Clock(minutes) => (minutes, None),
        }
    }
}

/// Minutes as hours, to two decimals.
pub fn hours(minutes: u32) -> f64 {
    (f64::from(minutes) / 60.0 * 100.0).round() / 100.0
}
