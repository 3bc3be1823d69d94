//! `lunxun export attendance`.

use crate::io::attendance_json;

use super::args::{ExportAttendanceArgs, ExportCommand, ExportFormat};
use super::{CliResult, Ctx, find_cohort, write_file};

pub fn run(command: ExportCommand, ctx: &Ctx) -> CliResult {
    match command {
        ExportCommand::Attendance(args) => attendance(args, ctx),
        ExportCommand::Coverage(args) => super::coverage::export(args, ctx),
    }
}

fn attendance(args: ExportAttendanceArgs, ctx: &Ctx) -> CliResult {
    let cohort = find_cohort(ctx, &args.cohort)?;
    let roster = ctx.store.roster(&cohort.code)?;
    let events = ctx.store.events(&cohort.code)?;
    let text = match args.format {
        ExportFormat::Json => {
            let export = attendance_json::build(&cohort, &roster, &events);
            serde_json::to_string_pretty(&export).expect("export serialises") + "\n"
        }
    };
    match args.output {
        None => Ok(text),
        Some(path) => {
            write_file(&path, &text)?;
            Ok(ctx.t(
                &format!("已导出到 {}\n", path.display()),
                &format!("written to {}\n", path.display()),
            ))
        }
    }
}
