//! `lunxun demo`.

use crate::demo::{self, DemoOutcome};

use super::{CliResult, Ctx};

pub fn run(ctx: &Ctx) -> CliResult {
    let outcome = demo::install(&ctx.store, ctx.clock.now())?;
    Ok(match outcome {
        DemoOutcome::Installed { cohort, name, people, enrolled, past } => {
            let (past_zh, past_en) = match past {
                Some(code) => (
                    format!("另有本年已结束的班次 {code}（{}）。\n", demo::cohort_name(&code)),
                    format!("Also a closed cohort earlier this year: {code} ({}).\n", demo::cohort_name(&code)),
                ),
                None => (String::new(), String::new()),
            };
            ctx.t(
                &format!("已载入演示数据：花名册 {people} 人，班次 {cohort}（{name}）参训 {enrolled} 人，今天是第 2 天。\n{past_zh}试试：lunxun search --cohort {cohort} lyt\n{cohort}\n"),
                &format!("demo loaded: {people} people in the register, cohort {cohort} ({name}) with {enrolled} enrolled; today is its day 2.\n{past_en}Try: lunxun search --cohort {cohort} lyt\n{cohort}\n"),
            )
        }
        DemoOutcome::AlreadyThere { cohort } => ctx.t(
            &format!("演示数据已在此数据库中（班次 {cohort}），未作改动。\n{cohort}\n"),
            &format!("the demo is already in this database (cohort {cohort}); nothing changed\n{cohort}\n"),
        ),
    })
}
