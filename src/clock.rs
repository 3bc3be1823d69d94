//! The clock, injected so tests and demos can fix "now" with `LUNXUN_NOW` (RFC 3339).

use chrono::{DateTime, FixedOffset, Local};

use crate::text::{Commands, Lang};
use crate::tr;

#[derive(Debug, Clone, Copy)]
pub enum Clock {
    System,
    Fixed(DateTime<FixedOffset>),
}

impl Clock {
    /// Reads `LUNXUN_NOW`; an unparsable value is an error naming the expected format.
    pub fn from_env() -> Result<Clock, BadClock> {
        match std::env::var("LUNXUN_NOW") {
            Ok(text) if !text.trim().is_empty() => DateTime::parse_from_rfc3339(text.trim())
                .map(Clock::Fixed)
                .map_err(|_| BadClock(text)),
            _ => Ok(Clock::System),
        }
    }

    pub fn now(&self) -> DateTime<FixedOffset> {
        match self {
            Clock::System => Local::now().fixed_offset(),
            Clock::Fixed(at) => *at,
        }
    }
}

/// `LUNXUN_NOW` holds something that is not a time (the text it holds).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadClock(pub String);

impl BadClock {
    /// What a person is told, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        tr!(lang, Commands::ClockNotATime, text = self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_clock_is_told_in_the_language_asked_for() {
        let bad = BadClock("tomorrow".into());
        assert_eq!(
            bad.message(Lang::En),
            "LUNXUN_NOW='tomorrow' is not an RFC 3339 time such as 2015-03-16T08:41:00+08:00"
        );
        assert!(bad.message(Lang::Zh).contains("不是 RFC 3339 时间"));
    }
}
