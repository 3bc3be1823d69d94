//! `lunxun search`: ranked hits from the cohort's roster or the whole register.

use clap::Args;
use serde::Serialize;

use crate::search::SearchIndex;
use crate::text::Commands;
use crate::tr;

use super::{CliResult, Ctx, find_cohort};

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
    /// Terms, all of which must match: Hanzi, pinyin, initials, unit words
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
}

pub fn run(args: SearchArgs, ctx: &Ctx) -> CliResult {
    let people = match &args.cohort {
        Some(code) => ctx.store.roster(&find_cohort(ctx, code)?.code)?,
        None => ctx.store.people_as_one()?,
    };
    let index = SearchIndex::build(&people);
    let query = args.query.join(" ");
    let hits = index.search(&query, args.limit);
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
            }
        })
        .collect();
    let text = if args.json {
        serde_json::to_string_pretty(&rows).expect("hits serialise") + "\n"
    } else if rows.is_empty() {
        tr!(ctx.lang, Commands::SearchNoMatch, query = query)
    } else {
        rows.iter()
            .map(|r| {
                format!(
                    "{}\t{}\t{}\t{}\t{}\t{}\n",
                    r.name, r.unit, r.county, r.position, r.person_id, r.score
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
