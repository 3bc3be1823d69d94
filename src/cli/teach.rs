//! `lunxun teach add|edit|delete|held|list|history`: the teaching log of a cohort.
//! Every change is an appended event; a confirmation is printed only after the commit.

use crate::domain::Cohort;
use crate::domain::module::{Catalogue, ModuleError};
use crate::domain::teaching::{
    self, ActivityDetails, ActivityEdit, Method, TeachingActivity, TeachingError,
};
use crate::store::{ActivityOutcome, ActivityRequest};

use super::teach_view;
use super::teaching_args::{
    TeachAddArgs, TeachCommand, TeachDeleteArgs, TeachEditArgs, TeachIdArgs,
};
use super::{CliError, CliResult, Ctx, find_cohort, pick_session};

pub fn run(command: TeachCommand, ctx: &Ctx) -> CliResult {
    match command {
        TeachCommand::Add(args) => add(args, ctx),
        TeachCommand::Edit(args) => edit(args, ctx),
        TeachCommand::Delete(args) => delete(args, ctx),
        TeachCommand::Held(args) => held(args, ctx),
        TeachCommand::List(args) => teach_view::list(args, ctx),
        TeachCommand::History(args) => teach_view::history(args, ctx),
    }
}

fn add(args: TeachAddArgs, ctx: &Ctx) -> CliResult {
    let cohort = find_cohort(ctx, &args.cohort)?;
    let (modules, catalogue) = parse_modules(ctx, &cohort, &args.modules)?;
    let details = ActivityDetails {
        session: pick_session(ctx, &cohort, Some(&args.session))?,
        method: parse_method(ctx, &args.method)?,
        title: args.title.trim().to_string(),
        lecturer: args.lecturer.trim().to_string(),
        role: args.role.trim().to_string(),
        modules,
        minutes: parse_hours(ctx, args.hours.as_deref())?,
        base: find_base(ctx, args.base.as_deref())?,
        notes: args.notes.trim().to_string(),
    };
    let request = request(ctx, &cohort, args.by, catalogue);
    match ctx.store.add_activity(&request, details, args.planned)? {
        ActivityOutcome::Refused(refusal) => refused(ctx, &cohort, refusal),
        ActivityOutcome::Recorded(a) => {
            let line = ctx.t(
                &format!("已记录教学活动 {}：{}", a.id, describe(ctx, &a)),
                &format!("logged activity {}: {}", a.id, describe(ctx, &a)),
            );
            Ok(format!("{line}\n{}\n", a.id))
        }
    }
}

fn edit(args: TeachEditArgs, ctx: &Ctx) -> CliResult {
    let cohort = find_cohort(ctx, &args.cohort)?;
    let (edit, catalogue) = edit_from(&args, ctx, &cohort)?;
    if edit.is_empty() {
        return Err(CliError::Input(ctx.t(
            "没有指定要修改的内容；请给出 --title、--lecturer、--modules 等选项。",
            "nothing to change: give what changes, e.g. --title, --lecturer or --modules",
        )));
    }
    let request = request(ctx, &cohort, args.by, catalogue);
    match ctx.store.edit_activity(&request, args.id, &edit)? {
        ActivityOutcome::Refused(refusal) => refused(ctx, &cohort, refusal),
        ActivityOutcome::Recorded(a) => Ok(ctx.t(
            &format!("已修改教学活动 {}：{}\n", a.id, describe(ctx, &a)),
            &format!("changed activity {}: {}\n", a.id, describe(ctx, &a)),
        )),
    }
}

