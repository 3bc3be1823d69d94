//! `lunxun export coverage`: one cohort (modules × sessions, methods, warnings) or,
//! with `--all`, the cohorts × modules matrix; JSON or Markdown, written by
//! [`crate::io::report::coverage`].

use crate::io::report::coverage::{self, Format};

use super::teaching_args::{CoverageFormat, ExportCoverageArgs};
use super::{CliError, Ctx, Printed, find_cohort};

pub fn export(args: ExportCoverageArgs, ctx: &Ctx) -> Result<Printed, CliError> {
    let format = match args.format {
        CoverageFormat::Json => Format::Json,
        CoverageFormat::Md => Format::Markdown,
    };
    let text = match &args.cohort {
        Some(code) => {
            let cohort = find_cohort(ctx, code)?;
            let now = ctx.clock.now().naive_local();
            let found = ctx.store.cohort_coverage(&cohort, now)?;
            coverage::cohort_output(&cohort, &found, format, ctx.lang)
        }
        None => coverage::matrix_output(&ctx.store.cohorts_matrix()?, format, ctx.lang),
    };
    super::printed::deliver_export(Printed::Export(text), args.output, ctx.lang)
}
