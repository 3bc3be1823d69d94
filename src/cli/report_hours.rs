//! `lunxun report hours`: the 学时登记表 — each person's 学时 in a year by level and the
//! list of those below the annual target — as Markdown, JSON or a workbook.

use std::path::PathBuf;

use chrono::Datelike;
use clap::Args;

use crate::domain::credit::record::DEFAULT_ANNUAL_TARGET;
use crate::io::report::hours_tables;
use crate::ops::record::{HoursQuery, hours_report};
use crate::text::Record;
use crate::tr;

use super::printed::{ReportFormat, ReportWriters, deliver_report};
use super::{CliError, Ctx, Printed};

#[derive(Debug, Args)]
pub struct HoursReportArgs {
    /// The year (default: this year by the clock)
    #[arg(long)]
    pub year: Option<i32>,
    /// Only the people of this county (县市区)
    #[arg(long)]
    pub county: Option<String>,
    /// The annual target in 学时
    #[arg(long, default_value_t = DEFAULT_ANNUAL_TARGET)]
    pub target: u32,
    #[arg(long, value_enum, default_value = "md")]
    pub format: ReportFormat,
    /// Write to this file (atomically, mode 0600) instead of stdout
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn run(args: HoursReportArgs, ctx: &Ctx) -> Result<Printed, CliError> {
    check_target(args.target, ctx)?;
    let now = ctx.clock.now();
    let stamp = now.format("%Y-%m-%d %H:%M").to_string();
    let query = HoursQuery {
        year: args.year.unwrap_or_else(|| now.year()),
        target: args.target,
        county: args.county.as_deref(),
        today: now.date_naive(),
        generated_at: &stamp,
    };
    let model = hours_report(&ctx.store, query)?;
    let writers = ReportWriters {
        markdown: hours_tables::markdown,
        workbook: hours_tables::workbook,
    };
    deliver_report(&model, args.format, writers, args.output, ctx)
}

/// The annual target (`--target` of `report hours` and `person show`) is 1 to 1000 学时.
pub(super) fn check_target(target: u32, ctx: &Ctx) -> Result<(), CliError> {
    if (1..=1000).contains(&target) {
        Ok(())
    } else {
        Err(CliError::Input(tr!(ctx.lang, Record::HoursTargetRange)))
    }
}
