//! `lunxun cohort show` (every setting and rule, defaults marked) and `cohort edit`.

use clap::Args;
use serde::Serialize;

use crate::domain::cohort::DEFAULT_GRACE_MINUTES;
use crate::domain::credit::CreditRules;
use crate::domain::{Cohort, SlotDef};
use crate::ops::cohort_edit::{self, CohortEdit};
use crate::ops::cohort_rules::slots_text;
use crate::text::{Lang, Rosters as R};
use crate::tr;

use super::cohort_rules::RuleArgs;
use super::{CliResult, Ctx, find_cohort, op_error};

#[derive(Debug, Args)]
pub struct CohortEditArgs {
    /// The cohort's code
    #[arg(value_name = "CODE")]
    pub cohort: String,
    #[arg(long)]
    pub name: Option<String>,
    #[arg(long)]
    pub venue: Option<String>,
    /// First day, YYYY-MM-DD
    #[arg(long)]
    pub start: Option<String>,
    /// Number of days (1-60); refused if a removed day has records
    #[arg(long)]
    pub days: Option<u16>,
    /// Slots with their times, e.g. am=08:30-11:30,pm=14:30-17:30; refused if a removed
    /// slot has records
    #[arg(long)]
    pub slots: Option<String>,
    /// province, city or county
    #[arg(long)]
    pub level: Option<String>,
    /// Field focus (empty for none)
    #[arg(long)]
    pub field: Option<String>,
    /// Minutes after a session's start before a check-in counts as late
    #[arg(long)]
    pub grace: Option<u32>,
    #[command(flatten)]
    pub rules: RuleArgs,
}

pub fn edit(args: CohortEditArgs, ctx: &Ctx) -> CliResult {
    let code = find_cohort(ctx, &args.cohort)?.code;
    let input = CohortEdit {
        name: args.name,
        venue: args.venue,
        start: args.start,
        days: args.days.map(|d| d.to_string()),
        slots: args.slots,
        level: args.level,
        field: args.field,
        grace_minutes: args.grace,
        rules: args.rules.input(),
    };
    let done = cohort_edit::edit(&ctx.store, ctx.clock.now(), &code, &input)
        .map_err(|e| op_error(ctx, e))?;
    let lang = ctx.lang;
    if done.changes.is_empty() {
        return Ok(tr!(lang, R::CohortEditUnchanged, code = code) + "\n");
    }
    let count = done.changes.len();
    let mut out = tr!(lang, R::CohortEditDone, code = code, count = count) + "\n";
    for event in &done.changes {
        if let crate::domain::register::Change::CohortEdited {
            field, old, new, ..
        } = &event.change
        {
            let setting = setting_label(field, lang);
            out += &(tr!(
                lang,
                R::CohortEditLine,
                setting = setting,
                old = old,
                new = new
            ) + "\n");
        }
    }
    if let Some(percent) = done.legacy_percent {
        out += &(tr!(lang, R::CohortEditLegacy, percent = percent) + "\n");
    }
    Ok(out)
}

/// The settings other than the rules, by the name `cohort edit` records.
const SETTINGS: [(&str, R); 8] = [
    ("name", R::CohortSetName),
    ("venue", R::CohortSetVenue),
    ("start", R::CohortSetStart),
    ("days", R::CohortSetDays),
    ("slots", R::CohortSetSlots),
    ("level", R::CohortSetLevel),
    ("field", R::CohortSetField),
    ("grace", R::CohortSetGrace),
];

/// A rule's value as shown.
type RuleText = fn(&CreditRules, Lang) -> String;

