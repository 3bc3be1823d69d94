//! `lunxun person retire`: no longer a secretary from a date (换届, 调离), or `--undo`.

use clap::Args;

use crate::domain::PersonId;
use crate::ops::cohort::parse_date;
use crate::ops::person_retire as ops;
use crate::text::Upkeep;
use crate::tr;

use super::{CliError, CliResult, Ctx, op_error};

#[derive(Debug, Args)]
pub struct PersonRetireArgs {
    /// The person's id
    pub id: String,
    /// Why: 换届 (re-election), 调离 (transfer), ...
    #[arg(long, required_unless_present = "undo")]
    pub reason: Option<String>,
    /// From this day (YYYY-MM-DD); today when not given
    #[arg(long, value_name = "YYYY-MM-DD", conflicts_with = "undo")]
    pub from: Option<String>,
    /// Undo the retirement that stands (recorded as an undo; the history keeps both)
    #[arg(long)]
    pub undo: bool,
}

pub fn run(args: PersonRetireArgs, ctx: &Ctx) -> CliResult {
    let id = PersonId(args.id.trim().to_string());
    let lang = ctx.lang;
    let now = ctx.clock.now();
    if args.undo {
        let undone = ops::undo_retirement(&ctx.store, now, &id).map_err(|e| op_error(ctx, e))?;
        let name = &undone.person.name;
        return Ok(tr!(
            lang,
            Upkeep::PersonRetireUndone,
            name = name,
            from = undone.from
        ) + "\n");
    }
    let from = match args.from.as_deref() {
        None => None,
        Some(text) => Some(
            parse_date(text)
                .ok_or_else(|| CliError::Input(tr!(lang, Upkeep::PersonBadDate, text = text)))?,
        ),
    };
    let reason = args.reason.unwrap_or_default();
    let retired = ops::retire(&ctx.store, now, &id, &reason, from).map_err(|e| op_error(ctx, e))?;
    Ok(tr!(
        lang,
        Upkeep::PersonRetired,
        name = retired.person.name,
        from = retired.from,
        reason = retired.reason
    ) + "\n")
}
