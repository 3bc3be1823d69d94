//! Helpers shared by the test files.

pub mod app;
pub mod cohort;
pub mod kills;

use ratatui::buffer::Buffer;

/// The buffer as plain lines, one per row, with the cell hidden behind each wide
/// (CJK) character skipped, so snapshots read like the terminal looks.
#[allow(dead_code)]
pub fn screen_text(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        let mut skip = 0;
        for x in area.left()..area.right() {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buffer[(x, y)].symbol();
            out.push_str(symbol);
            skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
        }
        out.push('\n');
    }
    out
}

/// Row `y` as the terminal shows it: each cell's x and symbol, the cell hidden behind a
/// wide (CJK) character skipped.
#[allow(dead_code)]
pub fn visible_cells(buffer: &ratatui::buffer::Buffer, y: u16) -> Vec<(u16, String)> {
    let area = buffer.area;
    let mut cells = Vec::new();
    let mut x = area.left();
    while x < area.right() {
        let symbol = buffer[(x, y)].symbol().to_string();
        let width = unicode_width::UnicodeWidthStr::width(symbol.as_str()).max(1);
        cells.push((x, symbol));
        x += width as u16;
    }
    cells
}

/// The screen cell where each column of row `y` starts between `from` and `to` (cells),
/// columns being separated by two spaces or more.
#[allow(dead_code)]
pub fn column_starts(buffer: &ratatui::buffer::Buffer, y: u16, from: u16, to: u16) -> Vec<u16> {
    let cells: Vec<(u16, String)> = visible_cells(buffer, y)
        .into_iter()
        .filter(|(x, _)| (from..to).contains(x))
        .collect();
    let mut starts = Vec::new();
    let mut spaces = 2;
    for (x, symbol) in &cells {
        if symbol == " " {
            spaces += 1;
        } else {
            if spaces >= 2 {
                starts.push(*x);
            }
            spaces = 0;
        }
    }
    starts
}

/// Attendance events that a restore would give back if sled's files were damaged now:
/// those in the newest automatic backup and those in the journal after it. The journal
/// must read to its end (nothing half-written may stay).
#[allow(dead_code)]
pub fn kept_for_a_restore(dir: &std::path::Path) -> Vec<lunxun::domain::AttendanceEvent> {
    use lunxun::store::{JOURNAL_FILE, TreeName, read_journal};
    let mut events = Vec::new();
    let backups = lunxun::io::backup::folder(dir);
    let newest = std::fs::read_dir(&backups)
        .into_iter()
        .flatten()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("lunxun-")
        })
        .max();
    if let Some(newest) = newest {
        let saved = lunxun::io::backup::read(&newest).unwrap();
        for record in &saved.trees["events"] {
            events.push(serde_json::from_value(record.value.clone()).unwrap());
        }
    }
    let journal = read_journal(&dir.join(JOURNAL_FILE)).unwrap().unwrap();
    assert_eq!(journal.damaged_bytes, 0, "nothing half-written stays");
    for (tree, _, value) in journal.entries.iter().flat_map(|e| &e.puts) {
        if *tree == TreeName::Events {
            events.push(serde_json::from_slice(value).unwrap());
        }
    }
    events
}

/// Runs the binary on the data folder `dir` in language `lang` (an LC_ALL value) with
/// the clock fixed at `now` (RFC 3339), untouched by the caller's own lunxun settings.
#[allow(dead_code)]
pub fn lunxun_at(
    dir: &std::path::Path,
    args: &[&str],
    lang: &str,
    now: &str,
) -> std::process::Output {
    lunxun_env(dir, args, lang, now, &[])
}

/// [`lunxun_at`] with the variables `vars` set on top (`LUNXUN_FAULT`, …).
#[allow(dead_code)]
pub fn lunxun_env(
    dir: &std::path::Path,
    args: &[&str],
    lang: &str,
    now: &str,
    vars: &[(&str, &str)],
) -> std::process::Output {
    let mut cmd = lunxun_command(dir, args, lang, now);
    cmd.envs(vars.iter().copied());
    cmd.output().expect("the binary runs")
}

/// The command [`lunxun_at`] runs, for a test that spawns it (to kill it, to read its
/// output as it comes).
#[allow(dead_code)]
pub fn lunxun_command(
    dir: &std::path::Path,
    args: &[&str],
    lang: &str,
    now: &str,
) -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_lunxun"));
    cmd.args(args)
        .arg("--db")
        .arg(dir)
        .env_remove("LUNXUN_DB")
        .env_remove("LC_MESSAGES")
        .env_remove("LUNXUN_FAULT")
        .env("LC_ALL", lang)
        .env("LUNXUN_NOW", now);
    cmd
}

/// The arguments of `cohort new` for a cohort `name` of `days` days starting on Monday
/// 2015-03-16, the week the tests' fixed clocks are in.
#[allow(dead_code)]
pub fn cohort_new<'a>(name: &'a str, days: &'a str) -> Vec<&'a str> {
    let start = "2015-03-16";
    vec![
        "cohort", "new", "--name", name, "--start", start, "--days", days,
    ]
}

/// The output of a command that must succeed.
#[allow(dead_code)]
pub fn ok(out: &std::process::Output) -> String {
    assert!(
        out.status.success(),
        "failed: {}\n{}",
        String::from_utf8_lossy(&out.stderr),
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// The warning every command prints on stderr while `LUNXUN_NOW` fixes the clock.
#[allow(dead_code)]
pub fn is_clock_warning(line: &str) -> bool {
    line.starts_with("lunxun: ")
        && (line.ends_with(" (LUNXUN_NOW)") || line.ends_with("（LUNXUN_NOW）"))
}

/// Standard error of a command run with `LUNXUN_NOW` set, without the fixed-clock
/// warning, which must be there exactly once.
#[allow(dead_code)]
pub fn stderr_past_clock_warning(out: &std::process::Output) -> String {
    let err = String::from_utf8_lossy(&out.stderr);
    let warnings = err.lines().filter(|l| is_clock_warning(l)).count();
    assert_eq!(warnings, 1, "one fixed-clock warning expected in: {err}");
    err.lines()
        .filter(|l| !is_clock_warning(l))
        .map(|l| format!("{l}\n"))
        .collect()
}
