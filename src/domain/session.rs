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

    /// Default start times: 08:30, 14:30 and 19:00.
    pub fn default_start(self) -> NaiveTime {
        let (h, m) = match self {
            SlotKind::Am => (8, 30),
            SlotKind::Pm => (14, 30),
            SlotKind::Eve => (19, 0),
        };
        NaiveTime::from_hms_opt(h, m, 0).expect("constant time is valid")
    }

    /// Default end times: 11:30, 17:30 and 21:00.
    pub fn default_end(self) -> NaiveTime {
        let (h, m) = match self {
            SlotKind::Am => (11, 30),
            SlotKind::Pm => (17, 30),
            SlotKind::Eve => (21, 0),
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

/// One slot of a cohort's day, with its start and end times.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlotDef {
    pub kind: SlotKind,
    pub starts_at: NaiveTime,
    /// `None` in slots stored before end times existed: see [`SlotDef::ends`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ends_at: Option<NaiveTime>,
}

/// Why a slot as typed (`am=08:30-11:30`) is not one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SlotError {
    UnknownSlot(String),
    BadTime {
        slot: SlotKind,
        text: String,
    },
    /// The end is not after the start.
    EndsBeforeStart(SlotKind),
}

impl SlotDef {
    pub fn new(kind: SlotKind) -> SlotDef {
        SlotDef {
            kind,
            starts_at: kind.default_start(),
            ends_at: Some(kind.default_end()),
        }
    }

    /// When the slot ends: as stored, else the kind's default end, or three hours after
    /// a start that is past the default end.
    pub fn ends(&self) -> NaiveTime {
        let default = self.kind.default_end();
        match self.ends_at {
            Some(end) => end,
            None if default > self.starts_at => default,
            None => self.starts_at + chrono::Duration::hours(3),
        }
    }

    /// The slot's length in minutes (0 if the end is not after the start).
    pub fn minutes(&self) -> u32 {
        let length = (self.ends() - self.starts_at).num_minutes();
        u32::try_from(length).unwrap_or(0)
    }

    /// Parses `am`, `pm`, `eve`, optionally with a start time (`am=08:00`) or a start
    /// and an end (`am=08:30-11:30`).
    pub fn parse(text: &str) -> Result<SlotDef, SlotError> {
        let (kind_text, time_text) = match text.split_once('=') {
            Some((k, t)) => (k, Some(t)),
            None => (text, None),
        };
        let kind = SlotKind::parse(kind_text)
            .ok_or_else(|| SlotError::UnknownSlot(kind_text.trim().to_string()))?;
        let Some(time_text) = time_text else {
            return Ok(SlotDef::new(kind));
        };
        let time = |t: &str| {
            NaiveTime::parse_from_str(t.trim(), "%H:%M").map_err(|_| SlotError::BadTime {
                slot: kind,
                text: time_text.trim().to_string(),
            })
        };
        let (starts_at, ends_at) = match time_text.split_once('-') {
            Some((start, end)) => (time(start)?, Some(time(end)?)),
            None => (time(time_text)?, None),
        };
        let slot = SlotDef {
            kind,
            starts_at,
            ends_at,
        };
        let slot = SlotDef {
            ends_at: Some(slot.ends()),
            ..slot
        };
        if slot.ends() <= slot.starts_at {
            return Err(SlotError::EndsBeforeStart(kind));
        }
        Ok(slot)
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

    #[test]
    fn slots_have_end_times() {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        let am = SlotDef::parse("am=08:00-11:00").unwrap();
        assert_eq!(
            (am.starts_at, am.ends(), am.minutes()),
            (t(8, 0), t(11, 0), 180)
        );
        assert_eq!(SlotDef::new(SlotKind::Pm).minutes(), 180);
        assert_eq!(SlotDef::new(SlotKind::Eve).minutes(), 120);
        assert_eq!(SlotDef::parse("pm=14:00").unwrap().ends(), t(17, 30));
        assert_eq!(
            SlotDef::parse("am=11:00-10:00"),
            Err(SlotError::EndsBeforeStart(SlotKind::Am))
        );
        // A slot stored before end times existed: the default end, or three hours on.
        let old: SlotDef = serde_json::from_str(r#"{"kind":"am","starts_at":"08:30:00"}"#).unwrap();
        assert_eq!(old.ends(), t(11, 30));
        let late = SlotDef {
            kind: SlotKind::Am,
            starts_at: t(12, 0),
            ends_at: None,
        };
        assert_eq!(late.ends(), t(15, 0));
    }
}
