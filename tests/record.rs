//! `lunxun person show`: a person's training record (培训档案) through the built binary,
//! by id and by a search query, as text in both languages and as JSON, against the
//! hand-computed fixture in `record/fixture.rs`; phone and ID number masked.

mod common;
#[path = "record/fixture.rs"]
mod fixture;

use std::path::Path;
use std::process::Output;

use common::{lunxun_at, ok, text_of};
use fixture::{ID_NUMBER, PHONE, fixture};
use serde_json::Value;

/// Late in 2015: the cohort is over, the year not.
const LATER: &str = "2015-11-02T09:00:00+08:00";

fn show(dir: &Path, args: &[&str], lang: &str) -> Output {
    let mut all = vec!["person", "show"];
    all.extend_from_slice(args);
    lunxun_at(dir, &all, lang, LATER)
}

fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fixture(dir.path());
    dir
}

fn assert_masked(text: &str) {
    assert!(!text.contains(PHONE), "phone in full: {text}");
    assert!(!text.contains(ID_NUMBER), "ID number in full: {text}");
}

#[test]
fn by_id_the_record_shows_the_cohort_the_hours_from_elsewhere_and_the_year_against_the_target() {
    let dir = folder();
    let text = ok(&show(dir.path(), &["zw1"], "zh_CN.UTF-8"));
    for expected in [
        "培训档案：张伟",
        "单位：新开村　县市区：A县　乡镇：荣家湾镇　职务：村党组织书记",
        "电话：138****5678",
        "身份证号：110105********002X",
        "参训班次（1）",
        "R　市级　2015年春季轮训班　2015-03-16 至 2015-03-17",
        "到课 4/4 场次 · 学时 11/12 · 结业",
        "其他学时（1）",
        "8 学时 · 省委党校网络学院 · 2015-05-01 · 省级",
        "2015 年度学时：19 / 56（省级 8 · 市级 11 · 县级 0 · 其他 0）　还差 37 学时",
    ] {
        assert!(text.contains(expected), "no {expected:?} in:\n{text}");
    }
    assert_masked(&text);
}

#[test]
fn a_query_with_one_match_shows_the_failed_rule_and_the_make_up() {
    let dir = folder();
    let text = ok(&show(dir.path(), &["李娜"], "zh_CN.UTF-8"));
    assert!(text.contains("培训档案：李娜"), "{text}");
    assert!(
        text.contains(
            "到课 2/4 场次 · 学时 9/12 · 未结业（请假和缺勤共 3 学时，超过总学时 12 的 1/7（1.7 学时））"
        ),
        "{text}"
    );
    assert!(text.contains("补课 第1天上午：病假后补课"), "{text}");
    assert!(text.contains("其他学时（0）\n  无"), "{text}");
    assert!(text.contains("还差 47 学时"), "{text}");
}

#[test]
fn a_query_with_several_matches_lists_them_and_asks_for_an_id() {
    let dir = folder();
    let out = show(dir.path(), &["张伟"], "zh_CN.UTF-8");
    assert_eq!(out.status.code(), Some(2), "{}", text_of(&out));
    let text = text_of(&out);
    assert!(text.contains("张伟\t新开村\tA县\tzw1"), "{text}");
    assert!(text.contains("张伟\t梅溪社区\tB县\tzw2"), "{text}");
    assert!(text.contains("“张伟”匹配到 2 人，请用编号查看"), "{text}");
    assert!(!text.contains("培训档案"), "no record shown: {text}");
    let none = show(dir.path(), &["欧阳修"], "zh_CN.UTF-8");
    assert_eq!(none.status.code(), Some(2));
    assert!(text_of(&none).contains("没有与“欧阳修”匹配的人员"));
}

#[test]
fn a_substitution_shows_on_both_sides_and_the_year_and_target_follow_the_flags() {
    let dir = folder();
    let wf = ok(&show(dir.path(), &["wf"], "zh_CN.UTF-8"));
    assert!(
        wf.contains("到课 1/4 场次 · 学时 3/12 · 调换（工作调动，由 赵强 接替）"),
        "{wf}"
    );
    let zq = ok(&show(dir.path(), &["zq"], "zh_CN.UTF-8"));
    assert!(zq.contains("调换：接替 王芳"), "{zq}");
    let met = ok(&show(dir.path(), &["zw1", "--target", "19"], "zh_CN.UTF-8"));
    assert!(met.contains("19 / 19（") && met.contains("　达标"), "{met}");
    let last_year = ok(&show(dir.path(), &["zw1", "--year", "2014"], "zh_CN.UTF-8"));
    assert!(last_year.contains("2014 年度学时：0 / 56"), "{last_year}");
    let st = ok(&show(dir.path(), &["st"], "zh_CN.UTF-8"));
    assert!(st.contains("自 2015-06-01 起不再任职（换届）"), "{st}");
    assert!(st.contains("参训班次（0）\n  （没有参训记录）"), "{st}");
    let bad = show(dir.path(), &["zw1", "--target", "0"], "zh_CN.UTF-8");
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn in_english_the_record_reads_in_english() {
    let dir = folder();
    let text = ok(&show(dir.path(), &["zw1"], "C"));
    assert!(text.contains("Training record: 张伟"), "{text}");
    assert!(
        text.contains("attended 4/4 sessions · 11 of 12 hours · "),
        "{text}"
    );
    assert!(
        text.contains("2015 hours: 19 of 56 (province 8 · city 11"),
        "{text}"
    );
    assert!(text.contains("37 hours short"), "{text}");
    assert_masked(&text);
}

#[test]
fn the_json_record_holds_the_same_figures_masked() {
    let dir = folder();
    let json: Value =
        serde_json::from_str(&ok(&show(dir.path(), &["zw1", "--json"], "C"))).unwrap();
    assert_eq!(json["person"]["person_id"], "zw1");
    assert_eq!(json["person"]["phone"], "138****5678");
    let cohort = &json["cohorts"][0];
    assert_eq!(cohort["code"], "R");
    assert_eq!(cohort["level"], "city");
    assert_eq!(cohort["credited_hours"], 11.0);
    assert_eq!(cohort["total_hours"], 12.0);
    assert_eq!(cohort["sessions_attended"], 4);
    assert_eq!(cohort["standing"], "completed");
    assert_eq!(json["outside"][0]["hours"], 8.0);
    assert_eq!(json["outside"][0]["level"], "province");
    let year = &json["year"];
    assert_eq!(
        (year["year"].as_i64(), year["total"].as_f64()),
        (Some(2015), Some(19.0))
    );
    assert_eq!(
        (year["met"].as_bool(), year["short"].as_f64()),
        (Some(false), Some(37.0))
    );
    let by_level = ["province", "city", "county", "elsewhere"].map(|l| year[l].as_f64());
    assert_eq!(by_level, [Some(8.0), Some(11.0), Some(0.0), Some(0.0)]);
    assert_masked(&json.to_string());

    let ln: Value = serde_json::from_str(&ok(&show(dir.path(), &["ln", "--json"], "C"))).unwrap();
    let cohort = &ln["cohorts"][0];
    assert_eq!(cohort["standing"], "not_completed");
    assert_eq!(cohort["failed_rule"], "too_much_leave", "{cohort}");
    assert_eq!(cohort["make_ups"][0]["session"], "1:am");
    assert_eq!(cohort["make_ups"][0]["reason"], "病假后补课");

    let st: Value = serde_json::from_str(&ok(&show(dir.path(), &["st", "--json"], "C"))).unwrap();
    assert_eq!(st["retired"]["from"], "2015-06-01");
    assert_eq!(st["cohorts"], serde_json::json!([]));
}
