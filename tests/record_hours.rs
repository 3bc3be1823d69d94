//! `lunxun report hours`: the 学时登记表 through the built binary against the
//! hand-computed fixture in `record/fixture.rs` — JSON figures, the Markdown document,
//! and the workbook read back with calamine.

mod common;
#[path = "record/fixture.rs"]
mod fixture;

use std::io::{Cursor, Read};
use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use common::{lunxun_at, ok};
use fixture::{ID_NUMBER, PHONE, fixture};
use serde_json::Value;

const LATER: &str = "2015-11-02T09:00:00+08:00";

fn hours(dir: &Path, args: &[&str], lang: &str) -> String {
    let mut all = vec!["report", "hours", "--year", "2015"];
    all.extend_from_slice(args);
    ok(&lunxun_at(dir, &all, lang, LATER))
}

fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fixture(dir.path());
    dir
}

/// (id, province, city, county, elsewhere, total, short, met) of each line.
type Line = (String, [f64; 6], bool);

fn lines(list: &Value) -> Vec<Line> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|l| {
            let h = &l["hours"];
            let n = |v: &Value| v.as_f64().unwrap();
            let figures = [
                n(&h["province"]),
                n(&h["city"]),
                n(&h["county"]),
                n(&h["elsewhere"]),
                n(&h["total"]),
                n(&l["short"]),
            ];
            (
                l["person_id"].as_str().unwrap().to_string(),
                figures,
                l["met"].as_bool().unwrap(),
            )
        })
        .collect()
}

fn line(id: &str, figures: [f64; 6], met: bool) -> Line {
    (id.to_string(), figures, met)
}

#[test]
fn each_person_has_the_years_hours_by_level_and_the_below_target_list() {
    let dir = folder();
    let json: Value = serde_json::from_str(&hours(dir.path(), &["--format", "json"], "C")).unwrap();
    assert_eq!(json["year"], 2015);
    assert_eq!(json["target"], 56);
    assert_eq!(
        (json["people"].as_u64(), json["met"].as_u64()),
        (Some(6), Some(1))
    );
    assert_eq!(json["below"], 5);
    // By county, township, unit, name (in character order: 新 < 白 < 西); 孙退, retired
    // on 2015-06-01, is left out.
    let expected = vec![
        line("zw1", [8.0, 11.0, 0.0, 0.0, 19.0, 37.0], false),
        line("ln", [0.0, 9.0, 0.0, 0.0, 9.0, 47.0], false),
        line("qd", [0.0, 0.0, 0.0, 60.0, 60.0, 0.0], true),
        line("wf", [0.0, 3.0, 0.0, 0.0, 3.0, 53.0], false),
        line("zq", [0.0, 9.0, 0.0, 0.0, 9.0, 47.0], false),
        line("zw2", [0.0, 0.0, 0.0, 0.0, 0.0, 56.0], false),
    ];
    assert_eq!(lines(&json["lines"]), expected);
    let below: Vec<Line> = expected.iter().filter(|l| !l.2).cloned().collect();
    assert_eq!(lines(&json["below_target"]), below);
    let totals = &json["totals"];
    let t = |k: &str| totals[k].as_f64().unwrap();
    assert_eq!(
        [
            t("province"),
            t("city"),
            t("county"),
            t("elsewhere"),
            t("total")
        ],
        [8.0, 32.0, 0.0, 60.0, 100.0]
    );
    let text = json.to_string();
    assert!(!text.contains(PHONE) && !text.contains(ID_NUMBER));
}

#[test]
fn a_county_and_a_target_narrow_the_register() {
    let dir = folder();
    let args = ["--format", "json", "--county", "A县", "--target", "19"];
    let json: Value = serde_json::from_str(&hours(dir.path(), &args, "C")).unwrap();
    assert_eq!(json["county"], "A县");
    let ids: Vec<_> = lines(&json["lines"]).into_iter().map(|l| l.0).collect();
    assert_eq!(ids, ["zw1", "ln", "qd"]);
    let below: Vec<_> = lines(&json["below_target"])
        .into_iter()
        .map(|l| l.0)
        .collect();
    assert_eq!(below, ["ln"], "19 学时 meets a target of 19");
    for target in ["0", "1001"] {
        let all = ["report", "hours", "--year", "2015", "--target", target];
        let refused = lunxun_at(dir.path(), &all, "zh_CN.UTF-8", LATER);
        assert_eq!(refused.status.code(), Some(2), "--target {target}");
    }
}

