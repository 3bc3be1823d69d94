//! `lunxun base add|edit|list`: demonstration training bases and their "five haves".

use clap::{Args, Subcommand};
use serde::Serialize;

use crate::domain::TrainingBase;
use crate::domain::base::Have;
use crate::ops::base::{self as op, BaseEdit, BaseEdited, NewBase};
use crate::text::Bases as B;
use crate::tr;

use super::{CliResult, Ctx, op_error};

#[derive(Debug, Subcommand)]
pub enum BaseCommand {
    /// Add a demonstration training base; prints its name alone on the last line
    Add(BaseAddArgs),
    /// Change a base's details (the five haves, accreditation, …)
    Edit(BaseEditArgs),
    /// List the bases and whether each meets the "five haves" standard
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Args)]
pub struct BaseAddArgs {
    #[arg(long)]
    pub name: String,
    /// village, community, cooperative or enterprise (or 村, 社区, 合作社, 企业)
    #[arg(long)]
    pub kind: String,
    /// 县市区
    #[arg(long, default_value = "")]
    pub county: String,
    /// Which of the five haves it has: venue, guide, material, site, film (or all)
    #[arg(long, default_value = "")]
    pub haves: String,
    /// Date of accreditation (授牌), YYYY-MM-DD
    #[arg(long, value_name = "DATE")]
    pub accredited: Option<String>,
    /// Who accredited it: city or county
    #[arg(long)]
    pub level: Option<String>,
    #[arg(long, default_value = "")]
    pub notes: String,
}

#[derive(Debug, Args)]
pub struct BaseEditArgs {
    /// The base's current name
    #[arg(long)]
    pub name: String,
    #[arg(long, value_name = "NAME")]
    pub new_name: Option<String>,
    #[arg(long)]
    pub kind: Option<String>,
    #[arg(long)]
    pub county: Option<String>,
    /// The whole list of haves it has now, e.g. venue,guide,film (empty: none)
    #[arg(long)]
    pub haves: Option<String>,
    /// Date of accreditation, YYYY-MM-DD; an empty value withdraws it
    #[arg(long, value_name = "DATE")]
    pub accredited: Option<String>,
    #[arg(long)]
    pub level: Option<String>,
    #[arg(long)]
    pub notes: Option<String>,
}

pub fn run(command: BaseCommand, ctx: &Ctx) -> CliResult {
    match command {
        BaseCommand::Add(args) => add(args, ctx),
        BaseCommand::Edit(args) => edit(args, ctx),
        BaseCommand::List { json } => list(json, ctx),
    }
}

fn add(args: BaseAddArgs, ctx: &Ctx) -> CliResult {
    let input = NewBase {
        name: args.name,
        kind: args.kind,
        county: args.county,
        haves: args.haves,
        accredited: args.accredited,
        level: args.level,
        notes: args.notes,
    };
    let base = op::add(&ctx.store, ctx.clock.now(), &input).map_err(|e| op_error(ctx, e))?;
    let line = tr!(ctx.lang, B::CliBaseAdded, summary = summary(ctx, &base));
    Ok(format!("{line}\n{}\n", base.name))
}

fn edit(args: BaseEditArgs, ctx: &Ctx) -> CliResult {
    let input = BaseEdit {
        name: args.name,
        new_name: args.new_name,
        kind: args.kind,
        county: args.county,
        haves: args.haves,
        accredited: args.accredited,
        level: args.level,
        notes: args.notes,
    };
    match op::edit(&ctx.store, ctx.clock.now(), &input).map_err(|e| op_error(ctx, e))? {
        BaseEdited::Unchanged(_) => Ok(tr!(ctx.lang, B::CliBaseUnchanged) + "\n"),
        BaseEdited::Changed(base) => {
            Ok(tr!(ctx.lang, B::CliBaseUpdated, summary = summary(ctx, &base)) + "\n")
        }
    }
}

/// `新开村 (village, 岳阳县) · meets the five-haves standard · accredited by the city 2015-03-10`
fn summary(ctx: &Ctx, base: &TrainingBase) -> String {
    let lang = ctx.lang;
    let kind = base.kind.label(lang).to_string();
    let place = [kind, base.county.clone()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    let standard = match base.meets_standard() {
        true => tr!(lang, B::BaseMeetsStandard),
        false => {
            let missing: Vec<String> = base
                .haves
                .missing()
                .into_iter()
                .map(|h| h.label(lang).to_string())
                .collect();
            let missing = missing.join(crate::text::Tabular::ListSeparator.get(lang));
            tr!(lang, B::BaseBelowStandard, missing = missing)
        }
    };
    let accredited = match base.accreditation {
        None => tr!(lang, B::BaseNotAccredited),
        Some(a) => {
            let level = a.level.label(lang);
            tr!(lang, B::BaseAccreditedBy, level = level, date = a.date)
        }
    };
    format!("{} ({place}) · {standard} · {accredited}", base.name)
}

#[derive(Serialize)]
struct BaseOut<'a> {
    id: &'a str,
    name: &'a str,
    kind: &'static str,
    kind_zh: &'static str,
    county: &'a str,
    haves: Vec<&'static str>,
    missing: Vec<&'static str>,
    meets_standard: bool,
    accredited: Option<String>,
    level: Option<&'static str>,
    notes: &'a str,
}

fn list(json: bool, ctx: &Ctx) -> CliResult {
    let bases = ctx.store.bases()?;
    if json {
        let out: Vec<BaseOut> = bases
            .iter()
            .map(|b| BaseOut {
                id: &b.id,
                name: &b.name,
                kind: b.kind.code(),
                kind_zh: b.kind.label(crate::text::Lang::Zh),
                county: &b.county,
                haves: b.haves.present().into_iter().map(Have::code).collect(),
                missing: b.haves.missing().into_iter().map(Have::code).collect(),
                meets_standard: b.meets_standard(),
                accredited: b.accreditation.map(|a| a.date.to_string()),
                level: b.accreditation.map(|a| a.level.code()),
                notes: &b.notes,
            })
            .collect();
        return Ok(serde_json::to_string_pretty(&out).expect("bases serialise") + "\n");
    }
    if bases.is_empty() {
        return Ok(tr!(ctx.lang, B::CliNoBases) + "\n");
    }
    Ok(bases.iter().map(|b| summary(ctx, b) + "\n").collect())
}
