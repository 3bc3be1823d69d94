//! `lunxun demo`.

use crate::demo::{self, DemoOutcome};

use crate::text::Commands;
use crate::tr;

use super::{CliResult, Ctx};

pub fn run(ctx: &Ctx) -> CliResult {
    let outcome = demo::install(&ctx.store, ctx.clock.now())?;
    Ok(match outcome {
        DemoOutcome::Installed {
            cohort,
            name,
            people,
            enrolled,
            past,
        } => {
            let past = past.map_or(String::new(), |code| {
                let name = demo::cohort_name(&code);
                tr!(ctx.lang, Commands::DemoPastCohort, code = code, name = name)
            });
            tr!(
                ctx.lang,
                Commands::DemoInstalled,
                people = people,
                cohort = cohort,
                name = name,
                enrolled = enrolled,
                past = past
            )
        }
        DemoOutcome::AlreadyThere { cohort } => {
            tr!(ctx.lang, Commands::DemoAlreadyThere, cohort = cohort)
        }
    })
}
