//! `lunxun import FILE`: read a roster, match it against the register, print what would
//! change, and commit it all or nothing (unless --dry-run, or any row is bad and
//! --skip-invalid was not given: then nothing is written and the exit code is 2).
//! The reading, planning and committing are [`crate::ops::import`]'s, shared with the
//! desk; the progress of both passes is drawn by [`super::import_progress`].

use std::path::PathBuf;

use clap::Args;

use crate::io::roster::{Prepared, report};
use crate::ops::import::{self as ops, Commit, CommitError, RosterFile};
use crate::text::RosterImport;

use super::encoding::ReadArgs;
use super::import_progress::ImportProgress;
use super::session::closed_error;
use super::{CliError, CliResult, Ctx, find_cohort};

#[derive(Debug, Args)]
#[command(
    after_help = "Headers are matched by their usual names (姓名, 性别, 单位, 县市区, 乡镇, 职务, 领域, \
联系电话, 身份证号, 备注, or English); title rows above the header are skipped; other columns are kept \
in notes. People already in the register are matched by ID number, else phone and name, else name \
and unit. Any invalid row imports nothing (exit code 2) unless --skip-invalid."
)]
pub struct ImportArgs {
    /// The roster: .csv or .txt (comma or tab separated), .xlsx or .xls
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Also enrol everyone in this cohort (default: the register only)
    #[arg(long, value_name = "CODE")]
    pub cohort: Option<String>,
    #[command(flatten)]
    pub read: ReadArgs,
    /// Import the valid rows and list the others (default: all or nothing)
    #[arg(long)]
    pub skip_invalid: bool,
}

pub fn run(args: ImportArgs, ctx: &Ctx) -> CliResult {
    let cohort = match &args.cohort {
        Some(code) => Some(find_cohort(ctx, code)?),
        None => None,
    };
    let code = cohort.as_ref().map(|c| c.code.as_str());
    let mut progress = ImportProgress::new(ctx.lang);
    let prepared = prepare_file(&args, code, ctx, &mut progress)?;
    let Prepared { read, plan, errors } = &prepared;
    let file_name = args.file.file_name().unwrap_or(args.file.as_os_str());
    let file_name = file_name.to_string_lossy();
    let summary = report::summary(ctx.lang, &file_name, read, plan, code, errors.len());
    let error_lines: String = errors.iter().map(|e| e.message(ctx.lang) + "\n").collect();
    if !ops::importable(&prepared, args.skip_invalid) {
        let head = crate::tr!(
            ctx.lang,
            RosterImport::ImportRefusedRows,
            count = errors.len()
        );
        let tail = if args.read.dry_run {
            format!("\n{summary}")
        } else {
            String::new()
        };
        let message = format!("{head}\n{}{tail}", error_lines.trim_end());
        return Err(CliError::Input(message));
    }
    let mut out = summary;
    if !errors.is_empty() {
        out += &(crate::tr!(ctx.lang, RosterImport::ImportRowsSkipped) + "\n" + &error_lines);
    }
    if args.read.dry_run {
        return Ok(out + &crate::tr!(ctx.lang, RosterImport::ImportDryRun) + "\n");
    }
    let input = Commit {
        prepared: &prepared,
        cohort: code,
        skip_invalid: args.skip_invalid,
    };
    let written = ops::commit(&ctx.store, ctx.clock.now(), input, |s| progress.step(s));
    progress.clear();
    let imported = match written {
        Ok(imported) => imported,
        Err(CommitError::Store(e)) => return Err(e.into()),
        // Refused above already; kept for the operation's own check.
        Err(CommitError::BadRows(_)) => return Err(CliError::Input(error_lines)),
        Err(CommitError::Closed(closed)) => {
            let why = closed_error(ctx, code.unwrap_or_default(), closed);
            let hint = crate::tr!(ctx.lang, RosterImport::ImportClosedHint);
            return Err(CliError::Input(format!("{}{hint}", why.message(ctx.lang))));
        }
    };
    let done = if imported.unchanged {
        RosterImport::ImportNothingToChange
    } else {
        RosterImport::ImportSaved
    };
    Ok(out + &crate::tr!(ctx.lang, done) + "\n")
}

/// Reads, checks and plans the file, showing how far it has come.
fn prepare_file(
    args: &ImportArgs,
    cohort: Option<&str>,
    ctx: &Ctx,
    progress: &mut ImportProgress,
) -> Result<Prepared, CliError> {
    let options = args.read.options();
    let file = RosterFile {
        path: &args.file,
        options: &options,
        cohort,
    };
    let result = ops::prepare(&ctx.store, file, |step| progress.step(step));
    progress.clear();
    result.map_err(|e| match e {
        ops::PrepareError::Store(e) => CliError::Store(e),
        file => CliError::Input(file.message(ctx.lang)),
    })
}
