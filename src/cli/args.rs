//! The command line, as clap definitions. Every command has `--help`.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use super::base::BaseCommand;
use super::cohort::CohortCommand;
use super::export::ExportCommand;
use super::import_timetable::ImportTimetableArgs;
use super::module::ModuleCommand;
use super::teach::TeachCommand;

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
    /// Language of messages: zh or en (default: from LANG / LC_ALL; on Windows without them,
    /// the display language)
    #[arg(long, global = true, value_name = "zh|en")]
    pub lang: Option<String>,
    /// Desk: draw lines and marks in ASCII (+ - | for lines, * for ✓, . for ·), for a
    /// console that draws box lines, ✓ and · two cells wide (default: chosen by itself in
    /// the classic Windows console on code page 936; or LUNXUN_ASCII=1)
    #[arg(long, global = true, conflicts_with = "unicode")]
    pub ascii: bool,
    /// Desk: draw Unicode box lines and marks even where ASCII would be chosen
    /// (or LUNXUN_ASCII=0)
    #[arg(long, global = true)]
    pub unicode: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// `--ascii` or `--unicode`, if given: the desk's glyph set (`tui::Glyphs::choose`).
    pub fn glyphs_flag(&self) -> Option<bool> {
        match (self.ascii, self.unicode) {
            (true, _) => Some(true),
            (_, true) => Some(false),
            _ => None,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Fill the database with a demo register (~2,000 people) and a first cohort of ~60
    Demo,
    /// Create, list, close or reopen cohorts (班次)
    #[command(subcommand)]
    Cohort(CohortCommand),
    /// Close a session (场次), or reopen it to correct its attendance
    #[command(subcommand)]
    Session(super::session::SessionCommand),
    /// The register (花名册): add, list, edit, retire; training records (培训档案) and hours
    #[command(subcommand)]
    Person(super::people::PersonCommand),
    /// List the people enrolled in a cohort (参训名单), withdrawn and substitutes marked
    Roster(super::roster::RosterArgs),
    /// Put a person on a cohort's roster, or back on it after a withdrawal
    Enrol(super::roster::EnrolArgs),
    /// Withdraw a person from a cohort (退训), with the reason
    Unenrol(super::roster::UnenrolArgs),
    /// Replace a person in a cohort by another (调换), with the reason
    Substitute(super::roster::SubstituteArgs),
    /// Credit a missed session as made up (补课), with how
    Makeup(super::roster::MakeupArgs),
    /// Undo a roster change (an enrolment, withdrawal, substitution or make-up)
    #[command(subcommand)]
    Change(super::roster::ChangeCommand),
    /// Search people by name (Hanzi, pinyin, initials), unit, township, county or position
    Search(super::search::SearchArgs),
    /// Check a person in for a session (签到), or record leave (请假)
    Checkin(super::checkin::CheckinArgs),
    /// Sign a person out of a session (签退); early leave (早退) needs --reason
    Signout(super::signout::SignoutArgs),
    /// Revert a person's latest record for a session: their sign-out, else their
    /// check-in (recorded as an undo event)
    Undo(super::checkin::UndoArgs),
    /// Import a roster (花名册) from CSV/TXT (UTF-8 or GBK) or Excel (.xlsx, .xls); or
    /// `import attendance`: a filled-in paper sign-in sheet (补录)
    Import(super::import_attendance::ImportCommand),
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
    /// Bundles (数据包) between laptops and to the city: export, show, merge
    #[command(subcommand)]
    Bundle(super::bundle::BundleCommand),
    /// This desk's name (e.g. 2号台) and the desks this folder knows
    #[command(subcommand)]
    Desk(super::desk::DeskCommand),
    /// Internal: the importer's workbook reader, run by lunxun as a child process
    #[command(hide = true)]
    ReadWorkbook(super::read_workbook::ReadWorkbookArgs),
}
