//! `lunxun person merge A B`: two records joined as one person by hand (a near-match a
//! merge listed, a walk-in typed twice at two desks); `lunxun change undo ID` parts them.

use clap::Args;
use serde::Serialize;

use crate::domain::PersonId;
use crate::ops::person_merge as ops;
use crate::text::{PeopleMerge, Rosters};
use crate::tr;

use super::{CliResult, Ctx, op_error};

#[derive(Debug, Args)]
pub struct PersonMergeArgs {
    /// One record's id
    pub a: String,
    /// The other record's id (the smaller id is kept; both records stay)
    pub b: String,
    /// Print the join as JSON
    #[arg(long)]
    pub json: bool,
}

/// The join as `--json` prints it.
#[derive(Serialize)]
struct JoinedOut<'a> {
    kept: &'a str,
    joined: &'a str,
    rule: &'static str,
    /// The change's id, for `lunxun change undo`.
    change: &'a str,
}

pub fn run(args: PersonMergeArgs, ctx: &Ctx) -> CliResult {
    let (a, b) = (
        PersonId(args.a.trim().to_string()),
        PersonId(args.b.trim().to_string()),
    );
    let done = ops::merge(&ctx.store, ctx.clock.now(), &a, &b).map_err(|e| op_error(ctx, e))?;
    let id = &done.event.id;
    if args.json {
        let out = JoinedOut {
            kept: done.kept.id.as_str(),
            joined: done.joined.id.as_str(),
            rule: "manual",
            change: id,
        };
        return Ok(serde_json::to_string_pretty(&out).expect("a join serialises") + "\n");
    }
    let line = tr!(
        ctx.lang,
        PeopleMerge::PeopleMergeDone,
        joined_name = done.joined.name,
        joined = done.joined.id,
        kept_name = done.kept.name,
        kept = done.kept.id
    );
    let hint = tr!(ctx.lang, Rosters::RosterUndoHint, id = id);
    Ok(format!("{line}\n{hint}\n{id}\n"))
}
