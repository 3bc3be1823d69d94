//! 场次: one half-day slot of one day of a cohort.

use chrono::NaiveTime;
use serde::{Deserialize, Serialize};

use crate::text::{Lang, Names};

/// Which part of the day a session is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SlotKind {
    Am,
    Pm,
    Eve,
}

impl SlotKind {
    pub const ALL: [SlotKind; 3] = [SlotKind::Am, SlotKind::Pm, SlotKind::Eve];

    pub fn code(self) -> &'static str {
        match self {
            SlotKind::Am => "am",
            SlotKind::Pm => "pm",
            SlotKind::Eve => "eve",
        }
    }

    /// Its name in `lang`, as shown to a person.
    pub fn label(self, lang: Lang) -> &'static str {
        let entry = match self {
            SlotKind::Am => Names::LabelSlotKindAm,
            SlotKind::Pm => Names::LabelSlotKindPm,
            SlotKind::Eve => Names::LabelSlotKindEve,
        };
        entry.get(lang)
    }

    /// Default start times: 08:30, 14:30 and 19:30.
    pub fn default_start(self) -> NaiveTime {
        let (h, m) = match self {
            SlotKind::Am => (8, 30),
            SlotKind::Pm => (14, 30),
            SlotKind::Eve => (19, 30),
        };
        NaiveTime::from_hms_opt(h, m, 0).expect("constant time is valid")
    }

    pub fn parse(text: &str) -> Option<SlotKind> {
        match text.trim().to_ascii_lowercase().as_str() {
            "am" | "morning" | "上午" => Some(SlotKind::Am),
            "pm" | "afternoon" | "下午" => Some(SlotKind::Pm),
            "eve" | "evening" | "晚上" => Some(SlotKind::Eve),
            _ => None,
        }
    }
}

/// One slot of a cohort's day, with its start time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlotDef {
    pub kind: SlotKind,
    pub starts_at: NaiveTime,
}

impl SlotDef {
    pub fn new(kind: SlotKind) -> SlotDef {
        SlotDef {
            kind,
            starts_at: kind.default_start(),
        }
    }

    /// Parses `am`, `pm`, `eve`, optionally with a time: `am=08:00`.
    pub fn parse(text: &str) -> Result<SlotDef, String> {
        let (kind_text, time_text) = match text.split_once('=') {
            Some((k, t)) => (k, Some(t)),
            None => (text, None),
        };
        let kind = SlotKind::parse(kind_text)
            .ok_or_else(|| format!("unknown slot '{kind_text}': use am, pm or eve"))?;
        let starts_at = match time_text {
            None => kind.default_start(),
            Some(t) => NaiveTime::parse_from_str(t.trim(), "%H:%M")
                .map_err(|_| format!("bad time '{t}' for slot {}: use HH:MM", kind.code()))?,
        };
        Ok(SlotDef { kind, starts_at })
    }

    /// The default slots: morning 08:30 and afternoon 14:30.
    pub fn defaults() -> Vec<SlotDef> {
        vec![SlotDef::new(SlotKind::Am), SlotDef::new(SlotKind::Pm)]
    }
}

/// A session of a cohort: day (1-based) and slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Session {
    pub day: u16,
    pub slot: SlotKind,
}

impl Session {
    pub fn new(day: u16, slot: SlotKind) -> Session {
        Session { day, slot }
    }

    /// Its name as shown to a person: `第2天下午` / `day 2 afternoon`.
    pub fn label(self, lang: Lang) -> String {
        let slot = self.slot.label(lang);
        crate::tr!(lang, Names::LabelSession, day = self.day, slot = slot)
    }

    /// Parses `DAY:SLOT`, e.g. `2:pm`.
    pub fn parse(text: &str) -> Option<Session> {
        let (day, slot) = text.split_once(':')?;
        let day: u16 = day.trim().parse().ok()?;
        Some(Session::new(day, SlotKind::parse(slot)?))
    }

    /// The form `parse` reads: `2:pm`.
    pub fn code(&self) -> String {
        format!("{}:{}", self.day, self.slot.code())
    }
}

impl std::fmt::Display for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sessions_parse_from_day_and_slot() {
        assert_eq!(Session::parse("2:pm"), Some(Session::new(2, SlotKind::Pm)));
        assert_eq!(
            Session::parse("1:上午"),
            Some(Session::new(1, SlotKind::Am))
        );
        assert_eq!(Session::parse("x:pm"), None);
        assert_eq!(Session::parse("2"), None);
        assert_eq!(Session::new(3, SlotKind::Eve).code(), "3:eve");
    }

    #[test]
    fn slots_parse_with_optional_time() {
        let s = SlotDef::parse("am=08:00").unwrap();
        assert_eq!(s.starts_at, NaiveTime::from_hms_opt(8, 0, 0).unwrap());
        assert_eq!(
            SlotDef::parse("pm").unwrap().starts_at,
            SlotKind::Pm.default_start()
        );
        assert!(SlotDef::parse("noon").is_err());
        assert!(SlotDef::parse("am=8h").is_err());
    }
}