#[test]
fn the_markdown_report_has_the_summary_every_person_and_the_below_target_list() {
    let dir = folder();
    let md = hours(dir.path(), &[], "zh_CN.UTF-8");
    assert!(md.starts_with("# 2015 年度学时登记表\n"), "{md}");
    assert!(
        md.contains("在册 6 人，年度目标 56 学时：达标 1 人，未达标 5 人。"),
        "{md}"
    );
    assert!(
        md.contains(
            "| 姓名 | 单位 | 县市区 | 省级 | 市级 | 县级 | 其他 | 合计学时 | 还差学时 | 达标 |"
        ),
        "{md}"
    );
    assert!(
        md.contains("| 张伟 | 新开村 | A县 | 8 | 11 | 0 | 0 | 19 | 37 | 否 |"),
        "{md}"
    );
    let below = md
        .split("## 二、未达标名单（5 人）")
        .nth(1)
        .expect("the below-target list");
    assert!(
        !below.contains("钱多") && below.contains("| 李娜 |"),
        "{below}"
    );
    assert!(!md.contains("孙退"), "retired");
    let en = hours(dir.path(), &["--county", "A县"], "C");
    assert!(
        en.starts_with("# A县 2015 training hours register\n"),
        "{en}"
    );
}

/// The file's own part `name` (an xlsx is a zip of XML parts).
fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut xml).unwrap();
    xml
}

/// Both tabs print on A4 across, one page wide, with the header row (row 3, under the
/// title and subtitle) repeated on every page.
fn print_setup_is_a4_landscape_with_the_header_on_every_page(bytes: &[u8]) {
    for n in [1, 2] {
        let xml = part(bytes, &format!("xl/worksheets/sheet{n}.xml"));
        assert!(xml.contains("paperSize=\"9\""), "A4: {xml}");
        assert!(xml.contains("orientation=\"landscape\""), "{xml}");
        assert!(xml.contains("<pageSetUpPr fitToPage=\"1\"/>"), "{xml}");
    }
    let book = part(bytes, "xl/workbook.xml");
    for tab in ["学时登记表", "未达标名单"] {
        let titles = format!(
            "_xlnm.Print_Titles\" localSheetId=\"{}\">{tab}!$3:$3<",
            usize::from(tab == "未达标名单")
        );
        assert!(book.contains(&titles), "no {titles} in {book}");
    }
}

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

#[test]
fn the_workbook_is_a_register_with_a_title_a_header_a_row_per_person_and_totals() {
    let dir = folder();
    let path = dir.path().join("学时登记表.xlsx");
    let said = hours(
        dir.path(),
        &["--format", "xlsx", "-o", path.to_str().unwrap()],
        "zh_CN.UTF-8",
    );
    assert!(said.contains("已写入"), "{said}");
    let bytes = std::fs::read(&path).unwrap();
    print_setup_is_a4_landscape_with_the_header_on_every_page(&bytes);
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    assert_eq!(book.sheet_names(), ["学时登记表", "未达标名单"]);
    let rows: Vec<Vec<Data>> = book
        .worksheet_range("学时登记表")
        .unwrap()
        .rows()
        .map(<[Data]>::to_vec)
        .collect();
    assert_eq!(cell_text(&rows[0][0]), "2015 年度学时登记表");
    let header: Vec<String> = rows[2].iter().map(cell_text).collect();
    assert_eq!(
        header,
        [
            "姓名",
            "单位",
            "县市区",
            "乡镇",
            "职务",
            "省级",
            "市级",
            "县级",
            "其他",
            "合计学时",
            "还差学时",
            "达标",
            "编号"
        ]
    );
    let body = &rows[3..];
    assert_eq!(body.len(), 7, "six people and the totals row");
    let zw1 = body
        .iter()
        .find(|r| cell_text(&r[12]) == "zw1")
        .expect("张伟's row");
    assert_eq!(
        zw1[5..11].to_vec(),
        [8.0, 11.0, 0.0, 0.0, 19.0, 37.0].map(Data::Float)
    );
    let totals = &body[6];
    assert_eq!(cell_text(&totals[0]), "合计");
    assert_eq!(
        totals[5..10].to_vec(),
        [8.0, 32.0, 0.0, 60.0, 100.0].map(Data::Float)
    );
    let below = book.worksheet_range("未达标名单").unwrap();
    assert_eq!(
        below.rows().count(),
        3 + 5,
        "title, subtitle, header and five people"
    );
}
