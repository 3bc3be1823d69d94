//! `lunxun bundle merge FILE [--dry-run] [--json]`: reads and checks the bundle (asking
//! for its passphrase if sealed), merges it ([`crate::ops::merge`]: an automatic backup
//! first, all or nothing) and prints the report, or on `--dry-run` what it would do.
//! (Called by cli/bundle.rs; reads the file itself, so the two do not import each other.)

use std::path::{Path, PathBuf};

use crate::io::bundle::{self, Bundle, BundleError};
use crate::ops::merge::{self, MergeError, MergeOptions};
use crate::text::Lang;

use super::{CliError, CliResult, Ctx, passphrase};

pub fn run(file: PathBuf, dry_run: bool, json: bool, ctx: &Ctx) -> CliResult {
    let bundle = read(&file, ctx)?;
    let options = MergeOptions {
        dry_run,
        now: ctx.clock.now(),
    };
    let report = merge::merge(&ctx.store, &bundle, &options).map_err(|e| match e {
        MergeError::Store(s) => CliError::Store(s),
        e => CliError::Io(e.message(ctx.lang)),
    })?;
    if json {
        return Ok(serde_json::to_string_pretty(&report).expect("a report serialises") + "\n");
    }
    let mut out = report.lines(ctx.lang).join("\n");
    out.push('\n');
    Ok(out)
}

/// The bundle at `path`, its passphrase asked for if it is sealed.
fn read(path: &Path, ctx: &Ctx) -> Result<Bundle, CliError> {
    let sealed = bundle::is_encrypted(path).map_err(|e| fail(e, ctx.lang))?;
    let passphrase = match sealed {
        true => passphrase::to_open(ctx.lang)?,
        false => None,
    };
    bundle::read(path, passphrase.as_deref()).map_err(|e| fail(e, ctx.lang))
}

/// The file or passphrase refused: exit 2; the folder or the file system failing: 1.
fn fail(e: BundleError, lang: Lang) -> CliError {
    match e {
        BundleError::Store(s) => CliError::Store(s),
        e if e.is_refusal() => CliError::Input(e.message(lang)),
        e => CliError::Io(e.message(lang)),
    }
}
