//! County to city, end to end through the built binary: two counties each run their own
//! "2026-01" on their own laptop and export their year; the city merges both bundles
//! into one empty folder, the second cohort is renumbered (and the report says so), and
//! `report year` gives the city-wide quota and untrained list, a secretary found in
//! both counties' registers counted once, in the county of their newest record.

mod common;

use std::path::Path;

use common::{last_line, lunxun_at, ok};
use serde_json::Value;

/// A 18-digit ID number with its check digit (GB 11643).
fn id_number(n: usize) -> String {
    let body = format!("43062119800101{n:03}");
    let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = body
        .chars()
        .zip(weights)
        .map(|(c, w)| c.to_digit(10).unwrap() * w)
        .sum();
    let check = b"10X98765432"[(sum % 11) as usize] as char;
    format!("{body}{check}")
}

/// The city's clock: the year's last day.
const END: &str = "2026-12-31T12:00:00+08:00";

/// The secretary who moved from 甲县 to 乙县: in both registers, by the same ID number.
const MOVER: &str = "周迁";

/// One county's laptop.
struct County {
    dir: tempfile::TempDir,
    /// The day its records were typed in (its clock for everything but attendance).
    day: &'static str,
}

impl County {
    fn run_at(&self, now: &str, args: &[&str]) -> String {
        ok(&lunxun_at(self.dir.path(), args, "C", now))
    }

    fn run(&self, args: &[&str]) -> String {
        self.run_at(&format!("{}T09:00:00+08:00", self.day), args)
    }

    fn import(&self, rows: &[String], cohort: Option<&str>) {
        let mut csv = String::from("姓名,单位,县,领域,身份证号\n");
        for row in rows {
            csv.push_str(row);
            csv.push('\n');
        }
        let file = self.dir.path().join(format!("花名册-{}.csv", rows.len()));
        std::fs::write(&file, csv).unwrap();
        let mut args = vec!["import", file.to_str().unwrap()];
        if let Some(code) = cohort {
            args.extend(["--cohort", code]);
        }
        self.run(&args);
    }
}

/// A county that registered `register` village secretaries, enrolled the first
/// `enrolled` in its city-level "2026-01" and saw the first `completed` of those
/// enrolled attend both sessions (the others the morning only: 50% of the hours, short
/// of 80%). `mover`: the moving secretary is on the register too, enrolled (first) when
/// `Some(true)`.
struct Plan {
    county: &'static str,
    day: &'static str,
    register: usize,
    enrolled: usize,
    completed: usize,
    mover: Option<bool>,
}

fn county(plan: &Plan) -> County {
    let c = County {
        dir: tempfile::tempdir().unwrap(),
        day: plan.day,
    };
    let name = format!("{}2026年第1期", plan.county);
    let new = [
        "cohort",
        "new",
        "--name",
        &name,
        "--start",
        "2026-03-16",
        "--days",
        "1",
    ];
    let code = last_line(&c.run(&[&new[..], &["--level", "city", "--field", "village"]].concat()));
    assert_eq!(code, "2026-01");
    let row = |i: usize| format!("{0}{i:02},{0}{i}村,{0},村,", plan.county);
    let mover = format!(
        "{MOVER},{}新村,{},村,{}",
        plan.county,
        plan.county,
        id_number(7)
    );
    let mut enrolled: Vec<String> = (1..=plan.enrolled).map(row).collect();
    let mut rest: Vec<String> = (plan.enrolled + 1..=plan.register).map(row).collect();
    match plan.mover {
        Some(true) => enrolled.insert(0, mover),
        Some(false) => rest.push(mover),
        None => {}
    }
    c.import(&enrolled, Some(&code));
    c.import(&rest, None);
    let roster: Value =
        serde_json::from_str(&c.run(&["roster", "--cohort", &code, "--json"])).unwrap();
    let roster = roster.as_array().unwrap();
    assert_eq!(roster.len(), enrolled.len());
    let id_of = |name: &str| {
        let person = roster.iter().find(|p| p["name"] == name).unwrap();
        person["person_id"].as_str().unwrap().to_string()
    };
    let names: Vec<&str> = enrolled
        .iter()
        .map(|r| r.split(',').next().unwrap())
        .collect();
    for (n, name) in names.iter().enumerate() {
        let id = &id_of(name);
        let check_in = |time: &str, session: &str| {
            let now = format!("2026-03-16T{time}:00+08:00");
            let args = [
                "checkin",
                "--cohort",
                &code,
                "--person",
                id,
                "--session",
                session,
            ];
            c.run_at(&now, &args);
        };
        check_in("08:25", "1:am");
        if n < plan.completed {
            check_in("14:25", "1:pm");
        }
    }
    c.run_at(
        "2026-03-16T18:00:00+08:00",
        &["cohort", "close", "--cohort", &code],
    );
    c
}

