//! Reports checked against a hand-computed fixture: people in two cohorts, an undone
//! check-in, leave, a closed session, and a county with no village secretaries.

use std::path::Path;
use std::process::Command;

use chrono::{DateTime, FixedOffset, NaiveDate};
use lunxun::domain::cohort::{DEFAULT_COMPLETION_PERCENT, DEFAULT_GRACE_MINUTES};
use lunxun::domain::{
    CheckInStatus, Cohort, Field, Level, Person, PersonId, Session, SlotDef, SlotKind,
};
use lunxun::store::{Batch, DeskRequest, Store};
use serde_json::Value;

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

fn cohort(code: &str, level: Level) -> Cohort {
    Cohort {
        code: code.into(),
        name: format!("{code}班"),
        level,
        field_focus: Some(Field::Village),
        start: NaiveDate::from_ymd_opt(2015, 5, 4).unwrap(),
        days: 1,
        slots: SlotDef::defaults(),
        venue: "党校".into(),
        open: true,
        grace_minutes: DEFAULT_GRACE_MINUTES,
        completion_percent: DEFAULT_COMPLETION_PERCENT,
        closed_sessions: vec![],
        created_at: at("2015-05-01T08:00:00+08:00"),
    }
}

fn person(id: &str, county: &str, field: Field) -> Person {
    let mut p = Person::named(PersonId(id.into()), id);
    p.county = county.into();
    p.field = Some(field);
    p.unit = format!("{id}单位");
    p.phone = Some("13812345678".into());
    p.id_number = Some("11010519491231002X".into());
    p
}

/// City cohort X: p1 present ×2 (completes), p2 present + late (completes), p3 present +
/// an undone check-in in the closed afternoon (absent → 1/2, does not complete), p4 leave +
/// present (1/2). County cohort Y: p1 again and c1 complete. A县 has 4 village
/// secretaries, 2 completed city-level → 50%; B县 has none.
fn fixture(dir: &Path) {
    let store = Store::open(dir).unwrap();
    let mut batch = Batch::default();
    let mut x = cohort("X", Level::City);
    x.closed_sessions.push(Session::new(1, SlotKind::Pm));
    Store::stage_cohort(&mut batch, &x);
    Store::stage_cohort(&mut batch, &cohort("Y", Level::County));
    let people = [
        person("p1", "A县", Field::Village),
        person("p2", "A县", Field::Village),
        person("p3", "A县", Field::Village),
        person("p4", "A县", Field::Village),
        person("c1", "A县", Field::Community),
        person("b1", "B县", Field::Agency),
    ];
    let when = at("2015-05-01T08:00:00+08:00");
    for p in &people {
        Store::stage_person(&mut batch, p);
    }
    for id in ["p1", "p2", "p3", "p4"] {
        Store::stage_enrolment(&mut batch, "X", &PersonId(id.into()), when, false);
    }
    for id in ["p1", "c1"] {
        Store::stage_enrolment(&mut batch, "Y", &PersonId(id.into()), when, false);
    }
    store.commit(batch).unwrap();
    let am = Session::new(1, SlotKind::Am);
    let pm = Session::new(1, SlotKind::Pm);
    let check = |code: &str, id: &str, session: Session, status: CheckInStatus| {
        let person = PersonId(id.into());
        let req = DeskRequest {
            cohort: code,
            person: &person,
            session,
            at: at("2015-05-04T08:20:00+08:00"),
        };
        store.check_in(&req, status, None).unwrap();
    };
    check("X", "p1", am, CheckInStatus::Present);
    check("X", "p1", pm, CheckInStatus::Present);
    check("X", "p2", am, CheckInStatus::Present);
    check("X", "p2", pm, CheckInStatus::Late);
    check("X", "p3", am, CheckInStatus::Present);
    check("X", "p3", pm, CheckInStatus::Present);
    let p3 = PersonId("p3".into());
    let req = DeskRequest {
        cohort: "X",
        person: &p3,
        session: pm,
        at: at("2015-05-04T15:00:00+08:00"),
    };
    store.undo(&req).unwrap();
    check("X", "p4", am, CheckInStatus::Leave);
    check("X", "p4", pm, CheckInStatus::Present);
    for id in ["p1", "c1"] {
        check("Y", id, am, CheckInStatus::Present);
        check("Y", id, pm, CheckInStatus::Present);
    }
}

