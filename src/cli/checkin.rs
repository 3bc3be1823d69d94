//! `lunxun checkin` and `lunxun undo`: the command line's side of [`crate::ops::checkin`].
//! A confirmation is printed only after the store has returned from its durable commit.

use clap::Args;

use crate::domain::attendance::{AttendanceStatus, Refusal};
use crate::domain::{Cohort, Person, Session};
use crate::ops::checkin::{self as ops, CheckIn, CheckInError, CheckedIn, Where};
use crate::text::{Arg, Attendance, Lang, SigningOut};

use super::session::closed_error;
use super::{CliError, CliResult, Ctx, find_cohort, find_person, pick_session};

/// Whose attendance in which session: what `checkin` and `undo` both name.
#[derive(Debug, Args)]
pub struct Attendee {
    #[arg(long, value_name = "CODE")]
    pub cohort: String,
    #[arg(long, value_name = "ID")]
    pub person: String,
    /// DAY:SLOT, e.g. 2:pm (default: the session the clock is in)
    #[arg(long)]
    pub session: Option<String>,
}

#[derive(Debug, Args)]
pub struct CheckinArgs {
    #[command(flatten)]
    pub attendee: Attendee,
    /// present, late or leave (default: present, or late after start + grace)
    #[arg(long)]
    pub status: Option<String>,
    /// Reason, e.g. for leave
    #[arg(long)]
    pub reason: Option<String>,
    /// Someone not on the cohort's roster: enrol them as a walk-in (现场增补) and check
    /// them in, as the desk's Enter does (default: refuse)
    #[arg(long)]
    pub walk_in: bool,
}

#[derive(Debug, Args)]
pub struct UndoArgs {
    #[command(flatten)]
    pub attendee: Attendee,
}

/// The cohort, the person and the session named, each looked up.
pub(super) fn find(ctx: &Ctx, who: &Attendee) -> Result<(Cohort, Person, Session), CliError> {
    let cohort = find_cohort(ctx, &who.cohort)?;
    let person = find_person(ctx, &who.person)?;
    let session = pick_session(ctx, &cohort, who.session.as_deref())?;
    Ok((cohort, person, session))
}

pub fn check_in(args: CheckinArgs, ctx: &Ctx) -> CliResult {
    let (cohort, person, session) = find(ctx, &args.attendee)?;
    let status = args.status.as_deref().map(ops::parse_status).transpose();
    let status = status.map_err(|r| CliError::Input(r.message(ctx.lang)))?;
    let at = Where {
        cohort: &cohort,
        session,
    };
    let input = CheckIn {
        at,
        person: &person,
        status,
        reason: args.reason,
        walk_in: args.walk_in,
    };
    match ops::check_in(&ctx.store, ctx.clock.now(), input) {
        Ok(done) => Ok(confirmation(ctx.lang, &person, session, &done)),
        Err(e) => refused(ctx, at, &person, e),
    }
}

pub fn undo(args: UndoArgs, ctx: &Ctx) -> CliResult {
    let (cohort, person, session) = find(ctx, &args.attendee)?;
    let at = Where {
        cohort: &cohort,
        session,
    };
    let input = ops::Undo {
        at,
        person: &person.id,
    };
    match ops::undo(&ctx.store, ctx.clock.now(), input) {
        Ok(undone) => {
            let entry = if undone.sign_out {
                SigningOut::SignOutCliUndone.get(ctx.lang)
            } else {
                Attendance::CliUndone.get(ctx.lang)
            };
            Ok(crate::text::fill(
                entry,
                &[
                    Arg("name", &person.name),
                    Arg("session", &session),
                    Arg("target", &undone.target),
                ],
            ))
        }
        Err(e) => refused(ctx, at, &person, e),
    }
}

fn confirmation(lang: Lang, person: &Person, session: Session, done: &CheckedIn) -> String {
    let unit = if person.unit.is_empty() {
        "—"
    } else {
        &person.unit
    };
    let entry = if done.enrolled {
        Attendance::CliWalkedIn
    } else {
        Attendance::CliCheckedIn
    };
    crate::tr!(
        lang,
        entry,
        name = person.name,
        unit = unit,
        session = session,
        time = done.event.at.format("%H:%M"),
        status = done.status.label(lang)
    )
}

/// "Already so" is an answer (exit 0, nothing written); not on the roster, a closed
/// cohort or session is a refusal (exit 2, nothing written).
fn refused(ctx: &Ctx, at: Where<'_>, person: &Person, error: CheckInError) -> CliResult {
    match error {
        CheckInError::NotOnRoster(not) => Err(CliError::Input(not.message(ctx.lang))),
        CheckInError::Invalid(invalid) => Err(CliError::Input(invalid.message(ctx.lang))),
        CheckInError::Store(e) => Err(e.into()),
        CheckInError::Refused(Refusal::Closed(closed)) => {
            Err(closed_error(ctx, &at.cohort.code, closed))
        }
        CheckInError::Refused(other) => Ok(answer(ctx.lang, person, at.session, &other)),
    }
}

fn answer(lang: Lang, person: &Person, session: Session, refusal: &Refusal) -> String {
    let describe =
        |s: &AttendanceStatus| format!("{} {}", s.at.format("%H:%M"), s.status.label(lang));
    let (entry, when) = match refusal {
        Refusal::AlreadyCheckedIn(s) => (Attendance::CliAlreadyIn, describe(s)),
        Refusal::AlreadyOnLeave(s) => (Attendance::CliAlreadyOnLeave, describe(s)),
        Refusal::NothingToUndo => (Attendance::CliNothingToUndo, String::new()),
        Refusal::Closed(_) => unreachable!("a closed cohort or session is refused above"),
    };
    crate::tr!(
        lang,
        entry,
        name = person.name,
        session = session,
        when = when
    )
}
