//! `lunxun session close|reopen --cohort C --session DAY:SLOT`, `lunxun session list
//! --cohort C [--json]` (every session's counts, and per desk), and the message every
//! command gives for a write that a closed cohort or session refuses.

use clap::{Args, Subcommand};

use crate::domain::{Closed, Session, SessionChange};
use crate::ops::OpError;
use crate::ops::session::{self as op, SessionClosing};
use crate::text::Cohorts as C;
use crate::tr;

use super::{CliError, CliResult, Ctx, find_cohort, op_error, pick_session};

#[derive(Debug, Subcommand)]
pub enum SessionCommand {
    /// Close a session: people without a check-in count as absent, and its attendance
    /// is not changed until it is reopened
    Close(SessionArgs),
    /// Reopen a closed session, to correct its attendance
    Reopen(SessionArgs),
    /// List the cohort's sessions with their counts, and how many each desk recorded
    List {
        #[arg(long, value_name = "CODE")]
        cohort: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Args)]
pub struct SessionArgs {
    #[arg(long, value_name = "CODE")]
    pub cohort: String,
    /// DAY:SLOT, e.g. 2:am
    #[arg(long, value_name = "DAY:SLOT")]
    pub session: String,
}

pub fn run(command: SessionCommand, ctx: &Ctx) -> CliResult {
    let (args, change) = match command {
        SessionCommand::Close(args) => (args, SessionChange::Close),
        SessionCommand::Reopen(args) => (args, SessionChange::Reopen),
        SessionCommand::List { cohort, json } => {
            return super::session_list::run(&cohort, json, ctx);
        }
    };
    let cohort = find_cohort(ctx, &args.cohort)?;
    let session = pick_session(ctx, &cohort, Some(&args.session))?;
    let code = &cohort.code;
    match op::change(&ctx.store, code, session, change, ctx.clock.now()) {
        Err(OpError::Closed(closed)) => Err(closed_error(ctx, code, closed)),
        Err(e) => Err(op_error(ctx, e)),
        Ok(SessionClosing::Unchanged(_)) => Ok(said(ctx, session, change, false)),
        Ok(SessionClosing::Changed(_)) => Ok(said(ctx, session, change, true)),
    }
}

fn said(ctx: &Ctx, s: Session, change: SessionChange, changed: bool) -> String {
    let entry = match (change, changed) {
        (SessionChange::Close, true) => C::CliSessionClosed,
        (SessionChange::Reopen, true) => C::CliSessionReopened,
        (SessionChange::Close, false) => C::CliSessionAlreadyClosed,
        (SessionChange::Reopen, false) => C::CliSessionNotClosed,
    };
    tr!(ctx.lang, entry, session = s) + "\n"
}

/// A write refused because the cohort or the session is closed (exit 2, nothing
/// written), saying how to reopen it.
pub(super) fn closed_error(ctx: &Ctx, code: &str, closed: Closed) -> CliError {
    let refusal = closed.message(ctx.lang);
    CliError::Input(match closed {
        Closed::Cohort => refusal,
        Closed::Session(s) => tr!(
            ctx.lang,
            C::CliSessionClosedRefused,
            refusal = refusal,
            code = code,
            session = s
        ),
    })
}
