//! `lunxun signout`: the command line's side of [`crate::ops::signout`]. The time is the
//! clock's (LUNXUN_NOW in tests). Early leave without `--reason` is refused (exit 2) with
//! how to give one; a confirmation is printed only after the durable commit.

use clap::Args;

use crate::domain::sign_out::SignOutRefusal;
use crate::ops::checkin::Where;
use crate::ops::signout::{self as ops, SignOut, SignOutError, SignedOut};
use crate::text::{Lang, SigningOut};
use crate::tr;

use super::checkin::{Attendee, find};
use super::session::closed_error;
use super::{CliError, CliResult, Ctx};

#[derive(Debug, Args)]
pub struct SignoutArgs {
    #[command(flatten)]
    pub attendee: Attendee,
    /// Why they leave early (早退): needed when leaving more than the cohort's
    /// early-leave minutes before the session's end
    #[arg(long)]
    pub reason: Option<String>,
}

pub fn run(args: SignoutArgs, ctx: &Ctx) -> CliResult {
    let (cohort, person, session) = find(ctx, &args.attendee)?;
    let at = Where {
        cohort: &cohort,
        session,
    };
    let input = SignOut {
        at,
        person: &person.id,
        reason: args.reason,
    };
    let lang = ctx.lang;
    match ops::sign_out(&ctx.store, ctx.clock.now(), input) {
        Ok(done) => Ok(confirmation(lang, &person.name, at, &done)),
        Err(SignOutError::Store(e)) => Err(e.into()),
        Err(SignOutError::Refused(SignOutRefusal::Closed(closed))) => {
            Err(closed_error(ctx, &cohort.code, closed))
        }
        Err(SignOutError::Refused(refusal @ SignOutRefusal::AlreadySignedOut(_))) => Ok(tr!(
            lang,
            SigningOut::SignOutCliAnswer,
            name = person.name,
            session = session,
            why = refusal.message(lang)
        )),
        Err(SignOutError::Refused(refusal @ SignOutRefusal::ReasonNeeded { .. })) => {
            let how = tr!(lang, SigningOut::SignOutCliAddReason);
            let why = refusal.message(lang);
            Err(CliError::Input(format!("{}: {why}\n{how}", person.name)))
        }
        Err(SignOutError::Refused(refusal)) => Err(CliError::Input(format!(
            "{}: {}",
            person.name,
            refusal.message(lang)
        ))),
    }
}

fn confirmation(lang: Lang, name: &str, at: Where<'_>, done: &SignedOut) -> String {
    let time = done.event.at.format("%H:%M");
    match done.early {
        None => tr!(
            lang,
            SigningOut::SignOutCliDone,
            name = name,
            session = at.session,
            time = time
        ),
        Some(minutes) => tr!(
            lang,
            SigningOut::SignOutCliEarly,
            name = name,
            session = at.session,
            time = time,
            minutes = minutes,
            reason = done.reason.as_deref().unwrap_or("—")
        ),
    }
}
