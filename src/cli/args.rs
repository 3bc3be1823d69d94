//! The command line, as clap definitions. Every command has `--help`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::io::import::EncodingChoice;

use super::teaching_args::{
    BaseCommand, ExportCoverageArgs, ImportTimetableArgs, ModuleCommand, TeachCommand,
};

#[derive(Debug, Parser)]
#[command(
    name = "lunxun",
    version,
    about = "轮训签到台 — check-in desk for rotation-training cohorts of grassroots Party branch secretaries",
    long_about = "轮训签到台 lunxun: open a cohort, check people in by typing a few letters of their name \
(Hanzi, pinyin or initials), look people up, and export attendance.\n\
Without a command, lunxun opens the check-in desk in the terminal."
)]
pub struct Cli {
    /// Data folder (default: the platform data folder, or LUNXUN_DB)
    #[arg(long, global = true, value_name = "DIR")]
    pub db: Option<PathBuf>,
    /// Language of messages: zh or en (default: from LANG / LC_ALL)
    #[arg(long, global = true, value_name = "zh|en")]
    pub lang: Option<String>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Fill the database with a demo register (~2,000 people) and a first cohort of ~60
    Demo,
    /// Create, list or close cohorts (班次)
    #[command(subcommand)]
    Cohort(CohortCommand),
    /// Close a session (场次), or reopen it to correct its attendance
    #[command(subcommand)]
    Session(super::session::SessionCommand),
    /// Add people to the register (花名册)
    #[command(subcommand)]
    Person(super::people::PersonCommand),
    /// List the people enrolled in a cohort (参训名单)
    Roster(super::people::RosterArgs),
    /// Search people by name (Hanzi, pinyin, initials), unit, township, county or position
    Search(super::search::SearchArgs),
    /// Check a person in for a session (签到), or record leave (请假)
    Checkin(CheckinArgs),
    /// Revert a person's last check-in for a session (recorded as an undo event)
    Undo(UndoArgs),
    /// Import a roster (花名册) from CSV/TXT (UTF-8 or GBK) or Excel (.xlsx, .xls)
    Import(ImportArgs),
    /// Import a cohort's timetable (课程表) as planned teaching activities, from CSV/TXT
    /// or Excel
    ImportTimetable(ImportTimetableArgs),
    /// Export attendance, the roster or a paper sign-in sheet (JSON, CSV, Excel, Markdown)
    #[command(subcommand)]
    Export(ExportCommand),
    /// Reports for the level above: a cohort's summary, the year's quota and untrained list
    #[command(subcommand)]
    Report(super::report::ReportCommand),
    /// Export every record to a backup file (JSON)
    Backup(super::backup::BackupArgs),
    /// Restore a backup into a new, empty data folder (--db NEWDIR) and verify it
    Restore(super::restore::RestoreArgs),
    /// The teaching log (教学活动): what each session taught, by whom, on which modules
    #[command(subcommand)]
    Teach(TeachCommand),
    /// The content-module catalogue (内容模块)
    #[command(subcommand)]
    Module(ModuleCommand),
    /// Demonstration training bases (培训基地) and their "five haves" (五有)
    #[command(subcommand)]
    Base(BaseCommand),
    /// Internal: the importer's workbook reader, run by lunxun as a child process
    #[command(hide = true)]
    ReadWorkbook(super::read_workbook::ReadWorkbookArgs),
}

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
    /// Close a cohort: from then on its records are look-up only
    Close {
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
    /// Session slots per day: am, pm, eve, each optionally with a start time (am=08:00)
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
}

#[derive(Debug, Args)]
pub struct CheckinArgs {
    #[arg(long, value_name = "CODE")]
    pub cohort: String,
    #[arg(long, value_name = "ID")]
    pub person: String,
    /// DAY:SLOT, e.g. 2:pm (default: the session the clock is in)
    #[arg(long)]
    pub session: Option<String>,
    /// present, late or leave (default: present, or late after start + grace)
    #[arg(long)]
    pub status: Option<String>,
    /// Reason, e.g. for leave
    #[arg(long)]
    pub reason: Option<String>,
}

#[derive(Debug, Args)]
pub struct UndoArgs {
    #[arg(long, value_name = "CODE")]
    pub cohort: String,
    #[arg(long, value_name = "ID")]
    pub person: String,
    /// DAY:SLOT (default: the session the clock is in)
    #[arg(long)]
    pub session: Option<String>,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Headers are matched by their usual names (姓名, 性别, 单位, 县市区, 乡镇, 职务, 领域, \
联系电话, 身份证号, 备注, or English); title rows above the header are skipped; other columns are kept \
in notes. People already in the register are matched by ID number, else phone and name, else name \
and unit. Any invalid row imports nothing (exit code 2) unless --skip-invalid."
)]
pub struct ImportArgs {
    /// The roster: .csv or .txt (comma or tab separated), .xlsx or .xls
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Also enrol everyone in this cohort (default: the register only)
    #[arg(long, value_name = "CODE")]
    pub cohort: Option<String>,
    /// Show what would happen and write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Text encoding of a CSV/TXT file
    #[arg(long, value_enum, default_value = "auto")]
    pub encoding: EncodingArg,
    /// Workbook sheet to read (default: the first sheet with data)
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// Import the valid rows and list the others (default: all or nothing)
    #[arg(long)]
    pub skip_invalid: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum EncodingArg {
    /// A byte order mark if present, else UTF-8, else GBK/GB18030
    Auto,
    /// UTF-8, with or without a byte order mark
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
    /// GBK or GB18030, as saved by Chinese-language Excel
    #[value(alias = "gb18030")]
    Gbk,
}

impl EncodingArg {
    pub fn choice(self) -> EncodingChoice {
        match self {
            EncodingArg::Auto => EncodingChoice::Auto,
            EncodingArg::Utf8 => EncodingChoice::Utf8,
            EncodingArg::Gbk => EncodingChoice::Gbk,
        }
    }
}

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
