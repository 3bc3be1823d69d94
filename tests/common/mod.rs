//! What the test files share. This module runs the built binary on a data folder with
//! a fixed clock and language, untouched by the caller's own lunxun settings; the others:
//! - [`fixtures`]: cohort and person records for tests that write to the store directly;
//! - [`app`]: the desk's [`lunxun::tui::App`] on a fixed clock, without a terminal;
//! - [`keys`]: keys sent the same way to an `App` or to a desk in a pseudo-terminal;
//! - [`desk`]: the real desk in a pseudo-terminal, read through a vt100 parser (Unix);
//! - [`screen`]: a drawn screen as text and columns;
//! - [`kills`]: what the kill tests share (soak counts, replayable seeds, survivors).
#![allow(dead_code)]

pub mod app;
#[cfg(unix)]
pub mod desk;
pub mod fixtures;
pub mod keys;
pub mod kills;
pub mod screen;

#[allow(unused_imports)] // each test binary uses some
pub use kills::kept_for_a_restore;
#[allow(unused_imports)]
pub use screen::{column_starts, screen_text, visible_cells};

use std::path::Path;
use std::process::{Command, Output};

/// The built binary.
pub const BIN: &str = env!("CARGO_BIN_EXE_lunxun");

/// Monday 2015-03-16, 08:35, five minutes into the morning session: the clock of most
/// tests (day 1 of a cohort made by [`cohort_new`], day 2 of the demo's cohort).
pub const NOW: &str = "2015-03-16T08:35:00+08:00";

/// Runs the binary on the data folder `dir` in language `lang` (an LC_ALL value) with
/// the clock fixed at `now` (RFC 3339), untouched by the caller's own lunxun settings.
pub fn lunxun_at(dir: &Path, args: &[&str], lang: &str, now: &str) -> Output {
    lunxun_env(dir, args, lang, now, &[])
}

/// [`lunxun_at`] with the variables `vars` set on top (`LUNXUN_FAULT`, …).
pub fn lunxun_env(
    dir: &Path,
    args: &[&str],
    lang: &str,
    now: &str,
    vars: &[(&str, &str)],
) -> Output {
    let mut cmd = lunxun_command(dir, args, lang, now);
    cmd.envs(vars.iter().copied());
    cmd.output().expect("the binary runs")
}

/// The command [`lunxun_at`] runs, for a test that spawns it (to kill it, to read its
/// output as it comes).
pub fn lunxun_command(dir: &Path, args: &[&str], lang: &str, now: &str) -> Command {
    let mut cmd = lunxun_real_clock(dir, args, lang);
    cmd.env("LUNXUN_NOW", now);
    cmd
}

/// The command [`lunxun_command`] without a fixed clock (`LUNXUN_NOW` removed): the
/// binary as a person runs it, on the real time.
pub fn lunxun_real_clock(dir: &Path, args: &[&str], lang: &str) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .arg("--db")
        .arg(dir)
        .env_remove("LUNXUN_DB")
        .env_remove("LC_MESSAGES")
        .env_remove("LUNXUN_FAULT")
        .env_remove("LUNXUN_NOW")
        .env_remove("LUNXUN_ASCII")
        .env("LC_ALL", lang);
    cmd
}

/// A new data folder with the demo loaded by `lunxun demo` at [`NOW`].
pub fn demo_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    ok(&lunxun_at(dir.path(), &["demo"], "C", NOW));
    dir
}

/// The arguments of `cohort new` for a cohort `name` of `days` days starting on Monday
/// 2015-03-16, the week the tests' fixed clocks are in.
pub fn cohort_new<'a>(name: &'a str, days: &'a str) -> Vec<&'a str> {
    let start = "2015-03-16";
    vec![
        "cohort", "new", "--name", name, "--start", start, "--days", days,
    ]
}

/// `lunxun person add` for `name` of `unit` (extend it with `--cohort`, ...); it prints
/// the new person's id last.
pub fn person_add<'a>(name: &'a str, unit: &'a str) -> Vec<&'a str> {
    vec!["person", "add", "--name", name, "--unit", unit]
}

/// The output of a command that must succeed.
pub fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "failed: {}\n{}",
        String::from_utf8_lossy(&out.stderr),
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// The last line of `text`, trimmed: where commands print the code or id they made.
pub fn last_line(text: &str) -> String {
    text.lines().last().unwrap_or_default().trim().to_string()
}

/// Standard output then standard error, as one text.
pub fn text_of(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// The warning every command prints on stderr while `LUNXUN_NOW` fixes the clock.
pub fn is_clock_warning(line: &str) -> bool {
    line.starts_with("lunxun: ")
        && (line.ends_with(" (LUNXUN_NOW)") || line.ends_with("（LUNXUN_NOW）"))
}

/// Standard error of a command run with `LUNXUN_NOW` set, without the fixed-clock
/// warning, which must be there exactly once.
pub fn stderr_past_clock_warning(out: &Output) -> String {
    let err = String::from_utf8_lossy(&out.stderr);
    let warnings = err.lines().filter(|l| is_clock_warning(l)).count();
    assert_eq!(warnings, 1, "one fixed-clock warning expected in: {err}");
    err.lines()
        .filter(|l| !is_clock_warning(l))
        .map(|l| format!("{l}\n"))
        .collect()
}
