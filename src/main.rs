//! lunxun: parse the command line, open the store (every fallible step before any
//! terminal mode change), then run a command or the desk.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use lunxun::cli::{self, Cli, CliError, Ctx};
use lunxun::clock::Clock;
use lunxun::i18n::Lang;
use lunxun::store::{self, Store};

fn main() -> ExitCode {
    let args = Cli::parse();
    let lang = Lang::detect(args.lang.as_deref());
    match run(args, lang) {
        Ok(text) => {
            print_out(&text);
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("lunxun: {}", error.message(lang));
            ExitCode::from(error.exit_code() as u8)
        }
    }
}

fn run(args: Cli, lang: Lang) -> Result<String, CliError> {
    let clock = Clock::from_env().map_err(CliError::Input)?;
    let dir = store::resolve_folder(args.db.as_deref())?;
    let store = Store::open(&dir)?;
    let ctx = Ctx { store, clock, lang };
    match args.command {
        Some(command) => cli::run(command, &ctx),
        None => Ok(ctx.t(
            "签到台界面即将推出；现在可以使用命令行：lunxun --help\n",
            "the check-in desk screen is coming next; for now use the commands: lunxun --help\n",
        )),
    }
}

/// Prints to stdout; a closed pipe (`| head`) is not an error worth a panic.
fn print_out(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}
