//! The hand-computed fixture of the training-record tests, written to the store
//! directly (the register changes too: outside hours, a make-up, a substitution, a
//! retirement), then read through the built binary.
//!
//! City cohort R, 2015-03-16, two days, default rules: four sessions of 3 学时 (135
//! minutes of 45), 12 学时 in all; completion needs 80% (432 minutes); leave and absence
//! may not pass 1/7 (77 minutes). Closed at the end.
//! - 张伟 (zw1, A县): 1:am 08:35, 1:pm 14:30, 2:am 08:30 in full; 2:pm at 15:10, 40
//!   minutes late: 135 − 40 = 95 → 2 学时 (90). 495 minutes = 11 学时, 结业. 8 学时
//!   from elsewhere (province, 2015-05-01): 2015 total 19, 37 short of 56.
//! - 张伟 (zw2, B县): on no cohort, no hours: 56 short.
//! - 李娜 (ln, A县): leave in 1:am and 1:pm, present in day 2; 1:am made up
//!   (病假后补课): 405 minutes = 9 学时; 270 minutes missed > 77: 未结业. 47 short.
//! - 王芳 (wf, B县): 1:am, then replaced (调换, 工作调动) by 赵强 (zq, B县), who attends
//!   1:pm, 2:am and 2:pm: 王芳 3 学时, 退训/调换; 赵强 9 学时.
//! - 钱多 (qd, A县): 60 学时 from elsewhere with no level (2015-07-01): met.
//! - 孙退 (st, A县): retired from 2015-06-01: left out of the 2015 register.
//!
//! 2015 register: 6 people, 1 met; province 8, city 11 + 9 + 3 + 9 = 32, county 0,
//! elsewhere 60, total 100.

use std::path::Path;

use chrono::NaiveDate;
use lunxun::domain::register::Change;
use lunxun::domain::{CheckInStatus, Cohort, Level, Person, PersonId, Session, SlotKind};
use lunxun::store::{Batch, CheckInOutcome, DeskRequest, Store};

use crate::common::fixtures::at;

pub const PHONE: &str = "13812345678";
pub const ID_NUMBER: &str = "11010519491231002X";

fn person(id: &str, name: &str, county: &str, unit: &str) -> Person {
    let mut p = crate::common::fixtures::person(id, name);
    p.county = county.into();
    p.unit = unit.into();
    p.township = "荣家湾镇".into();
    p.position = "村党组织书记".into();
    p.phone = Some(PHONE.into());
    p.id_number = Some(ID_NUMBER.into());
    p
}

fn id(text: &str) -> PersonId {
    PersonId(text.into())
}

pub fn fixture(dir: &Path) {
    let store = Store::open(dir).unwrap();
    let cohort = Cohort {
        name: "2015年春季轮训班".into(),
        level: Level::City,
        ..crate::common::fixtures::cohort("R")
    };
    let mut batch = Batch::default();
    Store::stage_cohort(&mut batch, &cohort);
    let people = [
        person("zw1", "张伟", "A县", "新开村"),
        person("zw2", "张伟", "B县", "梅溪社区"),
        person("ln", "李娜", "A县", "白湖村"),
        person("wf", "王芳", "B县", "东山村"),
        person("zq", "赵强", "B县", "东山村"),
        person("qd", "钱多", "A县", "西塘村"),
        person("st", "孙退", "A县", "南岭村"),
    ];
    let enrolled = at("2015-03-10T08:00:00+08:00");
    for p in &people {
        Store::stage_person(&mut batch, p);
    }
    for who in ["zw1", "ln", "wf", "zq"] {
        Store::stage_enrolment(&mut batch, "R", &id(who), enrolled, false);
    }
    store.commit(batch).unwrap();
    attendance(&store);
    changes(&store);
    let mut batch = Batch::default();
    Store::stage_cohort(
        &mut batch,
        &Cohort {
            open: false,
            ..cohort
        },
    );
    store.commit(batch).unwrap();
}

fn attendance(store: &Store) {
    let check = |who: &str, session: &str, time: &str, status: CheckInStatus| {
        let person = id(who);
        let session = Session::parse(session).unwrap();
        let day = if session.day == 1 { "16" } else { "17" };
        let req = DeskRequest {
            cohort: "R",
            person: &person,
            session,
            at: at(&format!("2015-03-{day}T{time}:00+08:00")),
        };
        let outcome = store.check_in(&req, status, None).unwrap();
        assert!(
            matches!(outcome, CheckInOutcome::Recorded(_)),
            "{outcome:?}"
        );
    };
    use CheckInStatus::{Late, Leave, Present};
    check("zw1", "1:am", "08:35", Present);
    check("zw1", "1:pm", "14:30", Present);
    check("zw1", "2:am", "08:30", Present);
    check("zw1", "2:pm", "15:10", Late);
    check("ln", "1:am", "08:00", Leave);
    check("ln", "1:pm", "08:00", Leave);
    check("ln", "2:am", "08:30", Present);
    check("ln", "2:pm", "14:30", Present);
    check("wf", "1:am", "08:30", Present);
    check("zq", "1:pm", "14:30", Present);
    check("zq", "2:am", "08:30", Present);
    check("zq", "2:pm", "14:30", Present);
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn changes(store: &Store) {
    let list = [
        Change::OutsideHours {
            person: id("zw1"),
            tenths: 80,
            source: "省委党校网络学院".into(),
            date: day(2015, 5, 1),
            level: Some(Level::Province),
        },
        Change::MakeUp {
            cohort: "R".into(),
            person: id("ln"),
            session: Session::new(1, SlotKind::Am),
            reason: "病假后补课".into(),
        },
        Change::Substituted {
            cohort: "R".into(),
            replaced: id("wf"),
            replacement: id("zq"),
            reason: "工作调动".into(),
        },
        Change::OutsideHours {
            person: id("qd"),
            tenths: 600,
            source: "网络培训".into(),
            date: day(2015, 7, 1),
            level: None,
        },
        Change::PersonRetired {
            person: id("st"),
            from: day(2015, 6, 1),
            reason: "换届".into(),
        },
    ];
    let when = at("2015-03-16T12:00:00+08:00");
    for change in list {
        let mut batch = Batch::default();
        let event = store.new_change(when, "organiser", change).unwrap();
        Store::stage_change(&mut batch, &event);
        store.commit(batch).unwrap();
    }
}
