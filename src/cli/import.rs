//! `lunxun import FILE`: read a roster, match it against the register, print what would
//! change, and commit it as one durable transaction (unless --dry-run, or any row is bad
//! and --skip-invalid was not given: then nothing is written and the exit code is 2).

use std::collections::HashSet;
use std::io::IsTerminal;
use std::path::Path;

use crate::domain::{Cohort, PersonId};
use crate::io::import::{
    self, ImportError, ImportOptions, ImportPlan, MAX_FILE_BYTES, ReadFile, RowError, report,
};

use super::args::ImportArgs;
use super::{CliError, CliResult, Ctx, find_cohort};

pub fn run(args: ImportArgs, ctx: &Ctx) -> CliResult {
    let cohort = match &args.cohort {
        Some(code) => Some(find_cohort(ctx, code)?),
        None => None,
    };
    let mut read = read_file(&args, ctx)?;
    let plan = plan(ctx, std::mem::take(&mut read.drafts), cohort.as_ref())?;
    let mut errors: Vec<&RowError> = read.errors.iter().chain(&plan.errors).collect();
    errors.sort_by_key(|e| e.line);
    let file_name = args.file.file_name().unwrap_or(args.file.as_os_str());
    let code = cohort.as_ref().map(|c| c.code.as_str());
    let summary = report::summary(
        ctx.lang,
        &file_name.to_string_lossy(),
        &read,
        &plan,
        code,
        errors.len(),
    );
    let error_lines: String = errors.iter().map(|e| e.message(ctx.lang) + "\n").collect();
    if !errors.is_empty() && !args.skip_invalid {
        let n = errors.len();
        let head = ctx.t(
            &format!("未导入任何人员：{n} 行有错误。请修正后重试，或用 --skip-invalid 只导入无误的行。"),
            &format!("nothing imported: {n} row(s) have errors; fix them, or use --skip-invalid to import the other rows"),
        );
        let tail = if args.dry_run {
            format!("\n{summary}")
        } else {
            String::new()
        };
        let message = format!("{head}\n{}{tail}", error_lines.trim_end());
        return Err(CliError::Input(message));
    }
    let mut out = summary;
    if !errors.is_empty() {
        out += &(ctx.t("跳过的行：\n", "rows skipped:\n") + &error_lines);
    }
    if args.dry_run {
        return Ok(out + &ctx.t("试运行：未写入任何内容。\n", "dry run: nothing written\n"));
    }
    let at = ctx.clock.now();
    ctx.store
        .commit_import(plan.writes(), code, &plan.enrol, at)?;
    Ok(out
        + &if plan.is_empty() {
            ctx.t("没有需要更改的内容。\n", "nothing to change\n")
        } else {
            ctx.t("✓ 已导入并保存。\n", "✓ imported and saved\n")
        })
}

/// Reads and checks the file, with progress on stderr every 10,000 rows when stderr is
/// a terminal.
fn read_file(args: &ImportArgs, ctx: &Ctx) -> Result<ReadFile, CliError> {
    let bytes = read_bytes(&args.file, ctx)?;
    let extension = args.file.extension().and_then(|e| e.to_str()).unwrap_or("");
    let options = ImportOptions {
        encoding: args.encoding.choice(),
        sheet: args.sheet.clone(),
    };
    let terminal = std::io::stderr().is_terminal();
    let mut shown = false;
    let result = import::read(&bytes, extension, &options, |rows| {
        if terminal {
            let text = ctx.t(&format!("已读取 {rows} 行…"), &format!("{rows} rows read…"));
            eprint!("\r{text}");
            shown = true;
        }
    });
    if shown {
        eprint!("\r\x1b[K");
    }
    result.map_err(|e| CliError::Input(e.message(ctx.lang)))
}

pub(super) fn read_bytes(path: &Path, ctx: &Ctx) -> Result<Vec<u8>, CliError> {
    let cannot = |e: std::io::Error| {
        CliError::Input(ctx.t(
            &format!("无法读取 {}：{e}", path.display()),
            &format!("cannot read {}: {e}", path.display()),
        ))
    };
    let size = std::fs::metadata(path).map_err(cannot)?.len();
    if size > MAX_FILE_BYTES {
        let error = ImportError::TooLarge {
            bytes: size,
            limit: MAX_FILE_BYTES,
        };
        return Err(CliError::Input(error.message(ctx.lang)));
    }
    std::fs::read(path).map_err(cannot)
}

/// Matches the rows against the register (and the cohort's roster), naming new people
/// with ULIDs in file order.
fn plan(
    ctx: &Ctx,
    drafts: Vec<import::Draft>,
    cohort: Option<&Cohort>,
) -> Result<ImportPlan, CliError> {
    let register = ctx.store.people()?;
    let roster: Option<HashSet<PersonId>> = match cohort {
        Some(c) => {
            let enrolments = ctx.store.enrolments(&c.code)?;
            Some(enrolments.into_iter().map(|e| e.person).collect())
        }
        None => None,
    };
    let mut ids = ulid::Generator::new();
    Ok(import::plan(drafts, register, roster.as_ref(), || {
        let id = ids.generate().unwrap_or_else(|_| ulid::Ulid::generate());
        PersonId(id.to_string())
    }))
}
