//! `lunxun import-timetable FILE --cohort CODE`: read a cohort's timetable (课程表),
//! check every row, and enter the new activities as planned in one durable commit
//! (unless --dry-run, or any row is bad: then nothing is written and the exit code is 2).

use std::path::PathBuf;

use clap::Args;

use crate::domain::{Closed, Cohort};
use crate::io::timetable::{self, TimetableInput, TimetableRead, report};
use crate::ops::OpError;
use crate::ops::activity::log_planned;
use crate::store::PlannedOutcome;
use crate::text::Teaching as Tg;
use crate::tr;

use super::encoding::ReadArgs;
use super::session::closed_error;
use super::{CliError, CliResult, Ctx, find_cohort};

#[derive(Debug, Args)]
#[command(
    after_help = "Columns are found by their usual names: 日期 (2015-03-16, 3月16日) or \
第几天 (2, 第2天), 时段 (上午/下午/晚上), 方式 (专题辅导, 经验介绍, 案例分析, 现场观摩, 讨论交流, \
菜单选学), 题目, 授课人, 职务, 模块 (1,3 or 模块一、模块三), 基地 (an existing base's name), 学时, \
备注. Title rows above the header are skipped; an empty date or slot is taken from the row above \
(merged cells). Rows already in the log (same session, method and title) are left as they are. \
Any invalid row imports nothing (exit code 2), and every error is listed with its line."
)]
pub struct ImportTimetableArgs {
    /// The timetable: .csv or .txt (comma or tab separated), .xlsx or .xls
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The cohort whose plan it is
    #[arg(long, value_name = "CODE")]
    pub cohort: String,
    #[command(flatten)]
    pub read: ReadArgs,
    /// Who is importing (kept with each activity)
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
}

pub fn run(args: ImportTimetableArgs, ctx: &Ctx) -> CliResult {
    let cohort = find_cohort(ctx, &args.cohort)?;
    let read = read_file(&args, ctx, &cohort)?;
    let file_name = args.file.file_name().unwrap_or(args.file.as_os_str());
    let file_name = file_name.to_string_lossy();
    if !read.errors.is_empty() {
        return Err(refuse(&args, ctx, &read, &file_name));
    }
    if args.read.dry_run {
        let summary = report::summary(ctx.lang, &file_name, &read, false);
        return Ok(summary + &(tr!(ctx.lang, crate::text::RosterImport::ImportDryRun) + "\n"));
    }
    let activities = read.plan.create.iter().map(|r| r.details.clone()).collect();
    let (at, by) = (ctx.clock.now(), args.by.as_deref());
    let catalogue = read.catalogue.clone();
    match log_planned(&ctx.store, &cohort, at, by, catalogue, activities)? {
        PlannedOutcome::Refused { index, refusal } => {
            let line = read.plan.create.get(index).map_or(0, |r| r.line);
            let reason = OpError::Teaching(refusal).message(ctx.lang);
            let text = tr!(
                ctx.lang,
                Tg::CliTimetableRowRefused,
                line = line,
                reason = reason
            );
            Err(CliError::Input(text))
        }
        PlannedOutcome::CohortClosed => Err(closed_error(ctx, &cohort.code, Closed::Cohort)),
        PlannedOutcome::Recorded(numbers) => {
            let summary = report::summary(ctx.lang, &file_name, &read, true);
            Ok(summary + &saved(ctx, &numbers))
        }
    }
}

/// Reads and checks the file against the cohort, its catalogue, the bases and its log.
fn read_file(
    args: &ImportTimetableArgs,
    ctx: &Ctx,
    cohort: &Cohort,
) -> Result<TimetableRead, CliError> {
    let bytes = crate::io::tabular::read_bytes(&args.file)
        .map_err(|e| CliError::Input(e.message(ctx.lang)))?;
    let extension = args.file.extension().and_then(|e| e.to_str()).unwrap_or("");
    let options = args.read.options();
    let current = ctx.store.catalogue()?;
    let bases = ctx.store.bases()?;
    let existing = ctx.store.activities(&cohort.code)?;
    let input = TimetableInput {
        cohort,
        current: &current,
        own: ctx.store.cohort_catalogue(&cohort.code)?,
        bases: &bases,
        existing: &existing,
    };
    timetable::read(&bytes, extension, &options, input)
        .map_err(|e| CliError::Input(e.message(ctx.lang)))
}

/// Every error, one per line; with --dry-run, the summary too.
fn refuse(
    args: &ImportTimetableArgs,
    ctx: &Ctx,
    read: &TimetableRead,
    file_name: &str,
) -> CliError {
    let n = read.errors.len();
    let head = tr!(ctx.lang, Tg::CliTimetableRowsBad, count = n);
    let lines: Vec<String> = read.errors.iter().map(|e| e.message(ctx.lang)).collect();
    let tail = if args.read.dry_run {
        format!("\n{}", report::summary(ctx.lang, file_name, read, false))
    } else {
        String::new()
    };
    CliError::Input(format!("{head}\n{}{tail}", lines.join("\n")))
}

/// `✓ imported and saved: activities 1–12 (planned)`, or that nothing changed.
fn saved(ctx: &Ctx, numbers: &[u32]) -> String {
    let line = match numbers {
        [] => tr!(ctx.lang, crate::text::RosterImport::ImportNothingToChange),
        [one] => tr!(ctx.lang, Tg::CliTimetableSavedOne, id = one),
        [first, .., last] => tr!(ctx.lang, Tg::CliTimetableSaved, first = first, last = last),
    };
    line + "\n"
}
