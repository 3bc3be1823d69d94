//! Helpers for the end-to-end tests: run the built binary on a temporary data folder
//! with the clock fixed by LUNXUN_NOW. Commands are written as one line and split at
//! spaces (no value in these tests contains a space).

use std::path::Path;
use std::process::Output;

use serde_json::Value;

pub use crate::common::last_line;

/// Day 2 of a cohort starting 2015-03-16, mid-morning.
pub const NOW: &str = "2015-03-17T10:00:00+08:00";

pub fn run_at(dir: &Path, now: &str, line: &str) -> Output {
    let args: Vec<&str> = line.split_whitespace().collect();
    crate::common::lunxun_at(dir, &args, "C", now)
}

pub fn run(dir: &Path, line: &str) -> Output {
    run_at(dir, NOW, line)
}

/// Stdout of a command that must succeed.
pub fn ok(out: Output) -> String {
    crate::common::ok(&out)
}

pub fn out(dir: &Path, line: &str) -> String {
    ok(run(dir, line))
}

pub fn json(dir: &Path, line: &str) -> Value {
    serde_json::from_str(&out(dir, line)).unwrap()
}

/// A three-day cohort (2015-01) and two bases: 新开村 (accredited by the city, lacks
/// a film) and 梅溪社区 (all five haves, not accredited).
pub fn setup(dir: &Path) {
    let code = out(dir, "cohort new --name 第1期 --start 2015-03-16 --days 3");
    assert_eq!(last_line(&code), "2015-01");
    out(
        dir,
        "base add --name 新开村 --kind village --county 岳阳县 \
         --haves venue,guide,material,site --accredited 2015-03-01 --level city",
    );
    out(dir, "base add --name 梅溪社区 --kind 社区 --haves all");
}

/// `teach add` in cohort 2015-01; returns the printed id.
pub fn add(dir: &Path, session: &str, method: &str, modules: &str, extra: &str) -> String {
    let line = format!(
        "teach add --cohort 2015-01 --session {session} --method {method} \
         --title 学习党章 --modules {modules} {extra}"
    );
    last_line(&out(dir, &line))
}

/// Runs a failing command: exit 2, one line on stderr, nothing written.
pub fn assert_refused(dir: &Path, line: &str, needle: &str) {
    let state = |d: &Path| {
        [
            out(d, "teach history --cohort 2015-01 --json"),
            out(d, "base list --json"),
            out(d, "module list --all --json"),
        ]
    };
    let before = state(dir);
    let output = run(dir, line);
    let err = crate::common::stderr_past_clock_warning(&output);
    assert_eq!(output.status.code(), Some(2), "{line}: {err}");
    assert_eq!(err.trim().lines().count(), 1, "{line}: {err}");
    assert!(err.contains(needle), "{line}: expected '{needle}' in {err}");
    assert_eq!(state(dir), before, "{line} wrote something");
}

pub fn numbers(list: &Value, key: &str) -> Vec<u64> {
    let items = list.as_array().expect("a JSON array");
    items.iter().map(|v| v[key].as_u64().unwrap()).collect()
}
