//! The year's register rules on a hand-computed fixture: retirements before, on and
//! after the report's date, and 学时 by county and field.

use chrono::{DateTime, NaiveDate};

use super::*;
use crate::domain::cohort::tests::cohort;
use crate::domain::register::{Change, RegisterEvent};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn person(id: &str, county: &str, field: Field) -> Person {
    let mut p = Person::named(PersonId(id.into()), id);
    p.county = county.into();
    p.field = Some(field);
    p
}

fn retired(id: &str, person: &str, from: NaiveDate) -> RegisterEvent {
    RegisterEvent {
        id: id.into(),
        at: DateTime::parse_from_rfc3339("2015-06-01T08:00:00+08:00").unwrap(),
        desk: "d".into(),
        by: "organiser".into(),
        change: Change::PersonRetired {
            person: PersonId(person.into()),
            from,
            reason: "换届".into(),
        },
    }
}

#[test]
fn the_report_date_is_the_year_end_or_today_when_earlier() {
    assert_eq!(as_of(2015, day(2026, 11, 30)), day(2015, 12, 31));
    assert_eq!(as_of(2015, day(2015, 12, 31)), day(2015, 12, 31));
    assert_eq!(as_of(2015, day(2015, 7, 1)), day(2015, 7, 1));
}

/// A县 has 5 village secretaries: v1 retired 2015-06-30, v2 retired on the report's
/// date 2015-12-31, v3 retired 2016-01-01 (after it), v4 and v5 serve. v3 completed the
/// city cohort. Counted on 2015-12-31: v1 and v2 are gone → 3 village secretaries, 1
/// completed → 1/3. Counted on 2015-07-01 (a report made that day): only v1 is gone → 4,
/// 1/4. The untrained list follows the same people.
#[test]
fn people_retired_on_or_before_the_report_date_leave_the_quota_and_the_untrained() {
    let register: Vec<Person> = (1..=5)
        .map(|i| person(&format!("v{i}"), "A县", Field::Village))
        .collect();
    let facts = RegisterFacts::fold(&[
        retired("01", "v1", day(2015, 6, 30)),
        retired("02", "v2", day(2015, 12, 31)),
        retired("03", "v3", day(2016, 1, 1)),
    ]);
    let mut city = cohort();
    city.level = Level::City;
    let year = YearFacts::new(
        2015,
        vec![CohortCompletion {
            cohort: &city,
            completed: [PersonId("v3".into())].into_iter().collect(),
            credited: Vec::new(),
            hour_minutes: 45,
        }],
    );
    let names =
        |list: Vec<&Person>| -> Vec<String> { list.iter().map(|p| p.name.clone()).collect() };

    let year_end = serving(&register, &facts, as_of(2015, day(2026, 1, 1)));
    let line = &quota(&year_end, &year, 15.0)[0];
    assert_eq!(
        (line.village_secretaries, line.city_level_completed),
        (3, 1)
    );
    assert!((line.ratio.unwrap() - 1.0 / 3.0).abs() < 1e-9);
    assert_eq!(names(untrained(&year_end, &year)), ["v4", "v5"]);

    let july = serving(&register, &facts, as_of(2015, day(2015, 7, 1)));
    let line = &quota(&july, &year, 15.0)[0];
    assert_eq!(
        (line.village_secretaries, line.city_level_completed),
        (4, 1)
    );
    assert_eq!(names(untrained(&july, &year)), ["v2", "v4", "v5"]);
}

/// Two cohorts: X (45-minute 学时) credits a 270 min (6 学时) and b 135 min (3 学时); Y
/// (40-minute 学时) credits a 120 min (3 学时) and c 80 min (2 学时). a is in A县 and a
/// village secretary, b in A县 a community one, c in B县 a village one. A县: 6 + 3 + 3 =
/// 12; B县: 2. Village: 6 + 3 + 2 = 11; community: 3. d (not in the register) is not
/// counted anywhere.
#[test]
fn hours_are_summed_by_county_and_field_in_each_cohorts_own_hours() {
    let register = [
        person("a", "A县", Field::Village),
        person("b", "A县", Field::Community),
        person("c", "B县", Field::Village),
    ];
    let (x, y) = (cohort(), cohort());
    let credited = |list: &[(&str, u32)]| -> Vec<(PersonId, u32)> {
        list.iter()
            .map(|(p, m)| (PersonId(p.to_string()), *m))
            .collect()
    };
    let facts = YearFacts::new(
        2015,
        vec![
            CohortCompletion {
                cohort: &x,
                completed: HashSet::new(),
                credited: credited(&[("a", 270), ("b", 135), ("d", 450)]),
                hour_minutes: 45,
            },
            CohortCompletion {
                cohort: &y,
                completed: HashSet::new(),
                credited: credited(&[("a", 120), ("c", 80)]),
                hour_minutes: 40,
            },
        ],
    );
    let (by_field, by_county) = hours_by(&register, &facts);
    let close = |a: Option<&f64>, b: f64| (a.copied().unwrap() - b).abs() < 1e-9;
    assert!(close(by_county.get("A县"), 12.0), "{by_county:?}");
    assert!(close(by_county.get("B县"), 2.0), "{by_county:?}");
    assert!(close(by_field.get(&Some(Field::Village)), 11.0));
    assert!(close(by_field.get(&Some(Field::Community)), 3.0));
    assert_eq!(by_county.len(), 2);
}
