//! `lunxun report cohort|year`: the reports for the level above.

use std::path::PathBuf;

use chrono::Datelike;
use clap::{Args, Subcommand};

use crate::domain::report::DEFAULT_QUOTA_PERCENT;
use crate::io::report::{self, markdown, teaching, xlsx};
use crate::text::Report;
use crate::tr;

use super::printed::{ReportFormat, ReportWriters, deliver_report};
use super::{CliError, Ctx, Printed, find_cohort};

type ReportResult = Result<Printed, CliError>;

#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// One cohort: enrolment, attendance, completion, methods, modules covered, bases visited (工作总结 skeleton)
    Cohort(CohortReportArgs),
    /// The year: cohorts held, people trained, modules covered, the city-level quota per county, the untrained list
    Year(YearReportArgs),
    /// 学时登记表: each person's 学时 in the year by level, and who is below the annual target
    Hours(super::report_hours::HoursReportArgs),
}

#[derive(Debug, Args)]
pub struct CohortReportArgs {
    #[arg(long, value_name = "CODE")]
    pub cohort: String,
    #[arg(long, value_enum, default_value = "md")]
    pub format: ReportFormat,
    /// Write to this file (atomically, mode 0600) instead of stdout
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Show phone and ID numbers in full (default: masked)
    #[arg(long)]
    pub include_sensitive: bool,
}

#[derive(Debug, Args)]
pub struct YearReportArgs {
    /// The year (default: this year by the clock)
    #[arg(long)]
    pub year: Option<i32>,
    #[arg(long, value_enum, default_value = "md")]
    pub format: ReportFormat,
    /// Required share of village secretaries at city-level training, in percent
    #[arg(long, default_value_t = DEFAULT_QUOTA_PERCENT)]
    pub quota: f64,
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[arg(long)]
    pub include_sensitive: bool,
}

pub fn run(command: ReportCommand, ctx: &Ctx) -> ReportResult {
    match command {
        ReportCommand::Cohort(args) => cohort(args, ctx),
        ReportCommand::Year(args) => year(args, ctx),
        ReportCommand::Hours(args) => super::report_hours::run(args, ctx),
    }
}

fn generated_at(ctx: &Ctx) -> String {
    ctx.clock.now().format("%Y-%m-%d %H:%M").to_string()
}

fn cohort(args: CohortReportArgs, ctx: &Ctx) -> ReportResult {
    let cohort = find_cohort(ctx, &args.cohort)?;
    let roster = ctx.store.roster(&cohort.code)?;
    let events = ctx.store.events_as_one(&cohort.code)?;
    let activities = ctx.store.activities(&cohort.code)?;
    let bases = ctx.store.bases()?;
    // The coverage's warnings depend on the clock; the report uses none of them.
    let coverage = ctx
        .store
        .cohort_coverage(&cohort, ctx.clock.now().naive_local())?;
    let credit = crate::ops::credit::cohort_credit(&ctx.store, &cohort)?;
    let stamp = generated_at(ctx);
    let model = report::cohort::build(report::cohort::CohortInput {
        cohort: &cohort,
        roster: &roster,
        events: &events,
        credit: &credit,
        teaching: teaching::build(&cohort, &coverage, &activities, &bases),
        generated_at: &stamp,
        include_sensitive: args.include_sensitive,
    });
    let writers = ReportWriters {
        markdown: markdown::cohort,
        workbook: xlsx::cohort_workbook,
    };
    deliver_report(&model, args.format, writers, args.output, ctx)
}

fn year(args: YearReportArgs, ctx: &Ctx) -> ReportResult {
    if !(0.0..=100.0).contains(&args.quota) {
        return Err(CliError::Input(tr!(ctx.lang, Report::RptQuotaRange)));
    }
    let stamp = generated_at(ctx);
    let input = crate::ops::year::Year {
        year: args.year.unwrap_or_else(|| ctx.clock.now().year()),
        today: ctx.clock.now().date_naive(),
        quota_percent: args.quota,
        generated_at: &stamp,
        include_sensitive: args.include_sensitive,
        coverage: true,
    };
    let model = crate::ops::year::report(&ctx.store, input)?;
    let writers = ReportWriters {
        markdown: markdown::year,
        workbook: xlsx::year_workbook,
    };
    deliver_report(&model, args.format, writers, args.output, ctx)
}
