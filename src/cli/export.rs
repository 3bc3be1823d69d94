//! `lunxun export attendance|roster|signin-sheet`: JSON, CSV, Excel or Markdown, to
//! stdout or (atomically, private to the user) to a file. Standard output gets the same
//! bytes as the file (`Printed::Export`); Excel is refused on a terminal.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand, ValueEnum};

use crate::domain::Session;
use crate::io::attendance_json;
use crate::io::export::{self, Privacy, Sheet, attendance, people, signin};

use super::certificates::CertificatesArgs;
use super::coverage::ExportCoverageArgs;
use super::{CliError, Ctx, Printed, find_cohort, pick_session};

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// Attendance of every enrolled person in every session, with totals
    Attendance(ExportArgs),
    /// The people enrolled in a cohort
    Roster(ExportArgs),
    /// A paper sign-in sheet for one session (签到表), sorted by county and name
    #[command(name = "signin-sheet")]
    SigninSheet(SigninSheetArgs),
    /// What a cohort covered (modules × sessions, methods, warnings), or with --all,
    /// which modules every cohort covered
    Coverage(ExportCoverageArgs),
    /// 结业证书 (one A4 page per completer), the register to sign for them and 学时证明
    /// for those who did not complete; each paper's first printing is recorded
    Certificates(CertificatesArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Json,
    /// UTF-8 with a byte order mark (in a file), so Excel opens it correctly
    Csv,
    /// Excel workbook (-o FILE, or standard output redirected to a file)
    Xlsx,
    /// Markdown table
    #[value(alias = "markdown")]
    Md,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Cohort code, e.g. 2015-01
    #[arg(long, value_name = "CODE")]
    pub cohort: String,
    /// Format (default: from the -o file's extension, else json)
    #[arg(long, value_enum)]
    pub format: Option<ExportFormat>,
    /// Write to this file (atomically, private to the user) instead of stdout
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Write phone and ID numbers in full (default: masked)
    #[arg(long)]
    pub include_sensitive: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SheetFormat {
    /// Excel workbook set up for printing (-o FILE, or standard output redirected to a file)
    Xlsx,
    #[value(alias = "markdown")]
    Md,
    /// The sheet's columns and rows
    Json,
}

#[derive(Debug, Args)]
pub struct SigninSheetArgs {
    /// Cohort code, e.g. 2015-01
    #[arg(long, value_name = "CODE")]
    pub cohort: String,
    /// DAY:SLOT, e.g. 2:pm
    #[arg(long)]
    pub session: String,
    /// Format (default: from the -o file's extension, else md)
    #[arg(long, value_enum)]
    pub format: Option<SheetFormat>,
    /// Write to this file (atomically, private to the user) instead of stdout
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

type ExportResult = Result<Printed, CliError>;

pub fn run(command: ExportCommand, ctx: &Ctx) -> ExportResult {
    match command {
        ExportCommand::Attendance(args) => attendance(args, ctx),
        ExportCommand::Roster(args) => roster(args, ctx),
        ExportCommand::SigninSheet(args) => signin_sheet(args, ctx),
        ExportCommand::Coverage(args) => super::coverage::export(args, ctx),
        ExportCommand::Certificates(args) => super::certificates::export(args, ctx),
    }
}

fn attendance(args: ExportArgs, ctx: &Ctx) -> ExportResult {
    let format = pick_format(args.format, args.output.as_deref());
    let cohort = find_cohort(ctx, &args.cohort)?;
    let roster = ctx.store.roster(&cohort.code)?;
    let events = ctx.store.events_as_one(&cohort.code)?;
    let credit = crate::ops::credit::cohort_credit(&ctx.store, &cohort)?;
    let output = match format {
        ExportFormat::Json => {
            let mut export = attendance_json::build(&cohort, &roster, &events);
            export::attendance_standing::add_to_json(&mut export, &credit, ctx.lang);
            Printed::Export(
                serde_json::to_string_pretty(&export).expect("export serialises") + "\n",
            )
        }
        _ => {
            let privacy = privacy(args.include_sensitive);
            let mut sheet = attendance::sheet(&cohort, &roster, &events, ctx.lang, privacy);
            let ids: Vec<_> = roster.iter().map(|p| p.id.clone()).collect();
            export::attendance_standing::add_to_sheet(&mut sheet, &ids, &credit, ctx.lang);
            sheet_output(&sheet, format, ctx)?
        }
    };
    deliver(output, args.output, ctx)
}

fn roster(args: ExportArgs, ctx: &Ctx) -> ExportResult {
    let format = pick_format(args.format, args.output.as_deref());
    let cohort = find_cohort(ctx, &args.cohort)?;
    let roster = ctx.store.roster(&cohort.code)?;
    let privacy = privacy(args.include_sensitive);
    let output = match format {
        ExportFormat::Json => {
            let out = people::roster_json(&roster, privacy);
            Printed::Export(serde_json::to_string_pretty(&out).expect("roster serialises") + "\n")
        }
        _ => {
            let sheet = people::roster_sheet(&cohort, &roster, ctx.lang, privacy);
            sheet_output(&sheet, format, ctx)?
        }
    };
    deliver(output, args.output, ctx)
}

fn signin_sheet(args: SigninSheetArgs, ctx: &Ctx) -> ExportResult {
    let cohort = find_cohort(ctx, &args.cohort)?;
    let session: Session = pick_session(ctx, &cohort, Some(&args.session))?;
    let format = match (args.format, extension(args.output.as_deref()).as_deref()) {
        (Some(SheetFormat::Xlsx), _) | (None, Some("xlsx")) => ExportFormat::Xlsx,
        (Some(SheetFormat::Json), _) | (None, Some("json")) => ExportFormat::Json,
        _ => ExportFormat::Md,
    };
    let roster = ctx.store.roster(&cohort.code)?;
    let sheet = signin::sheet(&cohort, session, &roster, ctx.lang);
    let output = sheet_output(&sheet, format, ctx)?;
    deliver(output, args.output, ctx)
}

fn privacy(include_sensitive: bool) -> Privacy {
    if include_sensitive {
        Privacy::Full
    } else {
        Privacy::Masked
    }
}

/// `--format`, else the output file's extension, else JSON.
fn pick_format(format: Option<ExportFormat>, output: Option<&Path>) -> ExportFormat {
    format.unwrap_or(match extension(output).as_deref() {
        Some("csv") => ExportFormat::Csv,
        Some("xlsx") => ExportFormat::Xlsx,
        Some("md" | "markdown") => ExportFormat::Md,
        _ => ExportFormat::Json,
    })
}

fn extension(path: Option<&Path>) -> Option<String> {
    path?
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
}

/// CSV always carries its byte order mark (so Excel reads it as UTF-8, not GBK), on
/// standard output too: a redirected export is the same file as `-o` writes.
fn sheet_output(sheet: &Sheet, format: ExportFormat, ctx: &Ctx) -> Result<Printed, CliError> {
    Ok(match format {
        ExportFormat::Csv => Printed::Export(export::to_csv(sheet, true)),
        ExportFormat::Md => Printed::Export(export::to_markdown(sheet)),
        ExportFormat::Xlsx => {
            // The clock's time as the creation time, so the same records give the same bytes.
            let created = ctx.clock.now().naive_utc();
            let bytes = export::to_workbook(std::slice::from_ref(sheet), created)
                .map_err(|e| CliError::Io(format!("xlsx: {e}")))?;
            Printed::Workbook(bytes)
        }
        // Attendance and the roster have their own JSON (one record per person).
        ExportFormat::Json => {
            let json = export::to_json(sheet);
            Printed::Export(serde_json::to_string_pretty(&json).expect("sheet serialises") + "\n")
        }
    })
}

/// The export on standard output, or written atomically to the file with a line saying where.
fn deliver(made: Printed, path: Option<PathBuf>, ctx: &Ctx) -> ExportResult {
    super::printed::deliver_export(made, path, ctx.lang)
}
