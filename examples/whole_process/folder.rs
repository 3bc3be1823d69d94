//! The data folder the figures are taken on: two cohorts enrolled from small rosters
//! (untimed): the desk's (200) and the one the desk makes its thousands of check-ins on;
//! then the register imported from one GBK CSV into a third cohort (timed, in fresh
//! folders), which finds those people already there and adds everyone else.

use std::path::{Path, PathBuf};

use super::Options;
use super::measure::{Lunxun, Run, Spread, fail, ms};
use super::report::{Row, Table, Target, load_now, load_span};
use super::roster::{self, Rosters};

/// The clock of every timed run: Monday 2015-03-16, 08:35, day 1 of the desk's cohort.
pub const NOW: &str = "2015-03-16T08:35:00+08:00";

/// Cohorts, oldest first (the desk opens on the newest open one): (name, start, days,
/// created at).
const IMPORTED: (&str, &str, &str, &str) =
    ("全员导入", "2015-01-05", "5", "2015-01-05T09:00:00+08:00");
pub const HISTORY: (&str, &str, &str, &str) =
    ("签到千次", "2015-03-09", "10", "2015-03-09T09:00:00+08:00");
pub const DESK: (&str, &str, &str, &str) =
    ("第一期", "2015-03-16", "4", "2015-03-13T09:00:00+08:00");

/// Makes a cohort; its code.
pub fn cohort_new(lunxun: &Lunxun, dir: &Path, cohort: (&str, &str, &str, &str)) -> String {
    let (name, start, days, created) = cohort;
    let args = [
        "cohort", "new", "--name", name, "--start", start, "--days", days,
    ];
    let out = lunxun.run(Some(dir), &args, created).stdout;
    out.lines().last().unwrap_or_default().trim().to_string()
}

/// Imports the register into fresh folders `import_runs` times and keeps the last as
/// `imported`, with the desk's cohorts added. A binary that refuses the file in one
/// piece is recorded as refusing it, and the file is imported in `parts` instead.
pub fn import_phase(
    lunxun: &Lunxun,
    options: &Options,
    dir: &Path,
    n: usize,
    rosters: &Rosters,
    table: &mut Table,
) {
    let runs = options.import_runs(n);
    let bytes = std::fs::metadata(&rosters.register).map_or(0, |m| m.len());
    eprintln!(
        "import: {runs} × {} ({:.1} MB)",
        rosters.register.display(),
        bytes as f64 / 1e6
    );
    let load = load_now();
    let (mut walls, mut rss) = (Vec::new(), Vec::new());
    let mut last = None;
    for run in 0..runs {
        let target = fresh(dir, &format!("import-{run}"));
        let code = cohort_new(lunxun, &target, IMPORTED);
        add_desk_cohorts(lunxun, &target, rosters);
        let file = rosters.register.to_string_lossy();
        let args = ["import", &*file, "--cohort", &code];
        let done = lunxun.try_run(Some(&target), &args, NOW);
        // Before issue 12 the importer refused files over 32 MiB ("split it into smaller
        // files"): such a refusal is recorded and the file imported in parts. Any other
        // failure stops the harness.
        if !done.succeeded() && bytes > 32 << 20 {
            let refusal = refusal_text(&done, bytes, n);
            eprintln!("import REFUSED: {refusal}");
            table.refusals.push(refusal);
            let parts = roster::split(&rosters.register, n, options.seed, options.parts);
            let row = import_parts(lunxun, &target, &code, &parts, n, load);
            table.push(row);
            last = Some(target);
            break;
        }
        if !done.succeeded() {
            fail(&format!(
                "`lunxun {}` exited with {}:\n{}{}",
                args.join(" "),
                done.code,
                done.stdout,
                done.stderr
            ));
        }
        walls.push(ms(done.wall));
        rss.extend(done.peak_rss.map(|b| b as f64 / 1e6));
        eprintln!("  import {}: {:.2} s", run + 1, done.wall.as_secs_f64());
        if let Some(previous) = last.replace(target) {
            let _ = std::fs::remove_dir_all(previous);
        }
    }
    if !walls.is_empty() {
        table.push(Row {
            people: n,
            what: format!(
                "`import` of one GBK CSV ({:.0} MB), `--cohort`",
                bytes as f64 / 1e6
            ),
            time: Some(Spread::of(&walls)),
            quantiles: None,
            rss_mb: (!rss.is_empty()).then(|| Spread::of(&rss)),
            target: import_target(n),
            verdict: String::new(),
            load: load_span(load, load_now()),
        });
    }
    let imported = last.expect("at least one import run");
    let pristine = dir.join("imported");
    let _ = std::fs::remove_dir_all(&pristine);
    std::fs::rename(&imported, &pristine).expect("keep the imported folder");
}

