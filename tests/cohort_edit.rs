//! A cohort's settings through the binary: `cohort new` with slot times and 学时 rules,
//! `cohort show` (every setting, defaults marked, `--json`), and `cohort edit`, which
//! records each change and refuses to orphan recorded check-ins or teaching activities.

use std::path::Path;
use std::process::Output;

use lunxun::domain::register::Change;
use lunxun::store::Store;
use serde_json::Value;

mod common;
use common::{NOW, last_line, ok, text_of};

fn run(dir: &Path, args: &[&str], lang: &str) -> Output {
    common::lunxun_env(dir, args, lang, NOW, &[("USER", "organiser")])
}

fn new_cohort(dir: &Path, extra: &[&str]) -> String {
    let mut args = common::cohort_new("第1期", "4");
    args.extend(extra);
    last_line(&ok(&run(dir, &args, "C")))
}

fn written(dir: &Path) -> (u64, usize, Vec<Value>) {
    let store = Store::open(dir).unwrap();
    let cohorts = store.cohorts().unwrap();
    let cohorts = cohorts
        .iter()
        .map(|c| serde_json::to_value(c).unwrap())
        .collect();
    (store.commit_seq(), store.changes().unwrap().len(), cohorts)
}

/// A command that must be refused (exit 2) with nothing written; its message.
fn refused(dir: &Path, args: &[&str], lang: &str) -> String {
    let before = written(dir);
    let out = run(dir, args, lang);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {}", text_of(&out));
    assert_eq!(written(dir), before, "{args:?} wrote something");
    common::stderr_past_clock_warning(&out)
}

fn show(dir: &Path, code: &str) -> Value {
    serde_json::from_str(&ok(&run(dir, &["cohort", "show", code, "--json"], "C"))).unwrap()
}

#[test]
fn cohort_new_takes_slot_times_and_rules_and_show_marks_the_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let rules = [
        "--slots",
        "am=08:00-11:00,pm",
        "--hour-minutes",
        "40",
        "--hours-per-session",
        "4",
        "--completion",
        "75",
        "--leave-limit",
        "1/5",
        "--late-allowance",
        "20",
        "--early-leave",
        "10",
        "--early-allowance",
        "25",
        "--sign-out-required",
    ];
    let code = new_cohort(d, &rules);
    let shown = show(d, &code);
    assert_eq!(shown["slots"][0]["starts_at"], "08:00");
    assert_eq!(shown["slots"][0]["ends_at"], "11:00");
    assert_eq!(shown["slots"][1]["ends_at"], "17:30");
    let r = &shown["rules"];
    let got = [
        &r["hour_minutes"],
        &r["hours_per_session"],
        &r["completion_percent"],
        &r["late_allowance_minutes"],
        &r["early_leave_minutes"],
        &r["early_allowance_minutes"],
    ];
    assert_eq!(got.map(|v| v.as_u64().unwrap()), [40, 4, 75, 20, 10, 25]);
    assert_eq!(r["leave_limit"]["den"], 5);
    assert_eq!(r["sign_out_required"], true);
    assert_eq!(shown["legacy"], false);
    assert_eq!(shown["defaults"], serde_json::json!(["grace"]));

    let plain = new_cohort(d, &["--code", "plain"]);
    let text = ok(&run(d, &["cohort", "show", &plain], "zh_CN.UTF-8"));
    for line in [
        "每学时分钟数\t45（默认）",
        "请假与缺勤上限（占总学时）\t1/7（默认）",
        "须签退\t否（默认）",
        "时段\tam=08:30-11:30,pm=14:30-17:30（默认）",
    ] {
        assert!(text.contains(line), "{line} not in:\n{text}");
    }
}

#[test]
fn bad_slots_and_rules_are_refused_saying_what_to_type() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut args = common::cohort_new("第1期", "4");
    let cases = [
        (
            vec!["--slots", "am,noon"],
            "时段“noon”无效；可选 am、pm、eve，可带时间，如 am=08:30-11:30",
        ),
        (
            vec!["--slots", "pm=2:30pm"],
            "时段 pm 的时间“2:30pm”无效；请写作 开始-结束，如 pm=14:30-17:30，或只写开始，如 pm=14:30",
        ),
        (
            vec!["--slots", "am=11:30-08:30"],
            "时段 am 的结束时间不晚于开始时间；请写作 开始-结束，如 am=08:30-11:30",
        ),
        (
            vec!["--completion", "101"],
            "--completion 须在 1 到 100 之间，而不是 101",
        ),
        (
            vec!["--leave-limit", "2/1"],
            "请假上限“2/1”无效；请写作分数或百分比，如 1/7 或 15%",
        ),
        (
            vec!["--hour-minutes", "0"],
            "--hour-minutes 须在 1 到 240 之间，而不是 0",
        ),
    ];
    args.push("--code");
    args.push("x");
    for (extra, expected) in cases {
        let mut all = args.clone();
        all.extend(extra);
        assert_eq!(
            refused(d, &all, "zh_CN.UTF-8"),
            format!("lunxun: {expected}\n")
        );
    }
    assert!(written(d).2.is_empty());
}

