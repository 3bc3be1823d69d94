//! `lunxun demo`.

use crate::demo::{self, DemoOutcome};

use super::{CliResult, Ctx};

pub fn run(ctx: &Ctx) -> CliResult {
    let outcome = demo::install(&ctx.store, ctx.clock.now())?;
    Ok(match outcome {
        DemoOutcome::Installed { cohort, people, enrolled } => ctx.t(
            &format!("已载入演示数据：花名册 {people} 人，班次 {cohort}（{}）参训 {enrolled} 人。\n试试：lunxun search --cohort {cohort} lyt\n{cohort}\n", demo::DEMO_COHORT_NAME),
            &format!("demo loaded: {people} people in the register, cohort {cohort} ({}) with {enrolled} enrolled.\nTry: lunxun search --cohort {cohort} lyt\n{cohort}\n", demo::DEMO_COHORT_NAME),
        ),
        DemoOutcome::AlreadyThere { cohort } => ctx.t(
            &format!("演示数据已在此数据库中（班次 {cohort}），未作改动。\n{cohort}\n"),
            &format!("the demo is already in this database (cohort {cohort}); nothing changed\n{cohort}\n"),
        ),
    })
}
