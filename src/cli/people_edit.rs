//! `lunxun person edit` and `lunxun person history`.

use clap::Args;
use serde::Serialize;

use crate::domain::PersonId;
use crate::domain::register::{Change, RegisterEvent};
use crate::ops::person_edit::{self as ops, PersonEdit, shown};
use crate::ops::person_history::{History, history as load_history};
use crate::text::Upkeep;
use crate::tr;

use super::{CliResult, Ctx, op_error};

#[derive(Debug, Args)]
pub struct PersonEditArgs {
    /// The person's id (`lunxun person list` shows ids)
    pub id: String,
    #[arg(long)]
    pub name: Option<String>,
    /// 单位; an empty value clears it
    #[arg(long)]
    pub unit: Option<String>,
    /// 县市区
    #[arg(long)]
    pub county: Option<String>,
    /// 乡镇/街道
    #[arg(long)]
    pub township: Option<String>,
    /// 职务
    #[arg(long)]
    pub position: Option<String>,
    /// 领域: village, community, township, street, agency, institution, soe, private, social_org
    #[arg(long)]
    pub field: Option<String>,
    #[arg(long)]
    pub phone: Option<String>,
    /// National ID number (checked against its check digit; always shown masked)
    #[arg(long)]
    pub id_number: Option<String>,
    /// 男/女 or male/female
    #[arg(long)]
    pub gender: Option<String>,
    #[arg(long)]
    pub notes: Option<String>,
}

#[derive(Debug, Args)]
pub struct PersonHistoryArgs {
    /// The person's id
    pub id: String,
    /// Print JSON (old and new phone and ID numbers masked)
    #[arg(long)]
    pub json: bool,
}

pub fn edit(args: PersonEditArgs, ctx: &Ctx) -> CliResult {
    let id = PersonId(args.id.trim().to_string());
    let wanted = PersonEdit {
        name: args.name,
        gender: args.gender,
        unit: args.unit,
        county: args.county,
        township: args.township,
        position: args.position,
        field: args.field,
        phone: args.phone,
        id_number: args.id_number,
        notes: args.notes,
    };
    let edited =
        ops::edit(&ctx.store, ctx.clock.now(), &id, &wanted).map_err(|e| op_error(ctx, e))?;
    let lang = ctx.lang;
    let mut out = tr!(
        lang,
        Upkeep::PersonEditDone,
        name = edited.person.name,
        count = edited.changes.len()
    );
    out.push('\n');
    for change in &edited.changes {
        out.push_str(&change.line(lang));
        out.push('\n');
    }
    Ok(out)
}

/// One change as JSON: values masked, worded in the command's language.
#[derive(Serialize)]
struct ChangeOut {
    id: String,
    at: String,
    desk: String,
    by: String,
    kind: String,
    field: Option<String>,
    old: Option<String>,
    new: Option<String>,
    what: String,
    undone: bool,
}

pub fn history(args: PersonHistoryArgs, ctx: &Ctx) -> CliResult {
    let id = PersonId(args.id.trim().to_string());
    let history = load_history(&ctx.store, &id).map_err(|e| op_error(ctx, e))?;
    let lang = ctx.lang;
    if args.json {
        let out: Vec<ChangeOut> = history
            .events
            .iter()
            .map(|e| change_out(&history, e, ctx))
            .collect();
        return Ok(serde_json::to_string_pretty(&out).expect("changes serialise") + "\n");
    }
    if history.events.is_empty() {
        let name = &history.person.name;
        return Ok(tr!(lang, Upkeep::PersonHistoryNone, name = name) + "\n");
    }
    let mut out = String::new();
    for event in &history.events {
        out.push_str(&history.line(event, lang));
        out.push('\n');
    }
    Ok(out)
}

fn change_out(history: &History, event: &RegisterEvent, ctx: &Ctx) -> ChangeOut {
    let kind = serde_json::to_value(&event.change)
        .ok()
        .and_then(|v| v.get("type").and_then(|t| t.as_str()).map(String::from))
        .unwrap_or_default();
    let (field, old, new) = match &event.change {
        Change::PersonEdited {
            field, old, new, ..
        } => {
            let code = serde_json::to_value(field)
                .ok()
                .and_then(|v| v.as_str().map(String::from));
            let masked =
                |v: &Option<String>| v.as_deref().map(|text| shown(*field, Some(text), ctx.lang));
            (code, masked(old), masked(new))
        }
        _ => (None, None, None),
    };
    ChangeOut {
        id: event.id.clone(),
        at: event.at.to_rfc3339(),
        desk: event.desk.clone(),
        by: event.by.clone(),
        kind,
        field,
        old,
        new,
        what: history.describe(event, ctx.lang),
        undone: history.undone.contains(&event.id),
    }
}
