//! `lunxun report hours`: the 学时登记表 — each person's 学时 in a year by level and the
//! list of those below the annual target — as Markdown, JSON or a workbook.

use std::path::PathBuf;

use chrono::Datelike;
use clap::{Args, ValueEnum};

use crate::domain::credit::record::DEFAULT_ANNUAL_TARGET;
use crate::io::report::hours_tables;
use crate::ops::record::{HoursQuery, hours_report};
use crate::text::{Record, Report};
use crate::tr;

use super::{CliError, Ctx, Printed};

/// As `report cohort|year`'s `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum HoursFormat {
    Md,
    Json,
    /// An Excel workbook: the 学时登记表 and the below-target list (-o FILE, or standard
    /// output redirected to a file)
    Xlsx,
}

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
    pub format: HoursFormat,
    /// Write to this file (atomically, mode 0600) instead of stdout
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn run(args: HoursReportArgs, ctx: &Ctx) -> Result<Printed, CliError> {
    if !(1..=1000).contains(&args.target) {
        return Err(CliError::Input(tr!(ctx.lang, Record::HoursTargetRange)));
    }
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
    let made = match args.format {
        HoursFormat::Json => {
            Printed::Export(serde_json::to_string_pretty(&model).expect("report serialises") + "\n")
        }
        HoursFormat::Md => Printed::Export(hours_tables::markdown(&model, ctx.lang)),
        HoursFormat::Xlsx => Printed::Workbook(
            hours_tables::workbook(&model, ctx.lang, now.naive_utc())
                .map_err(|e| CliError::Io(format!("xlsx: {e}")))?,
        ),
    };
    super::printed::deliver(made, args.output, |path| {
        tr!(ctx.lang, Report::RptWrittenTo, path = path.display())
    })
}
