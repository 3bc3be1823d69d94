//! `lunxun bundle export|show|merge`: a bundle (数据包) of this folder's records for
//! another laptop, a bundle's header shown (checked, nothing merged), and the merge
//! (its run() in bundle_merge.rs).

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use serde::Serialize;

use crate::domain::bundle::{Counts, Scope};
use crate::io::bundle::{Bundle, Header};
use crate::ops::bundle_export;
use crate::text::{Bundles, Lang};
use crate::tr;

use super::bundle_open::{fail, open, to_seal};
use super::{CliError, CliResult, Ctx};

#[derive(Debug, Subcommand)]
pub enum BundleCommand {
    /// Write this folder's records (everything, one cohort, or one year) to a bundle
    /// file another laptop can merge; --encrypt seals it with a passphrase
    Export(ExportArgs),
    /// Show a bundle's header (from which desk, scope, counts, version, encrypted),
    /// after checking it; merges nothing
    Show {
        file: PathBuf,
        /// Print JSON
        #[arg(long)]
        json: bool,
    },
    /// Merge a bundle into this folder (an automatic backup first); --dry-run only
    /// reports what it would do
    Merge {
        file: PathBuf,
        /// Report what the merge would do, and write nothing
        #[arg(long)]
        dry_run: bool,
        /// Print the report as JSON
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Only this cohort (by its code) and the people it references
    #[arg(long, value_name = "CODE", conflicts_with = "year")]
    pub cohort: Option<String>,
    /// The cohorts starting in this year and the whole register (for the city's report)
    #[arg(long, value_name = "YEAR")]
    pub year: Option<i32>,
    /// Write the bundle here (default: lunxun-<desk>-<date>.lxb in the current folder)
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Seal it with a passphrase (from LUNXUN_BUNDLE_PASSPHRASE, else asked)
    #[arg(long)]
    pub encrypt: bool,
    /// Print what was written as JSON
    #[arg(long)]
    pub json: bool,
}

/// [`bundle_open::open`](super::bundle_open::open), the bundle alone: what a merge
/// reads (`bundle merge` is run by bundle_merge.rs, called from `cli::run`, so the
/// two files import each other in one direction only).
pub(super) fn read(path: &Path, ctx: &Ctx) -> Result<Bundle, CliError> {
    open(path, ctx).map(|opened| opened.bundle)
}

pub(super) fn export(args: ExportArgs, ctx: &Ctx) -> CliResult {
    let scope = match (&args.cohort, args.year) {
        (Some(code), _) => Scope::Cohort {
            code: super::find_cohort(ctx, code)?.code,
        },
        (None, Some(year)) => Scope::Year { year },
        (None, None) => Scope::All,
    };
    let now = ctx.clock.now();
    let path = match args.output {
        Some(path) => path,
        None => PathBuf::from(
            bundle_export::default_file_name(&ctx.store, now).map_err(|e| fail(e, ctx.lang))?,
        ),
    };
    let passphrase = match args.encrypt {
        true => Some(to_seal(ctx.lang)?.unwrap_or_default()),
        false => None,
    };
    let exported = bundle_export::export(&ctx.store, &scope, &path, passphrase.as_deref(), now)
        .map_err(|e| fail(e, ctx.lang))?;
    if args.json {
        return Ok(serde_json::to_string_pretty(&exported).expect("a header serialises") + "\n");
    }
    let note = match exported.encrypted {
        true => tr!(ctx.lang, Bundles::BundleSealedNote),
        false => tr!(ctx.lang, Bundles::BundlePlainNote),
    };
    Ok(tr!(
        ctx.lang,
        Bundles::BundleExported,
        path = path.display(),
        counts = counts(&exported.header.counts, ctx.lang),
        sealed = note
    ))
}

#[derive(Serialize)]
struct Shown<'a> {
    path: &'a Path,
    encrypted: bool,
    header: &'a Header,
}

pub(super) fn show(path: &Path, json: bool, ctx: &Ctx) -> CliResult {
    let opened = open(path, ctx)?;
    let header = &opened.bundle.header;
    if json {
        let shown = Shown {
            path,
            encrypted: opened.encrypted,
            header,
        };
        return Ok(serde_json::to_string_pretty(&shown).expect("a header serialises") + "\n");
    }
    let lang = ctx.lang;
    let sealed = match opened.encrypted {
        true => tr!(lang, Bundles::BundleShowSealed),
        false => tr!(lang, Bundles::BundleShowPlain),
    };
    Ok([
        tr!(lang, Bundles::BundleShowTitle, path = path.display()),
        tr!(
            lang,
            Bundles::BundleShowFrom,
            name = header.desk_name,
            desk = header.desk
        ),
        tr!(
            lang,
            Bundles::BundleShowAt,
            at = header.exported_at.format("%Y-%m-%d %H:%M:%S %:z")
        ),
        tr!(
            lang,
            Bundles::BundleShowScope,
            scope = scope(&header.scope, lang)
        ),
        tr!(
            lang,
            Bundles::BundleShowContents,
            counts = counts(&header.counts, lang)
        ),
        tr!(
            lang,
            Bundles::BundleShowVersion,
            version = header.version,
            made_by = header.made_by
        ),
        sealed,
        tr!(lang, Bundles::BundleShowChecksum, sha256 = header.sha256),
    ]
    .concat())
}

/// How many records of each kind, in words.
pub(super) fn counts(counts: &Counts, lang: Lang) -> String {
    tr!(
        lang,
        Bundles::BundleCounts,
        cohorts = counts.cohorts,
        people = counts.people,
        enrolments = counts.enrolments,
        events = counts.events,
        activities = counts.activities,
        changes = counts.changes
    )
}

fn scope(scope: &Scope, lang: Lang) -> String {
    match scope {
        Scope::All => tr!(lang, Bundles::BundleScopeAll),
        Scope::Cohort { code } => tr!(lang, Bundles::BundleScopeCohort, code = code),
        Scope::Year { year } => tr!(lang, Bundles::BundleScopeYear, year = year),
    }
}
