//! `lunxun cohort new|list|close`.

use chrono::NaiveDate;
use serde::Serialize;

use crate::domain::cohort::{self, DEFAULT_COMPLETION_PERCENT};
use crate::domain::{Cohort, Field, Level, SlotDef};
use crate::store::{Batch, CohortChange, Store};

use super::args::{CohortCommand, CohortNewArgs};
use super::{CliError, CliResult, Ctx, find_cohort};

pub fn run(command: CohortCommand, ctx: &Ctx) -> CliResult {
    match command {
        CohortCommand::New(args) => create(args, ctx),
        CohortCommand::List { json } => list(json, ctx),
        CohortCommand::Close { cohort } => close(&cohort, ctx),
    }
}

fn close(code: &str, ctx: &Ctx) -> CliResult {
    let code = find_cohort(ctx, code)?.code;
    match ctx.store.close_cohort(&code)? {
        CohortChange::Changed(_) => Ok(ctx.t(
            &format!("✓ 班次 {code} 已结束：此后只能查询\n"),
            &format!("✓ cohort {code} closed: look-up only from now on\n"),
        )),
        CohortChange::Unchanged(_) | CohortChange::Refused(_) => Ok(ctx.t(
            &format!("= 班次 {code} 已经结束，未重复记录\n"),
            &format!("= cohort {code} is already closed; nothing recorded\n"),
        )),
        CohortChange::Missing => find_cohort(ctx, &code).map(|_| String::new()),
    }
}

fn create(args: CohortNewArgs, ctx: &Ctx) -> CliResult {
    let cohort = parse_new(&args, ctx)?;
    if ctx.store.cohort(&cohort.code)?.is_some() {
        return Err(CliError::Input(ctx.t(
            &format!("班次代码“{}”已被使用；请换一个 --code。", cohort.code),
            &format!(
                "cohort code '{}' is taken; choose another --code",
                cohort.code
            ),
        )));
    }
    let mut batch = Batch::default();
    Store::stage_cohort(&mut batch, &cohort);
    ctx.store.commit(batch)?;
    let summary = ctx.t(
        &format!(
            "已创建班次 {}：{}（{} 起，{} 天，{} 个场次）",
            cohort.code,
            cohort.name,
            cohort.start,
            cohort.days,
            cohort.sessions().len()
        ),
        &format!(
            "created cohort {}: {} (from {}, {} days, {} sessions)",
            cohort.code,
            cohort.name,
            cohort.start,
            cohort.days,
            cohort.sessions().len()
        ),
    );
    Ok(format!("{summary}\n{}\n", cohort.code))
}

fn parse_new(args: &CohortNewArgs, ctx: &Ctx) -> Result<Cohort, CliError> {
    let bad = |zh: String, en: String| CliError::Input(ctx.t(&zh, &en));
    let start = NaiveDate::parse_from_str(args.start.trim(), "%Y-%m-%d").map_err(|_| {
        bad(
            format!(
                "开始日期“{}”无效；请写作 YYYY-MM-DD，如 2015-03-16。",
                args.start
            ),
            format!(
                "bad start date '{}': use YYYY-MM-DD, e.g. 2015-03-16",
                args.start
            ),
        )
    })?;
    let level = Level::parse(&args.level).ok_or_else(|| {
        bad(
            format!("层级“{}”无效；可选 province、city、county。", args.level),
            format!("bad level '{}': use province, city or county", args.level),
        )
    })?;
    let field_focus = parse_field(args.field.as_deref(), ctx)?;
    let slots = args
        .slots
        .iter()
        .map(|s| SlotDef::parse(s))
        .collect::<Result<Vec<_>, _>>()
        .map_err(CliError::Input)?;
    let existing: Vec<String> = ctx.store.cohorts()?.into_iter().map(|c| c.code).collect();
    let code = match &args.code {
        Some(code) => code.trim().to_string(),
        None => cohort::next_code(chrono::Datelike::year(&start), &existing),
    };
    let cohort = Cohort {
        code,
        name: args.name.trim().to_string(),
        level,
        field_focus,
        start,
        days: args.days,
        slots,
        venue: args.venue.trim().to_string(),
        open: true,
        grace_minutes: args.grace,
        completion_percent: DEFAULT_COMPLETION_PERCENT,
        closed_sessions: vec![],
        created_at: ctx.clock.now(),
    };
    cohort
        .validate()
        .map_err(|e| CliError::Input(e.to_string()))?;
    Ok(cohort)
}

pub(super) fn parse_field(text: Option<&str>, ctx: &Ctx) -> Result<Option<Field>, CliError> {
    let Some(text) = text.filter(|t| !t.trim().is_empty()) else {
        return Ok(None);
    };
    let codes: Vec<&str> = Field::ALL.iter().map(|f| f.code()).collect();
    Field::parse(text).map(Some).ok_or_else(|| {
        CliError::Input(ctx.t(
            &format!(
                "领域“{text}”无效；可选：{}，或中文名称如 村、社区。",
                codes.join("、")
            ),
            &format!("unknown field '{text}': use one of {}", codes.join(", ")),
        ))
    })
}

#[derive(Serialize)]
struct CohortRow {
    code: String,
    name: String,
    level: &'static str,
    start: String,
    end: String,
    days: u16,
    sessions: usize,
    enrolled: usize,
    open: bool,
}

fn list(json: bool, ctx: &Ctx) -> CliResult {
    let counts = ctx.store.enrolment_counts()?;
    let rows: Vec<CohortRow> = ctx
        .store
        .cohorts()?
        .into_iter()
        .map(|c| CohortRow {
            enrolled: counts.get(&c.code).copied().unwrap_or(0),
            sessions: c.sessions().len(),
            level: c.level.code(),
            start: c.start.to_string(),
            end: c.end_date().to_string(),
            days: c.days,
            open: c.open,
            code: c.code,
            name: c.name,
        })
        .collect();
    if json {
        return Ok(serde_json::to_string_pretty(&rows).expect("rows serialise") + "\n");
    }
    if rows.is_empty() {
        return Ok(ctx.t(
            "还没有班次。用 lunxun cohort new 创建，或用 lunxun demo 载入演示数据。\n",
            "no cohorts yet: create one with `lunxun cohort new`, or load the demo with `lunxun demo`\n",
        ));
    }
    let mut out = String::new();
    for r in rows {
        let state = if r.open {
            ctx.t("进行中", "open")
        } else {
            ctx.t("已结束", "closed")
        };
        out.push_str(&format!(
            "{}\t{}\t{} – {}\t{}\t{}\n",
            r.code, r.name, r.start, r.end, r.enrolled, state
        ));
    }
    Ok(out)
}
