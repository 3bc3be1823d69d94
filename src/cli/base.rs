//! `lunxun base add|edit|list`: demonstration training bases and their "five haves".

use chrono::NaiveDate;
use serde::Serialize;

use crate::domain::base::{Accreditation, FiveHaves, Have};
use crate::domain::{BaseKind, Level, TrainingBase};
use crate::store::{Batch, Store};
use crate::text::Lang;

use super::teaching_args::{BaseAddArgs, BaseCommand, BaseEditArgs};
use super::{CliError, CliResult, Ctx};

pub fn run(command: BaseCommand, ctx: &Ctx) -> CliResult {
    match command {
        BaseCommand::Add(args) => add(args, ctx),
        BaseCommand::Edit(args) => edit(args, ctx),
        BaseCommand::List { json } => list(json, ctx),
    }
}

fn add(args: BaseAddArgs, ctx: &Ctx) -> CliResult {
    let base = TrainingBase {
        id: ulid::Ulid::generate().to_string(),
        name: args.name.trim().to_string(),
        kind: parse_kind(ctx, &args.kind)?,
        county: args.county.trim().to_string(),
        haves: parse_haves(ctx, &args.haves)?,
        accreditation: parse_accreditation(ctx, args.accredited.as_deref(), args.level.as_deref())?,
        notes: args.notes.trim().to_string(),
        created_at: ctx.clock.now(),
        updated_at: None,
    };
    save(ctx, &base, None)?;
    let line = ctx.t(
        &format!("已添加培训基地 {}", summary(ctx, &base)),
        &format!("added training base {}", summary(ctx, &base)),
    );
    Ok(format!("{line}\n{}\n", base.name))
}

fn edit(args: BaseEditArgs, ctx: &Ctx) -> CliResult {
    let mut base = ctx.store.base_named(&args.name)?.ok_or_else(|| {
        CliError::Input(ctx.t(
            &format!(
                "没有名为“{}”的培训基地；用 lunxun base list 查看。",
                args.name
            ),
            &format!(
                "no training base named '{}'; `lunxun base list` shows them",
                args.name
            ),
        ))
    })?;
    let before = base.clone();
    if let Some(name) = &args.new_name {
        base.name = name.trim().to_string();
    }
    if let Some(kind) = &args.kind {
        base.kind = parse_kind(ctx, kind)?;
    }
    if let Some(county) = &args.county {
        base.county = county.trim().to_string();
    }
    if let Some(haves) = &args.haves {
        base.haves = parse_haves(ctx, haves)?;
    }
    if args.accredited.is_some() || args.level.is_some() {
        base.accreditation = edit_accreditation(ctx, &before, &args)?;
    }
    if let Some(notes) = &args.notes {
        base.notes = notes.trim().to_string();
    }
    if base == before {
        return Ok(ctx.t(
            "= 没有变化，未记录\n",
            "= nothing changed; nothing recorded\n",
        ));
    }
    base.updated_at = Some(ctx.clock.now());
    save(ctx, &base, Some(&before.id))?;
    Ok(ctx.t(
        &format!("已更新培训基地 {}\n", summary(ctx, &base)),
        &format!("updated training base {}\n", summary(ctx, &base)),
    ))
}

/// An empty `--accredited` withdraws the accreditation; otherwise what is not given
/// (date or level) is kept.
fn edit_accreditation(
    ctx: &Ctx,
    before: &TrainingBase,
    args: &BaseEditArgs,
) -> Result<Option<Accreditation>, CliError> {
    if args
        .accredited
        .as_deref()
        .is_some_and(|d| d.trim().is_empty())
    {
        return Ok(None);
    }
    let old_date = before.accreditation.map(|a| a.date.to_string());
    let old_level = before.accreditation.map(|a| a.level.code().to_string());
    let date = args.accredited.clone().or(old_date);
    let level = args.level.clone().or(old_level);
    parse_accreditation(ctx, date.as_deref(), level.as_deref())
}