#[test]
fn two_counties_year_bundles_merge_at_the_city_into_the_right_quota_and_untrained_list() {
    // 甲县: 20 on the register (the mover among them, not enrolled), 10 enrolled, 8
    // completed. 乙县 (a week later): 8 on the register with the mover, 6 enrolled (the
    // mover among them), 5 completed (the mover among them).
    let a = county(&Plan {
        county: "甲县",
        day: "2026-03-02",
        register: 19,
        enrolled: 10,
        completed: 8,
        mover: Some(false),
    });
    let b = county(&Plan {
        county: "乙县",
        day: "2026-03-09",
        register: 7,
        enrolled: 5,
        completed: 5,
        mover: Some(true),
    });
    let stick = tempfile::tempdir().unwrap();
    let bundle = |c: &County, name: &str| {
        let file = stick.path().join(name);
        c.run(&[
            "bundle",
            "export",
            "--year",
            "2026",
            "-o",
            file.to_str().unwrap(),
        ]);
        file
    };
    let (from_a, from_b) = (bundle(&a, "甲县.lxb"), bundle(&b, "乙县.lxb"));

    let city = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| ok(&lunxun_at(city.path(), args, "C", END));
    let merge = |file: &Path| -> Value {
        serde_json::from_str(&run(&["bundle", "merge", file.to_str().unwrap(), "--json"])).unwrap()
    };
    let first = merge(&from_a);
    assert_eq!(first["renumbered"], Value::Array(vec![]), "{first}");
    let second = merge(&from_b);
    let renumbered = second["renumbered"].as_array().unwrap();
    assert_eq!(renumbered.len(), 1, "{second}");
    let text = renumbered[0].to_string();
    assert!(
        text.contains("\"2026-01\"") && text.contains("\"2026-02\""),
        "{text}"
    );
    let joined = second["joined"].as_array().unwrap();
    assert_eq!(joined.len(), 1, "the mover, by ID number: {second}");
    assert_eq!(joined[0]["name"], MOVER);

    let cohorts: Value = serde_json::from_str(&run(&["cohort", "list", "--json"])).unwrap();
    let names: Vec<(&str, &str)> = cohorts
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["code"].as_str().unwrap(), c["name"].as_str().unwrap()))
        .collect();
    assert_eq!(
        names,
        [
            ("2026-01", "甲县2026年第1期"),
            ("2026-02", "乙县2026年第1期")
        ]
    );

    let report = year_report(city.path());
    let quota: Vec<(String, u64, u64)> = report["quota"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| {
            let n = |k: &str| q[k].as_u64().unwrap();
            let county = q["county"].as_str().unwrap().to_string();
            (county, n("village_secretaries"), n("city_level_completed"))
        })
        .collect();
    // 甲县: 20 records, the mover counts in 乙县 (newest record) → 19, 8 completed.
    // 乙县: 7 + the mover = 8, 4 + the mover = 5 completed.
    assert_eq!(
        quota,
        [("乙县".to_string(), 8, 5), ("甲县".to_string(), 19, 8)]
    );
    let untrained: Vec<&str> = report["untrained"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(untrained.len(), (19 - 8) + (8 - 5), "{untrained:?}");
    assert!(
        !untrained.contains(&MOVER),
        "trained in 乙县: {untrained:?}"
    );
    assert!(untrained.contains(&"甲县09") && untrained.contains(&"乙县05"));
    assert_eq!(report["trained"], 13);
    let once = report["counted_once"].as_array().unwrap();
    assert_eq!(once.len(), 1, "{report}");
    assert_eq!(
        (once[0]["name"].as_str(), once[0]["county"].as_str()),
        (Some(MOVER), Some("乙县"))
    );
}

fn year_report(city: &Path) -> Value {
    let args = ["report", "year", "--year", "2026", "--format", "json"];
    serde_json::from_str(&ok(&lunxun_at(city, &args, "C", END))).unwrap()
}

/// What the year report says of people (keyed by ids and counties, not by the cohort
/// codes a city gives in the order bundles arrive).
fn of_people(report: &Value) -> Vec<Value> {
    ["quota", "untrained", "trained", "counted_once"]
        .map(|k| report[k].clone())
        .to_vec()
}

#[test]
fn the_city_gets_the_same_year_whichever_county_arrives_first() {
    let a = county(&Plan {
        county: "甲县",
        day: "2026-03-02",
        register: 4,
        enrolled: 3,
        completed: 2,
        mover: Some(true),
    });
    let b = county(&Plan {
        county: "乙县",
        day: "2026-03-09",
        register: 3,
        enrolled: 2,
        completed: 1,
        mover: Some(false),
    });
    let stick = tempfile::tempdir().unwrap();
    let files = [(&a, "甲县.lxb"), (&b, "乙县.lxb")].map(|(c, name)| {
        let file = stick.path().join(name);
        c.run(&[
            "bundle",
            "export",
            "--year",
            "2026",
            "-o",
            file.to_str().unwrap(),
        ]);
        file
    });
    let city = |order: [usize; 2]| {
        let dir = tempfile::tempdir().unwrap();
        let mut said = String::new();
        for i in order {
            let args = ["bundle", "merge", files[i].to_str().unwrap()];
            said = ok(&lunxun_at(dir.path(), &args, "zh_CN.UTF-8", END));
        }
        (year_report(dir.path()), said, dir)
    };
    let (ab, said_ab, _one) = city([0, 1]);
    let (ba, said_ba, _two) = city([1, 0]);
    assert_eq!(of_people(&ab), of_people(&ba));
    // The renumbering is said in the merge's report, whichever cohort it falls on.
    for said in [&said_ab, &said_ba] {
        assert!(
            said.contains("2026-01") && said.contains("2026-02"),
            "{said}"
        );
    }
    // The mover was enrolled and completed in 甲县 but their newest record is 乙县's:
    // trained, counted once, in 乙县.
    let once = &ab["counted_once"][0];
    assert_eq!(
        (once["name"].as_str(), once["county"].as_str()),
        (Some(MOVER), Some("乙县"))
    );
    assert_eq!(ab["trained"], 3);
}
