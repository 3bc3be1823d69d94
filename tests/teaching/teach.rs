//! `lunxun teach add|edit|delete|held|list|history` end to end.

use serde_json::json as j;

use super::support::*;

#[test]
fn teach_add_prints_the_id_last_and_list_shows_the_activity() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    setup(d);
    let extra = "--lecturer 王强 --role 县委书记 --hours 1.5 --by 张干事";
    assert_eq!(add(d, "1:am", "专题辅导", "1，党章党纪", extra), "1");
    assert_eq!(add(d, "2:am", "visit", "3", "--base 新开村"), "2");
    assert_eq!(add(d, "3:am", "discussion", "5", ""), "3");
    let list = json(d, "teach list --cohort 2015-01 --json");
    let first = &list[0];
    assert_eq!(first["method"], "lecture");
    assert_eq!(first["modules"], j!([1, 2]));
    assert_eq!(first["hours"], 1.5);
    assert_eq!(first["role"], "县委书记");
    assert_eq!(first["status"], "held");
    assert_eq!(first["created"]["by"], "张干事");
    assert_eq!(list[1]["base"], "新开村");
    assert_eq!(list[2]["status"], "planned", "day 3 has not started");
}

#[test]
fn edit_delete_and_held_are_recorded_in_the_history() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    setup(d);
    add(d, "1:am", "lecture", "1", "");
    add(d, "1:pm", "case", "2", "");
    add(d, "3:am", "lecture", "4", "");
    let edit = "teach edit --cohort 2015-01 --id 1 --lecturer 李明";
    assert!(out(d, edit).contains("changed activity 1"));
    let again = out(d, edit);
    assert!(again.starts_with("= nothing to change"), "{again}");
    out(d, "teach delete --cohort 2015-01 --id 2 --reason 重复");
    let day3 = "2015-03-18T08:40:00+08:00";
    let held = ok(run_at(d, day3, "teach held --cohort 2015-01 --id 3"));
    assert!(held.contains("activity 3 held"), "{held}");

    let list = json(d, "teach list --cohort 2015-01 --json");
    assert_eq!(
        numbers(&list, "id"),
        [1, 3],
        "deleted activities leave the list"
    );
    assert_eq!(list[0]["lecturer"], "李明");
    assert_eq!(list[0]["edits"], 1);
    assert_eq!(list[1]["held"]["at"], day3);
    let with_deleted = json(d, "teach list --cohort 2015-01 --deleted --json");
    assert_eq!(numbers(&with_deleted, "id"), [1, 2, 3]);

    let history = json(d, "teach history --cohort 2015-01 --json");
    let types: Vec<&str> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["change"]["type"].as_str().unwrap())
        .collect();
    let want = ["created", "created", "created", "edited", "deleted", "held"];
    assert_eq!(types, want);
    let first = &history[0]["change"]["details"];
    assert_eq!(first["lecturer"], "", "the first version stays");
    let text = out(d, "teach history --cohort 2015-01 --id 2");
    assert!(text.contains("deleted (重复)"), "{text}");
}

#[test]
fn bad_input_is_one_line_exit_2_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    setup(d);
    add(d, "1:am", "lecture", "1", "");
    out(d, "teach delete --cohort 2015-01 --id 1");
    let add = "teach add --cohort 2015-01 --title t --session";
    let table = [
        (
            format!("{add} 1:pm --method seminar --modules 1"),
            "unknown method 'seminar'",
        ),
        (
            format!("{add} 5:am --method case --modules 1"),
            "no session '5:am'",
        ),
        (
            format!("{add} 1:pm --method case --modules 9"),
            "unknown module '9'",
        ),
        (
            format!("{add} 1:pm --method case --modules ,"),
            "at least one",
        ),
        (
            format!("{add} 1:pm --method case --modules 1 --hours 30"),
            "bad hours '30'",
        ),
        (
            format!("{add} 1:pm --method visit --modules 1 --base 无"),
            "no training base named '无'",
        ),
        (
            add.replace("2015-01", "2099-01") + " 1:am --method case --modules 1",
            "unknown cohort",
        ),
        (
            "teach edit --cohort 2015-01 --id 1 --title x".into(),
            "activity 1 was deleted",
        ),
        (
            "teach edit --cohort 2015-01 --id 9 --title x".into(),
            "no activity 9",
        ),
        (
            "teach edit --cohort 2015-01 --id 9".into(),
            "nothing to change",
        ),
        ("teach held --cohort 2015-01 --id 1".into(), "was deleted"),
        ("module rename 9 --name x".into(), "unknown module '9'"),
        (
            "module add --name 讲话精神".into(),
            "already used by module 1",
        ),
        ("module retire 地理".into(), "unknown module"),
        (
            "base add --name 新开村 --kind village".into(),
            "already a training base",
        ),
        (
            "base add --name x --kind farm".into(),
            "unknown kind 'farm'",
        ),
        (
            "base add --name x --kind village --haves pool".into(),
            "'pool' is not one of",
        ),
        (
            "base add --name x --kind village --accredited 2015-03-01".into(),
            "--level city",
        ),
        (
            "base add --name x --kind village --accredited 2015-03-01 --level province".into(),
            "use city or county",
        ),
        (
            "base add --name x --kind village --accredited March --level city".into(),
            "bad accreditation date",
        ),
    ];
    for (line, needle) in table {
        assert_refused(d, &line, needle);
    }
}

#[test]
fn held_before_the_session_starts_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    setup(d);
    add(d, "3:pm", "lecture", "1", "");
    assert_refused(d, "teach held --cohort 2015-01 --id 1", "has not started");
}

#[test]
fn messages_follow_the_language_and_methods_accept_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    setup(d);
    let text = out(
        d,
        "--lang zh teach add --cohort 2015-01 --session 1:上午 --method 案例分析 \
         --title 案例 --modules 模块三",
    );
    assert!(text.starts_with("已记录教学活动 1"), "{text}");
    assert!(text.contains("案例分析"), "{text}");
    let err = run(d, "--lang zh teach held --cohort 2015-01 --id 4");
    let err = String::from_utf8_lossy(&err.stderr);
    assert!(err.contains("没有编号为 4 的教学活动"), "{err}");
}