#[test]
fn an_edit_records_each_change_and_refuses_to_orphan_records() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let code = new_cohort(d, &["--slots", "am,pm,eve"]);
    let add = [
        "person", "add", "--name", "张伟", "--unit", "甲村", "--cohort", &code,
    ];
    let id = last_line(&ok(&run(d, &add, "C")));
    ok(&run(
        d,
        &[
            "checkin",
            "--cohort",
            &code,
            "--person",
            &id,
            "--session",
            "3:eve",
        ],
        "C",
    ));
    ok(&run(
        d,
        &[
            "teach",
            "add",
            "--cohort",
            &code,
            "--session",
            "4:pm",
            "--title",
            "党课",
            "--modules",
            "1",
            "--method",
            "lecture",
        ],
        "C",
    ));

    let fewer_days = refused(d, &["cohort", "edit", &code, "--days", "2"], "C");
    assert!(
        fewer_days.contains("day 3 evening (1 check-in events, 0 teaching activities)"),
        "{fewer_days}"
    );
    assert!(
        fewer_days.contains("day 4 afternoon (0 check-in events, 1 teaching activities)"),
        "{fewer_days}"
    );
    let no_eve = refused(
        d,
        &["cohort", "edit", &code, "--slots", "am,pm"],
        "zh_CN.UTF-8",
    );
    assert!(
        no_eve.contains("第3天晚上（签到 1 条，教学活动 0 项）"),
        "{no_eve}"
    );
    assert!(!no_eve.contains("第4天"), "{no_eve}");

    let moved = refused(d, &["cohort", "edit", &code, "--start", "2015-03-23"], "C");
    assert!(moved.contains("has 1 check-in events"), "{moved}");

    let (seq, changes, _) = written(d);
    let edit = [
        "cohort",
        "edit",
        &code,
        "--name",
        "第一期",
        "--slots",
        "am=08:00-11:00,pm,eve",
        "--completion",
        "90",
        "--venue",
        "县委党校",
    ];
    let out = ok(&run(d, &edit, "C"));
    assert!(
        out.starts_with(&format!("✓ cohort {code}: 4 settings changed:")),
        "{out}"
    );
    assert!(
        out.contains("  completion (% of total class hours): 80% → 90%"),
        "{out}"
    );
    let (after, now, _) = written(d);
    assert_eq!(
        (after, now),
        (seq + 1, changes + 4),
        "one commit, four changes"
    );
    let store = Store::open(d).unwrap();
    let edited: Vec<(String, String, String)> = store
        .changes()
        .unwrap()
        .into_iter()
        .filter_map(|e| match e.change {
            Change::CohortEdited {
                field, old, new, ..
            } => Some((field, old, new)),
            _ => None,
        })
        .collect();
    let cohort = store.cohort(&code).unwrap().unwrap();
    drop(store);
    assert_eq!(edited[0], ("name".into(), "第1期".into(), "第一期".into()));
    assert_eq!(
        edited.iter().map(|e| e.0.as_str()).collect::<Vec<_>>(),
        ["name", "venue", "slots", "completion"]
    );
    assert_eq!(
        (cohort.name.as_str(), cohort.rules().completion_percent),
        ("第一期", 90)
    );

    let same = ok(&run(d, &["cohort", "edit", &code, "--name", "第一期"], "C"));
    assert_eq!(
        same,
        format!("= cohort {code}: nothing changed; nothing recorded\n")
    );
    assert_eq!(written(d).0, seq + 1);
    let more = ok(&run(d, &["cohort", "edit", &code, "--days", "5"], "C"));
    assert!(more.contains("days: 4 → 5"), "{more}");

    ok(&run(d, &["cohort", "close", "--cohort", &code], "C"));
    let closed = refused(d, &["cohort", "edit", &code, "--completion", "70"], "C");
    assert!(
        closed.contains("to correct them, reopen it first"),
        "{closed}"
    );
}
