//! `lunxun backup` and `lunxun restore`.

use std::path::PathBuf;

use clap::Args;

use crate::io::backup::{self, BackupError};

use crate::text::Commands;
use crate::tr;

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
        BackupError::NotABackup { .. } => CliError::Input(e.message(ctx.lang)),
        BackupError::File { .. } => CliError::Io(e.message(ctx.lang)),
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
    let entry = match wrote {
        true => Commands::BackupWritten,
        false => Commands::RestoreVerified,
    };
    tr!(
        ctx.lang,
        entry,
        path = path.display(),
        people = people,
        cohorts = cohorts,
        enrolments = enrolments,
        events = events
    )
}
