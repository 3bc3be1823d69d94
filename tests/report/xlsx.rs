//! `--format xlsx`: the workbooks are read back with calamine and their cells compared
//! with the JSON of the same report. Each tab: a title row, the header row, then data.

use std::collections::BTreeMap;
use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use serde_json::Value;

use super::fixture::{fixture, json, report};

/// Every tab of a workbook by name (in tab order), as rows of cells.
struct Book {
    names: Vec<String>,
    tabs: BTreeMap<String, Vec<Vec<Data>>>,
    formulas: bool,
}

impl Book {
    fn read(path: &Path) -> Book {
        let bytes = std::fs::read(path).unwrap();
        let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
        let names = book.sheet_names().to_vec();
        let mut tabs = BTreeMap::new();
        let mut formulas = false;
        for name in &names {
            let range = book.worksheet_range(name).unwrap();
            tabs.insert(name.clone(), range.rows().map(<[Data]>::to_vec).collect());
            let f = book.worksheet_formula(name).unwrap();
            formulas |= f.used_cells().any(|(_, _, f)| !f.is_empty());
        }
        Book {
            names,
            tabs,
            formulas,
        }
    }

    /// Where a tab's header row is: under the title, or under the title and a
    /// subtitle (a merged row: only its first cell holds text).
    fn header_row(&self, tab: &str) -> usize {
        let second = &self.tabs[tab][1];
        match second[1..].iter().all(|c| matches!(c, Data::Empty)) {
            true if second.len() > 1 => 2,
            _ => 1,
        }
    }

    /// The header row of a tab.
    fn header(&self, tab: &str) -> Vec<String> {
        self.tabs[tab][self.header_row(tab)]
            .iter()
            .map(text)
            .collect()
    }

    /// The data rows of a tab (after the title, a subtitle if any, and the header).
    fn rows(&self, tab: &str) -> &[Vec<Data>] {
        &self.tabs[tab][self.header_row(tab) + 1..]
    }
}

fn text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

fn number(cell: &Data) -> f64 {
    match cell {
        Data::Float(f) => *f,
        Data::Int(i) => *i as f64,
        other => panic!("{other:?} is not a number"),
    }
}

fn int(v: &Value) -> f64 {
    v.as_f64().unwrap()
}

fn write(dir: &Path, args: &[&str], file: &str) -> std::path::PathBuf {
    let path = dir.join(file);
    let mut all = args.to_vec();
    all.extend(["--format", "xlsx", "-o", path.to_str().unwrap()]);
    report(dir, &all);
    path
}

const COHORT_TABS: [&str; 13] = [
    "基本情况",
    "参训领域",
    "参训县市区",
    "场次出勤",
    "学员出勤",
    "结业学员",
    "未结业学员",
    "退训",
    "调换",
    "教学方式",
    "内容模块",
    "培训基地",
    "教学活动",
];

#[test]
fn the_cohort_workbook_holds_the_json_numbers_tab_by_tab() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fixture(d);
    let args = ["--lang", "zh", "report", "cohort", "--cohort", "X"];
    let book = Book::read(&write(d, &args, "X.xlsx"));
    let r = json(d, &args);
    assert_eq!(book.names, COHORT_TABS);
    assert!(!book.formulas);
    assert!(text(&book.tabs["场次出勤"][0][0]).starts_with("X班 · 出勤情况"));
    let sessions = book.rows("场次出勤");
    assert_eq!(sessions.len(), 2);
    for (row, s) in sessions.iter().zip(r["sessions"].as_array().unwrap()) {
        assert_eq!(text(&row[0]), s["session"].as_str().unwrap());
        let counts = ["present", "late", "leave", "absent", "none"];
        for (i, key) in counts.iter().enumerate() {
            assert_eq!(number(&row[4 + i]), int(&s[key]), "{key}");
        }
        assert_eq!(number(&row[9]), int(&s["rate"]), "rate stays a number");
        assert_eq!(number(&row[10]), int(&s["hours"]), "学时 a number");
    }
    let people = book.rows("学员出勤");
    let header = book.header("学员出勤");
    let attended = header.iter().position(|h| h == "出勤场次").unwrap();
    for (row, p) in people.iter().zip(r["people"].as_array().unwrap()) {
        assert_eq!(text(&row[0]), p["name"].as_str().unwrap());
        assert_eq!(
            text(&row[5]),
            p["phone"].as_str().unwrap(),
            "masked as in JSON"
        );
        assert_eq!(number(&row[attended]), int(&p["attended"]));
        assert_eq!(number(&row[attended + 1]), int(&p["credited_hours"]));
        let done = if p["completed"].as_bool().unwrap() {
            "结业"
        } else {
            "未结业"
        };
        assert_eq!(text(&row[attended + 2]), done);
    }
    assert!(!text(&people[0][5]).contains("12345678"), "phone masked");
    teaching_tabs(&book, &r["teaching"]);
}

