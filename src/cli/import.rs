//! `lunxun import FILE`: read a roster, match it against the register, print what would
//! change, and commit it as one durable transaction (unless --dry-run, or any row is bad
//! and --skip-invalid was not given: then nothing is written and the exit code is 2).

use std::collections::HashSet;
use std::io::IsTerminal;

use crate::domain::{Cohort, PersonId};
use crate::io::roster::{self as import, ImportError, ImportOptions, Prepared, report};

use super::args::ImportArgs;
use super::session::closed_error;
use super::{CliError, CliResult, Ctx, find_cohort};

pub fn run(args: ImportArgs, ctx: &Ctx) -> CliResult {
    let cohort = match &args.cohort {
        Some(code) => Some(find_cohort(ctx, code)?),
        None => None,
    };
    let prepared = prepare_file(&args, cohort.as_ref(), ctx)?;
    let Prepared { read, plan, errors } = &prepared;
    let file_name = args.file.file_name().unwrap_or(args.file.as_os_str());
    let code = cohort.as_ref().map(|c| c.code.as_str());
    let file_name = file_name.to_string_lossy();
    let summary = report::summary(ctx.lang, &file_name, read, plan, code, errors.len());
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
    if let Err(closed) = ctx
        .store
        .commit_import(plan.writes(), code, &plan.enrol, at)?
    {
        let why = closed_error(ctx, code.unwrap_or_default(), closed);
        let hint = ctx.t(
            "不带 --cohort 可只更新花名册。",
            "; without --cohort it updates the register only",
        );
        return Err(CliError::Input(format!("{}{hint}", why.message(ctx.lang))));
    }
    Ok(out
        + &if plan.is_empty() {
            ctx.t("没有需要更改的内容。\n", "nothing to change\n")
        } else {
            ctx.t("✓ 已导入并保存。\n", "✓ imported and saved\n")
        })
}

/// Reads, checks and plans the file, with progress on stderr every 10,000 rows when
/// stderr is a terminal.
fn prepare_file(
    args: &ImportArgs,
    cohort: Option<&Cohort>,
    ctx: &Ctx,
) -> Result<Prepared, CliError> {
    let input = |e: ImportError| CliError::Input(e.message(ctx.lang));
    let bytes = import::read_bytes(&args.file).map_err(input)?;
    let extension = args.file.extension().and_then(|e| e.to_str()).unwrap_or("");
    let options = ImportOptions {
        encoding: args.encoding.choice(),
        sheet: args.sheet.clone(),
    };
    let register = ctx.store.people()?;
    let roster: Option<HashSet<PersonId>> = match cohort {
        Some(c) => Some(
            ctx.store
                .enrolments(&c.code)?
                .into_iter()
                .map(|e| e.person)
                .collect(),
        ),
        None => None,
    };
    let terminal = std::io::stderr().is_terminal();
    let mut shown = false;
    let result = import::prepare(
        &bytes,
        extension,
        &options,
        register,
        roster.as_ref(),
        |rows| {
            if terminal {
                let text = ctx.t(&format!("已读取 {rows} 行…"), &format!("{rows} rows read…"));
                eprint!("\r{text}");
                shown = true;
            }
        },
    );
    if shown {
        eprint!("\r\x1b[K");
    }
    result.map_err(input)
}
