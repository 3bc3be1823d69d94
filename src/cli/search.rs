//! `lunxun search`: ranked hits from the cohort's roster or the whole register. A whole
//! ID number, full phone number or person code finds the people who have it, alone
//! (`domain::scan`); an ID number is never printed back in full.

use clap::Args;
use serde::Serialize;

use crate::domain::Person;
use crate::domain::person_code::PersonCode;
use crate::domain::scan::{ExactKey, ExactKind, PersonKeys, masked_query};
use crate::search::{MatchTier, SearchIndex};
use crate::text::{Commands, Scanner};
use crate::tr;

use super::{CliError, CliResult, Ctx, find_cohort};

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Search this cohort's roster (default: the whole register)
    #[arg(long, value_name = "CODE")]
    pub cohort: Option<String>,
    /// Most hits to print
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    #[arg(long)]
    pub json: bool,
    /// Terms, all of which must match: Hanzi, pinyin, initials, unit words; or a
    /// whole ID number, phone number or person code
    #[arg(required = true)]
    pub query: Vec<String>,
}

#[derive(Serialize)]
struct HitOut<'a> {
    person_id: &'a str,
    name: &'a str,
    unit: &'a str,
    county: &'a str,
    township: &'a str,
    position: &'a str,
    score: i64,
    /// The person code (人员编码), as printed on the sign-in sheet.
    code: String,
    /// `id_number`, `phone` or `code` when the query was that detail, whole.
    #[serde(skip_serializing_if = "Option::is_none")]
    matched_by: Option<&'static str>,
}

pub fn run(args: SearchArgs, ctx: &Ctx) -> CliResult {
    let people = match &args.cohort {
        Some(code) => ctx.store.roster(&find_cohort(ctx, code)?.code)?,
        None => ctx.store.people_as_one()?,
    };
    let index = SearchIndex::build(&people);
    let query = args.query.join(" ");
    let hits = index.search(&query, args.limit);
    let kind = ExactKey::parse(&query).map(ExactKey::kind);
    let rows: Vec<HitOut> = hits
        .iter()
        .map(|hit| {
            let p = &people[hit.index];
            HitOut {
                person_id: p.id.as_str(),
                name: &p.name,
                unit: &p.unit,
                county: &p.county,
                township: &p.township,
                position: &p.position,
                score: hit.score,
                code: PersonCode::of(&p.id).to_string(),
                matched_by: kind
                    .filter(|_| hit.tier == MatchTier::Identity)
                    .map(kind_name),
            }
        })
        .collect();
    let text = if args.json {
        serde_json::to_string_pretty(&rows).expect("hits serialise") + "\n"
    } else if rows.is_empty() {
        tr!(
            ctx.lang,
            Commands::SearchNoMatch,
            query = masked_query(&query)
        )
    } else {
        rows.iter()
            .map(|r| {
                format!(
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
                    r.name, r.unit, r.county, r.position, r.person_id, r.score, r.code
                )
            })
            .collect()
    };
    drop(rows);
    // The process ends once this is printed: freeing the register and its index one
    // allocation at a time (a million of them at 100k people) would cost more than the
    // search itself, for memory the system takes back at once.
    std::mem::forget((index, people));
    Ok(text)
}

/// The one person whose whole ID number, phone number or person code `text` is (a
/// scanned card given as `--person`); else the unknown-person refusal, `text` masked.
pub(super) fn find_exact(ctx: &Ctx, text: &str) -> Result<Person, CliError> {
    let unknown = || {
        tr!(
            ctx.lang,
            Commands::CliUnknownPerson,
            id = masked_query(text)
        )
    };
    let Some(key) = ExactKey::parse(text) else {
        return Err(CliError::Input(unknown()));
    };
    let mut found: Vec<Person> = ctx.store.people()?;
    found.retain(|p| PersonKeys::of(p).has(key));
    match found.len() {
        0 => Err(CliError::Input(unknown())),
        1 => Ok(found.remove(0)),
        count => Err(CliError::Input(tr!(
            ctx.lang,
            Scanner::ScanCliSeveral,
            count = count,
            query = masked_query(text)
        ))),
    }
}

fn kind_name(kind: ExactKind) -> &'static str {
    match kind {
        ExactKind::IdNumber => "id_number",
        ExactKind::Phone => "phone",
        ExactKind::Code => "code",
    }
}
