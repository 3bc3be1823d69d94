//! `lunxun session list --cohort C [--json]`: every session of a cohort with its counts
//! of the people enrolled, and how many of its marks each desk recorded (the desk whose
//! event gives a person's status; desks by name when this folder knows one).

use serde_json::json;

use crate::ops::session::{DeskLine, SessionLine, list};
use crate::text::PerDesk as T;
use crate::tr;

use super::{CliResult, Ctx, op_error};

pub fn run(code: &str, json: bool, ctx: &Ctx) -> CliResult {
    let (cohort, lines) = list(&ctx.store, code).map_err(|e| op_error(ctx, e))?;
    if json {
        let sessions: Vec<_> = lines.iter().map(json_line).collect();
        let out = json!({ "cohort": cohort.code, "uid": cohort.uid, "sessions": sessions });
        return Ok(serde_json::to_string_pretty(&out).expect("json") + "\n");
    }
    let enrolled = lines.first().map_or(0, |l| l.enrolled);
    let mut out = tr!(
        ctx.lang,
        T::PerDeskListTitle,
        name = cohort.name,
        code = cohort.code,
        enrolled = enrolled
    );
    for line in &lines {
        out.push_str(&text_line(ctx, line));
        let mut desks: Vec<&DeskLine> = line.desks.iter().collect();
        desks.sort_by(|a, b| label(a).cmp(label(b)));
        for desk in desks {
            out.push_str(&tr!(
                ctx.lang,
                T::PerDeskListDesk,
                desk = label(desk),
                present = desk.present,
                late = desk.late,
                leave = desk.leave
            ));
        }
    }
    Ok(out)
}

fn text_line(ctx: &Ctx, line: &SessionLine) -> String {
    let missing = match line.closed {
        true => tr!(ctx.lang, T::PerDeskListAbsent, count = line.missing),
        false => tr!(ctx.lang, T::PerDeskListNotYet, count = line.missing),
    };
    let at = |f: &str| line.starts_at.map(|t| t.format(f).to_string());
    tr!(
        ctx.lang,
        T::PerDeskListLine,
        session = line.session,
        date = at("%m-%d").unwrap_or_default(),
        time = at("%H:%M").unwrap_or_default(),
        present = line.present,
        late = line.late,
        leave = line.leave,
        missing = missing
    )
}

fn label(desk: &DeskLine) -> &str {
    desk.name.as_deref().unwrap_or(&desk.desk)
}

fn json_line(line: &SessionLine) -> serde_json::Value {
    json!({
        "session": line.session.code(),
        "starts_at": line.starts_at.map(|t| t.format("%Y-%m-%d %H:%M").to_string()),
        "closed": line.closed,
        "enrolled": line.enrolled,
        "present": line.present,
        "late": line.late,
        "leave": line.leave,
        "missing": line.missing,
        "desks": line.desks,
    })
}
