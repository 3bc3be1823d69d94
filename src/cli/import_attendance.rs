//! `lunxun import attendance 签到表.xlsx --cohort C --session D:slot [--dry-run] [--json]`:
//! 补录 from the sign-in sheet `lunxun export signin-sheet` printed, filled in with √, 迟,
//! 假 or left empty. Every `line N:` problem is listed and nothing is written (exit 2);
//! else the whole sheet is one commit ([`crate::ops::paper`]). `lunxun import FILE`
//! stays the roster import.

use std::path::PathBuf;

use clap::{ArgMatches, Args, FromArgMatches, Subcommand};
use serde_json::json;

use crate::domain::CheckInStatus;
use crate::domain::attendance::EventKind;
use crate::io::export::signin_read::{self, ReadError};
use crate::ops::OpError;
use crate::ops::paper::{self, Entered};
use crate::ops::paper_sheet;
use crate::text::{Lang, Paper};
use crate::tr;

use super::import::ImportArgs;
use super::session::closed_error;
use super::{CliError, CliResult, Ctx, find_cohort, op_error, pick_session};

/// `lunxun import FILE` (a roster) or `lunxun import attendance FILE` (a sign-in sheet).
/// Written by hand: clap's derive cannot make the roster's arguments optional (they
/// nest the reading options), and they are required only without a subcommand.
#[derive(Debug)]
pub struct ImportCommand {
    pub what: Option<ImportWhat>,
    pub roster: Option<ImportArgs>,
}

impl FromArgMatches for ImportCommand {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        if matches.subcommand_name().is_some() {
            let what = ImportWhat::from_arg_matches(matches)?;
            return Ok(ImportCommand {
                what: Some(what),
                roster: None,
            });
        }
        let roster = ImportArgs::from_arg_matches(matches)?;
        Ok(ImportCommand {
            what: None,
            roster: Some(roster),
        })
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        *self = ImportCommand::from_arg_matches(matches)?;
        Ok(())
    }
}

impl Args for ImportCommand {
    fn augment_args(cmd: clap::Command) -> clap::Command {
        ImportWhat::augment_subcommands(ImportArgs::augment_args(cmd))
            .subcommand_negates_reqs(true)
            .args_conflicts_with_subcommands(true)
    }

    fn augment_args_for_update(cmd: clap::Command) -> clap::Command {
        ImportCommand::augment_args(cmd)
    }
}

#[derive(Debug, Subcommand)]
pub enum ImportWhat {
    /// Enter a filled-in paper sign-in sheet (补录): √ present, 迟 late (迟 09:05 with the
    /// time), 假 leave, empty absent
    Attendance(ImportAttendanceArgs),
}

#[derive(Debug, Args)]
pub struct ImportAttendanceArgs {
    /// The sheet `lunxun export signin-sheet` wrote (.xlsx, .xls or .csv), filled in
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    #[arg(long, value_name = "CODE")]
    pub cohort: String,
    /// DAY:SLOT of the sheet, e.g. 1:am
    #[arg(long)]
    pub session: String,
    /// Check the sheet and show what it would write; write nothing
    #[arg(long)]
    pub dry_run: bool,
    #[arg(long)]
    pub json: bool,
}

pub fn run(command: ImportCommand, ctx: &Ctx) -> CliResult {
    match (command.what, command.roster) {
        (Some(ImportWhat::Attendance(args)), _) => attendance(args, ctx),
        (None, Some(roster)) => super::import::run(roster, ctx),
        (None, None) => unreachable!("clap requires the roster's FILE without a subcommand"),
    }
}

