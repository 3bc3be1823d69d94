//! `lunxun bundle merge FILE`: a placeholder until the merge (ops::merge) lands; the
//! merge's own run() replaces this file. For now it reads and checks the bundle and
//! prints its header, and merges nothing.

use std::path::PathBuf;

use super::{CliResult, Ctx};

pub fn run(file: PathBuf, dry_run: bool, json: bool, ctx: &Ctx) -> CliResult {
    let _ = (dry_run, json);
    let bundle = super::bundle::read(&file, ctx)?;
    Ok(serde_json::to_string_pretty(&bundle.header).expect("a header serialises") + "\n")
}
