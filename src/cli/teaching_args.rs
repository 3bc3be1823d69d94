//! Clap definitions of `export coverage`.

use std::path::PathBuf;

use clap::{ArgGroup, Args, ValueEnum};

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
