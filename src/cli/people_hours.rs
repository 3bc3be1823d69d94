//! `lunxun person hours add|list`: 学时 earned elsewhere (a province class, an online
//! course), with source, date and level.

use clap::{Args, Subcommand};
use serde::Serialize;

use crate::domain::PersonId;
use crate::ops::person_hours::{self as ops, NewHours, tenths_text};
use crate::text::Upkeep;
use crate::tr;

use super::{CliResult, Ctx, op_error};

#[derive(Debug, Subcommand)]
pub enum HoursCommand {
    /// Record hours earned elsewhere
    Add(HoursAddArgs),
    /// The hours from elsewhere recorded for a person
    List(HoursListArgs),
}

#[derive(Debug, Args)]
pub struct HoursAddArgs {
    /// The person's id
    pub id: String,
    /// 学时, to one decimal: 8 or 2.5
    #[arg(long)]
    pub hours: String,
    /// Where they were earned: 省委党校专题班, 网络学院, ...
    #[arg(long)]
    pub source: String,
    /// The day they were earned (YYYY-MM-DD); today when not given
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// province, city or county
    #[arg(long)]
    pub level: Option<String>,
}

#[derive(Debug, Args)]
pub struct HoursListArgs {
    /// The person's id
    pub id: String,
    /// Print JSON
    #[arg(long)]
    pub json: bool,
}

pub fn run(command: HoursCommand, ctx: &Ctx) -> CliResult {
    match command {
        HoursCommand::Add(args) => add(args, ctx),
        HoursCommand::List(args) => list(args, ctx),
    }
}

fn add(args: HoursAddArgs, ctx: &Ctx) -> CliResult {
    let id = PersonId(args.id.trim().to_string());
    let input = NewHours {
        hours: args.hours,
        source: args.source,
        date: args.date,
        level: args.level,
    };
    let added = ops::add(&ctx.store, ctx.clock.now(), &id, &input).map_err(|e| op_error(ctx, e))?;
    Ok(tr!(
        ctx.lang,
        Upkeep::PersonHoursAdded,
        name = added.person.name,
        hours = tenths_text(added.tenths),
        source = added.source,
        date = added.date
    ) + "\n")
}

#[derive(Serialize)]
struct HoursOut {
    id: String,
    date: String,
    hours: f64,
    tenths: u32,
    source: String,
    level: Option<&'static str>,
}

fn list(args: HoursListArgs, ctx: &Ctx) -> CliResult {
    let id = PersonId(args.id.trim().to_string());
    let (person, hours) = ops::list(&ctx.store, &id).map_err(|e| op_error(ctx, e))?;
    let lang = ctx.lang;
    if args.json {
        let out: Vec<HoursOut> = hours
            .iter()
            .map(|h| HoursOut {
                id: h.event_id.clone(),
                date: h.date.to_string(),
                hours: f64::from(h.tenths) / 10.0,
                tenths: h.tenths,
                source: h.source.clone(),
                level: h.level.map(|l| l.code()),
            })
            .collect();
        return Ok(serde_json::to_string_pretty(&out).expect("hours serialise") + "\n");
    }
    if hours.is_empty() {
        return Ok(tr!(lang, Upkeep::PersonHoursNone, name = person.name) + "\n");
    }
    let mut out = String::new();
    for h in &hours {
        let level = h.level.map_or("", |l| l.label(lang));
        let hours = tenths_text(h.tenths);
        out.push_str(&format!("{}\t{hours}\t{}\t{level}\n", h.date, h.source));
    }
    let total: u32 = hours.iter().map(|h| h.tenths).sum();
    out.push_str(&tr!(
        lang,
        Upkeep::PersonHoursTotal,
        hours = tenths_text(total)
    ));
    out.push('\n');
    Ok(out)
}
