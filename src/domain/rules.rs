//! 学时 and completion rules, stored with each cohort (computed by [`super::credit`]) (see the README's "Training
//! credit" for where each default comes from).

use serde::{Deserialize, Serialize};

/// Minutes in one 学时 (a class hour): 45 by default.
pub const DEFAULT_HOUR_MINUTES: u32 = 45;
/// 学时 of a session without teaching activities that record hours: a half-day is
/// credited 3–4 学时 by local rules; 3 by default.
pub const DEFAULT_HOURS_PER_SESSION: u32 = 3;
/// Share of the cohort's total 学时 a person must be credited to complete (结业).
pub const DEFAULT_COMPLETION_PERCENT: u8 = 80;
/// Leave and unexcused absence together may not pass this share of the total 学时
/// (Party-school rules: more than 1/7 is not completing).
pub const DEFAULT_LEAVE_LIMIT: Fraction = Fraction { num: 1, den: 7 };
/// Late by more than this many minutes: the minutes missed are taken off the session's
/// 学时 (rounded down to whole 学时); at or under it, credited in full.
pub const DEFAULT_LATE_ALLOWANCE_MINUTES: u32 = 30;
/// Signing out more than this many minutes before the session's end is early leave (早退).
pub const DEFAULT_EARLY_LEAVE_MINUTES: u32 = 15;
/// Leaving early by more than this many minutes: the minutes missed are taken off the
/// session's 学时, as for a late arrival.
pub const DEFAULT_EARLY_ALLOWANCE_MINUTES: u32 = 30;

/// A share written as a fraction: `1/7`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Fraction {
    pub num: u32,
    pub den: u32,
}

impl Fraction {
    /// `1/7`, or a percentage `15%` (as 15/100). The denominator is not zero and the
    /// share is at most the whole.
    pub fn parse(text: &str) -> Option<Fraction> {
        let text = text.trim();
        let fraction = match (text.strip_suffix('%'), text.split_once('/')) {
            (Some(percent), _) => Fraction {
                num: percent.trim().parse().ok()?,
                den: 100,
            },
            (None, Some((num, den))) => Fraction {
                num: num.trim().parse().ok()?,
                den: den.trim().parse().ok()?,
            },
            (None, None) => return None,
        };
        (fraction.den > 0 && fraction.num <= fraction.den).then_some(fraction)
    }

    /// This share of `whole`, rounded down.
    pub fn of(self, whole: u32) -> u32 {
        let share = u64::from(whole) * u64::from(self.num) / u64::from(self.den.max(1));
        u32::try_from(share).unwrap_or(u32::MAX)
    }
}

impl std::fmt::Display for Fraction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.num, self.den)
    }
}

/// How a cohort credits 学时 and decides completion. Every field is a setting
/// (`cohort new` / `cohort edit`), shown by `cohort show`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreditRules {
    /// Minutes in one 学时.
    pub hour_minutes: u32,
    /// 学时 of a session whose held activities record no hours.
    pub hours_per_session: u32,
    /// Share of the total 学时 to be credited, in percent.
    pub completion_percent: u8,
    /// Leave and unexcused absence together may not pass this share of the total 学时.
    pub leave_limit: Fraction,
    pub late_allowance_minutes: u32,
    pub early_leave_minutes: u32,
    pub early_allowance_minutes: u32,
    /// 签退 required: in a closed session, someone who arrived but did not sign out is
    /// credited nothing for it.
    pub sign_out_required: bool,
}

impl Default for CreditRules {
    fn default() -> CreditRules {
        CreditRules {
            hour_minutes: DEFAULT_HOUR_MINUTES,
            hours_per_session: DEFAULT_HOURS_PER_SESSION,
            completion_percent: DEFAULT_COMPLETION_PERCENT,
            leave_limit: DEFAULT_LEAVE_LIMIT,
            late_allowance_minutes: DEFAULT_LATE_ALLOWANCE_MINUTES,
            early_leave_minutes: DEFAULT_EARLY_LEAVE_MINUTES,
            early_allowance_minutes: DEFAULT_EARLY_ALLOWANCE_MINUTES,
            sign_out_required: false,
        }
    }
}

impl CreditRules {
    /// Minutes as 学时, to one decimal place (`2.7`), whole numbers without one (`3`).
    pub fn hours_text(&self, minutes: u32) -> String {
        hours_text(minutes, self.hour_minutes)
    }

    /// Minutes as 学时: a float, for JSON and sums across cohorts.
    pub fn hours(&self, minutes: u32) -> f64 {
        hours(minutes, self.hour_minutes)
    }
}

/// `minutes` as 学时 of `hour_minutes` each, to one decimal place.
pub fn hours(minutes: u32, hour_minutes: u32) -> f64 {
    let hours = f64::from(minutes) / f64::from(hour_minutes.max(1));
    (hours * 10.0).round() / 10.0
}

/// `minutes` as 学时, as shown: `3`, `2.7`.
pub fn hours_text(minutes: u32, hour_minutes: u32) -> String {
    let h = hours(minutes, hour_minutes);
    if h.fract() == 0.0 {
        format!("{h:.0}")
    } else {
        format!("{h:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fractions_parse_and_take_their_share() {
        assert_eq!(Fraction::parse("1/7"), Some(DEFAULT_LEAVE_LIMIT));
        assert_eq!(Fraction::parse("15%"), Some(Fraction { num: 15, den: 100 }));
        assert_eq!(Fraction::parse("1/0"), None);
        assert_eq!(Fraction::parse("8/7"), None);
        assert_eq!(Fraction::parse("x"), None);
        assert_eq!(DEFAULT_LEAVE_LIMIT.of(1080), 154);
        assert_eq!(DEFAULT_LEAVE_LIMIT.to_string(), "1/7");
    }

    #[test]
    fn minutes_show_as_class_hours() {
        assert_eq!(hours_text(135, 45), "3");
        assert_eq!(hours_text(120, 45), "2.7");
        assert_eq!(hours(1080, 45), 24.0);
    }
}
