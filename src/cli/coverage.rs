//! `lunxun export coverage`: one cohort (modules × sessions, methods, warnings) or,
//! with `--all`, the cohorts × modules matrix; JSON or Markdown, written by
//! [`crate::io::report::coverage`].

use std::path::PathBuf;

use clap::{ArgGroup, Args, ValueEnum};

use crate::io::report::coverage::{self, Format};

use super::{CliError, Ctx, Printed, find_cohort};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CoverageFormat {
    Json,
    /// Markdown tables
    #[value(alias = "markdown")]
    Md,
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("which").required(true).args(["cohort", "all"])))]
pub struct ExportCoverageArgs {
    /// One cohort: modules × sessions, methods, warnings
    #[arg(long, value_name = "CODE")]
    pub cohort: Option<String>,
    /// Every cohort: cohorts × modules
    #[arg(long)]
    pub all: bool,
    #[arg(long, value_enum, default_value = "json")]
    pub format: CoverageFormat,
    /// Write to this file (atomically, private to the user) instead of stdout
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

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
