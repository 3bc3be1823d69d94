//! `lunxun cohort new|list|close|reopen` (`show` and `edit`: cohort_show.rs).

use clap::{Args, Subcommand};
use serde::Serialize;

use crate::domain::Field;
use crate::ops::cohort::{self as op, CohortClosing, NewCohort};
use crate::text::Cohorts as C;
use crate::tr;

use super::cohort_rules::RuleArgs;
use super::{CliError, CliResult, Ctx, find_cohort, op_error};

#[derive(Debug, Subcommand)]
pub enum CohortCommand {
    /// Create a cohort; prints its code alone on the last line
    New(CohortNewArgs),
    /// List cohorts
    List {
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
    /// Show every setting and 学时 rule of a cohort, defaults marked
    Show {
        #[arg(value_name = "CODE")]
        cohort: String,
        /// Print JSON
        #[arg(long)]
        json: bool,
    },
    /// Change a cohort's name, venue, dates, slots, grace or 学时 rules (each change
    /// recorded); a cohort made before 学时 rules gets them
    Edit(super::cohort_show::CohortEditArgs),
    /// Close a cohort: from then on its records are look-up only
    Close {
        #[arg(long, value_name = "CODE")]
        cohort: String,
    },
    /// Reopen a closed cohort, to correct its records (its closed sessions stay closed)
    Reopen {
        #[arg(long, value_name = "CODE")]
        cohort: String,
    },
}

#[derive(Debug, Args)]
pub struct CohortNewArgs {
    /// Name, e.g. "2015年第1期村（社区）党组织书记轮训班"
    #[arg(long)]
    pub name: String,
    /// First day, YYYY-MM-DD
    #[arg(long)]
    pub start: String,
    /// Number of days (1-60)
    #[arg(long)]
    pub days: u16,
    /// Session slots per day: am, pm, eve, each optionally with its times
    /// (am=08:30-11:30,pm=14:30-17:30; defaults am 08:30-11:30, pm 14:30-17:30, eve 19:00-21:00)
    #[arg(long, default_value = "am,pm", value_delimiter = ',')]
    pub slots: Vec<String>,
    /// province, city or county
    #[arg(long, default_value = "county")]
    pub level: String,
    /// Field focus: village, community, township, street, agency, institution, soe, private, social_org
    #[arg(long)]
    pub field: Option<String>,
    /// Venue (地点)
    #[arg(long, default_value = "")]
    pub venue: String,
    /// Minutes after a session's start before a check-in counts as late
    #[arg(long, default_value_t = crate::domain::cohort::DEFAULT_GRACE_MINUTES)]
    pub grace: u32,
    /// Short code (default: YEAR-NN, the next free number of the start year)
    #[arg(long)]
    pub code: Option<String>,
    #[command(flatten)]
    pub rules: RuleArgs,
}

pub fn run(command: CohortCommand, ctx: &Ctx) -> CliResult {
    match command {
        CohortCommand::New(args) => create(args, ctx),
        CohortCommand::List { json } => list(json, ctx),
        CohortCommand::Show { cohort, json } => super::cohort_show::show(&cohort, json, ctx),
        CohortCommand::Edit(args) => super::cohort_show::edit(args, ctx),
        CohortCommand::Close { cohort } => close(&cohort, ctx, false),
        CohortCommand::Reopen { cohort } => close(&cohort, ctx, true),
    }
}

fn close(code: &str, ctx: &Ctx, reopen: bool) -> CliResult {
    let code = find_cohort(ctx, code)?.code;
    let outcome = match reopen {
        false => op::close(&ctx.store, &code),
        true => op::reopen(&ctx.store, &code),
    };
    let entry = match (outcome.map_err(|e| op_error(ctx, e))?, reopen) {
        (CohortClosing::Changed(_), false) => C::CliCohortClosed,
        (CohortClosing::Unchanged(_), false) => C::CliCohortAlreadyClosed,
        (CohortClosing::Changed(_), true) => C::CliCohortReopened,
        (CohortClosing::Unchanged(_), true) => C::CliCohortNotClosed,
    };
    Ok(tr!(ctx.lang, entry, code = code) + "\n")
}

fn create(args: CohortNewArgs, ctx: &Ctx) -> CliResult {
    let input = NewCohort {
        name: args.name,
        start: args.start,
        days: args.days.to_string(),
        slots: args.slots.join(","),
        level: args.level,
        field: args.field,
        venue: args.venue,
        grace_minutes: args.grace,
        code: args.code,
        rules: args.rules.input(),
    };
    let cohort = op::create(&ctx.store, ctx.clock.now(), &input).map_err(|e| op_error(ctx, e))?;
    let summary = tr!(
        ctx.lang,
        C::CliCohortCreated,
        code = cohort.code,
        name = cohort.name,
        start = cohort.start,
        days = cohort.days,
        sessions = cohort.sessions().len()
    );
    Ok(format!("{summary}\n{}\n", cohort.code))
}

/// A field of work (领域) given on the command line; empty means none.
pub(super) fn parse_field(text: Option<&str>, ctx: &Ctx) -> Result<Option<Field>, CliError> {
    op::parse_field(text).map_err(|r| CliError::Input(r.message(ctx.lang)))
}

#[derive(Serialize)]
struct CohortRow {
    code: String,
    name: String,
    level: &'static str,
    start: String,
    end: String,
    days: u16,
    sessions: usize,
    enrolled: usize,
    open: bool,
}

fn list(json: bool, ctx: &Ctx) -> CliResult {
    let counts = ctx.store.enrolment_counts_as_one()?;
    let rows: Vec<CohortRow> = ctx
        .store
        .cohorts()?
        .into_iter()
        .map(|c| CohortRow {
            enrolled: counts.get(&c.code).copied().unwrap_or(0),
            sessions: c.sessions().len(),
            level: c.level.code(),
            start: c.start.to_string(),
            end: c.end_date().to_string(),
            days: c.days,
            open: c.open,
            code: c.code,
            name: c.name,
        })
        .collect();
    if json {
        return Ok(serde_json::to_string_pretty(&rows).expect("rows serialise") + "\n");
    }
    if rows.is_empty() {
        return Ok(tr!(ctx.lang, C::CliNoCohorts) + "\n");
    }
    let mut out = String::new();
    for r in rows {
        let state = match r.open {
            true => tr!(ctx.lang, C::CohortStateOpen),
            false => tr!(ctx.lang, C::CohortStateClosed),
        };
        out.push_str(&format!(
            "{}\t{}\t{} – {}\t{}\t{}\n",
            r.code, r.name, r.start, r.end, r.enrolled, state
        ));
    }
    Ok(out)
}