/// Every 学时 rule: the name `cohort edit` records, its label, its value as shown. One
/// table for `cohort show`'s lines, its defaults and `cohort edit`'s report.
const RULES: [(&str, R, RuleText); 8] = [
    ("hour_minutes", R::CohortSetHourMinutes, |r, _| {
        r.hour_minutes.to_string()
    }),
    ("hours_per_session", R::CohortSetHoursPerSession, |r, _| {
        r.hours_per_session.to_string()
    }),
    ("completion", R::CohortSetCompletion, |r, _| {
        format!("{}%", r.completion_percent)
    }),
    ("leave_limit", R::CohortSetLeaveLimit, |r, _| {
        r.leave_limit.to_string()
    }),
    ("late_allowance", R::CohortSetLateAllowance, |r, _| {
        r.late_allowance_minutes.to_string()
    }),
    ("early_leave", R::CohortSetEarlyLeave, |r, _| {
        r.early_leave_minutes.to_string()
    }),
    ("early_allowance", R::CohortSetEarlyAllowance, |r, _| {
        r.early_allowance_minutes.to_string()
    }),
    ("sign_out_required", R::CohortSetSignOut, |r, lang| {
        tr!(
            lang,
            if r.sign_out_required {
                R::CohortShowYes
            } else {
                R::CohortShowNo
            }
        )
    }),
];

/// The name shown for a setting `cohort edit` records (the recorded name if unknown).
fn setting_label(field: &str, lang: Lang) -> String {
    let rules = RULES.iter().map(|(name, entry, _)| (*name, *entry));
    SETTINGS
        .into_iter()
        .chain(rules)
        .find(|(name, _)| *name == field)
        .map_or_else(
            || field.to_string(),
            |(_, entry)| entry.get(lang).to_string(),
        )
}

#[derive(Serialize)]
struct SlotOut {
    kind: &'static str,
    starts_at: String,
    ends_at: String,
    minutes: u32,
    default: bool,
}

#[derive(Serialize)]
struct CohortOut {
    code: String,
    name: String,
    level: &'static str,
    field: Option<&'static str>,
    venue: String,
    start: String,
    end: String,
    days: u16,
    slots: Vec<SlotOut>,
    grace_minutes: u32,
    open: bool,
    closed_sessions: Vec<String>,
    /// Made before 学时 rules: completes by `legacy_completion_percent` of sessions.
    legacy: bool,
    legacy_completion_percent: Option<u8>,
    /// The rules 学时 are credited by (a legacy cohort's are the defaults).
    rules: CreditRules,
    /// The settings at their default value.
    defaults: Vec<&'static str>,
}

/// `lunxun cohort show CODE [--json]`.
pub fn show(code: &str, json: bool, ctx: &Ctx) -> CliResult {
    let cohort = find_cohort(ctx, code)?;
    let rules = cohort.rules();
    let defaults = defaults_of(&cohort, &rules);
    if json {
        let out = cohort_out(&cohort, rules, defaults);
        return Ok(serde_json::to_string_pretty(&out).expect("a cohort serialises") + "\n");
    }
    Ok(show_text(&cohort, &rules, &defaults, ctx.lang))
}

fn cohort_out(c: &Cohort, rules: CreditRules, defaults: Vec<&'static str>) -> CohortOut {
    let slot = |s: &SlotDef| SlotOut {
        kind: s.kind.code(),
        starts_at: s.starts_at.format("%H:%M").to_string(),
        ends_at: s.ends().format("%H:%M").to_string(),
        minutes: s.minutes(),
        default: is_default_slot(s),
    };
    CohortOut {
        code: c.code.clone(),
        name: c.name.clone(),
        level: c.level.code(),
        field: c.field_focus.map(|f| f.code()),
        venue: c.venue.clone(),
        start: c.start.to_string(),
        end: c.end_date().to_string(),
        days: c.days,
        slots: c.slots.iter().map(slot).collect(),
        grace_minutes: c.grace_minutes,
        open: c.open,
        closed_sessions: c.closed_sessions.iter().map(|s| s.code()).collect(),
        legacy: c.credit.is_none(),
        legacy_completion_percent: c.credit.is_none().then_some(c.completion_percent),
        rules,
        defaults,
    }
}

