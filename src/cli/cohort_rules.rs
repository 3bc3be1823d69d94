//! The 学时 rule options `cohort new` and `cohort edit` share.

use clap::Args;

use crate::ops::cohort_rules::RulesInput;

/// The 学时 and completion rules, each optional (defaults in `cohort show`).
#[derive(Debug, Args)]
pub struct RuleArgs {
    /// Minutes in one 学时 (class hour) [default: 45]
    #[arg(long, value_name = "MINUTES")]
    pub hour_minutes: Option<u32>,
    /// 学时 of a session whose teaching activities record none [default: 3]
    #[arg(long, value_name = "HOURS")]
    pub hours_per_session: Option<u32>,
    /// Completion (结业): percent of the total 学时 to be credited [default: 80]
    #[arg(long, value_name = "PERCENT")]
    pub completion: Option<u32>,
    /// Leave and absence together at most this share of the total 学时: 1/7 or 15% [default: 1/7]
    #[arg(long, value_name = "SHARE")]
    pub leave_limit: Option<String>,
    /// Late by at most this many minutes: credited in full [default: 30]
    #[arg(long, value_name = "MINUTES")]
    pub late_allowance: Option<u32>,
    /// Signing out more than this many minutes before the end is early leave (早退) [default: 15]
    #[arg(long, value_name = "MINUTES")]
    pub early_leave: Option<u32>,
    /// Leaving early by at most this many minutes: credited in full [default: 30]
    #[arg(long, value_name = "MINUTES")]
    pub early_allowance: Option<u32>,
    /// Sign-out (签退) required: no sign-out in a closed session credits nothing
    /// (`--sign-out-required false` to turn it off)
    #[arg(long, value_name = "true|false", num_args = 0..=1, default_missing_value = "true")]
    pub sign_out_required: Option<bool>,
}

impl RuleArgs {
    pub fn input(&self) -> RulesInput {
        RulesInput {
            hour_minutes: self.hour_minutes,
            hours_per_session: self.hours_per_session,
            completion_percent: self.completion,
            leave_limit: self.leave_limit.clone(),
            late_allowance_minutes: self.late_allowance,
            early_leave_minutes: self.early_leave,
            early_allowance_minutes: self.early_allowance,
            sign_out_required: self.sign_out_required,
        }
    }
}
