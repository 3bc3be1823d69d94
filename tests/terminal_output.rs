//! Names and units come from county files, which can hold a right-to-left override or
//! an escape sequence. Command output shows them as `\uXXXX` (inside JSON strings that
//! is the same character, so the data is unchanged), never raw.

mod common;

use std::path::Path;
use std::process::Output;

fn lunxun(dir: &Path, args: &[&str]) -> Output {
    common::lunxun_at(dir, args, "C", "2015-03-16T08:35:00+08:00")
}

fn raw_unsafe(out: &Output) -> bool {
    let text = String::from_utf8_lossy(&out.stdout) + String::from_utf8_lossy(&out.stderr);
    text.chars()
        .any(|c| lunxun::display::unsafe_char(c) && c != '\n' && c != '\t')
}

#[test]
fn bidi_overrides_from_a_roster_file_are_shown_escaped_and_kept_in_json() {
    let dir = tempfile::tempdir().unwrap();
    assert!(lunxun(dir.path(), &["demo"]).status.success());
    let file = dir.path().join("rtl.csv");
    std::fs::write(&file, "姓名,单位\n\u{202e}李雅琴\u{202c},\u{2067}新开村\n").unwrap();
    let import = lunxun(
        dir.path(),
        &["import", file.to_str().unwrap(), "--cohort", "2015-01"],
    );
    assert!(import.status.success(), "{import:?}");
    for args in [
        &["roster", "--cohort", "2015-01"][..],
        &["search", "李雅琴"],
        &["roster", "--cohort", "2015-01", "--json"],
    ] {
        let out = lunxun(dir.path(), args);
        assert!(out.status.success(), "{args:?}");
        assert!(!raw_unsafe(&out), "{args:?} prints a raw bidi character");
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("\\u202e李雅琴"),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stdout)
        );
    }
    let json = lunxun(dir.path(), &["roster", "--cohort", "2015-01", "--json"]);
    let people: Vec<serde_json::Value> = serde_json::from_slice(&json.stdout).unwrap();
    assert!(
        people.iter().any(|p| p["name"] == "\u{202e}李雅琴\u{202c}"),
        "the name itself is unchanged"
    );
}
