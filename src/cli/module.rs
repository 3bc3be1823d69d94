//! `lunxun module add|rename|retire|list`: the content-module catalogue.

use crate::domain::Module;
use crate::domain::module::{ModuleError, ModuleNames};
use clap::{Args, Subcommand};

use crate::text::Teaching as Tg;
use crate::tr;

use super::teach::module_error;
use super::{CliError, CliResult, Ctx, find_cohort};

#[derive(Debug, Subcommand)]
pub enum ModuleCommand {
    /// Add a content module; prints its number alone on the last line
    Add(ModuleNameArgs),
    /// Rename a module (cohorts already run keep the name they used)
    Rename(ModuleRenameArgs),
    /// Stop offering a module to new cohorts
    Retire {
        /// Number or name
        module: String,
    },
    /// List the catalogue, or the one a cohort runs with
    List {
        #[arg(long, value_name = "CODE")]
        cohort: Option<String>,
        /// Include retired modules
        #[arg(long)]
        all: bool,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Args)]
pub struct ModuleNameArgs {
    /// Short name in Chinese, e.g. 乡村振兴
    #[arg(long)]
    pub name: Option<String>,
    /// Short name in English
    #[arg(long)]
    pub name_en: Option<String>,
    /// Full wording in Chinese
    #[arg(long)]
    pub text: Option<String>,
    /// Full wording in English
    #[arg(long)]
    pub text_en: Option<String>,
}

#[derive(Debug, Args)]
pub struct ModuleRenameArgs {
    /// Number or current name
    pub module: String,
    #[command(flatten)]
    pub names: ModuleNameArgs,
}

pub fn run(command: ModuleCommand, ctx: &Ctx) -> CliResult {
    match command {
        ModuleCommand::Add(args) => add(args, ctx),
        ModuleCommand::Rename(args) => rename(args, ctx),
        ModuleCommand::Retire { module } => retire(&module, ctx),
        ModuleCommand::List { cohort, all, json } => list(cohort.as_deref(), all, json, ctx),
    }
}

fn names(args: ModuleNameArgs) -> ModuleNames {
    ModuleNames {
        name_zh: args.name,
        name_en: args.name_en,
        text_zh: args.text,
        text_en: args.text_en,
    }
}

fn add(args: ModuleNameArgs, ctx: &Ctx) -> CliResult {
    let names = names(args);
    let number = ctx
        .store
        .change_catalogue(|c| c.add(names, ulid::Ulid::generate().to_string()))?
        .map_err(|e| module_error(ctx, &e))?;
    let catalogue = ctx.store.catalogue()?;
    let module = catalogue.get(number).expect("just added");
    let both = format!("{} / {}", module.name_zh, module.name_en);
    let line = tr!(ctx.lang, Tg::CliModuleAdded, number = number, names = both);
    Ok(format!("{line}\n{number}\n"))
}

/// The number of the module `text` names in the organisers' catalogue.
fn number_of(ctx: &Ctx, text: &str) -> Result<u16, CliError> {
    let catalogue = ctx.store.catalogue()?;
    catalogue
        .find(text)
        .map(|m| m.number)
        .ok_or_else(|| module_error(ctx, &ModuleError::Unknown(text.trim().to_string())))
}

fn rename(args: ModuleRenameArgs, ctx: &Ctx) -> CliResult {
    let number = number_of(ctx, &args.module)?;
    let names = names(args.names);
    if names == ModuleNames::default() {
        return Err(CliError::Input(tr!(ctx.lang, Tg::CliModuleNoNewName)));
    }
    ctx.store
        .change_catalogue(|c| c.rename(number, names))?
        .map_err(|e| module_error(ctx, &e))?;
    let catalogue = ctx.store.catalogue()?;
    let module = catalogue.get(number).expect("just renamed");
    let both = format!("{} / {}", module.name_zh, module.name_en);
    Ok(tr!(
        ctx.lang,
        Tg::CliModuleRenamed,
        number = number,
        names = both
    ) + "\n")
}

fn retire(text: &str, ctx: &Ctx) -> CliResult {
    let number = number_of(ctx, text)?;
    ctx.store
        .change_catalogue(|c| c.retire(number))?
        .map_err(|e| module_error(ctx, &e))?;
    Ok(tr!(ctx.lang, Tg::CliModuleRetired, number = number) + "\n")
}

fn list(cohort: Option<&str>, all: bool, json: bool, ctx: &Ctx) -> CliResult {
    let catalogue = match cohort {
        Some(code) => ctx.store.catalogue_for(&find_cohort(ctx, code)?.code)?,
        None => ctx.store.catalogue()?,
    };
    let modules: Vec<&Module> = catalogue
        .modules
        .iter()
        .filter(|m| all || !m.retired)
        .collect();
    if json {
        return Ok(serde_json::to_string_pretty(&modules).expect("modules serialise") + "\n");
    }
    let mut out = String::new();
    for m in modules {
        let retired = if m.retired {
            tr!(ctx.lang, Tg::CliModuleRetiredMark)
        } else {
            String::new()
        };
        let (name, text) = (m.name(ctx.lang), m.text(ctx.lang));
        out.push_str(&format!("{}\t{name}\t{text}{retired}\n", m.number));
    }
    Ok(out)
}
