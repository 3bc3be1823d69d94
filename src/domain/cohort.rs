//! 班次: one training class of N days, and 参训: a person on its roster.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::text::{Lang, Names, Rules};
use crate::tr;

use super::field::Field;
use super::person::PersonId;
use super::rules::CreditRules;
use super::session::{Session, SlotDef};

/// 层级: who runs the cohort.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Province,
    City,
    County,
}

impl Level {
    pub fn parse(text: &str) -> Option<Level> {
        match text.trim().to_ascii_lowercase().as_str() {
            "province" | "省级" | "省" => Some(Level::Province),
            "city" | "市级" | "市" => Some(Level::City),
            "county" | "县级" | "县" => Some(Level::County),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Level::Province => "province",
            Level::City => "city",
            Level::County => "county",
        }
    }

    /// Its name in `lang`, as shown to a person.
    pub fn label(self, lang: Lang) -> &'static str {
        let entry = match self {
            Level::Province => Names::LabelLevelProvince,
            Level::City => Names::LabelLevelCity,
            Level::County => Names::LabelLevelCounty,
        };
        entry.get(lang)
    }
}

/// Default grace period after a session's start before a check-in counts as late.
pub const DEFAULT_GRACE_MINUTES: u32 = 10;
/// Default share of sessions a person must attend to complete a cohort made before
/// 学时 rules existed (see [`Cohort::credit`]).
pub const DEFAULT_COMPLETION_PERCENT: u8 = 80;
/// Longest cohort accepted, in days (the province's longest class is a month).
pub const MAX_DAYS: u16 = 60;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cohort {
    /// Short code typed on the command line, e.g. `2015-01`: a label local to this data
    /// folder (every county has a `2026-01`), renumbered when a merge brings in another
    /// cohort with the same code. Records in this folder are keyed by it.
    pub code: String,
    /// The cohort's global id (ULID), the same in every folder it reaches: what bundles
    /// and merges know it by. Empty only in a folder not yet upgraded to schema 3;
    /// [`crate::store::Store::stage_cohort`] gives a cohort without one a new id.
    #[serde(default)]
    pub uid: String,
    pub name: String,
    pub level: Level,
    #[serde(default)]
    pub field_focus: Option<Field>,
    pub start: NaiveDate,
    pub days: u16,
    pub slots: Vec<SlotDef>,
    #[serde(default)]
    pub venue: String,
    pub open: bool,
    pub grace_minutes: u32,
    /// The rule of cohorts made before 学时 rules (schema 1): completing means attending
    /// this share of the sessions. Used only while [`Cohort::credit`] is `None`.
    #[serde(default = "default_completion")]
    pub completion_percent: u8,
    /// 学时 and completion rules. `None` for a cohort made before they existed: it keeps
    /// its old rule (`completion_percent` of sessions) until edited, so last year's
    /// reports do not change silently. Every new cohort has rules.
    #[serde(default)]
    pub credit: Option<CreditRules>,
    /// Sessions closed by the organiser: people without a check-in count as absent.
    #[serde(default)]
    pub closed_sessions: Vec<Session>,
    pub created_at: DateTime<FixedOffset>,
    /// When its settings last changed (`cohort edit`, closing or reopening): of two
    /// laptops that edited the same cohort differently, a merge keeps the newer edit.
    /// `None`: never changed since `created_at`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<DateTime<FixedOffset>>,
}

fn default_completion() -> u8 {
    DEFAULT_COMPLETION_PERCENT
}

impl Cohort {
    /// Every session of the cohort, day by day, in slot order.
    pub fn sessions(&self) -> Vec<Session> {
        (1..=self.days)
            .flat_map(|day| self.slots.iter().map(move |s| Session::new(day, s.kind)))
            .collect()
    }

    pub fn has_session(&self, session: Session) -> bool {
        (1..=self.days).contains(&session.day) && self.slot_def(session).is_some()
    }

    fn slot_def(&self, session: Session) -> Option<&SlotDef> {
        self.slots.iter().find(|s| s.kind == session.slot)
    }

