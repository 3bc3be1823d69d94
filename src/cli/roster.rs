//! `lunxun enrol`, `unenrol`, `substitute`, `makeup`, `change undo` and `roster`.

use clap::{Args, Subcommand};
use serde::Serialize;

use crate::domain::register::{Change, RegisterFacts};
use crate::domain::{Cohort, Person, mask};
use crate::ops::roster::{self as op, Enrolled};
use crate::ops::roster_undo;
use crate::text::{Lang, Rosters as R};
use crate::tr;

use super::people_out::PersonOut;
use super::{CliResult, Ctx, find_cohort, find_person, op_error, pick_session};

#[derive(Debug, Args)]
pub struct EnrolArgs {
    #[arg(long, value_name = "CODE")]
    pub cohort: String,
    /// The person's id (`lunxun search` shows it)
    #[arg(long, value_name = "ID")]
    pub person: String,
}

#[derive(Debug, Args)]
pub struct UnenrolArgs {
    #[arg(long, value_name = "CODE")]
    pub cohort: String,
    #[arg(long, value_name = "ID")]
    pub person: String,
    /// Why they leave the cohort (required), e.g. 病假
    #[arg(long)]
    pub reason: String,
}

#[derive(Debug, Args)]
pub struct SubstituteArgs {
    #[arg(long, value_name = "CODE")]
    pub cohort: String,
    /// The person replaced (on the roster now)
    #[arg(long, value_name = "ID")]
    pub out: String,
    /// The person who takes their place (enrolled by this command)
    #[arg(long = "in", value_name = "ID")]
    pub incoming: String,
    /// Why (required), e.g. 工作调动
    #[arg(long)]
    pub reason: String,
}

#[derive(Debug, Args)]
pub struct MakeupArgs {
    #[arg(long, value_name = "CODE")]
    pub cohort: String,
    #[arg(long, value_name = "ID")]
    pub person: String,
    /// The session made up, DAY:SLOT (e.g. 2:pm); it must have ended
    #[arg(long, value_name = "DAY:SLOT")]
    pub session: String,
    /// How it was made up (required), e.g. 观看录像并提交心得
    #[arg(long)]
    pub reason: String,
}

#[derive(Debug, Subcommand)]
pub enum ChangeCommand {
    /// Undo an enrolment, withdrawal, substitution or make-up by its id (recorded as an undo)
    Undo {
        /// The change's id, as printed when it was made
        id: String,
    },
}

#[derive(Debug, Args)]
pub struct RosterArgs {
    #[arg(long, value_name = "CODE")]
    pub cohort: String,
    /// Print JSON (phone and ID number masked)
    #[arg(long)]
    pub json: bool,
}

pub fn enrol(args: EnrolArgs, ctx: &Ctx) -> CliResult {
    let (cohort, person) = (
        find_cohort(ctx, &args.cohort)?,
        find_person(ctx, &args.person)?,
    );
    let done = op::enrol(&ctx.store, ctx.clock.now(), &cohort, &person);
    let (name, code) = (&person.name, &cohort.code);
    Ok(match done.map_err(|e| op_error(ctx, e))? {
        Enrolled::Already => tr!(ctx.lang, R::RosterAlreadyEnrolled, name = name, code = code),
        Enrolled::New(event) => {
            let line = tr!(ctx.lang, R::RosterEnrolDone, name = name, code = code);
            with_undo(ctx.lang, line, &event.id)
        }
        Enrolled::Back { event, reason } => {
            let line = tr!(
                ctx.lang,
                R::RosterReEnrolDone,
                name = name,
                code = code,
                reason = reason
            );
            with_undo(ctx.lang, line, &event.id)
        }
    } + "\n")
}

pub fn unenrol(args: UnenrolArgs, ctx: &Ctx) -> CliResult {
    let (cohort, person) = (
        find_cohort(ctx, &args.cohort)?,
        find_person(ctx, &args.person)?,
    );
    let event = op::unenrol(&ctx.store, ctx.clock.now(), &cohort, &person, &args.reason)
        .map_err(|e| op_error(ctx, e))?;
    let line = tr!(
        ctx.lang,
        R::RosterUnenrolDone,
        name = person.name,
        code = cohort.code,
        reason = args.reason.trim()
    );
    Ok(with_undo(ctx.lang, line, &event.id) + "\n")
}

pub fn substitute(args: SubstituteArgs, ctx: &Ctx) -> CliResult {
    let cohort = find_cohort(ctx, &args.cohort)?;
    let outgoing = find_person(ctx, &args.out)?;
    let incoming = find_person(ctx, &args.incoming)?;
    let now = ctx.clock.now();
    let event = op::substitute(&ctx.store, now, &cohort, &outgoing, &incoming, &args.reason)
        .map_err(|e| op_error(ctx, e))?;
    let line = tr!(
        ctx.lang,
        R::RosterSubstituteDone,
        code = cohort.code,
        incoming = incoming.name,
        outgoing = outgoing.name,
        reason = args.reason.trim()
    );
    Ok(with_undo(ctx.lang, line, &event.id) + "\n")
}

pub fn makeup(args: MakeupArgs, ctx: &Ctx) -> CliResult {
    let (cohort, person) = (
        find_cohort(ctx, &args.cohort)?,
        find_person(ctx, &args.person)?,
    );
    let session = pick_session(ctx, &cohort, Some(&args.session))?;
    let now = ctx.clock.now();
    let event = op::make_up(&ctx.store, now, &cohort, &person, session, &args.reason)
        .map_err(|e| op_error(ctx, e))?;
    let line = tr!(
        ctx.lang,
        R::RosterMakeUpDone,
        name = person.name,
        session = session.label(ctx.lang),
        reason = args.reason.trim()
    );
    Ok(with_undo(ctx.lang, line, &event.id) + "\n")
}

