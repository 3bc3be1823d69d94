//! A bundle file opened from the command line (`bundle show`, `bundle merge`), and its
//! passphrase: from `LUNXUN_BUNDLE_PASSPHRASE`, else typed on the terminal without echo
//! (crossterm's raw mode, the same on Windows), else one line of standard input. Never
//! printed, never in a message.

use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;

use crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};

use crate::io::bundle::{self, BundleError, Opened};
use crate::text::{Bundles, Lang};
use crate::tr;

use super::{CliError, Ctx};

/// A bundle error as the command line reports it: the file or passphrase refused
/// (exit 2), the folder or the file system failing (exit 1).
pub(super) fn fail(e: BundleError, lang: Lang) -> CliError {
    match e {
        BundleError::Store(s) => CliError::Store(s),
        e if e.is_refusal() => CliError::Input(e.message(lang)),
        e => CliError::Io(e.message(lang)),
    }
}

/// Reads the bundle at `path`, asking for its passphrase if it is sealed.
pub(super) fn open(path: &Path, ctx: &Ctx) -> Result<Opened, CliError> {
    let sealed = bundle::is_encrypted(path).map_err(|e| fail(e, ctx.lang))?;
    let passphrase = match sealed {
        true => to_open(ctx.lang)?,
        false => None,
    };
    bundle::open(path, passphrase.as_deref()).map_err(|e| fail(e, ctx.lang))
}

/// The variable a passphrase is read from first.
pub const ENV: &str = "LUNXUN_BUNDLE_PASSPHRASE";

/// The passphrase to seal a new bundle with; typed twice on a terminal. `Ok(None)`:
/// none at all (empty standard input); the caller refuses.
pub(super) fn to_seal(lang: Lang) -> Result<Option<String>, CliError> {
    if let Ok(given) = std::env::var(ENV) {
        return Ok(Some(given));
    }
    if !std::io::stdin().is_terminal() {
        return Ok(line_of_stdin());
    }
    let first = typed(&tr!(lang, Bundles::BundlePassphrasePrompt), lang)?;
    let again = typed(&tr!(lang, Bundles::BundlePassphraseAgain), lang)?;
    if first != again {
        return Err(CliError::Input(tr!(
            lang,
            Bundles::BundlePassphraseMismatch
        )));
    }
    Ok(Some(first))
}

/// The passphrase to open a sealed bundle; `Ok(None)`: none given.
fn to_open(lang: Lang) -> Result<Option<String>, CliError> {
    if let Ok(given) = std::env::var(ENV) {
        return Ok(Some(given));
    }
    if !std::io::stdin().is_terminal() {
        return Ok(line_of_stdin());
    }
    typed(&tr!(lang, Bundles::BundlePassphrasePrompt), lang).map(Some)
}

/// One line of standard input without its line end; `None` at its end.
fn line_of_stdin() -> Option<String> {
    let mut line = String::new();
    match std::io::stdin().lock().read_line(&mut line) {
        Ok(n) if n > 0 => Some(line.trim_end_matches(['\r', '\n']).to_string()),
        _ => None,
    }
}

/// Leaves raw mode however the typing ends.
struct Raw;

impl Drop for Raw {
    fn drop(&mut self) {
        let _ = crossterm::terminal::disable_raw_mode();
    }
}

/// A passphrase typed after `prompt` (on standard error), not echoed; Esc or Ctrl-C
/// cancels.
fn typed(prompt: &str, lang: Lang) -> Result<String, CliError> {
    let io = |e: std::io::Error| CliError::Io(e.to_string());
    let mut err = std::io::stderr();
    let _ = write!(err, "{prompt}");
    let _ = err.flush();
    crossterm::terminal::enable_raw_mode().map_err(io)?;
    let raw = Raw;
    let mut text = String::new();
    let finished = loop {
        match event::read().map_err(io)? {
            Event::Key(key) if key.kind != KeyEventKind::Release => match key.code {
                KeyCode::Enter => break true,
                KeyCode::Esc => break false,
                KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                    break false;
                }
                KeyCode::Backspace => {
                    text.pop();
                }
                KeyCode::Char(c) => text.push(c),
                _ => {}
            },
            Event::Paste(pasted) => text.push_str(&pasted),
            _ => {}
        }
    };
    drop(raw);
    let _ = writeln!(err);
    match finished {
        true => Ok(text),
        false => Err(CliError::Input(tr!(
            lang,
            Bundles::BundlePassphraseCancelled
        ))),
    }
}