/// Checks and saves a base; its name must not be used by another base.
fn save(ctx: &Ctx, base: &TrainingBase, own_id: Option<&str>) -> Result<(), CliError> {
    base.validate()
        .map_err(|e| CliError::Input(ctx.t(&format!("{}。", e.zh()), &e.to_string())))?;
    if let Some(other) = ctx.store.base_named(&base.name)?
        && Some(other.id.as_str()) != own_id
    {
        return Err(CliError::Input(ctx.t(
            &format!("已有名为“{}”的培训基地；请换一个名称。", base.name),
            &format!(
                "there is already a training base named '{}'; choose another name",
                base.name
            ),
        )));
    }
    let mut batch = Batch::default();
    Store::stage_base(&mut batch, base);
    ctx.store.commit(batch)?;
    Ok(())
}

fn parse_kind(ctx: &Ctx, text: &str) -> Result<BaseKind, CliError> {
    BaseKind::parse(text).ok_or_else(|| {
        CliError::Input(ctx.t(
            &format!("基地类型“{text}”无效；可选 村、社区、合作社、企业。"),
            &format!("unknown kind '{text}': use village, community, cooperative or enterprise"),
        ))
    })
}

fn parse_haves(ctx: &Ctx, text: &str) -> Result<FiveHaves, CliError> {
    FiveHaves::parse(text).map_err(|bad| {
        CliError::Input(ctx.t(
            &format!("“{bad}”不是“五有”之一；可选 场所、讲解员、典型材料、参观现场、专题片（venue, guide, material, site, film）。"),
            &format!("'{bad}' is not one of the five haves: use venue, guide, material, site, film (or all)"),
        ))
    })
}

fn parse_accreditation(
    ctx: &Ctx,
    date: Option<&str>,
    level: Option<&str>,
) -> Result<Option<Accreditation>, CliError> {
    let bad = |zh: String, en: String| CliError::Input(ctx.t(&zh, &en));
    let date = date.map(str::trim).filter(|d| !d.is_empty());
    let level = level.map(str::trim).filter(|l| !l.is_empty());
    let (date, level) = match (date, level) {
        (None, None) => return Ok(None),
        (Some(date), Some(level)) => (date, level),
        (None, Some(_)) => {
            return Err(bad(
                "--level 需要与 --accredited 授牌日期一起使用。".into(),
                "--level goes with --accredited DATE (the date of accreditation)".into(),
            ));
        }
        (Some(_), None) => {
            return Err(bad(
                "授牌需要层级：--level city 或 --level county。".into(),
                "accreditation needs its level: --level city or --level county".into(),
            ));
        }
    };
    let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").map_err(|_| {
        bad(
            format!("授牌日期“{date}”无效；请写作 YYYY-MM-DD。"),
            format!("bad accreditation date '{date}': use YYYY-MM-DD"),
        )
    })?;
    let level = Level::parse(level)
        .filter(|l| *l != Level::Province)
        .ok_or_else(|| {
            bad(
                format!("授牌层级“{level}”无效；可选 city（市级）或 county（县级）。"),
                format!("bad accreditation level '{level}': use city or county"),
            )
        })?;
    Ok(Some(Accreditation { date, level }))
}

/// `新开村 (village, 岳阳县) · meets the five-haves standard · accredited by the city 2015-03-10`
fn summary(ctx: &Ctx, base: &TrainingBase) -> String {
    let kind = ctx.t(base.kind.zh(), base.kind.code());
    let place = [kind, base.county.clone()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    let standard = match base.meets_standard() {
        true => ctx.t("达到“五有”标准", "meets the five-haves standard"),
        false => {
            let missing = base.haves.missing();
            let zh: Vec<&str> = missing.iter().map(|h| h.zh()).collect();
            let en: Vec<&str> = missing.iter().map(|h| h.code()).collect();
            ctx.t(
                &format!("未达标（缺：{}）", zh.join("、")),
                &format!("below standard (lacks {})", en.join(", ")),
            )
        }
    };
    let accredited = match (base.accreditation, ctx.lang) {
        (None, Lang::Zh) => "未授牌".to_string(),
        (None, Lang::En) => "not accredited".to_string(),
        (Some(a), Lang::Zh) => format!("{}授牌 {}", a.level.zh(), a.date),
        (Some(a), Lang::En) => format!("accredited by the {} {}", a.level.code(), a.date),
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
                kind_zh: b.kind.zh(),
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
        return Ok(ctx.t(
            "还没有培训基地；用 lunxun base add 添加。\n",
            "no training bases yet; add one with `lunxun base add`\n",
        ));
    }
    Ok(bases.iter().map(|b| summary(ctx, b) + "\n").collect())
}
