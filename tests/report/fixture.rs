//! The hand-computed fixture shared by the report tests, and a helper that runs the
//! built binary on it with the clock fixed.

use std::path::Path;
use std::process::Output;

use chrono::NaiveDate;
use lunxun::domain::base::Accreditation;
use lunxun::domain::{
    ActivityDetails, BaseKind, CheckInStatus, Cohort, Field, FiveHaves, Have, Level, Method,
    Person, PersonId, Session, SessionChange, SlotKind, TrainingBase,
};
use lunxun::store::{
    ActivityOutcome, ActivityRequest, Batch, CheckInOutcome, CohortChange, DeskRequest, Store,
};

use crate::common::fixtures::at;

/// A one-day cohort on 2015-05-04 for village secretaries at level `level`.
fn cohort(code: &str, level: Level) -> Cohort {
    Cohort {
        name: format!("{code}班"),
        level,
        field_focus: Some(Field::Village),
        start: NaiveDate::from_ymd_opt(2015, 5, 4).unwrap(),
        days: 1,
        venue: "党校".into(),
        created_at: at("2015-05-01T08:00:00+08:00"),
        ..crate::common::fixtures::cohort(code)
    }
}

fn person(id: &str, county: &str, field: Field) -> Person {
    let mut p = crate::common::fixtures::person(id, id);
    p.county = county.into();
    p.field = Some(field);
    p.unit = format!("{id}单位");
    p.phone = Some("13812345678".into());
    p.id_number = Some("11010519491231002X".into());
    p
}

/// 新开村: accredited by the city on 2015-03-01, all five haves. 梅溪社区: never
/// accredited, lacks a film.
fn bases() -> [TrainingBase; 2] {
    let base = |id: &str, name: &str, kind, haves: &[Have], accreditation| TrainingBase {
        id: id.into(),
        name: name.into(),
        kind,
        county: "岳阳县".into(),
        haves: FiveHaves::from_list(haves),
        accreditation,
        notes: String::new(),
        created_at: at("2015-02-01T08:00:00+08:00"),
        updated_at: None,
    };
    let accredited = Accreditation {
        date: NaiveDate::from_ymd_opt(2015, 3, 1).unwrap(),
        level: Level::City,
    };
    [
        base(
            "base-xinkai",
            "新开村",
            BaseKind::Village,
            &Have::ALL,
            Some(accredited),
        ),
        base(
            "base-meixi",
            "梅溪社区",
            BaseKind::Community,
            &[Have::Venue, Have::Guide, Have::Material, Have::Site],
            None,
        ),
    ]
}

/// City cohort X: p1 present ×2 (completes), p2 present + late (completes), p3 present +
/// an undone check-in in the closed afternoon (absent → 1/2, does not complete), p4 leave +
/// present (1/2). County cohort Y: p1 again and c1 complete. A县 has 4 village
/// secretaries, 2 completed city-level → 50%; B县 has none.
///
/// Teaching in X: a lecture on modules 1 and 2 in 1:am (2 h), a site visit to 新开村 on
/// module 5 in 1:pm (3 h), a visit to 梅溪社区 on module 3 that was deleted, and an
/// elective on module 4 still planned. In Y: a case study on module 4 in 1:am (1.5 h)
/// and a visit to 梅溪社区 on module 3 in 1:pm (1 h).
pub fn fixture(dir: &Path) {
    let store = Store::open(dir).unwrap();
    let mut batch = Batch::default();
    let x = cohort("X", Level::City);
    let y = cohort("Y", Level::County);
    Store::stage_cohort(&mut batch, &x);
    Store::stage_cohort(&mut batch, &y);
    for base in &bases() {
        Store::stage_base(&mut batch, base);
    }
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
    attendance(&store);
    // Closed after its attendance was taken: a closed session takes no more.
    let pm = Session::new(1, SlotKind::Pm);
    let closed = store
        .change_session("X", pm, SessionChange::Close, when)
        .unwrap();
    let CohortChange::Changed(x) = closed else {
        panic!("{closed:?}")
    };
    teaching(&store, &x, &y);
}

fn attendance(store: &Store) {
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
        let outcome = store.check_in(&req, status, None).unwrap();
        assert!(
            matches!(outcome, CheckInOutcome::Recorded(_)),
            "{outcome:?}"
        );
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

/// One activity as an organiser types it.
struct Plan<'a> {
    session: &'a str,
    method: Method,
    title: &'a str,
    modules: &'a [u16],
    minutes: u32,
    base: Option<&'a str>,
}

fn add(store: &Store, cohort: &Cohort, plan: Plan<'_>, planned: bool) -> u32 {
    let request = ActivityRequest {
        cohort,
        at: at("2015-05-04T18:00:00+08:00"),
        by: Some("张干事".into()),
        catalogue: None,
    };
    let details = ActivityDetails {
        session: Session::parse(plan.session).unwrap(),
        method: plan.method,
        title: plan.title.into(),
        lecturer: if plan.method == Method::Lecture {
            "王强".into()
        } else {
            String::new()
        },
        role: if plan.method == Method::Lecture {
            "县委书记".into()
        } else {
            String::new()
        },
        modules: plan.modules.to_vec(),
        minutes: Some(plan.minutes),
        class_hours: None,
        base: plan.base.map(str::to_string),
        notes: String::new(),
    };
    match store.add_activity(&request, details, planned).unwrap() {
        ActivityOutcome::Recorded(a) => a.id,
        ActivityOutcome::Refused(why) => panic!("{why}"),
    }
}

fn teaching(store: &Store, x: &Cohort, y: &Cohort) {
    let plan = |session, method, title, modules, minutes, base| Plan {
        session,
        method,
        title,
        modules,
        minutes,
        base,
    };
    add(
        store,
        x,
        plan("1:am", Method::Lecture, "学习党章", &[1, 2], 120, None),
        false,
    );
    let visit = plan(
        "1:pm",
        Method::Visit,
        "观摩新开村",
        &[5],
        180,
        Some("base-xinkai"),
    );
    add(store, x, visit, false);
    let wrong = plan(
        "1:pm",
        Method::Visit,
        "观摩梅溪社区",
        &[3],
        60,
        Some("base-meixi"),
    );
    let wrong = add(store, x, wrong, false);
    let request = ActivityRequest {
        cohort: x,
        at: at("2015-05-04T19:00:00+08:00"),
        by: None,
        catalogue: None,
    };
    let deleted = store.delete_activity(&request, wrong, Some("录错班次".into()));
    assert!(matches!(deleted.unwrap(), ActivityOutcome::Recorded(_)));
    let elective = plan("1:pm", Method::Elective, "菜单选学", &[4], 60, None);
    add(store, x, elective, true);
    add(
        store,
        y,
        plan("1:am", Method::Case, "案例分析", &[4], 90, None),
        false,
    );
    let visit = plan(
        "1:pm",
        Method::Visit,
        "观摩梅溪社区",
        &[3],
        60,
        Some("base-meixi"),
    );
    add(store, y, visit, false);
}

/// Runs the binary on the fixture in Chinese, the clock at the end of 2015.
pub fn run(dir: &Path, args: &[&str]) -> Output {
    crate::common::lunxun_at(dir, args, "zh_CN.UTF-8", "2015-12-31T18:00:00+08:00")
}

/// Stdout of a report command that must succeed.
pub fn report(dir: &Path, args: &[&str]) -> String {
    let out = run(dir, args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A report as JSON.
pub fn json(dir: &Path, args: &[&str]) -> serde_json::Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    serde_json::from_str(&report(dir, &all)).unwrap()
}
