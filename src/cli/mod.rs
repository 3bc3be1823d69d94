//! The command line: one function per subcommand. Each returns the text to print;
//! `main` prints it, so a handler never writes half its output before failing.

mod args;
mod backup;
mod bundle;
mod bundle_merge;
mod bundle_open;
mod certificates;
mod checkin;
mod cohort;
mod cohort_rules;
mod cohort_show;
mod demo;
mod desk;
mod encoding;
mod export;
mod import;
mod import_attendance;
mod import_progress;
mod import_timetable;
mod people;
mod people_edit;
mod people_hours;
mod people_list;
mod people_merge;
mod people_out;
mod people_retire;
mod people_show;
mod people_show_text;
mod printed;
mod read_workbook;
mod report;
mod report_hours;
mod restore;
mod roster;
mod search;
mod session;
mod signout;

// The teaching log, the module catalogue and the training bases.
mod base;
mod coverage;
mod module;
mod teach;
mod teach_view;

use crate::clock::Clock;
use crate::domain::{Cohort, Person, PersonId, Session};
use crate::store::{Store, StoreError};
use crate::text::{Commands, Lang};
use crate::tr;

pub use args::{Cli, Command};
use bundle::BundleCommand;
pub use printed::Printed;

/// What a command needs: the open store, the clock and the user's language.
pub struct Ctx {
    pub store: Store,
    pub clock: Clock,
    pub lang: Lang,
}

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// Bad input from the user: exit code 2, nothing written.
    #[error("{0}")]
    Input(String),
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("{0}")]
    Io(String),
}

impl CliError {
    pub fn exit_code(&self) -> i32 {
        match self {
            CliError::Input(_) => 2,
            CliError::Store(_) | CliError::Io(_) => 1,
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        match self {
            CliError::Store(e) => e.message(lang),
            other => other.to_string(),
        }
    }
}

pub type CliResult = Result<String, CliError>;

/// An operation's refusal (exit 2, nothing written) or the store's failure (exit 1).
fn op_error(ctx: &Ctx, error: crate::ops::OpError) -> CliError {
    match error {
        crate::ops::OpError::Store(e) => CliError::Store(e),
        refused => CliError::Input(refused.message(ctx.lang)),
    }
}

/// Runs one subcommand and returns what it prints on stdout.
pub fn run(command: Command, ctx: &Ctx) -> Result<Printed, CliError> {
    let text = match command {
        Command::Export(cmd) => return export::run(cmd, ctx),
        Command::Report(cmd) => return report::run(cmd, ctx),
        Command::Demo => demo::run(ctx),
        Command::Cohort(cmd) => cohort::run(cmd, ctx),
        Command::Person(cmd) => people::run(cmd, ctx),
        Command::Roster(args) => roster::roster(args, ctx),
        Command::Enrol(args) => roster::enrol(args, ctx),
        Command::Unenrol(args) => roster::unenrol(args, ctx),
        Command::Substitute(args) => roster::substitute(args, ctx),
        Command::Makeup(args) => roster::makeup(args, ctx),
        Command::Change(cmd) => roster::change(cmd, ctx),
        Command::Search(args) => search::run(args, ctx),
        Command::Session(cmd) => session::run(cmd, ctx),
        Command::Checkin(args) => checkin::check_in(args, ctx),
        Command::Signout(args) => signout::run(args, ctx),
        Command::Undo(args) => checkin::undo(args, ctx),
        Command::Import(cmd) => import_attendance::run(cmd, ctx),
        Command::ImportTimetable(args) => import_timetable::run(args, ctx),
        Command::Backup(args) => backup::backup(args, ctx),
        Command::Restore(args) => restore::run(args, ctx),
        Command::Teach(cmd) => teach::run(cmd, ctx),
        Command::Module(cmd) => module::run(cmd, ctx),
        Command::Base(cmd) => base::run(cmd, ctx),
        Command::Bundle(BundleCommand::Export(args)) => bundle::export(args, ctx),
        Command::Bundle(BundleCommand::Show { file, json }) => bundle::show(&file, json, ctx),
        Command::Bundle(BundleCommand::Merge {
            file,
            dry_run,
            json,
        }) => bundle_merge::run(file, dry_run, json, ctx),
        Command::Desk(cmd) => desk::run(cmd, ctx),
        // main serves it before the store opens; here only if called as a library.
        Command::ReadWorkbook(_) => Err(CliError::Input(tr!(
            ctx.lang,
            Commands::CliReadWorkbookInternal
        ))),
    };
    text.map(Printed::Text)
}

fn find_cohort(ctx: &Ctx, code: &str) -> Result<Cohort, CliError> {
    ctx.store
        .cohort(code.trim())?
        .ok_or_else(|| CliError::Input(tr!(ctx.lang, Commands::CliUnknownCohort, code = code)))
}

fn find_person(ctx: &Ctx, id: &str) -> Result<Person, CliError> {
    let id = PersonId(id.trim().to_string());
    ctx.store
        .person(&id)?
        .ok_or_else(|| CliError::Input(tr!(ctx.lang, Commands::CliUnknownPerson, id = id)))
}

/// `--session DAY:SLOT`, or the session the clock is in.
fn pick_session(ctx: &Ctx, cohort: &Cohort, text: Option<&str>) -> Result<Session, CliError> {
    let session = match text {
        Some(text) => Session::parse(text).filter(|s| cohort.has_session(*s)),
        None => cohort.session_at(ctx.clock.now().naive_local()),
    };
    session.ok_or_else(|| {
        let first = cohort
            .sessions()
            .first()
            .map(Session::code)
            .unwrap_or_default();
        let last = cohort
            .sessions()
            .last()
            .map(Session::code)
            .unwrap_or_default();
        let (lang, code) = (ctx.lang, &cohort.code);
        CliError::Input(match text {
            Some(t) => tr!(
                lang,
                Commands::CliNoSuchSession,
                cohort = code,
                session = t,
                first = first,
                last = last
            ),
            None => tr!(
                lang,
                Commands::CliNotOnACohortDay,
                cohort = code,
                first = first,
                last = last
            ),
        })
    })
}
