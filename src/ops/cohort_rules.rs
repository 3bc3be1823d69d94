//! A cohort's slots and 学时 rules as typed (`cohort new`, `cohort edit`): parsed and
//! checked here, each error saying the form to type.

use crate::domain::credit::{CreditRules, Fraction};
use crate::domain::session::SlotError;
use crate::domain::{SlotDef, SlotKind};
use crate::text::Rosters as R;

use super::Refusal;

/// The rule options given; `None` keeps the value it is applied to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RulesInput {
    pub hour_minutes: Option<u32>,
    pub hours_per_session: Option<u32>,
    pub completion_percent: Option<u32>,
    /// `1/7` or `15%`.
    pub leave_limit: Option<String>,
    pub late_allowance_minutes: Option<u32>,
    pub early_leave_minutes: Option<u32>,
    pub early_allowance_minutes: Option<u32>,
    pub sign_out_required: Option<bool>,
}

/// Longest setting in minutes (an allowance, a 学时): a whole half-day.
const MAX_MINUTES: u32 = 240;

impl RulesInput {
    /// Whether no rule option was given.
    pub fn is_empty(&self) -> bool {
        *self == RulesInput::default()
    }

    /// `base` with the options given applied, each checked.
    pub fn apply(&self, base: CreditRules) -> Result<CreditRules, Refusal> {
        let mut rules = base;
        let minutes = |option, value| in_range(option, value, 0, MAX_MINUTES);
        if let Some(v) = self.hour_minutes {
            rules.hour_minutes = in_range("--hour-minutes", v, 1, MAX_MINUTES)?;
        }
        if let Some(v) = self.hours_per_session {
            rules.hours_per_session = in_range("--hours-per-session", v, 1, 12)?;
        }
        if let Some(v) = self.completion_percent {
            let percent = in_range("--completion", v, 1, 100)?;
            rules.completion_percent = u8::try_from(percent).unwrap_or(100);
        }
        if let Some(text) = &self.leave_limit {
            rules.leave_limit = Fraction::parse(text)
                .ok_or_else(|| Refusal::of(R::CohortBadLeaveLimit).with("text", text))?;
        }
        if let Some(v) = self.late_allowance_minutes {
            rules.late_allowance_minutes = minutes("--late-allowance", v)?;
        }
        if let Some(v) = self.early_leave_minutes {
            rules.early_leave_minutes = minutes("--early-leave", v)?;
        }
        if let Some(v) = self.early_allowance_minutes {
            rules.early_allowance_minutes = minutes("--early-allowance", v)?;
        }
        if let Some(v) = self.sign_out_required {
            rules.sign_out_required = v;
        }
        Ok(rules)
    }
}

fn in_range(option: &str, value: u32, min: u32, max: u32) -> Result<u32, Refusal> {
    if (min..=max).contains(&value) {
        return Ok(value);
    }
    Err(Refusal::of(R::CohortRuleOutOfRange)
        .with("option", option)
        .with("min", min)
        .with("max", max)
        .with("value", value))
}

/// Session slots separated by commas: `am,pm`, `am=08:00,eve` or
/// `am=08:30-11:30,pm=14:30-17:30`.
pub fn parse_slots(text: &str) -> Result<Vec<SlotDef>, Refusal> {
    text.split([',', '，'])
        .map(str::trim)
        .map(|s| SlotDef::parse(s).map_err(slot_refusal))
        .collect()
}

/// A slot error in words that say the form to type.
pub fn slot_refusal(error: SlotError) -> Refusal {
    match error {
        SlotError::UnknownSlot(text) => Refusal::of(R::SlotUnknown).with("text", text),
        SlotError::BadTime { slot, text } => Refusal::of(R::SlotBadTime)
            .with("slot", slot.code())
            .with("text", text)
            .with("example", example(slot))
            .with(
                "start",
                format!("{}={}", slot.code(), slot.default_start().format("%H:%M")),
            ),
        SlotError::EndsBeforeStart(slot) => Refusal::of(R::SlotEndsBeforeStart)
            .with("slot", slot.code())
            .with("example", example(slot)),
    }
}

/// The slot with its default times, as typed: `pm=14:30-17:30`.
fn example(slot: SlotKind) -> String {
    slots_text(&[SlotDef::new(slot)])
}

/// Slots as typed back: `am=08:30-11:30,pm=14:30-17:30`.
pub fn slots_text(slots: &[SlotDef]) -> String {
    let one = |s: &SlotDef| {
        let (start, end) = (s.starts_at.format("%H:%M"), s.ends().format("%H:%M"));
        format!("{}={start}-{end}", s.kind.code())
    };
    slots.iter().map(one).collect::<Vec<_>>().join(",")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Lang;

    #[test]
    fn each_slot_error_says_the_form_to_type() {
        let words = |text: &str| parse_slots(text).unwrap_err().message(Lang::En);
        assert!(words("am,noon").starts_with("unknown slot 'noon'"));
        let bad = words("am=8h30-11:30");
        assert!(
            bad.contains("am=08:30-11:30") && bad.contains("am=08:30"),
            "{bad}"
        );
        let backwards = words("pm=17:30-14:30");
        assert!(
            backwards.starts_with("slot pm ends before it starts"),
            "{backwards}"
        );
        let slots = parse_slots("am=08:00-11:00,pm").unwrap();
        assert_eq!(slots_text(&slots), "am=08:00-11:00,pm=14:30-17:30");
    }

    #[test]
    fn rules_apply_over_a_base_and_refuse_out_of_range() {
        let input = RulesInput {
            hour_minutes: Some(40),
            leave_limit: Some("15%".into()),
            sign_out_required: Some(true),
            ..RulesInput::default()
        };
        let rules = input.apply(CreditRules::default()).unwrap();
        assert_eq!(rules.hour_minutes, 40);
        assert_eq!(rules.leave_limit, Fraction { num: 15, den: 100 });
        assert!(rules.sign_out_required);
        assert_eq!(rules.hours_per_session, 3, "untouched");
        let zero = RulesInput {
            completion_percent: Some(0),
            ..RulesInput::default()
        };
        let refused = zero.apply(CreditRules::default()).unwrap_err();
        assert_eq!(
            refused.message(Lang::En),
            "--completion must be from 1 to 100, not 0"
        );
        let bad = RulesInput {
            leave_limit: Some("1:7".into()),
            ..RulesInput::default()
        };
        assert!(bad.apply(CreditRules::default()).is_err());
    }
}