    /// The calendar date of a day of the cohort (day 1 is the start date).
    pub fn date_of(&self, day: u16) -> NaiveDate {
        self.start + Duration::days(i64::from(day.max(1)) - 1)
    }

    pub fn end_date(&self) -> NaiveDate {
        self.date_of(self.days)
    }

    /// Local start time of a session.
    pub fn starts_at(&self, session: Session) -> Option<NaiveDateTime> {
        let slot = self.slot_def(session)?;
        Some(self.date_of(session.day).and_time(slot.starts_at))
    }

    /// After this local time a check-in is late.
    pub fn late_after(&self, session: Session) -> Option<NaiveDateTime> {
        Some(self.starts_at(session)? + Duration::minutes(i64::from(self.grace_minutes)))
    }

    /// The session the clock is in: on a cohort day, the last slot that has started,
    /// or the day's first slot before it starts (the desk opens early).
    pub fn session_at(&self, now: NaiveDateTime) -> Option<Session> {
        let day_index = (now.date() - self.start).num_days();
        if day_index < 0 || day_index >= i64::from(self.days) {
            return None;
        }
        let day = u16::try_from(day_index + 1).ok()?;
        let mut slots: Vec<&SlotDef> = self.slots.iter().collect();
        slots.sort_by_key(|s| s.starts_at);
        let current = slots
            .iter()
            .rev()
            .find(|s| s.starts_at <= now.time())
            .or(slots.first())?;
        Some(Session::new(day, current.kind))
    }

    /// The session the clock is in, else the next one to come, else the last one.
    pub fn session_near(&self, now: NaiveDateTime) -> Option<Session> {
        if let Some(s) = self.session_at(now) {
            return Some(s);
        }
        let sessions = self.sessions();
        sessions
            .iter()
            .find(|s| self.starts_at(**s).is_some_and(|t| t >= now))
            .or(sessions.last())
            .copied()
    }

    pub fn is_closed(&self, session: Session) -> bool {
        self.closed_sessions.contains(&session)
    }

    /// The rules 学时 are credited by: the cohort's own, or the defaults for a cohort
    /// made before rules existed (whose completion still follows its old rule).
    pub fn rules(&self) -> CreditRules {
        self.credit.clone().unwrap_or_default()
    }

    /// Completion by the rule of cohorts made before 学时 rules: attended (present or
    /// late) at least `completion_percent` of all sessions.
    pub fn completes_by_sessions(&self, attended: usize) -> bool {
        let sessions = self.sessions().len();
        sessions > 0 && attended * 100 >= sessions * usize::from(self.completion_percent)
    }

    /// Local end time of a session.
    pub fn ends_at(&self, session: Session) -> Option<NaiveDateTime> {
        let slot = self.slot_def(session)?;
        Some(self.date_of(session.day).and_time(slot.ends()))
    }

    /// A session's length in minutes (0 for a session the cohort does not have).
    pub fn slot_minutes(&self, session: Session) -> u32 {
        self.slot_def(session).map_or(0, SlotDef::minutes)
    }
}

/// Why a cohort cannot be created as given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CohortError {
    EmptyName,
    BadDays,
    BadSlots,
    BadCode,
}

impl CohortError {
    /// What a person is told, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            CohortError::EmptyName => tr!(lang, Rules::CohortEmptyName),
            CohortError::BadDays => tr!(lang, Rules::CohortBadDays, max = MAX_DAYS),
            CohortError::BadSlots => tr!(lang, Rules::CohortBadSlots),
            CohortError::BadCode => tr!(lang, Rules::CohortBadCode),
        }
    }
}

/// English, for logs; what a user sees comes from [`CohortError::message`].
impl std::fmt::Display for CohortError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for CohortError {}

impl Cohort {
    pub fn validate(&self) -> Result<(), CohortError> {
        if self.name.trim().is_empty() || self.name.chars().any(char::is_control) {
            return Err(CohortError::EmptyName);
        }
        if self.days == 0 || self.days > MAX_DAYS {
            return Err(CohortError::BadDays);
        }
        let mut kinds: Vec<_> = self.slots.iter().map(|s| s.kind).collect();
        kinds.sort();
        kinds.dedup();
        if self.slots.is_empty() || kinds.len() != self.slots.len() {
            return Err(CohortError::BadSlots);
        }
        if !valid_code(&self.code) {
            return Err(CohortError::BadCode);
        }
        Ok(())
    }
}

