//! `export attendance` carries each person's standing (in the export's language) and the
//! 学时 credited, as two columns at the end (xlsx, CSV) and fields of the JSON, on the
//! hand-computed cohort Z of `report/credit_fixture.rs`.

mod common;
#[path = "report/credit_fixture.rs"]
mod credit_fixture;

use std::io::Cursor;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use serde_json::Value;

const NOW: &str = "2015-06-03T18:00:00+08:00";

fn export(dir: &Path, file: &str, lang: &str) -> PathBuf {
    let path = dir.join(file);
    let args = [
        "export",
        "attendance",
        "--cohort",
        "Z",
        "-o",
        path.to_str().unwrap(),
    ];
    common::ok(&common::lunxun_at(dir, &args, lang, NOW));
    path
}

/// Name, standing and 学时: the first, and the last two cells of each person's row.
fn standings(rows: &[Vec<String>]) -> Vec<(String, String, String)> {
    rows.iter()
        .filter(|r| r[1].starts_with("学员"))
        .map(|r| {
            let n = r.len();
            (r[1].clone(), r[n - 2].clone(), r[n - 1].clone())
        })
        .collect()
}

fn expected(words: [&str; 5]) -> Vec<(String, String, String)> {
    let [done, not_done, withdrawn, substituted, _] = words;
    [
        ("学员z1", done, "12"),
        ("学员z2", not_done, "9"),
        ("学员z3", done, "10"),
        ("学员z4", withdrawn, "6"),
        ("学员z5", substituted, "3"),
        ("学员z6", not_done, "9"),
        ("学员z7", not_done, "6"),
    ]
    .iter()
    .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
    .collect()
}

const ZH: [&str; 5] = ["结业", "未结业", "退训", "调换", "进行中"];
const EN: [&str; 5] = [
    "completed",
    "not completed",
    "withdrawn",
    "substituted",
    "in progress",
];

#[test]
fn csv_and_xlsx_end_with_the_standing_and_the_hours_in_the_exports_language() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    credit_fixture::credit_fixture(d);
    let csv = read_csv(&export(d, "z.csv", "zh_CN.UTF-8"));
    let width = csv[0].len();
    assert_eq!(csv[0][width - 2..], ["结业情况", "认定学时"]);
    assert_eq!(standings(&csv), expected(ZH));
    assert!(
        csv.iter().all(|r| r.len() == width),
        "totals rows padded to the header: {csv:?}"
    );
    let xlsx = read_xlsx(&export(d, "z.xlsx", "zh_CN.UTF-8"));
    assert_eq!(standings(&xlsx), expected(ZH));
    let en = read_csv(&export(d, "z-en.csv", "C"));
    assert_eq!(en[0][width - 2..], ["Standing", "Hours credited"]);
    assert_eq!(standings(&en), expected(EN));
}

#[test]
fn the_json_gives_the_standing_code_its_words_and_the_hours() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    credit_fixture::credit_fixture(d);
    let path = export(d, "z.json", "C");
    let json: Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    let people: Vec<(&str, &str, &str, f64, u64)> = json["attendees"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["person_id"].as_str().unwrap(),
                a["standing"].as_str().unwrap(),
                a["standing_label"].as_str().unwrap(),
                a["credited_hours"].as_f64().unwrap(),
                a["credited_minutes"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        people,
        [
            ("z1", "completed", "completed", 12.0, 540),
            ("z2", "not_completed", "not completed", 9.0, 405),
            ("z3", "completed", "completed", 10.0, 450),
            ("z4", "withdrawn", "withdrawn", 6.0, 270),
            ("z5", "substituted", "substituted", 3.0, 135),
            ("z6", "not_completed", "not completed", 9.0, 405),
            ("z7", "not_completed", "not completed", 6.0, 270),
        ]
    );
}

fn read_csv(path: &Path) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(path).unwrap();
    let text = text.trim_start_matches('\u{FEFF}');
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

fn read_xlsx(path: &Path) -> Vec<Vec<String>> {
    let bytes = std::fs::read(path).unwrap();
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    let name = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&name).unwrap();
    range
        .rows()
        .map(|row| {
            row.iter()
                .map(|cell| match cell {
                    Data::Float(f) => format!("{f}"),
                    Data::Empty => String::new(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}

#[test]
fn an_open_cohort_shows_who_is_still_in_progress() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    credit_fixture::open_fixture(d);
    let csv = read_csv(&export(d, "z.csv", "zh_CN.UTF-8"));
    let z6 = standings(&csv)
        .into_iter()
        .find(|s| s.0 == "学员z6")
        .unwrap();
    assert_eq!((z6.1.as_str(), z6.2.as_str()), (ZH[4], "9"));
    let en = read_csv(&export(d, "z-en.csv", "C"));
    let z6 = standings(&en)
        .into_iter()
        .find(|s| s.0 == "学员z6")
        .unwrap();
    assert_eq!(z6.1, EN[4]);
}
