//! `lunxun teach add|edit|delete|held|list|history`: the teaching log of a cohort.
//! Every change is an appended event; a confirmation is printed only after the commit.

use clap::{Args, Subcommand};

use crate::domain::Cohort;
use crate::domain::module::ModuleError;
use crate::domain::teaching::TeachingError;
use crate::ops::OpError;
use crate::ops::activity::{self as op, ActivityChanges, LogBy, Logged, Modules, NewActivity};
use crate::text::Teaching as Tg;
use crate::tr;

use super::teach_view::{self, TeachHistoryArgs, TeachListArgs, describe};
use super::{CliError, CliResult, Ctx, find_cohort, op_error, pick_session};

#[derive(Debug, Subcommand)]
pub enum TeachCommand {
    /// Log a teaching activity; prints its id alone on the last line. It is planned if
    /// its session has not started yet (or with --planned), else held
    Add(TeachAddArgs),
    /// Change an activity (recorded as an edit; the earlier version stays in the history)
    Edit(TeachEditArgs),
    /// Take an activity out of the log (recorded; it stays in the history)
    Delete(TeachDeleteArgs),
    /// Mark a planned activity as held
    Held(TeachIdArgs),
    /// List a cohort's activities
    List(TeachListArgs),
    /// Every recorded change of a cohort's activities (or of one), oldest first
    History(TeachHistoryArgs),
}

#[derive(Debug, Args)]
pub struct TeachAddArgs {
    #[arg(long, value_name = "CODE")]
    pub cohort: String,
    /// DAY:SLOT, e.g. 2:pm
    #[arg(long)]
    pub session: String,
    /// lecture, sharing, case, visit, discussion or elective (or 专题辅导, 经验介绍,
    /// 案例分析, 现场观摩, 讨论交流, 菜单选学)
    #[arg(long)]
    pub method: String,
    #[arg(long)]
    pub title: String,
    /// 授课人
    #[arg(long, default_value = "")]
    pub lecturer: String,
    /// The lecturer's role, e.g. 县委书记, 组织部长, 专家, 优秀村党组织书记
    #[arg(long, default_value = "")]
    pub role: String,
    /// Content modules covered: numbers or names, e.g. 1,3 or 讲话精神、党章党纪
    #[arg(long)]
    pub modules: String,
    /// Hours: class hours (学时) of the cohort's length, e.g. 2学时; or clock hours, e.g. 2, 1.5, 2小时 or 1:30
    #[arg(long)]
    pub hours: Option<String>,
    /// The training base visited (its name, see `lunxun base list`)
    #[arg(long, value_name = "NAME")]
    pub base: Option<String>,
    #[arg(long, default_value = "")]
    pub notes: String,
    /// Enter it as planned even if its session has started
    #[arg(long)]
    pub planned: bool,
    /// Who is making this entry (kept with the record)
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
}

#[derive(Debug, Args)]
pub struct TeachEditArgs {
    #[arg(long, value_name = "CODE")]
    pub cohort: String,
    #[arg(long)]
    pub id: u32,
    /// DAY:SLOT
    #[arg(long)]
    pub session: Option<String>,
    #[arg(long)]
    pub method: Option<String>,
    #[arg(long)]
    pub title: Option<String>,
    #[arg(long)]
    pub lecturer: Option<String>,
    #[arg(long)]
    pub role: Option<String>,
    #[arg(long)]
    pub modules: Option<String>,
    /// Hours; an empty value clears them
    #[arg(long)]
    pub hours: Option<String>,
    /// Training base name; an empty value clears it
    #[arg(long, value_name = "NAME")]
    pub base: Option<String>,
    #[arg(long)]
    pub notes: Option<String>,
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
}

#[derive(Debug, Args)]
pub struct TeachDeleteArgs {
    #[arg(long, value_name = "CODE")]
    pub cohort: String,
    #[arg(long)]
    pub id: u32,
    #[arg(long)]
    pub reason: Option<String>,
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
}

#[derive(Debug, Args)]
pub struct TeachIdArgs {
    #[arg(long, value_name = "CODE")]
    pub cohort: String,
    #[arg(long)]
    pub id: u32,
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
}

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

fn who<'a>(ctx: &Ctx, cohort: &'a Cohort, by: &'a Option<String>) -> LogBy<'a> {
    LogBy {
        cohort: &cohort.code,
        at: ctx.clock.now(),
        by: by.as_deref(),
    }
}

