//! `lunxun person list`: the register filtered by county, field, cohort and text, with
//! phone and ID number masked (text and `--json`).

use clap::Args;
use serde::Serialize;

use crate::domain::mask;
use crate::ops::person_list::{self as ops, Listed, PersonFilter};
use crate::text::Upkeep;
use crate::tr;

use super::people_out::PersonOut;
use super::{CliResult, Ctx, op_error};

#[derive(Debug, Args)]
pub struct PersonListArgs {
    /// Only this county (县市区), exactly as recorded
    #[arg(long)]
    pub county: Option<String>,
    /// Only this field (领域): village, community, township, street, agency, ...
    #[arg(long)]
    pub field: Option<String>,
    /// Only the people on this cohort's roster
    #[arg(long, value_name = "CODE")]
    pub cohort: Option<String>,
    /// Only people whose name, unit, county, township or position holds this text
    #[arg(long)]
    pub text: Option<String>,
    /// Print JSON (phone and ID number masked)
    #[arg(long)]
    pub json: bool,
}

/// A listed person as shown outside the program: the fields of `lunxun roster --json`
/// (phone and ID number masked) and a standing retirement.
#[derive(Serialize)]
struct ListedOut {
    #[serde(flatten)]
    person: PersonOut,
    retired_from: Option<String>,
    retired_reason: Option<String>,
}

pub fn run(args: PersonListArgs, ctx: &Ctx) -> CliResult {
    let filter = PersonFilter {
        county: args.county,
        field: args.field,
        cohort: args.cohort,
        text: args.text,
    };
    let listed = ops::list(&ctx.store, &filter).map_err(|e| op_error(ctx, e))?;
    if args.json {
        let out: Vec<ListedOut> = listed.iter().map(listed_out).collect();
        return Ok(serde_json::to_string_pretty(&out).expect("people serialise") + "\n");
    }
    if listed.is_empty() {
        return Ok(tr!(ctx.lang, Upkeep::PersonListNone) + "\n");
    }
    let mut out = String::new();
    for l in &listed {
        out.push_str(&row(l, ctx));
    }
    out.push_str(&tr!(
        ctx.lang,
        Upkeep::PersonListCount,
        count = listed.len()
    ));
    out.push('\n');
    Ok(out)
}

fn listed_out(l: &Listed) -> ListedOut {
    ListedOut {
        person: PersonOut::masked(&l.person),
        retired_from: l.retired.as_ref().map(|r| r.from.to_string()),
        retired_reason: l.retired.as_ref().map(|r| r.reason.clone()),
    }
}

/// id, name, gender, unit, county, township, position, field, phone, ID number, retired;
/// tab-separated, private values masked (control characters are escaped when printed).
fn row(l: &Listed, ctx: &Ctx) -> String {
    let p = &l.person;
    let lang = ctx.lang;
    let cells = [
        p.id.to_string(),
        p.name.clone(),
        p.gender.map_or("", |g| g.label(lang)).to_string(),
        p.unit.clone(),
        p.county.clone(),
        p.township.clone(),
        p.position.clone(),
        ops::field_name(p.field, lang).to_string(),
        p.phone.as_deref().map(mask::phone).unwrap_or_default(),
        p.id_number
            .as_deref()
            .map(mask::id_number)
            .unwrap_or_default(),
        l.retired
            .as_ref()
            .map(|r| tr!(lang, Upkeep::PersonListRetired, from = r.from))
            .unwrap_or_default(),
    ];
    cells.join("\t") + "\n"
}
