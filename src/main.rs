//! lunxun: parse the command line, open the store (every fallible step before any
//! terminal mode change), then run a command or the desk.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;

use lunxun::cli::{self, Cli, CliError, Command, Ctx, Printed};
use lunxun::clock::Clock;
use lunxun::display;
use lunxun::io::tabular::workbook;
use lunxun::store::{self, Store};
use lunxun::text::{Commands, Lang, Rosters};
use lunxun::tr;
use lunxun::tui;

fn main() -> ExitCode {
    private_files();
    let args = Cli::parse();
    if let Some(Command::ReadWorkbook(reader)) = &args.command {
        return ExitCode::from(reader.serve() as u8);
    }
    if let Ok(exe) = std::env::current_exe() {
        workbook::read_in_child_process(exe);
    }
    let lang = Lang::detect(args.lang.as_deref());
    match run(args, lang) {
        Ok(Outcome::Printed) => ExitCode::SUCCESS,
        Ok(Outcome::Desk(tui::Exit::Quit)) => ExitCode::SUCCESS,
        Ok(Outcome::Desk(tui::Exit::Signal(signal))) => ExitCode::from((128 + signal) as u8),
        Err(error) => fail(&error, lang),
    }
}

fn fail(error: &CliError, lang: Lang) -> ExitCode {
    eprintln!("lunxun: {}", display::escape(&error.message(lang)));
    ExitCode::from(error.exit_code() as u8)
}

enum Outcome {
    /// A command ran and printed its output.
    Printed,
    Desk(tui::Exit),
}

/// Every fallible step (clock, folder, lock, loading the desk) happens here, before the
/// terminal enters raw mode, so errors print to a normal terminal.
fn run(args: Cli, lang: Lang) -> Result<Outcome, CliError> {
    let clock = Clock::from_env().map_err(|e| CliError::Input(e.message(lang)))?;
    if args.command.is_some() {
        // The desk says it in its title bar instead.
        warn_if_fixed(&clock, lang);
    }
    let dir = store::resolve_folder(args.db.as_deref())?;
    let mut store = Store::open(&dir)?;
    inject_test_faults(&mut store);
    migrate_if_old(&store, &clock, lang)?;
    match args.command {
        Some(command) => {
            if store.journal_is_behind() {
                // The desk makes this backup at every start anyway.
                backup_now(&store, &clock, lang)?;
            }
            let ctx = Ctx { store, clock, lang };
            let before = ctx.store.commit_seq();
            // Acknowledged as soon as the commit returns (it is durable then), not
            // after the close, which flushes again: a kill during the close must
            // not undo what was confirmed (tests/acknowledge.rs).
            let shown = cli::run(command, &ctx)
                .and_then(|printed| acknowledge(&ctx.store, before, &printed, lang));
            ctx.store.close();
            shown.map(|()| Outcome::Printed)
        }
        None => {
            let _ = color_eyre::install();
            let mut app = tui::App::new(store, clock, lang)?;
            app.glyphs = tui::Glyphs::detect(args.glyphs_flag());
            // Made in the background: the first screen does not wait for it.
            app.begin_backup().map_err(|e| backup_failed(&e, lang))?;
            let exit = tui::run(app).map_err(|e| CliError::Io(e.to_string()))?;
            Ok(Outcome::Desk(exit))
        }
    }
}

/// `LUNXUN_NOW` works in every build, so a fixed clock (which stamps every check-in
/// with the same time) is never silent: one line on stderr.
fn warn_if_fixed(clock: &Clock, lang: Lang) {
    if let Clock::Fixed(at) = clock {
        let at = at.to_rfc3339();
        eprintln!("{}", tr!(lang, Commands::MainFixedClock, at = at));
    }
}

/// Every file this process creates — sled's own included, which sled would make 0644 —
/// is private to the user (0600, folders 0700). Elsewhere the data folder's own
/// permissions (the user's profile) apply.
fn private_files() {
    #[cfg(unix)]
    // SAFETY: umask only sets the process's file-creation mask; it cannot fail.
    unsafe {
        libc::umask(0o077);
    }
}

/// Debug builds only (the test suite): `LUNXUN_FAULT=write:3` or `flush:2:always` makes
/// commits fail, to prove failures are reported and never acknowledged.
fn inject_test_faults(store: &mut Store) {
    if cfg!(debug_assertions)
        && let Some(plan) = std::env::var("LUNXUN_FAULT")
            .ok()
            .and_then(|v| store::FaultPlan::parse(&v))
    {
        store.inject_faults(plan);
    }
}

/// An automatic backup before a command runs (when the journal is behind), written
/// before the command goes on. A failure stops it: running without a fresh backup is
/// not what the user expects.
fn backup_now(store: &Store, clock: &Clock, lang: Lang) -> Result<(), CliError> {
    lunxun::io::backup::automatic(store, clock.now())
        .map(|_| ())
        .map_err(|e| backup_failed(&e, lang))
}

/// A folder written by an older lunxun is upgraded before anything else reads it (a
/// command, or the desk's first screen), after an automatic backup: the message says
/// which backup holds the folder as it was. A failed backup leaves the folder untouched.
fn migrate_if_old(store: &Store, clock: &Clock, lang: Lang) -> Result<(), CliError> {
    if !store.needs_migration()? {
        return Ok(());
    }
    let path = lunxun::io::backup::automatic(store, clock.now()).map_err(|e| {
        let reason = e.message(lang);
        CliError::Io(tr!(lang, Rosters::MigrateBackupFailed, reason = reason))
    })?;
    let from = store.migrate()?;
    let path = path.display();
    let to = store::SCHEMA_VERSION;
    eprintln!(
        "{}",
        tr!(
            lang,
            Rosters::MigrateDone,
            from = from,
            to = to,
            path = path
        )
    );
    Ok(())
}

/// The backup at start could not be made (at the desk: its folder could not be made;
/// a failure in the background is shown by the desk itself).
fn backup_failed(e: &lunxun::io::backup::BackupError, lang: Lang) -> CliError {
    // A damaged record met while exporting: its message says how to recover.
    let reason = e.message(lang);
    CliError::Io(tr!(
        lang,
        Commands::MainBackupAtStartFailed,
        reason = reason
    ))
}

/// Prints a command's output; one that committed is acknowledged by it (the sync trace
/// records that, see `store::trace`).
fn acknowledge(store: &Store, before: u64, printed: &Printed, lang: Lang) -> Result<(), CliError> {
    let seq = store.commit_seq();
    if seq != before {
        store::trace::acknowledged(seq);
    }
    print_out(printed, lang)
}

/// Prints to stdout: text escaped where it could take over the terminal (a right-to-left
/// override from an imported file, say), an export as the bytes of its file unless stdout
/// is a terminal (`Printed::shown`). A closed pipe (`| head`) is not an error worth a panic.
fn print_out(printed: &Printed, lang: Lang) -> Result<(), CliError> {
    let out = std::io::stdout();
    let bytes = printed.shown(out.is_terminal(), lang)?;
    let mut out = out.lock();
    let _ = out.write_all(&bytes).and_then(|()| out.flush());
    Ok(())
}