/// What a refused one-piece import said, for the table.
fn refusal_text(done: &Run, bytes: u64, n: usize) -> String {
    let why = done
        .stderr
        .lines()
        .find(|l| !l.contains("LUNXUN_NOW"))
        .unwrap_or("");
    format!(
        "`lunxun import` of the {:.0} MB file of {n} people in one piece exited with {} \
         after {:.1} s: {why}",
        bytes as f64 / 1e6,
        done.code,
        done.wall.as_secs_f64()
    )
}

fn import_target(n: usize) -> Target {
    match n {
        100_000 => Target::Within {
            ms: 5000.0,
            mb: Some(250.0),
        },
        1_000_000 => Target::Within {
            ms: 60_000.0,
            mb: Some(1500.0),
        },
        _ => Target::None,
    }
}

/// The register in parts, one after another into the same folder: the time summed, the
/// peak the highest part's.
fn import_parts(
    lunxun: &Lunxun,
    dir: &Path,
    code: &str,
    parts: &[PathBuf],
    n: usize,
    load: Option<f64>,
) -> Row {
    let (mut total, mut peak) = (0.0, 0.0f64);
    for part in parts {
        let file = part.to_string_lossy();
        let done = lunxun.run(Some(dir), &["import", &*file, "--cohort", code], NOW);
        eprintln!(
            "  part {}: {:.2} s",
            part.display(),
            done.wall.as_secs_f64()
        );
        total += ms(done.wall);
        peak = peak.max(done.peak_rss.unwrap_or(0) as f64 / 1e6);
    }
    Row {
        people: n,
        what: format!(
            "`import` in {} parts, one after another (refused in one piece)",
            parts.len()
        ),
        time: Some(Spread::of(&[total])),
        quantiles: None,
        rss_mb: Some(Spread::of(&[peak])),
        target: import_target(n),
        verdict: String::new(),
        load: load_span(load, load_now()),
    }
}

/// The desk's two cohorts, enrolled from their rosters before the register is imported
/// (whose import then finds these 3,400 people already there), so that the journal's
/// last entry is the register's import, as after a user's import.
fn add_desk_cohorts(lunxun: &Lunxun, dir: &Path, rosters: &Rosters) {
    let history = cohort_new(lunxun, dir, HISTORY);
    let desk = cohort_new(lunxun, dir, DESK);
    for (file, code) in [
        (&rosters.history_file, &history),
        (&rosters.desk_file, &desk),
    ] {
        let file = file.to_string_lossy();
        lunxun.run(Some(dir), &["import", &*file, "--cohort", code], NOW);
    }
}

/// The code of the desk's cohort in a folder made by [`import_phase`].
pub fn desk_code(lunxun: &Lunxun, dir: &Path) -> String {
    let list = lunxun.run(Some(dir), &["cohort", "list"], NOW).stdout;
    list.lines()
        .find(|l| l.contains(DESK.0))
        .and_then(|l| l.split('\t').next())
        .map(str::to_string)
        .unwrap_or_else(|| fail(&format!("no cohort {} in:\n{list}", DESK.0)))
}

/// An empty folder `name` under `dir`.
fn fresh(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    let _ = std::fs::remove_dir_all(&path);
    std::fs::create_dir_all(&path).expect("a fresh folder");
    path
}

/// `to` made a copy of the data folder `from` (its backups left out).
pub fn copy_fresh(from: &Path, to: &Path) {
    let _ = std::fs::remove_dir_all(to);
    copy_dir(from, to).unwrap_or_else(|e| fail(&format!("cannot copy {}: {e}", from.display())));
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            if entry.file_name() != "backups" {
                copy_dir(&entry.path(), &target)?;
            }
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}
