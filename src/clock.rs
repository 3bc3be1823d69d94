//! The clock, injected so tests and demos can fix "now" with `LUNXUN_NOW` (RFC 3339).

use chrono::{DateTime, FixedOffset, Local};

#[derive(Debug, Clone, Copy)]
pub enum Clock {
    System,
    Fixed(DateTime<FixedOffset>),
}

impl Clock {
    /// Reads `LUNXUN_NOW`; an unparsable value is an error naming the expected format.
    pub fn from_env() -> Result<Clock, String> {
        match std::env::var("LUNXUN_NOW") {
            Ok(text) if !text.trim().is_empty() => DateTime::parse_from_rfc3339(text.trim())
                .map(Clock::Fixed)
                .map_err(|_| {
                    format!(
                        "LUNXUN_NOW='{text}' is not an RFC 3339 time such as 2015-03-16T08:41:00+08:00"
                    )
                }),
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
