//! `lunxun checkin` and `lunxun undo`. A confirmation is printed only after the
//! store has returned from its durable commit.

use crate::domain::attendance::{self, AttendanceStatus, CheckInStatus, EventKind, Refusal};
use crate::domain::{Cohort, Person, Session};
use crate::store::{CheckInOutcome, DeskRequest};
use crate::text::Lang;

use super::args::{CheckinArgs, UndoArgs};
use super::session::closed_error;
use super::{CliError, CliResult, Ctx, find_cohort, find_person, pick_session};

pub fn check_in(args: CheckinArgs, ctx: &Ctx) -> CliResult {
    let cohort = find_cohort(ctx, &args.cohort)?;
    let person = find_person(ctx, &args.person)?;
    let session = pick_session(ctx, &cohort, args.session.as_deref())?;
    require_enrolled(ctx, &cohort, &person)?;
    let now = ctx.clock.now();
    let status = match args.status.as_deref() {
        None => attendance::arrival_status(&cohort, session, now.naive_local()),
        Some(text) => CheckInStatus::parse(text).ok_or_else(|| {
            CliError::Input(ctx.t(
                &format!("状态“{text}”无效；可选 present、late、leave。"),
                &format!("bad status '{text}': use present, late or leave"),
            ))
        })?,
    };
    let request = DeskRequest {
        cohort: &cohort.code,
        person: &person.id,
        session,
        at: now,
    };
    let reason = args
        .reason
        .map(|r| r.trim().to_string())
        .filter(|r| !r.is_empty());
    match ctx.store.check_in(&request, status, reason)? {
        CheckInOutcome::Recorded(_) => Ok(confirmation(ctx.lang, &person, session, now, status)),
        CheckInOutcome::Refused(refusal) => refused(ctx, &cohort, &person, session, &refusal),
    }
}

pub fn undo(args: UndoArgs, ctx: &Ctx) -> CliResult {
    let cohort = find_cohort(ctx, &args.cohort)?;
    let person = find_person(ctx, &args.person)?;
    let session = pick_session(ctx, &cohort, args.session.as_deref())?;
    let request = DeskRequest {
        cohort: &cohort.code,
        person: &person.id,
        session,
        at: ctx.clock.now(),
    };
    match ctx.store.undo(&request)? {
        CheckInOutcome::Recorded(event) => {
            let EventKind::Undo { target } = &event.kind else {
                unreachable!("undo records an undo event")
            };
            Ok(match ctx.lang {
                Lang::Zh => format!("↶ 已撤销 {} 在 {session} 的记录（{target}）\n", person.name),
                Lang::En => format!(
                    "↶ undid {}'s record for {session} ({target})\n",
                    person.name
                ),
            })
        }
        CheckInOutcome::Refused(refusal) => refused(ctx, &cohort, &person, session, &refusal),
    }
}

fn require_enrolled(ctx: &Ctx, cohort: &Cohort, person: &Person) -> Result<(), CliError> {
    if ctx.store.is_enrolled(&cohort.code, &person.id)? {
        return Ok(());
    }
    Err(CliError::Input(ctx.t(
        &format!(
            "{} 不在班次 {} 的名单中；可用 person add --cohort 增补。",
            person.name, cohort.code
        ),
        &format!(
            "{} is not enrolled in cohort {}; add them with `person add --cohort`",
            person.name, cohort.code
        ),
    )))
}

fn status_word(lang: Lang, status: CheckInStatus) -> &'static str {
    match lang {
        Lang::Zh => status.zh(),
        Lang::En => status.code(),
    }
}

fn confirmation(
    lang: Lang,
    person: &Person,
    session: Session,
    now: chrono::DateTime<chrono::FixedOffset>,
    status: CheckInStatus,
) -> String {
    let unit = if person.unit.is_empty() {
        "—"
    } else {
        &person.unit
    };
    format!(
        "✓ {} · {unit} · {session} {} {}\n",
        person.name,
        now.format("%H:%M"),
        status_word(lang, status)
    )
}

/// "Already so" is an answer (exit 0, nothing written); a closed cohort or session is
/// a refusal (exit 2, nothing written).
fn refused(
    ctx: &Ctx,
    cohort: &Cohort,
    person: &Person,
    session: Session,
    refusal: &Refusal,
) -> CliResult {
    match refusal {
        Refusal::Closed(closed) => Err(closed_error(ctx, &cohort.code, *closed)),
        other => Ok(answer(ctx.lang, person, session, other)),
    }
}

fn answer(lang: Lang, person: &Person, session: Session, refusal: &Refusal) -> String {
    let describe =
        |s: &AttendanceStatus| format!("{} {}", s.at.format("%H:%M"), status_word(lang, s.status));
    match (refusal, lang) {
        (Refusal::AlreadyCheckedIn(s), Lang::Zh) => format!(
            "= {} 已于 {} 在 {session} 签到，未重复记录\n",
            person.name,
            describe(s)
        ),
        (Refusal::AlreadyCheckedIn(s), Lang::En) => format!(
            "= {} already checked in for {session} ({}); nothing recorded\n",
            person.name,
            describe(s)
        ),
        (Refusal::AlreadyOnLeave(s), Lang::Zh) => format!(
            "= {} 在 {session} 已请假（{}），未重复记录\n",
            person.name,
            describe(s)
        ),
        (Refusal::AlreadyOnLeave(s), Lang::En) => format!(
            "= {} is already on leave for {session} ({}); nothing recorded\n",
            person.name,
            describe(s)
        ),
        (Refusal::NothingToUndo, Lang::Zh) => {
            format!("= {} 在 {session} 没有可撤销的记录\n", person.name)
        }
        (Refusal::NothingToUndo, Lang::En) => {
            format!("= {} has nothing to undo for {session}\n", person.name)
        }
        (Refusal::Closed(_), _) => unreachable!("a closed cohort or session is refused above"),
    }
}