/// The options given to `teach edit`, checked; with the cohort's catalogue when the
/// modules named make it grow.
fn edit_from(
    args: &TeachEditArgs,
    ctx: &Ctx,
    cohort: &Cohort,
) -> Result<(ActivityEdit, Option<Catalogue>), CliError> {
    let (modules, catalogue) = match args.modules.as_deref() {
        Some(text) => {
            let (numbers, catalogue) = parse_modules(ctx, cohort, text)?;
            (Some(numbers), catalogue)
        }
        None => (None, None),
    };
    let session = args.session.as_deref();
    let trim = |t: &Option<String>| t.as_deref().map(|t| t.trim().to_string());
    let edit = ActivityEdit {
        session: session
            .map(|s| pick_session(ctx, cohort, Some(s)))
            .transpose()?,
        method: args
            .method
            .as_deref()
            .map(|m| parse_method(ctx, m))
            .transpose()?,
        title: trim(&args.title),
        lecturer: trim(&args.lecturer),
        role: trim(&args.role),
        modules,
        minutes: args
            .hours
            .as_deref()
            .map(|h| parse_hours(ctx, Some(h)))
            .transpose()?,
        base: args
            .base
            .as_deref()
            .map(|b| find_base(ctx, Some(b)))
            .transpose()?,
        notes: trim(&args.notes),
    };
    Ok((edit, catalogue))
}

fn delete(args: TeachDeleteArgs, ctx: &Ctx) -> CliResult {
    let cohort = find_cohort(ctx, &args.cohort)?;
    let reason = args
        .reason
        .map(|r| r.trim().to_string())
        .filter(|r| !r.is_empty());
    let request = request(ctx, &cohort, args.by, None);
    match ctx.store.delete_activity(&request, args.id, reason)? {
        ActivityOutcome::Refused(refusal) => refused(ctx, &cohort, refusal),
        ActivityOutcome::Recorded(a) => Ok(ctx.t(
            &format!("已删除教学活动 {}（记录保留在历史中）\n", a.id),
            &format!("deleted activity {} (it stays in the history)\n", a.id),
        )),
    }
}

fn held(args: TeachIdArgs, ctx: &Ctx) -> CliResult {
    let cohort = find_cohort(ctx, &args.cohort)?;
    let request = request(ctx, &cohort, args.by, None);
    match ctx.store.mark_held(&request, args.id)? {
        ActivityOutcome::Refused(refusal) => refused(ctx, &cohort, refusal),
        ActivityOutcome::Recorded(a) => Ok(ctx.t(
            &format!("✓ 教学活动 {} 已举办：{}\n", a.id, describe(ctx, &a)),
            &format!("✓ activity {} held: {}\n", a.id, describe(ctx, &a)),
        )),
    }
}

fn request<'a>(
    ctx: &Ctx,
    cohort: &'a Cohort,
    by: Option<String>,
    catalogue: Option<Catalogue>,
) -> ActivityRequest<'a> {
    ActivityRequest {
        cohort,
        at: ctx.clock.now(),
        by: by.map(|b| b.trim().to_string()).filter(|b| !b.is_empty()),
        catalogue,
    }
}

/// `1:am 专题辅导 “学习党章” · 王强（组织部长） · 模块 1,3 · 2 h · held`
pub(super) fn describe(ctx: &Ctx, a: &TeachingActivity) -> String {
    let d = &a.details;
    let mut parts = vec![format!(
        "{} {} “{}”",
        d.session,
        ctx.t(d.method.zh(), d.method.code()),
        d.title
    )];
    if !d.lecturer.is_empty() {
        let role = if d.role.is_empty() {
            String::new()
        } else {
            format!(" ({})", d.role)
        };
        parts.push(format!("{}{role}", d.lecturer));
    }
    let numbers: Vec<String> = d.modules.iter().map(u16::to_string).collect();
    parts.push(ctx.t(
        &format!("模块 {}", numbers.join(",")),
        &format!("modules {}", numbers.join(",")),
    ));
    if let Some(minutes) = d.minutes {
        parts.push(ctx.t(
            &format!("{} 小时", teaching::hours(minutes)),
            &format!("{} h", teaching::hours(minutes)),
        ));
    }
    parts.push(ctx.t(a.status.zh(), a.status.code()));
    parts.join(" · ")
}

