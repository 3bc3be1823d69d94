//! `lunxun person show <id | query>`: one person's training record (培训档案) — every
//! cohort with its level and dates, sessions attended, 学时 credited, standing with the
//! rule that failed or the reason for withdrawal, make-ups, hours from elsewhere — and
//! the year's total against the annual target. Phone and ID number masked.

use chrono::{Datelike, NaiveDate};
use clap::Args;
use serde::Serialize;

use crate::domain::credit::record::{
    DEFAULT_ANNUAL_TARGET, TrainingRecord, YearTotal, tenths_value,
};
use crate::domain::credit::{Standing, hours};
use crate::domain::{Person, PersonId};
use crate::io::report::PersonLine;
use crate::io::report::cohort_credit::rule_code;
use crate::io::report::hours::Hours;
use crate::search::SearchIndex;
use crate::text::{Lang, Record};
use crate::tr;

use super::people_show_text::{Also, Names, Shown, render, standing_text};
use super::{CliError, CliResult, Ctx};

/// Most matches a query lists before asking for an id.
const MATCHES_SHOWN: usize = 50;

#[derive(Debug, Args)]
pub struct PersonShowArgs {
    /// The person's id, or search terms (Hanzi, pinyin, initials, unit words)
    #[arg(required = true)]
    pub query: Vec<String>,
    /// The year whose total is shown (default: this year by the clock)
    #[arg(long)]
    pub year: Option<i32>,
    /// The annual target in 学时
    #[arg(long, default_value_t = DEFAULT_ANNUAL_TARGET)]
    pub target: u32,
    /// Print JSON (phone and ID number masked)
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: PersonShowArgs, ctx: &Ctx) -> CliResult {
    super::report_hours::check_target(args.target, ctx)?;
    let person = resolve(ctx, &args.query.join(" "))?;
    let also = also_recorded(ctx, &person)?;
    let record = crate::ops::record::training_record(&ctx.store, &person.id)?;
    let shown = Shown {
        person: &person,
        record: &record,
        total: record.year_total(
            args.year.unwrap_or_else(|| ctx.clock.now().year()),
            args.target,
        ),
        names: names_of(ctx, &record)?,
        also,
    };
    if args.json {
        let out = RecordOut::new(&shown, ctx.lang);
        return Ok(serde_json::to_string_pretty(&out).expect("record serialises") + "\n");
    }
    Ok(render(&shown, ctx.lang))
}

/// The person with this id (the kept record, for a record joined to another), or the
/// one person the query finds; several found are listed (name, unit, county, id) with
/// the advice to pass an id.
fn resolve(ctx: &Ctx, query: &str) -> Result<Person, CliError> {
    let id = PersonId(query.trim().to_string());
    if ctx.store.person(&id)?.is_some() {
        let aliases = ctx.store.aliases()?;
        if let Some(person) = ctx.store.person(aliases.kept(&id))? {
            return Ok(person);
        }
    }
    let people = ctx.store.people_as_one()?;
    let hits = SearchIndex::build(&people).search(query, MATCHES_SHOWN);
    match hits.as_slice() {
        [] => Err(CliError::Input(tr!(
            ctx.lang,
            Record::RecordNoMatch,
            query = query
        ))),
        [one] => Ok(people[one.index].clone()),
        several => {
            let mut text = String::new();
            for hit in several {
                let p = &people[hit.index];
                text.push_str(&format!("{}\t{}\t{}\t{}\n", p.name, p.unit, p.county, p.id));
            }
            let count = several.len();
            text.push_str(&tr!(
                ctx.lang,
                Record::RecordSeveral,
                query = query,
                count = count
            ));
            Err(CliError::Input(text))
        }
    }
}

/// The person's other records (同一人), with how each was joined.
fn also_recorded(ctx: &Ctx, person: &Person) -> Result<Vec<Also>, CliError> {
    let aliases = ctx.store.aliases()?;
    let mut also = Vec::new();
    for (id, alias) in aliases.others(&person.id) {
        let name = ctx.store.person(&id)?.map(|p| p.name).unwrap_or_default();
        also.push(Also {
            id,
            name,
            rule: alias.rule,
        });
    }
    Ok(also)
}

/// The names of the people a record mentions (substitutes and those they replaced).
fn names_of(ctx: &Ctx, record: &TrainingRecord) -> Result<Names, CliError> {
    let mut names = Vec::new();
    let mentioned = record.cohorts.iter().flat_map(|c| {
        let replaced_by = match &c.standing {
            Standing::Withdrawn { replaced_by, .. } => replaced_by.as_ref(),
            _ => None,
        };
        replaced_by.into_iter().chain(c.substitute_for.as_ref())
    });
    for id in mentioned {
        let name = ctx
            .store
            .person(id)?
            .map_or_else(|| id.to_string(), |p| p.name);
        names.push((id.clone(), name));
    }
    Ok(Names(names))
}

