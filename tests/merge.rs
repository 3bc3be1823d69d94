//! `lunxun bundle merge` through the built binary: two desks exchanging bundles end with
//! the same attendance; a second merge writes nothing; a dry run writes nothing; a
//! damaged bundle is refused with nothing written; the report in both languages.

mod common;

use std::path::{Path, PathBuf};

use common::{NOW, cohort_new, last_line, lunxun_at, ok, person_add};
use lunxun::store::Store;
use serde_json::Value;

fn lunxun(dir: &Path, args: &[&str]) -> std::process::Output {
    lunxun_at(dir, args, "C", NOW)
}

fn at(dir: &Path, now: &str, args: &[&str]) -> String {
    ok(&lunxun_at(dir, args, "C", now))
}

/// A folder with a two-day cohort (from 2015-03-16) and `names` on its roster; returns
/// the cohort's code and the people's ids.
fn venue(dir: &Path, names: &[&str]) -> (String, Vec<String>) {
    let code = last_line(&ok(&lunxun(dir, &cohort_new("第1期", "2"))));
    let ids = names
        .iter()
        .map(|name| {
            let mut args = person_add(name, "新开村");
            args.extend(["--cohort", &code]);
            last_line(&ok(&lunxun(dir, &args)))
        })
        .collect();
    (code, ids)
}

fn export(dir: &Path, file: &Path) {
    let file = file.to_str().unwrap();
    ok(&lunxun(dir, &["bundle", "export", "-o", file]));
}

fn merge_json(dir: &Path, file: &Path, extra: &[&str]) -> Value {
    let mut args = vec!["bundle", "merge", file.to_str().unwrap(), "--json"];
    args.extend(extra);
    serde_json::from_str(&ok(&lunxun(dir, &args))).unwrap()
}

fn seq(dir: &Path) -> u64 {
    Store::open(dir).unwrap().commit_seq()
}

fn attendance(dir: &Path, code: &str) -> Value {
    let args = ["export", "attendance", "--cohort", code, "--format", "json"];
    let mut json: Value = serde_json::from_str(&ok(&lunxun(dir, &args))).unwrap();
    json.as_object_mut().unwrap().remove("generated_at");
    json["attendees"].clone()
}

fn check_in(dir: &Path, now: &str, code: &str, person: &str) {
    at(dir, now, &["checkin", "--cohort", code, "--person", person]);
}

struct Sticks {
    _tmp: tempfile::TempDir,
    root: PathBuf,
}

impl Sticks {
    fn new() -> Sticks {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().to_path_buf();
        Sticks { _tmp: tmp, root }
    }

    fn file(&self, name: &str) -> PathBuf {
        self.root.join(name)
    }
}

#[test]
fn two_desks_exchange_bundles_and_end_with_the_same_attendance() {
    let sticks = Sticks::new();
    let (one, two) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (a, b) = (one.path(), two.path());
    let (code, ids) = venue(a, &["张伟", "李娜", "王芳"]);
    ok(&lunxun(a, &["desk", "name", "1号台"]));
    ok(&lunxun(b, &["desk", "name", "2号台"]));
    export(a, &sticks.file("start.lxb"));
    let started = merge_json(b, &sticks.file("start.lxb"), &[]);
    assert_eq!(started["written"], true);
    assert_eq!(started["came_in"]["people"], 3);

    check_in(a, "2015-03-16T08:21:00+08:00", &code, &ids[0]);
    check_in(b, "2015-03-16T08:23:00+08:00", &code, &ids[0]);
    check_in(b, "2015-03-16T08:24:00+08:00", &code, &ids[1]);
    export(a, &sticks.file("a.lxb"));
    export(b, &sticks.file("b.lxb"));

    let into_a = merge_json(a, &sticks.file("b.lxb"), &[]);
    assert_eq!(into_a["came_in"]["check_ins"], 2);
    assert_eq!(into_a["double_arrivals"].as_array().unwrap().len(), 1);
    assert!(Path::new(into_a["backup"].as_str().unwrap()).exists());
    let out = lunxun_at(
        b,
        &["bundle", "merge", sticks.file("a.lxb").to_str().unwrap()],
        "zh_CN.UTF-8",
        NOW,
    );
    let text = ok(&out);
    assert!(text.starts_with("已合并 1号台 的数据。"), "{text}");
    assert!(text.contains("签到 1"), "{text}");
    assert!(text.contains("张伟"), "{text}");
    assert_eq!(attendance(a, &code), attendance(b, &code));

    // Merging twice changes nothing, in either folder.
    let (seq_a, seq_b) = (seq(a), seq(b));
    let again = merge_json(b, &sticks.file("a.lxb"), &[]);
    assert_eq!(again["written"], false);
    assert_eq!(again["backup"], Value::Null);
    merge_json(a, &sticks.file("b.lxb"), &[]);
    assert_eq!((seq(a), seq(b)), (seq_a, seq_b));
}

#[test]
fn a_dry_run_says_what_would_come_in_and_writes_nothing() {
    let sticks = Sticks::new();
    let (one, two) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (code, ids) = venue(one.path(), &["张伟"]);
    check_in(one.path(), NOW, &code, &ids[0]);
    export(one.path(), &sticks.file("a.lxb"));
    let before = seq(two.path());
    let dry = merge_json(two.path(), &sticks.file("a.lxb"), &["--dry-run"]);
    assert_eq!(dry["dry_run"], true);
    assert_eq!(dry["written"], false);
    assert_eq!(dry["came_in"]["check_ins"], 1);
    assert_eq!(seq(two.path()), before);
    assert!(!two.path().join("backups").exists());
    let out = lunxun(
        two.path(),
        &[
            "bundle",
            "merge",
            sticks.file("a.lxb").to_str().unwrap(),
            "--dry-run",
        ],
    );
    assert!(ok(&out).starts_with("Dry run of a merge from desk-"));
}

#[test]
fn a_damaged_bundle_is_refused_and_nothing_is_written() {
    let sticks = Sticks::new();
    let (one, two) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    venue(one.path(), &["张伟", "李娜"]);
    let file = sticks.file("a.lxb");
    export(one.path(), &file);
    let mut bytes = std::fs::read(&file).unwrap();
    let last = bytes.len() - 10;
    bytes[last] ^= 0x20;
    std::fs::write(&file, bytes).unwrap();
    let before = seq(two.path());
    let out = lunxun(two.path(), &["bundle", "merge", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(seq(two.path()), before);
    assert!(!two.path().join("backups").exists());
}
