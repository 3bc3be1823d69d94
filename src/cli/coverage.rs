//! `lunxun export coverage`: one cohort (modules × sessions, methods, warnings) or,
//! with `--all`, the cohorts × modules matrix; JSON or Markdown.

use crate::io::coverage::{self, markdown};

use super::teaching_args::{CoverageFormat, ExportCoverageArgs};
use super::{CliError, CliResult, Ctx, Printed, find_cohort};

pub fn export(args: ExportCoverageArgs, ctx: &Ctx) -> Result<Printed, CliError> {
    let text = match &args.cohort {
        Some(code) => one_cohort(code, args.format, ctx)?,
        None => every_cohort(args.format, ctx)?,
    };
    super::printed::deliver(Printed::Export(text), args.output, |path| {
        super::export::exported_to(ctx, path)
    })
}

fn one_cohort(code: &str, format: CoverageFormat, ctx: &Ctx) -> CliResult {
    let cohort = find_cohort(ctx, code)?;
    let now = ctx.clock.now().naive_local();
    let found = ctx.store.cohort_coverage(&cohort, now)?;
    Ok(match format {
        CoverageFormat::Json => {
            let json = coverage::cohort_json(&cohort, &found, ctx.lang);
            serde_json::to_string_pretty(&json).expect("coverage serialises") + "\n"
        }
        CoverageFormat::Md => markdown::cohort(&cohort, &found, ctx.lang),
    })
}

fn every_cohort(format: CoverageFormat, ctx: &Ctx) -> CliResult {
    let matrix = ctx.store.cohorts_matrix()?;
    Ok(match format {
        CoverageFormat::Json => {
            let json = coverage::matrix_json(&matrix);
            serde_json::to_string_pretty(&json).expect("matrix serialises") + "\n"
        }
        CoverageFormat::Md => markdown::matrix(&matrix, ctx.lang),
    })
}