pub fn valid_code(code: &str) -> bool {
    (1..=16).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// The next free code for a cohort starting in `year`: `2015-01`, `2015-02`, …
pub fn next_code(year: i32, existing: &[String]) -> String {
    (1..)
        .map(|n| format!("{year}-{n:02}"))
        .find(|c| !existing.contains(c))
        .expect("an unbounded range always yields a free code")
}

/// 参训: a person on a cohort's roster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Enrolment {
    pub cohort: String,
    pub person: PersonId,
    pub enrolled_at: DateTime<FixedOffset>,
    /// 现场增补: added at the venue rather than from the planned roster.
    #[serde(default)]
    pub walk_in: bool,
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::domain::session::SlotKind;

    pub(crate) fn cohort() -> Cohort {
        Cohort {
            uid: String::new(),
            updated_at: None,
            code: "2015-01".into(),
            name: "第1期".into(),
            level: Level::County,
            field_focus: None,
            start: NaiveDate::from_ymd_opt(2015, 3, 16).unwrap(),
            days: 4,
            slots: SlotDef::defaults(),
            venue: String::new(),
            open: true,
            grace_minutes: DEFAULT_GRACE_MINUTES,
            completion_percent: DEFAULT_COMPLETION_PERCENT,
            credit: Some(CreditRules::default()),
            closed_sessions: vec![],
            created_at: DateTime::parse_from_rfc3339("2015-03-01T08:00:00+08:00").unwrap(),
        }
    }

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn a_four_day_cohort_has_eight_sessions() {
        let c = cohort();
        assert_eq!(c.sessions().len(), 8);
        assert_eq!(c.end_date(), NaiveDate::from_ymd_opt(2015, 3, 19).unwrap());
        assert!(c.has_session(Session::new(4, SlotKind::Pm)));
        assert!(!c.has_session(Session::new(5, SlotKind::Am)));
        assert!(!c.has_session(Session::new(1, SlotKind::Eve)));
    }

    #[test]
    fn the_clock_picks_the_session() {
        let c = cohort();
        let am2 = Session::new(2, SlotKind::Am);
        let pm2 = Session::new(2, SlotKind::Pm);
        assert_eq!(c.session_at(at("2015-03-17 07:50")), Some(am2));
        assert_eq!(c.session_at(at("2015-03-17 12:00")), Some(am2));
        assert_eq!(c.session_at(at("2015-03-17 14:30")), Some(pm2));
        assert_eq!(c.session_at(at("2015-03-17 22:00")), Some(pm2));
        assert_eq!(c.session_at(at("2015-03-15 09:00")), None);
        assert_eq!(c.session_at(at("2015-03-20 09:00")), None);
        let first = Session::new(1, SlotKind::Am);
        let last = Session::new(4, SlotKind::Pm);
        assert_eq!(c.session_near(at("2015-03-01 09:00")), Some(first));
        assert_eq!(c.session_near(at("2015-04-01 09:00")), Some(last));
    }

    #[test]
    fn late_means_after_start_plus_grace() {
        let c = cohort();
        let s = Session::new(1, SlotKind::Am);
        assert_eq!(c.late_after(s), Some(at("2015-03-16 08:40")));
    }

    #[test]
    fn codes_are_numbered_per_year() {
        assert_eq!(next_code(2015, &[]), "2015-01");
        let taken = vec!["2015-01".to_string(), "2015-02".to_string()];
        assert_eq!(next_code(2015, &taken), "2015-03");
        assert!(!valid_code("a b"));
    }

    #[test]
    fn validation_rejects_zero_days_and_duplicate_slots() {
        let mut c = cohort();
        assert_eq!(c.validate(), Ok(()));
        c.days = 0;
        assert_eq!(c.validate(), Err(CohortError::BadDays));
        c.days = 3;
        c.slots.push(SlotDef::new(SlotKind::Am));
        assert_eq!(c.validate(), Err(CohortError::BadSlots));
    }
}