fn attendance(args: ImportAttendanceArgs, ctx: &Ctx) -> CliResult {
    let cohort = find_cohort(ctx, &args.cohort)?;
    let session = pick_session(ctx, &cohort, Some(&args.session))?;
    let sheet = signin_read::read(&args.file).map_err(|e| read_error(e, ctx.lang))?;
    let roster = ctx.store.roster(&cohort.code)?;
    let marks = paper_sheet::marks(&cohort, session, &roster, &sheet)
        .map_err(|errors| line_errors(&errors, ctx.lang))?;
    let marks: Vec<_> = marks.into_iter().map(|m| (m.person, m.mark)).collect();
    let now = ctx.clock.now();
    let entered = if args.dry_run {
        paper::plan_sheet(&ctx.store, &cohort, session, &marks, now)
    } else {
        paper::enter_sheet(&ctx.store, &cohort, session, &marks, now)
    };
    let entered = entered.map_err(|e| match e {
        OpError::Closed(closed) => closed_error(ctx, &cohort.code, closed),
        other => op_error(ctx, other),
    })?;
    if args.json {
        return Ok(as_json(&entered, &roster, args.dry_run));
    }
    Ok(as_text(
        &entered,
        &roster,
        args.dry_run,
        &cohort.name,
        ctx.lang,
    ))
}

fn read_error(error: ReadError, lang: Lang) -> CliError {
    CliError::Input(match error {
        ReadError::Tabular(e) => e.message(lang),
        ReadError::NotASheet => tr!(lang, Paper::PaperNotASheet),
    })
}

fn line_errors(errors: &[paper_sheet::LineError], lang: Lang) -> CliError {
    let head = tr!(lang, Paper::PaperRefused, count = errors.len());
    let lines: Vec<String> = errors.iter().map(|e| e.message(lang)).collect();
    CliError::Input(format!("{head}\n{}", lines.join("\n")))
}

fn name_of<'a>(roster: &'a [crate::domain::Person], id: &'a crate::domain::PersonId) -> &'a str {
    roster
        .iter()
        .find(|p| &p.id == id)
        .map_or(id.as_str(), |p| p.name.as_str())
}

fn as_text(
    entered: &Entered,
    roster: &[crate::domain::Person],
    dry_run: bool,
    cohort: &str,
    lang: Lang,
) -> String {
    let mut out = tr!(
        lang,
        Paper::PaperCliSummary,
        cohort = cohort,
        session = entered.session.label(lang),
        present = entered.count(CheckInStatus::Present),
        late = entered.count(CheckInStatus::Late),
        leave = entered.count(CheckInStatus::Leave),
        absent = entered.absent
    );
    if entered.agreed > 0 {
        out += &tr!(lang, Paper::PaperCliAgreed, count = entered.agreed);
    }
    if !entered.differences.is_empty() {
        let count = entered.differences.len();
        out += &tr!(lang, Paper::PaperCliDifferences, count = count);
        for d in &entered.differences {
            let (sheet, recorded) = (d.sheet.label(lang), d.recorded.label(lang));
            let name = name_of(roster, &d.person);
            out += &tr!(
                lang,
                Paper::PaperCliDifference,
                name = name,
                sheet = sheet,
                recorded = recorded
            );
        }
    }
    out + &if dry_run {
        tr!(lang, Paper::PaperCliDryRun)
    } else {
        tr!(lang, Paper::PaperCliWritten, count = entered.events.len())
    }
}

fn as_json(entered: &Entered, roster: &[crate::domain::Person], dry_run: bool) -> String {
    let written: Vec<_> = entered
        .events
        .iter()
        .map(|e| {
            let status = match &e.kind {
                EventKind::CheckIn { status, .. } => status.code(),
                _ => "",
            };
            json!({
                "id": e.id, "person": e.person.as_str(), "name": name_of(roster, &e.person),
                "status": status, "at": e.at.to_rfc3339(), "source": e.source.code(),
                "entered_at": e.entered_at.map(|t| t.to_rfc3339()),
            })
        })
        .collect();
    let differences: Vec<_> = entered
        .differences
        .iter()
        .map(|d| {
            json!({
                "person": d.person.as_str(), "name": name_of(roster, &d.person),
                "sheet": d.sheet.code(), "recorded": d.recorded.code(),
            })
        })
        .collect();
    let out = json!({
        "cohort": entered.cohort, "session": entered.session.code(), "dry_run": dry_run,
        "written": written, "agreed": entered.agreed, "absent": entered.absent,
        "differences": differences,
    });
    serde_json::to_string_pretty(&out).expect("the report serialises") + "\n"
}