fn failed_rule(standing: &Standing) -> Option<&'static str> {
    match standing {
        Standing::NotCompleted(shortfall) => Some(rule_code(shortfall)),
        _ => None,
    }
}

/// The person as reports show them (phone and ID number masked), with their position.
#[derive(Serialize)]
struct PersonOut<'a> {
    #[serde(flatten)]
    line: PersonLine,
    position: &'a str,
}

#[derive(Serialize)]
struct RecordOut<'a> {
    person: PersonOut<'a>,
    retired: Option<RetiredOut<'a>>,
    cohorts: Vec<CohortOut<'a>>,
    outside: Vec<OutsideOut<'a>>,
    year: YearOut,
    /// The person's other records (同一人) and how each was joined.
    also_recorded_as: Vec<AlsoOut<'a>>,
}

#[derive(Serialize)]
struct AlsoOut<'a> {
    person_id: &'a str,
    name: &'a str,
    rule: crate::domain::register::MatchRule,
}

#[derive(Serialize)]
struct RetiredOut<'a> {
    from: NaiveDate,
    reason: &'a str,
}

#[derive(Serialize)]
struct CohortOut<'a> {
    code: &'a str,
    name: &'a str,
    level: &'static str,
    start: NaiveDate,
    end: NaiveDate,
    sessions_attended: usize,
    sessions_total: usize,
    credited_hours: f64,
    total_hours: f64,
    hour_minutes: u32,
    standing: &'static str,
    /// The standing in the reader's language, with its reason.
    standing_text: String,
    failed_rule: Option<&'static str>,
    substitute_for: Option<&'a str>,
    make_ups: Vec<MakeUpOut<'a>>,
}

#[derive(Serialize)]
struct MakeUpOut<'a> {
    session: String,
    reason: &'a str,
}

#[derive(Serialize)]
struct OutsideOut<'a> {
    hours: f64,
    source: &'a str,
    date: NaiveDate,
    level: Option<&'static str>,
}

#[derive(Serialize)]
struct YearOut {
    year: i32,
    target: u32,
    /// province, city, county, elsewhere and total, as `report hours` shows them.
    #[serde(flatten)]
    hours: Hours,
    met: bool,
    short: f64,
}

impl<'a> RecordOut<'a> {
    fn new(shown: &'a Shown<'a>, lang: Lang) -> RecordOut<'a> {
        let cohorts = shown.record.cohorts.iter().map(|c| CohortOut {
            code: &c.code,
            name: &c.name,
            level: c.level.code(),
            start: c.start,
            end: c.end,
            sessions_attended: c.sessions_attended,
            sessions_total: c.sessions_total,
            credited_hours: hours(c.credited_minutes, c.hour_minutes),
            total_hours: hours(c.total_minutes, c.hour_minutes),
            hour_minutes: c.hour_minutes,
            standing: c.standing.code(),
            standing_text: standing_text(c, &shown.names, lang),
            failed_rule: failed_rule(&c.standing),
            substitute_for: c.substitute_for.as_ref().map(PersonId::as_str),
            make_ups: c
                .make_ups
                .iter()
                .map(|m| MakeUpOut {
                    session: m.session.code(),
                    reason: &m.reason,
                })
                .collect(),
        });
        let outside = shown.record.outside.iter().map(|o| OutsideOut {
            hours: tenths_value(o.tenths),
            source: &o.source,
            date: o.date,
            level: o.level.map(|l| l.code()),
        });
        RecordOut {
            person: PersonOut {
                line: PersonLine::new(shown.person, false),
                position: &shown.person.position,
            },
            retired: shown.record.retired.as_ref().map(|r| RetiredOut {
                from: r.from,
                reason: &r.reason,
            }),
            cohorts: cohorts.collect(),
            outside: outside.collect(),
            year: year_out(&shown.total),
            also_recorded_as: shown
                .also
                .iter()
                .map(|a| AlsoOut {
                    person_id: a.id.as_str(),
                    name: &a.name,
                    rule: a.rule,
                })
                .collect(),
        }
    }
}

fn year_out(t: &YearTotal) -> YearOut {
    YearOut {
        year: t.year,
        target: t.target,
        hours: t.hours.into(),
        met: t.met(),
        short: tenths_value(t.short_tenths()),
    }
}
