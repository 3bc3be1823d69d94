//! `lunxun desk name NAME` and `lunxun desk show`: this folder's desk name, and the
//! desks it knows.

use clap::Subcommand;

use crate::ops::desk;
use crate::text::DeskNames;
use crate::tr;

use super::{CliResult, Ctx, op_error};

#[derive(Debug, Subcommand)]
pub enum DeskCommand {
    /// Name this desk (e.g. 2号台): the name other desks see in merges and reports
    Name { name: String },
    /// This desk's id and name, and the other desks this folder knows
    Show {
        /// Print JSON
        #[arg(long)]
        json: bool,
    },
}

pub fn run(cmd: DeskCommand, ctx: &Ctx) -> CliResult {
    match cmd {
        DeskCommand::Name { name } => {
            let named = desk::set_name(&ctx.store, &name).map_err(|e| op_error(ctx, e))?;
            Ok(tr!(
                ctx.lang,
                DeskNames::DeskNameSet,
                name = named.name.unwrap_or_default(),
                desk = named.id
            ))
        }
        DeskCommand::Show { json } => show(json, ctx),
    }
}

fn show(json: bool, ctx: &Ctx) -> CliResult {
    let desks = desk::desks(&ctx.store)?;
    if json {
        return Ok(serde_json::to_string_pretty(&desks).expect("desks serialise") + "\n");
    }
    let lang = ctx.lang;
    let name = desks
        .this
        .name
        .clone()
        .unwrap_or_else(|| tr!(lang, DeskNames::DeskShowUnnamed));
    let mut out = tr!(
        lang,
        DeskNames::DeskShowThis,
        name = name,
        desk = desks.this.id
    );
    if desks.others.is_empty() {
        out.push_str(&tr!(lang, DeskNames::DeskShowNone));
        return Ok(out);
    }
    out.push_str(&tr!(lang, DeskNames::DeskShowKnown));
    for other in &desks.others {
        let name = other.name.as_deref().unwrap_or_default();
        out.push_str(&format!("  {name}  {}\n", other.id));
    }
    Ok(out)
}
