//! `lunxun teach list` and `lunxun teach history`: the log as a table or JSON.

use serde::Serialize;

use crate::domain::teaching::{self, ActivityChange, ActivityEvent, Stamp, TeachingActivity};
use crate::domain::{Cohort, TrainingBase};

use super::teach::describe;
use super::teaching_args::{TeachHistoryArgs, TeachListArgs};
use super::{CliResult, Ctx, find_cohort};

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
    hours: Option<f64>,
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
            method_zh: d.method.zh(),
            title: d.title.clone(),
            lecturer: d.lecturer.clone(),
            role: d.role.clone(),
            modules: d.modules.clone(),
            hours: d.minutes.map(teaching::hours),
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
        return Ok(ctx.t(
            &format!(
                "班次 {} 还没有教学活动；用 lunxun teach add 记录。\n",
                cohort.code
            ),
            &format!(
                "cohort {} has no teaching activities yet; log one with `lunxun teach add`\n",
                cohort.code
            ),
        ));
    }
    let mut out = String::new();
    for a in &activities {
        let mut line = format!("{}\t{}", a.id, describe(ctx, a));
        if let Some(id) = &a.details.base {
            line.push_str(&format!(" · {}", base_name(&bases, id)));
        }
        if a.deleted.is_some() {
            line.push_str(&ctx.t(" · 已删除", " · deleted"));
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
                true => ctx.t("计划", "planned"),
                false => ctx.t("记录", "logged"),
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
            ctx.t("修改为", "edited to"),
            details.session,
            details.method.code(),
            details.title
        ),
        ActivityChange::Held => ctx.t("已举办", "held"),
        ActivityChange::Deleted { reason } => {
            let reason = reason
                .as_deref()
                .map(|r| format!(" ({r})"))
                .unwrap_or_default();
            format!("{}{reason}", ctx.t("删除", "deleted"))
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
