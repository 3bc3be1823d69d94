//! `lunxun backup` and `lunxun restore`.

use std::path::PathBuf;

use clap::Args;

use crate::io::backup::{self, BackupError};

use super::{CliError, CliResult, Ctx};

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// Write the backup here (default: a new file in the data folder's backups/)
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub(super) fn fail(ctx: &Ctx, e: BackupError) -> CliError {
    match e {
        BackupError::Store(s) => CliError::Store(s),
        BackupError::NotABackup { .. } => CliError::Input(e.to_string()),
        BackupError::File { .. } => CliError::Io(
            ctx.t("无法读写备份文件：", "cannot read or write the backup: ") + &e.to_string(),
        ),
    }
}

pub fn backup(args: BackupArgs, ctx: &Ctx) -> CliResult {
    let now = ctx.clock.now();
    let (path, saved) = match args.output {
        Some(path) => {
            let saved = backup::write(&ctx.store, &path, now).map_err(|e| fail(ctx, e))?;
            (path, saved)
        }
        None => {
            let path = backup::automatic(&ctx.store, now).map_err(|e| fail(ctx, e))?;
            let saved = backup::read(&path).map_err(|e| fail(ctx, e))?;
            (path, saved)
        }
    };
    Ok(summary(ctx, &saved.counts(), &path, true))
}

pub(super) fn summary(
    ctx: &Ctx,
    counts: &std::collections::BTreeMap<String, usize>,
    path: &std::path::Path,
    wrote: bool,
) -> String {
    let n = |tree: &str| counts.get(tree).copied().unwrap_or(0);
    let (people, cohorts, enrolments, events) =
        (n("people"), n("cohorts"), n("enrolments"), n("events"));
    let verb = match (wrote, ctx.lang) {
        (true, crate::text::Lang::Zh) => "已备份到",
        (true, _) => "backed up to",
        (false, crate::text::Lang::Zh) => "已恢复并核对，位于",
        (false, _) => "restored and verified in",
    };
    ctx.t(
        &format!("{verb} {}：人员 {people}，班次 {cohorts}，参训 {enrolments}，签到记录 {events}\n", path.display()),
        &format!("{verb} {}: {people} people, {cohorts} cohorts, {enrolments} enrolments, {events} attendance events\n", path.display()),
    )
}