/// A refusal: "already held" and "nothing changed" are answers (exit 0, nothing
/// written); everything else is bad input.
fn refused(ctx: &Ctx, cohort: &Cohort, refusal: TeachingError) -> CliResult {
    let hint = match &refusal {
        TeachingError::NotFound(_) | TeachingError::Deleted(_) => ctx.t(
            &format!("；用 lunxun teach list --cohort {} 查看编号", cohort.code),
            &format!(
                "; `lunxun teach list --cohort {}` shows the ids",
                cohort.code
            ),
        ),
        TeachingError::NotStarted(_) => ctx.t(
            "；场次开始后再标记为已举办",
            "; mark it held once the session has started",
        ),
        _ => String::new(),
    };
    match refusal {
        TeachingError::AlreadyHeld(_) | TeachingError::Unchanged => Ok(ctx.t(
            &format!("= {}，未重复记录\n", refusal.zh()),
            &format!("= {refusal}; nothing recorded\n"),
        )),
        other => Err(CliError::Input(ctx.t(
            &format!("{}{hint}。", other.zh()),
            &format!("{other}{hint}"),
        ))),
    }
}

fn parse_method(ctx: &Ctx, text: &str) -> Result<Method, CliError> {
    Method::parse(text).ok_or_else(|| {
        CliError::Input(ctx.t(
            &format!("教学方式“{text}”无效；可选 专题辅导、经验介绍、案例分析、现场观摩、讨论交流、菜单选学。"),
            &format!("unknown method '{text}': use lecture, sharing, case, visit, discussion or elective"),
        ))
    })
}

/// Hours as minutes; an empty value means none.
fn parse_hours(ctx: &Ctx, text: Option<&str>) -> Result<Option<u32>, CliError> {
    let Some(text) = text.filter(|t| !t.trim().is_empty()) else {
        return Ok(None);
    };
    teaching::parse_hours(text).map(Some).ok_or_else(|| {
        CliError::Input(ctx.t(
            &format!("学时“{text}”无效；请写小时数，如 2、1.5 或 1:30（不超过 24）。"),
            &format!(
                "bad hours '{text}': use a number of hours such as 2, 1.5 or 1:30 (at most 24)"
            ),
        ))
    })
}

/// A base by name, as its id; an empty name means none.
fn find_base(ctx: &Ctx, name: Option<&str>) -> Result<Option<String>, CliError> {
    let Some(name) = name.filter(|n| !n.trim().is_empty()) else {
        return Ok(None);
    };
    match ctx.store.base_named(name)? {
        Some(base) => Ok(Some(base.id)),
        None => Err(CliError::Input(ctx.t(
            &format!("没有名为“{name}”的培训基地；用 lunxun base list 查看，或用 lunxun base add 添加。"),
            &format!("no training base named '{name}'; `lunxun base list` shows them, `lunxun base add` adds one"),
        ))),
    }
}

fn parse_modules(
    ctx: &Ctx,
    cohort: &Cohort,
    text: &str,
) -> Result<(Vec<u16>, Option<Catalogue>), CliError> {
    ctx.store
        .resolve_modules(&cohort.code, text)?
        .map_err(|e| module_error(ctx, &e))
}

pub(super) fn module_error(ctx: &Ctx, error: &ModuleError) -> CliError {
    let (zh_hint, en_hint) = match error {
        ModuleError::NoneGiven => (
            "请至少写一个模块，如 --modules 1,3",
            "give at least one, e.g. --modules 1,3",
        ),
        ModuleError::NameTaken { .. } => ("请换一个名称", "choose another name"),
        ModuleError::EmptyName => ("请用 --name 给出简称", "give one with --name"),
        _ => (
            "用 lunxun module list 查看模块编号和名称",
            "`lunxun module list` shows the numbers and names",
        ),
    };
    CliError::Input(ctx.t(
        &format!("{}；{zh_hint}。", error.zh()),
        &format!("{error}; {en_hint}"),
    ))
}
