//! `lunxun teach list` and `lunxun teach history`: the log as a table or JSON.

use clap::Args;
use serde::Serialize;

use crate::domain::teaching::{self, ActivityChange, ActivityEvent, Stamp, TeachingActivity};
use crate::domain::{Cohort, TrainingBase};
use crate::ops::activity::method_entry;
use crate::text::Teaching as Tg;
use crate::tr;

use super::{CliResult, Ctx, find_cohort};

#[derive(Debug, Args)]
pub struct TeachListArgs {
    #[arg(long, value_name = "CODE")]
    pub cohort: String,
    /// Include deleted activities
    #[arg(long)]
    pub deleted: bool,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct TeachHistoryArgs {
    #[arg(long, value_name = "CODE")]
    pub cohort: String,
    /// Only this activity
    #[arg(long)]
    pub id: Option<u32>,
    #[arg(long)]
    pub json: bool,
}

/// An activity as printed by `teach list --json`.
#[derive(Serialize)]
struct ActivityOut {
    id: u32,
    session: String,
    date: String,
    method: &'static str,
    method_zh: &'static str,
    title: String,
    lecturer: String,
    role: String,
    modules: Vec<u16>,
    /// Clock hours (from the class hours when given in 学时).
    hours: Option<f64>,
    /// The hours when given in 学时 (class hours of the cohort's length).
    class_hours: Option<u32>,
    base: Option<String>,
    notes: String,
    /// planned, held or changed
    status: &'static str,
    planned: bool,
    changed_from_plan: bool,
    created: Stamp,
    held: Option<Stamp>,
    edited: Option<Stamp>,
    edits: usize,
    deleted: Option<Stamp>,
}

impl ActivityOut {
    fn new(cohort: &Cohort, a: &TeachingActivity, bases: &[TrainingBase]) -> ActivityOut {
        let d = &a.details;
        ActivityOut {
            id: a.id,
            session: d.session.code(),
            date: cohort.date_of(d.session.day).to_string(),
            method: d.method.code(),
            method_zh: d.method.label(crate::text::Lang::Zh),
            title: d.title.clone(),
            lecturer: d.lecturer.clone(),
            role: d.role.clone(),
            modules: d.modules.clone(),
            hours: d.minutes.map(teaching::hours),
            class_hours: d.class_hours,
            base: d.base.as_ref().map(|id| base_name(bases, id)),
            notes: d.notes.clone(),
            status: a.status.code(),
            planned: a.planned,
            changed_from_plan: a.changed_from_plan,
            created: a.created.clone(),
            held: a.held.clone(),
            edited: a.edited.clone(),
            edits: a.edits,
            deleted: a.deleted.clone(),
        }
    }
}

fn base_name(bases: &[TrainingBase], id: &str) -> String {
    bases
        .iter()
        .find(|b| b.id == id)
        .map_or_else(|| id.to_string(), |b| b.name.clone())
}

pub fn list(args: TeachListArgs, ctx: &Ctx) -> CliResult {
    let cohort = find_cohort(ctx, &args.cohort)?;
    let mut activities = ctx.store.activities(&cohort.code)?;
    if !args.deleted {
        activities = teaching::live(&activities);
    }
    let bases = ctx.store.bases()?;
    if args.json {
        let out: Vec<ActivityOut> = activities
            .iter()
            .map(|a| ActivityOut::new(&cohort, a, &bases))
            .collect();
        return Ok(serde_json::to_string_pretty(&out).expect("activities serialise") + "\n");
    }
    if activities.is_empty() {
        return Ok(tr!(ctx.lang, Tg::CliNoActivities, code = cohort.code) + "\n");
    }
    let mut out = String::new();
    for a in &activities {
        let mut line = format!("{}\t{}", a.id, describe(ctx, a));
        if let Some(id) = &a.details.base {
            line.push_str(&format!(" · {}", base_name(&bases, id)));
        }
        if a.deleted.is_some() {
            line.push_str(&tr!(ctx.lang, Tg::CliActivityDeletedMark));
        }
        out.push_str(&line);
        out.push('\n');
    }
    Ok(out)
}

pub fn history(args: TeachHistoryArgs, ctx: &Ctx) -> CliResult {
    let cohort = find_cohort(ctx, &args.cohort)?;
    let mut events = ctx.store.activity_events(&cohort.code)?;
    if let Some(id) = args.id {
        events.retain(|e| e.activity == id);
    }
    events.sort_by(|a, b| a.id.cmp(&b.id));
    if args.json {
        return Ok(serde_json::to_string_pretty(&events).expect("events serialise") + "\n");
    }
    let mut out = String::new();
    for event in &events {
        out.push_str(&history_line(ctx, event));
        out.push('\n');
    }
    Ok(out)
}

fn history_line(ctx: &Ctx, event: &ActivityEvent) -> String {
    let what = match &event.change {
        ActivityChange::Created { details, planned } => {
            let how = match planned {
                true => tr!(ctx.lang, Tg::HistoryPlanned),
                false => tr!(ctx.lang, Tg::HistoryLogged),
            };
            format!(
                "{how} {} {} “{}”",
                details.session,
                details.method.code(),
                details.title
            )
        }
        ActivityChange::Edited { details } => format!(
            "{} {} {} “{}”",
            tr!(ctx.lang, Tg::HistoryEdited),
            details.session,
            details.method.code(),
            details.title
        ),
        ActivityChange::Held => tr!(ctx.lang, Tg::HistoryHeld),
        ActivityChange::Deleted { reason } => {
            let reason = reason
                .as_deref()
                .map(|r| format!(" ({r})"))
                .unwrap_or_default();
            format!("{}{reason}", tr!(ctx.lang, Tg::HistoryDeleted))
        }
    };
    let by = event
        .by
        .as_deref()
        .map(|b| format!(" · {b}"))
        .unwrap_or_default();
    format!(
        "{}\t{}\t{what}\t{}{by}",
        event.at.format("%Y-%m-%d %H:%M"),
        event.activity,
        event.desk
    )
}

/// `1:am 专题辅导 “学习党章” · 王强（组织部长） · 模块 1,3 · 2 h · held`
pub(super) fn describe(ctx: &Ctx, a: &TeachingActivity) -> String {
    let lang = ctx.lang;
    let d = &a.details;
    let method = tr!(lang, method_entry(d.method));
    let mut parts = vec![format!("{} {method} “{}”", d.session, d.title)];
    if !d.lecturer.is_empty() {
        let role = if d.role.is_empty() {
            String::new()
        } else {
            format!(" ({})", d.role)
        };
        parts.push(format!("{}{role}", d.lecturer));
    }
    let numbers: Vec<String> = d.modules.iter().map(u16::to_string).collect();
    parts.push(tr!(lang, Tg::DescribeModules, numbers = numbers.join(",")));
    if let Some(class_hours) = d.class_hours {
        parts.push(tr!(lang, Tg::DescribeClassHours, hours = class_hours));
    } else if let Some(minutes) = d.minutes {
        parts.push(tr!(
            lang,
            Tg::DescribeHours,
            hours = teaching::hours(minutes)
        ));
    }
    parts.push(a.status.label(lang).to_string());
    parts.join(" · ")
}