/// The outcome's line, then how to undo it, then the change's id alone on the last line.
fn with_undo(lang: Lang, line: String, id: &str) -> String {
    let hint = tr!(lang, R::RosterUndoHint, id = id);
    format!("{line}\n{hint}\n{id}")
}

pub fn change(command: ChangeCommand, ctx: &Ctx) -> CliResult {
    let ChangeCommand::Undo { id } = command;
    let done = roster_undo::undo(&ctx.store, ctx.clock.now(), &id).map_err(|e| op_error(ctx, e))?;
    let what = describe(ctx, &done.target.change)?;
    Ok(tr!(
        ctx.lang,
        R::ChangeUndoDone,
        id = done.target.id,
        what = what
    ) + "\n")
}

/// A roster change in words: who, which cohort.
fn describe(ctx: &Ctx, change: &Change) -> Result<String, super::CliError> {
    let name = |id| -> Result<String, super::CliError> {
        Ok(ctx
            .store
            .person(id)?
            .map_or_else(|| id.to_string(), |p| p.name))
    };
    let lang = ctx.lang;
    Ok(match change {
        Change::Enrolled { cohort, person, .. } => {
            tr!(
                lang,
                R::ChangeWhatEnrolled,
                name = name(person)?,
                code = cohort
            )
        }
        Change::Unenrolled { cohort, person, .. } => {
            tr!(
                lang,
                R::ChangeWhatUnenrolled,
                name = name(person)?,
                code = cohort
            )
        }
        Change::Substituted {
            cohort,
            replaced,
            replacement,
            ..
        } => tr!(
            lang,
            R::ChangeWhatSubstituted,
            code = cohort,
            incoming = name(replacement)?,
            outgoing = name(replaced)?
        ),
        Change::MakeUp {
            person, session, ..
        } => tr!(
            lang,
            R::ChangeWhatMakeUp,
            name = name(person)?,
            session = session.label(lang)
        ),
        Change::PersonsJoined { kept, joined, .. } => tr!(
            lang,
            crate::text::PeopleMerge::PeopleMergeWhat,
            joined_name = name(joined)?,
            kept_name = name(kept)?
        ),
        // `change undo` reverts only the roster changes above and joins; never the Debug form of
        // another (a person edit's would hold a phone or ID number in full).
        other => serde_json::to_value(other)
            .ok()
            .and_then(|v| v.get("type").and_then(|t| t.as_str()).map(String::from))
            .unwrap_or_default(),
    })
}

/// One person on the roster as listed, with how they stand on it.
#[derive(Serialize)]
struct RosterRow {
    #[serde(flatten)]
    person: PersonOut,
    /// enrolled, withdrawn, replaced or substitute.
    standing: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    replaced_by: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    substitute_for: Option<String>,
    #[serde(skip)]
    note: String,
}

/// `lunxun roster`: everyone enrolled, withdrawn and replaced people too, marked.
pub fn roster(args: RosterArgs, ctx: &Ctx) -> CliResult {
    let cohort = find_cohort(ctx, &args.cohort)?;
    let people = ctx.store.roster(&cohort.code)?;
    let facts = ctx.store.register_facts()?;
    let rows = people
        .iter()
        .map(|p| row(ctx, &cohort, &facts, p))
        .collect::<Result<Vec<_>, _>>()?;
    if args.json {
        return Ok(serde_json::to_string_pretty(&rows).expect("people serialise") + "\n");
    }
    let mut out = String::new();
    for (p, r) in people.iter().zip(&rows) {
        let phone = p.phone.as_deref().map(mask::phone).unwrap_or_default();
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}",
            p.id, p.name, p.unit, p.county, p.township, p.position, phone
        ));
        if !r.note.is_empty() {
            out.push_str(&format!("\t{}", r.note));
        }
        out.push('\n');
    }
    Ok(out)
}

fn row(
    ctx: &Ctx,
    cohort: &Cohort,
    facts: &RegisterFacts,
    p: &Person,
) -> Result<RosterRow, super::CliError> {
    let name_of = |id| -> Result<String, super::CliError> {
        Ok(ctx
            .store
            .person(id)?
            .map_or_else(|| id.to_string(), |p| p.name))
    };
    let mut row = RosterRow {
        person: PersonOut::masked(p),
        standing: "enrolled",
        reason: None,
        replaced_by: None,
        substitute_for: None,
        note: String::new(),
    };
    let lang = ctx.lang;
    if let Some(w) = facts.withdrawal(&cohort.code, &p.id) {
        row.reason = Some(w.reason.clone());
        match &w.replaced_by {
            None => {
                row.standing = "withdrawn";
                row.note = tr!(lang, R::RosterListWithdrawn, reason = w.reason);
            }
            Some(by) => {
                let by = name_of(by)?;
                row.standing = "replaced";
                row.note = tr!(lang, R::RosterListReplaced, name = by, reason = w.reason);
                row.replaced_by = Some(by);
            }
        }
    } else if let Some(replaced) = facts
        .substitute_for
        .get(&(cohort.code.clone(), p.id.clone()))
    {
        let replaced = name_of(replaced)?;
        row.standing = "substitute";
        row.note = tr!(lang, R::RosterListSubstitute, name = replaced);
        row.substitute_for = Some(replaced);
    }
    Ok(row)
}
