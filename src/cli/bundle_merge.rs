//! `lunxun bundle merge FILE [--dry-run] [--json]`: reads and checks the bundle (asking
//! for its passphrase if sealed), merges it ([`crate::ops::merge`]: an automatic backup
//! first, all or nothing) and prints the report, or on `--dry-run` what it would do.

use std::path::PathBuf;

use crate::ops::merge::{self, MergeError, MergeOptions};

use super::{CliError, CliResult, Ctx};

pub fn run(file: PathBuf, dry_run: bool, json: bool, ctx: &Ctx) -> CliResult {
    let bundle = super::bundle::read(&file, ctx)?;
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