fn is_default_slot(s: &SlotDef) -> bool {
    SlotDef::new(s.kind).starts_at == s.starts_at && SlotDef::new(s.kind).ends() == s.ends()
}

/// The names (as `cohort_edit::settings` gives them) of the settings at their default.
fn defaults_of(c: &Cohort, r: &CreditRules) -> Vec<&'static str> {
    let d = CreditRules::default();
    let slots = c.slots.iter().all(is_default_slot).then_some("slots");
    let grace = (c.grace_minutes == DEFAULT_GRACE_MINUTES).then_some("grace");
    let rules = RULES
        .iter()
        .filter(|(_, _, text)| text(r, Lang::En) == text(&d, Lang::En))
        .map(|(name, _, _)| *name);
    slots.into_iter().chain(grace).chain(rules).collect()
}

fn show_text(c: &Cohort, rules: &CreditRules, defaults: &[&str], lang: Lang) -> String {
    let none = || tr!(lang, R::CohortShowNone);
    let state = match c.open {
        true => tr!(lang, crate::text::Cohorts::CohortStateOpen),
        false => tr!(lang, crate::text::Cohorts::CohortStateClosed),
    };
    let closed: Vec<String> = c.closed_sessions.iter().map(|s| s.code()).collect();
    let mut lines = vec![
        (R::CohortSetCode, c.code.clone(), ""),
        (R::CohortSetName, c.name.clone(), ""),
        (R::CohortSetLevel, c.level.label(lang).to_string(), ""),
        (
            R::CohortSetField,
            c.field_focus
                .map_or_else(none, |f| f.label(lang).to_string()),
            "",
        ),
        (
            R::CohortSetVenue,
            if c.venue.is_empty() {
                none()
            } else {
                c.venue.clone()
            },
            "",
        ),
        (R::CohortSetStart, c.start.to_string(), ""),
        (R::CohortSetEnd, c.end_date().to_string(), ""),
        (R::CohortSetDays, c.days.to_string(), ""),
        (R::CohortSetSlots, slots_text(&c.slots), "slots"),
        (R::CohortSetGrace, c.grace_minutes.to_string(), "grace"),
        (R::CohortSetState, state, ""),
        (
            R::CohortSetClosedSessions,
            if closed.is_empty() {
                none()
            } else {
                closed.join(",")
            },
            "",
        ),
    ];
    let rule_lines = RULES.map(|(name, entry, text)| (entry, text(rules, lang), name));
    let mark = |name: &str| match !name.is_empty() && defaults.contains(&name) {
        true => tr!(lang, R::CohortShowDefault),
        false => String::new(),
    };
    let mut out = String::new();
    let mut line = |(entry, value, name): (R, String, &str)| {
        out += &format!("{}\t{value}{}\n", entry.get(lang), mark(name));
    };
    lines.drain(..).for_each(&mut line);
    out += &format!("{}\n", R::CohortSetRules.get(lang));
    if c.credit.is_none() {
        out += &(tr!(lang, R::CohortShowLegacy, percent = c.completion_percent) + "\n");
    }
    let mut rule = |(entry, value, name): (R, String, &str)| {
        out += &format!("  {}\t{value}{}\n", entry.get(lang), mark(name));
    };
    rule_lines.into_iter().for_each(&mut rule);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every setting `cohort edit` records has its label here, and the rules shown are
    /// the rules it records, in its order (a rule added on one side only fails).
    #[test]
    fn every_recorded_setting_has_a_label_and_the_rules_match() {
        let cohort = crate::domain::cohort::tests::cohort();
        let recorded: Vec<&str> = cohort_edit::settings(&cohort)
            .into_iter()
            .map(|(name, _)| name)
            .collect();
        for name in &recorded {
            assert_ne!(setting_label(name, Lang::Zh), *name, "no label for {name}");
        }
        let rules: Vec<&str> = RULES.iter().map(|(name, _, _)| *name).collect();
        assert_eq!(recorded[SETTINGS.len()..], rules[..]);
    }
}
