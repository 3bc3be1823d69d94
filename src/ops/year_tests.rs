//! The year on a real store: a person edited into another county counts there (quota and
//! 学时), and retirements count from the report's date (the year's end, or today).

use chrono::{DateTime, NaiveDate};

use super::*;
use crate::domain::cohort::tests::cohort;
use crate::domain::register::{Change, PersonField};
use crate::domain::{CheckInStatus, Field, Level, Person, PersonId, Session, SlotKind};
use crate::store::{Batch, DeskRequest};

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2015, m, d).unwrap()
}

fn one_change(store: &Store, change: Change, person: Option<&Person>) {
    let at = DateTime::parse_from_rfc3339("2015-04-01T09:00:00+08:00").unwrap();
    let event = store.new_change(at, "organiser", change).unwrap();
    let mut batch = Batch::default();
    Store::stage_change(&mut batch, &event);
    if let Some(p) = person {
        Store::stage_person(&mut batch, p);
    }
    store.commit(batch).unwrap();
}

/// Village secretaries a, b, c, d, all in A县 at first, on a city cohort of March 2015.
/// a attends 1:am (3 学时) and is then edited into B县. b retires from 2015-06-30, c
/// from 2016-02-01 (after the year). Nobody completes (the cohort is open).
fn register(dir: &std::path::Path) -> Store {
    let store = Store::open(dir).unwrap();
    let at = DateTime::parse_from_rfc3339("2015-03-01T08:00:00+08:00").unwrap();
    let mut city = cohort();
    city.level = Level::City;
    let mut batch = Batch::default();
    Store::stage_cohort(&mut batch, &city);
    for id in ["a", "b", "c", "d"] {
        let mut p = Person::named(PersonId(id.into()), id);
        p.county = "A县".into();
        p.field = Some(Field::Village);
        Store::stage_person(&mut batch, &p);
        Store::stage_enrolment(&mut batch, &city.code, &p.id, at, false);
    }
    store.commit(batch).unwrap();
    let a = PersonId("a".into());
    let request = DeskRequest {
        cohort: &city.code,
        person: &a,
        session: Session::new(1, SlotKind::Am),
        at: DateTime::parse_from_rfc3339("2015-03-16T08:20:00+08:00").unwrap(),
    };
    store
        .check_in(&request, CheckInStatus::Present, None)
        .unwrap();
    let mut moved = store.person(&a).unwrap().unwrap();
    moved.county = "B县".into();
    let edit = Change::PersonEdited {
        person: a,
        field: PersonField::County,
        old: Some("A县".into()),
        new: Some("B县".into()),
    };
    one_change(&store, edit, Some(&moved));
    for (id, from) in [
        ("b", day(6, 30)),
        ("c", NaiveDate::from_ymd_opt(2016, 2, 1).unwrap()),
    ] {
        let retire = Change::PersonRetired {
            person: PersonId(id.into()),
            from,
            reason: "换届".into(),
        };
        one_change(&store, retire, None);
    }
    store
}

fn year_on(store: &Store, today: NaiveDate) -> YearReport {
    let input = Year {
        year: 2015,
        today,
        quota_percent: 15.0,
        generated_at: "",
        include_sensitive: false,
        coverage: false,
    };
    report(store, input).unwrap()
}

fn untrained(r: &YearReport) -> Vec<&str> {
    r.untrained.iter().map(|p| p.person_id.as_str()).collect()
}

fn secretaries(r: &YearReport) -> Vec<(&str, usize)> {
    r.quota
        .iter()
        .map(|q| (q.county.as_str(), q.village_secretaries))
        .collect()
}

#[test]
fn an_edited_person_counts_in_their_current_county() {
    let dir = tempfile::tempdir().unwrap();
    let store = register(dir.path());
    let r = year_on(&store, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    assert_eq!(r.as_of, "2015-12-31");
    assert_eq!(
        secretaries(&r),
        [("A县", 2), ("B县", 1)],
        "b retired; a moved"
    );
    let hours: Vec<(&str, f64)> = r
        .hours_by_county
        .iter()
        .map(|h| (h.key.as_str(), h.hours))
        .collect();
    assert_eq!(hours, [("B县", 3.0)], "a's 3 学时 in a's county now");
    let a = r.untrained.iter().find(|p| p.person_id == "a").unwrap();
    assert_eq!(a.county, "B县");
}

#[test]
fn a_retirement_counts_from_the_report_date_on() {
    let dir = tempfile::tempdir().unwrap();
    let store = register(dir.path());
    // A past year's report: c retired after the year's end and still counts.
    let r = year_on(&store, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    assert_eq!(
        (untrained(&r), r.retired),
        (vec!["c", "d", "a"], 1),
        "by county"
    );
    // Made on the day b retired: b is already gone.
    let r = year_on(&store, day(6, 30));
    assert_eq!(r.as_of, "2015-06-30");
    assert_eq!(untrained(&r), ["c", "d", "a"]);
    // The day before: b still serves.
    let r = year_on(&store, day(6, 29));
    assert_eq!((untrained(&r), r.retired), (vec!["b", "c", "d", "a"], 0));
    assert_eq!(secretaries(&r), [("A县", 3), ("B县", 1)]);
}