fn teaching_tabs(book: &Book, t: &Value) {
    let methods = book.rows("教学方式");
    let expected = t["methods"].as_array().unwrap();
    assert_eq!(methods.len(), expected.len());
    for (row, m) in methods.iter().zip(expected) {
        assert_eq!(text(&row[0]), m["name"].as_str().unwrap());
        assert_eq!(number(&row[1]), int(&m["count"]));
        assert_eq!(number(&row[2]), int(&m["hours"]));
        assert_eq!(number(&row[3]), int(&m["planned"]));
    }
    let modules = book.rows("内容模块");
    for (row, m) in modules.iter().zip(t["modules"].as_array().unwrap()) {
        assert_eq!(number(&row[0]), int(&m["number"]));
        let covered = if m["covered"].as_bool().unwrap() {
            "是"
        } else {
            "否"
        };
        assert_eq!(text(&row[2]), covered);
        assert_eq!(number(&row[4]), int(&m["activities"]));
        assert_eq!(number(&row[5]), int(&m["hours"]));
    }
    assert_eq!(text(&modules[0][3]), "第1天上午");
    assert_eq!(text(&modules[2][3]), "—", "module 3 in no session");
    let bases = book.rows("培训基地");
    assert_eq!(bases.len(), 1);
    let row: Vec<String> = bases[0].iter().map(text).collect();
    assert_eq!(
        row[..8],
        [
            "新开村",
            "村",
            "岳阳县",
            "是",
            "是",
            "市级",
            "2015-03-01",
            "是"
        ]
    );
    assert_eq!(number(&bases[0][9]), 1.0);
    let log = book.rows("教学活动");
    let ids: Vec<f64> = log.iter().map(|row| number(&row[0])).collect();
    let expected: Vec<f64> = t["log"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| int(&a["id"]))
        .collect();
    assert_eq!(ids, expected);
}

const YEAR_TABS: [&str; 9] = [
    "举办班次",
    "层级与领域",
    "培训人数（领域）",
    "培训人数（县市区）",
    "学时（领域）",
    "学时（县市区）",
    "模块覆盖",
    "市级培训比例",
    "未参训人员",
];

#[test]
fn the_year_workbook_holds_the_quota_matrix_and_untrained_of_the_json() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fixture(d);
    let args = ["--lang", "zh", "report", "year", "--year", "2015"];
    let book = Book::read(&write(d, &args, "2015.xlsx"));
    let r = json(d, &args);
    assert_eq!(book.names, YEAR_TABS);
    let as_of = text(&book.tabs["市级培训比例"][1][0]);
    assert!(as_of.starts_with("在任人员按 2015-12-31 计算"), "{as_of}");
    let quota = book.rows("市级培训比例");
    let expected = r["quota"].as_array().unwrap();
    assert_eq!(quota.len(), expected.len());
    for (row, q) in quota.iter().zip(expected) {
        assert_eq!(text(&row[0]), q["county"].as_str().unwrap());
        assert_eq!(number(&row[1]), int(&q["village_secretaries"]));
        assert_eq!(number(&row[2]), int(&q["city_level_completed"]));
        match q["ratio"].as_f64() {
            Some(ratio) => assert_eq!(number(&row[3]), ratio),
            None => assert_eq!(text(&row[3]), "—"),
        }
    }
    assert_eq!(
        text(&quota[1][4]),
        "无村书记",
        "B县 has no village secretaries"
    );
    let untrained: Vec<String> = book
        .rows("未参训人员")
        .iter()
        .map(|row| text(&row[7]))
        .collect();
    let ids: Vec<&str> = r["untrained"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["person_id"].as_str().unwrap())
        .collect();
    assert_eq!(untrained, ids);
    let header = book.header("模块覆盖");
    assert_eq!(header[2], "1 讲话精神");
    let m = &r["coverage_matrix"]["cohorts"];
    for (row, c) in book.rows("模块覆盖").iter().zip(m.as_array().unwrap()) {
        assert_eq!(text(&row[0]), c["code"].as_str().unwrap());
        let cells: Vec<f64> = row[2..7].iter().map(number).collect();
        let json_cells: Vec<f64> = c["cells"].as_array().unwrap().iter().map(int).collect();
        assert_eq!(cells, json_cells);
    }
    let totals = book.rows("培训人数（领域）").last().unwrap().clone();
    assert_eq!(
        (text(&totals[0]), number(&totals[1])),
        ("合计".to_string(), 3.0)
    );
}

#[test]
fn workbooks_have_english_tabs_in_english_and_the_same_bytes_twice() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fixture(d);
    let args = ["--lang", "en", "report", "cohort", "--cohort", "X"];
    let a = write(d, &args, "a.xlsx");
    let b = write(d, &args, "b.xlsx");
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    let book = Book::read(&a);
    assert_eq!(
        book.names[..4],
        ["Overview", "By field", "By county", "Sessions"]
    );
    let year = Book::read(&write(d, &["--lang", "en", "report", "year"], "y.xlsx"));
    assert_eq!(year.names[8], "Untrained");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&a).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
}