fn report(dir: &Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_lunxun"))
        .args(args)
        .arg("--db")
        .arg(dir)
        .env("LANG", "zh_CN.UTF-8")
        .env("LUNXUN_NOW", "2015-12-31T18:00:00+08:00")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_cohort_report_matches_the_hand_computed_fixture() {
    let dir = tempfile::tempdir().unwrap();
    fixture(dir.path());
    let json: Value = serde_json::from_str(&report(
        dir.path(),
        &["report", "cohort", "--cohort", "X", "--format", "json"],
    ))
    .unwrap();
    assert_eq!(json["enrolled"], 4);
    assert_eq!(json["completed"], 2);
    let am = &json["sessions"][0];
    assert_eq!(
        (
            am["present"].as_u64(),
            am["leave"].as_u64(),
            am["rate"].as_f64()
        ),
        (Some(3), Some(1), Some(0.75))
    );
    let pm = &json["sessions"][1];
    let counts = ["present", "late", "leave", "absent", "none"].map(|k| pm[k].as_u64().unwrap());
    assert_eq!(
        counts,
        [2, 1, 0, 1, 0],
        "p3's undone check-in in the closed session is absent"
    );
    let done: Vec<bool> = json["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["completed"].as_bool().unwrap())
        .collect();
    assert_eq!(done, [true, true, false, false]);
    assert_eq!(
        json["people"][2]["marks"],
        serde_json::json!(["present", "absent"])
    );
    let text = json.to_string();
    assert!(
        !text.contains("13812345678") && !text.contains("11010519491231002X"),
        "masked by default"
    );
}

#[test]
fn the_year_report_gives_the_quota_and_exactly_the_untrained() {
    let dir = tempfile::tempdir().unwrap();
    fixture(dir.path());
    let json: Value = serde_json::from_str(&report(
        dir.path(),
        &["report", "year", "--year", "2015", "--format", "json"],
    ))
    .unwrap();
    let quota = json["quota"].as_array().unwrap();
    assert_eq!(quota.len(), 2);
    assert_eq!(quota[0]["county"], "A县");
    assert_eq!(
        (
            quota[0]["village_secretaries"].as_u64(),
            quota[0]["city_level_completed"].as_u64()
        ),
        (Some(4), Some(2))
    );
    assert_eq!(
        (quota[0]["ratio"].as_f64(), quota[0]["meets"].as_bool()),
        (Some(0.5), Some(true))
    );
    assert_eq!(quota[1]["county"], "B县");
    assert_eq!(
        (
            quota[1]["village_secretaries"].as_u64(),
            quota[1]["ratio"].is_null(),
            quota[1]["meets"].as_bool()
        ),
        (Some(0), true, Some(false))
    );
    let untrained: Vec<&str> = json["untrained"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["person_id"].as_str().unwrap())
        .collect();
    assert_eq!(untrained, ["p3", "p4", "b1"]);
    for key in ["person_id", "name", "county", "field"] {
        assert!(
            json["untrained"][0].get(key).is_some(),
            "untrained rows carry {key}"
        );
    }
    assert_eq!(
        json["trained"], 3,
        "p1 counted once although in two cohorts"
    );
    let with_quota = report(
        dir.path(),
        &[
            "report", "year", "--year", "2015", "--format", "json", "--quota", "60",
        ],
    );
    assert!(with_quota.contains("\"meets\": false"));
}

#[test]
fn reports_are_deterministic_apart_from_the_generation_line() {
    let dir = tempfile::tempdir().unwrap();
    fixture(dir.path());
    let a = report(dir.path(), &["report", "year", "--year", "2015"]);
    let b = report(dir.path(), &["report", "year", "--year", "2015"]);
    assert_eq!(a, b);
    let md = report(dir.path(), &["report", "cohort", "--cohort", "X"]);
    insta::assert_snapshot!("cohort_report_zh", md);
    insta::assert_snapshot!("year_report_zh", a);
}

#[cfg(unix)]
#[test]
fn a_report_file_is_private_and_complete() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    fixture(dir.path());
    let file = dir.path().join("year.md");
    report(
        dir.path(),
        &[
            "report",
            "year",
            "--year",
            "2015",
            "-o",
            file.to_str().unwrap(),
        ],
    );
    let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("尚未参加轮训人员（3）")
    );
}
