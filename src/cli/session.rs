//! `lunxun session close|reopen --cohort C --session DAY:SLOT`, and the message every
//! command gives for a write that a closed cohort or session refuses.

use clap::{Args, Subcommand};

use crate::domain::{Closed, Session, SessionChange};
use crate::store::CohortChange;

use super::{CliError, CliResult, Ctx, find_cohort, pick_session};

#[derive(Debug, Subcommand)]
pub enum SessionCommand {
    /// Close a session: people without a check-in count as absent, and its attendance
    /// is not changed until it is reopened
    Close(SessionArgs),
    /// Reopen a closed session, to correct its attendance
    Reopen(SessionArgs),
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
    };
    let cohort = find_cohort(ctx, &args.cohort)?;
    let session = pick_session(ctx, &cohort, Some(&args.session))?;
    let code = &cohort.code;
    match ctx.store.change_session(code, session, change)? {
        CohortChange::Refused(closed) => Err(closed_error(ctx, code, closed)),
        // Found above, and only this process can use the folder: says "unknown cohort".
        CohortChange::Missing => find_cohort(ctx, code).map(|_| String::new()),
        CohortChange::Unchanged(_) => Ok(unchanged(ctx, session, change)),
        CohortChange::Changed(_) => Ok(changed(ctx, session, change)),
    }
}

fn changed(ctx: &Ctx, s: Session, change: SessionChange) -> String {
    match change {
        SessionChange::Close => ctx.t(
            &format!("✓ 场次 {s} 已结束：未签到者计为缺勤\n"),
            &format!("✓ session {s} closed: no check-in counts as absent\n"),
        ),
        SessionChange::Reopen => ctx.t(
            &format!("✓ 场次 {s} 已重新开放，可以更正签到\n"),
            &format!("✓ session {s} reopened: its attendance can be corrected\n"),
        ),
    }
}

fn unchanged(ctx: &Ctx, s: Session, change: SessionChange) -> String {
    match change {
        SessionChange::Close => ctx.t(
            &format!("= 场次 {s} 已经结束，未重复记录\n"),
            &format!("= session {s} is already closed; nothing recorded\n"),
        ),
        SessionChange::Reopen => ctx.t(
            &format!("= 场次 {s} 没有结束，无需重新开放\n"),
            &format!("= session {s} is not closed; nothing to reopen\n"),
        ),
    }
}

/// A write refused because the cohort or the session is closed (exit 2, nothing
/// written), saying how to reopen a session.
pub(super) fn closed_error(ctx: &Ctx, code: &str, closed: Closed) -> CliError {
    CliError::Input(match closed {
        Closed::Cohort => ctx.t(
            &format!("班次 {code} 已结束，只能查询；未记录任何内容。"),
            &format!("cohort {code} is closed: look-up only; nothing recorded"),
        ),
        Closed::Session(s) => ctx.t(
            &format!(
                "班次 {code} 的场次 {s} 已结束，未记录。如需更正，先重新开放：lunxun session reopen --cohort {code} --session {s}"
            ),
            &format!(
                "session {s} of cohort {code} is closed; nothing recorded. To correct it, reopen it first: lunxun session reopen --cohort {code} --session {s}"
            ),
        ),
    })
}