fn add(args: TeachAddArgs, ctx: &Ctx) -> CliResult {
    let cohort = find_cohort(ctx, &args.cohort)?;
    let input = NewActivity {
        session: pick_session(ctx, &cohort, Some(&args.session))?,
        method: args.method,
        title: args.title,
        lecturer: args.lecturer,
        role: args.role,
        modules: Modules::Named(args.modules),
        hours: args.hours.unwrap_or_default(),
        base: args.base.unwrap_or_default(),
        notes: args.notes,
    };
    let logged = op::log(
        &ctx.store,
        who(ctx, &cohort, &args.by),
        &input,
        args.planned,
    );
    said(ctx, &cohort, logged, Tg::CliActivityLogged, true)
}

fn edit(args: TeachEditArgs, ctx: &Ctx) -> CliResult {
    let cohort = find_cohort(ctx, &args.cohort)?;
    let input = ActivityChanges {
        session: args
            .session
            .as_deref()
            .map(|s| pick_session(ctx, &cohort, Some(s)))
            .transpose()?,
        method: args.method,
        title: args.title,
        lecturer: args.lecturer,
        role: args.role,
        modules: args.modules.map(Modules::Named),
        hours: args.hours,
        base: args.base,
        notes: args.notes,
        hold_if_started: false,
    };
    if input == ActivityChanges::default() {
        return Err(CliError::Input(tr!(ctx.lang, Tg::CliNothingToChange)));
    }
    let logged = op::edit(&ctx.store, who(ctx, &cohort, &args.by), args.id, &input);
    said(ctx, &cohort, logged, Tg::CliActivityChanged, false)
}

fn delete(args: TeachDeleteArgs, ctx: &Ctx) -> CliResult {
    let cohort = find_cohort(ctx, &args.cohort)?;
    let by = who(ctx, &cohort, &args.by);
    let logged = op::delete(&ctx.store, by, args.id, args.reason.as_deref());
    said(ctx, &cohort, logged, Tg::CliActivityDeleted, false)
}

fn held(args: TeachIdArgs, ctx: &Ctx) -> CliResult {
    let cohort = find_cohort(ctx, &args.cohort)?;
    let logged = op::hold(&ctx.store, who(ctx, &cohort, &args.by), args.id);
    said(ctx, &cohort, logged, Tg::CliActivityHeld, false)
}

/// The outcome as printed: the activity recorded (its id alone on the last line when
/// `id_line`), "already so" (exit 0, nothing written) or the refusal (exit 2).
fn said(
    ctx: &Ctx,
    cohort: &Cohort,
    logged: Result<Logged, OpError>,
    entry: Tg,
    id_line: bool,
) -> CliResult {
    match logged {
        Ok(Logged::Recorded(a)) => {
            let line = tr!(ctx.lang, entry, id = a.id, what = describe(ctx, &a));
            Ok(match id_line {
                true => format!("{line}\n{}\n", a.id),
                false => line + "\n",
            })
        }
        Ok(Logged::Unchanged(e)) => {
            let reason = OpError::Teaching(e).message(ctx.lang);
            Ok(tr!(ctx.lang, Tg::CliTeachUnchanged, reason = reason) + "\n")
        }
        Err(OpError::Teaching(e)) => Err(refused(ctx, cohort, e)),
        Err(OpError::Module(e)) => Err(module_error(ctx, &e)),
        Err(e) => Err(op_error(ctx, e)),
    }
}

/// A refusal of the log's rules, with what to do next.
fn refused(ctx: &Ctx, cohort: &Cohort, refusal: TeachingError) -> CliError {
    let hint = match &refusal {
        TeachingError::NotFound(_) | TeachingError::Deleted(_) => {
            tr!(ctx.lang, Tg::CliHintIds, code = cohort.code)
        }
        TeachingError::NotStarted(_) => tr!(ctx.lang, Tg::CliHintNotStarted),
        _ => String::new(),
    };
    let reason = OpError::Teaching(refusal).message(ctx.lang);
    CliError::Input(tr!(
        ctx.lang,
        Tg::CliTeachRefused,
        reason = reason,
        hint = hint
    ))
}

pub(super) fn module_error(ctx: &Ctx, error: &ModuleError) -> CliError {
    let hint = match error {
        ModuleError::NoneGiven => Tg::CliHintNoModules,
        ModuleError::NameTaken { .. } => Tg::CliHintOtherName,
        ModuleError::EmptyName => Tg::CliHintGiveName,
        _ => Tg::CliHintModuleList,
    };
    let reason = OpError::Module(error.clone()).message(ctx.lang);
    let hint = tr!(ctx.lang, hint);
    CliError::Input(tr!(
        ctx.lang,
        Tg::CliModuleRefused,
        reason = reason,
        hint = hint
    ))
}
