//! The year's figures: who completed which cohort, the 学时 credited, the city-level
//! quota per county, and everyone in the register not yet trained.
//!
//! The register is counted as it stands on the report's date ([`as_of`]): a person
//! retired (换届, 调离) on or before that day leaves the untrained list and the quota
//! ([`serving`]); their training stays counted. People count in their current county.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{Datelike, NaiveDate};

use crate::domain::register::RegisterFacts;
use crate::domain::{Cohort, Field, Level, Person, PersonId};

/// What the year report needs of one cohort: the cohort, who completed it (by the
/// cohort's own rule: credit standings, or the old rule for a legacy cohort) and the
/// minutes credited to each person on its roster.
#[derive(Debug, Clone)]
pub struct CohortCompletion<'a> {
    pub cohort: &'a Cohort,
    pub completed: HashSet<PersonId>,
    /// Minutes credited per person (withdrawn people too: what they attended).
    pub credited: Vec<(PersonId, u32)>,
    /// The cohort's 学时 in minutes.
    pub hour_minutes: u32,
}

/// The day a year's report counts the register on: the year's last day, or `today`
/// when that is earlier (a report of the current year).
pub fn as_of(year: i32, today: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 12, 31).map_or(today, |end| end.min(today))
}

/// The register as counted on `as_of`: everyone not retired on or before that day.
pub fn serving<'p>(
    register: &'p [Person],
    facts: &RegisterFacts,
    as_of: NaiveDate,
) -> Vec<&'p Person> {
    register
        .iter()
        .filter(|p| !facts.is_retired_on(&p.id, as_of))
        .collect()
}

/// The cohorts that started in one year, with their completions.
#[derive(Debug, Clone)]
pub struct YearFacts<'a> {
    pub year: i32,
    pub cohorts: Vec<CohortCompletion<'a>>,
}

impl<'a> YearFacts<'a> {
    /// Keeps only the cohorts that start in `year`.
    pub fn new(year: i32, all: Vec<CohortCompletion<'a>>) -> YearFacts<'a> {
        let cohorts = all
            .into_iter()
            .filter(|c| c.cohort.start.year() == year)
            .collect();
        YearFacts { year, cohorts }
    }

    /// Everyone who completed at least one cohort of the year.
    pub fn trained(&self) -> HashSet<&PersonId> {
        self.cohorts
            .iter()
            .flat_map(|c| c.completed.iter())
            .collect()
    }

    /// Everyone who completed a cohort of the given level.
    pub fn completed_at(&self, level: Level) -> HashSet<&PersonId> {
        self.cohorts
            .iter()
            .filter(|c| c.cohort.level == level)
            .flat_map(|c| c.completed.iter())
            .collect()
    }

    /// Cohorts held, by level and field focus.
    pub fn cohorts_by_level_and_field(&self) -> BTreeMap<(Level, Option<Field>), usize> {
        let mut counts = BTreeMap::new();
        for c in &self.cohorts {
            *counts
                .entry((c.cohort.level, c.cohort.field_focus))
                .or_insert(0) += 1;
        }
        counts
    }
}

/// One county's line of the quota table.
#[derive(Debug, Clone, PartialEq)]
pub struct QuotaLine {
    pub county: String,
    pub village_secretaries: usize,
    pub city_level_completed: usize,
    /// `None` when the county has no village secretaries in the register.
    pub ratio: Option<f64>,
    pub meets: bool,
}

/// For every county in the register (sorted): village secretaries, how many of them
/// completed a city-level cohort this year, the ratio and whether it reaches
/// `threshold_percent`. A county without village secretaries has no ratio and does
/// not "meet" (there is nothing to meet; reports say so).
/// `register` is the register as counted ([`serving`]).
pub fn quota(register: &[&Person], facts: &YearFacts, threshold_percent: f64) -> Vec<QuotaLine> {
    let city = facts.completed_at(Level::City);
    let mut counties: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for person in register {
        let entry = counties.entry(person.county.as_str()).or_insert((0, 0));
        if person.field == Some(Field::Village) {
            entry.0 += 1;
            if city.contains(&person.id) {
                entry.1 += 1;
            }
        }
    }
    counties
        .into_iter()
        .map(|(county, (village, done))| {
            let ratio = (village > 0).then(|| done as f64 / village as f64);
            QuotaLine {
                county: county.to_string(),
                village_secretaries: village,
                city_level_completed: done,
                ratio,
                meets: ratio.is_some_and(|r| r * 100.0 >= threshold_percent - 1e-9),
            }
        })
        .collect()
}

/// Register people (as counted: [`serving`]) with no completed cohort this year, by
/// county, field, then name.
pub fn untrained<'p>(register: &[&'p Person], facts: &YearFacts) -> Vec<&'p Person> {
    let trained = facts.trained();
    let mut list: Vec<&Person> = register
        .iter()
        .copied()
        .filter(|p| !trained.contains(&p.id))
        .collect();
    list.sort_by(|a, b| {
        (a.county.as_str(), a.field, a.name.as_str()).cmp(&(
            b.county.as_str(),
            b.field,
            b.name.as_str(),
        ))
    });
    list
}

/// People who completed a cohort this year, counted by field and by county.
pub fn trained_counts(
    register: &[Person],
    facts: &YearFacts,
) -> (BTreeMap<Option<Field>, usize>, BTreeMap<String, usize>) {
    let trained = facts.trained();
    let mut by_field = BTreeMap::new();
    let mut by_county = BTreeMap::new();
    for person in register.iter().filter(|p| trained.contains(&p.id)) {
        *by_field.entry(person.field).or_insert(0) += 1;
        *by_county.entry(person.county.clone()).or_insert(0) += 1;
    }
    (by_field, by_county)
}

/// 学时 credited in the year's cohorts, summed by field and by county (each person in
/// their current county), in 学时 of each cohort's own length. Only people credited
/// something are counted: a county whose people were credited nothing has no line.
pub fn hours_by(
    register: &[Person],
    facts: &YearFacts,
) -> (BTreeMap<Option<Field>, f64>, BTreeMap<String, f64>) {
    let mut per_person: HashMap<&PersonId, f64> = HashMap::new();
    for c in &facts.cohorts {
        let hour = f64::from(c.hour_minutes.max(1));
        for (person, minutes) in c.credited.iter().filter(|(_, m)| *m > 0) {
            *per_person.entry(person).or_insert(0.0) += f64::from(*minutes) / hour;
        }
    }
    let mut by_field = BTreeMap::new();
    let mut by_county = BTreeMap::new();
    for person in register {
        let Some(hours) = per_person.get(&person.id) else {
            continue;
        };
        *by_field.entry(person.field).or_insert(0.0) += hours;
        *by_county.entry(person.county.clone()).or_insert(0.0) += hours;
    }
    (by_field, by_county)
}

#[cfg(test)]
#[path = "year_tests.rs"]
mod hand_computed;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::cohort::tests::cohort;

    fn person(id: &str, county: &str, field: Field) -> Person {
        let mut p = Person::named(PersonId(id.into()), id);
        p.county = county.into();
        p.field = Some(field);
        p
    }

    fn done(ids: &[&str]) -> HashSet<PersonId> {
        ids.iter().map(|i| PersonId(i.to_string())).collect()
    }

    fn completion<'a>(cohort: &'a Cohort, ids: &[&str]) -> CohortCompletion<'a> {
        CohortCompletion {
            cohort,
            completed: done(ids),
            credited: Vec::new(),
            hour_minutes: 45,
        }
    }

    /// Hand-computed fixture: county A has 7 village secretaries; v1 and v3 completed the
    /// city cohort → 2/7 = 28.6% ≥ 15%; B has 2, one completed → 50%; C has only a
    /// community secretary → no ratio. v2 completed only a county cohort: trained, but not
    /// towards the city quota. v3 is in two cohorts and counted once. v4 completed a city
    /// cohort of another year: untrained this year.
    #[test]
    fn quota_and_untrained_follow_the_hand_computed_fixture() {
        let mut register: Vec<Person> = (1..=7)
            .map(|i| person(&format!("v{i}"), "A县", Field::Village))
            .collect();
        register.push(person("w1", "B区", Field::Village));
        register.push(person("w2", "B区", Field::Village));
        register.push(person("s1", "C区", Field::Community));
        let mut city = cohort();
        city.level = Level::City;
        let county = cohort();
        let mut other_year = cohort();
        other_year.level = Level::City;
        other_year.start = chrono::NaiveDate::from_ymd_opt(2016, 3, 1).unwrap();
        let facts = YearFacts::new(
            2015,
            vec![
                completion(&city, &["v1", "w1", "v3"]),
                completion(&county, &["v2", "v3"]),
                completion(&other_year, &["v4"]),
            ],
        );
        let all: Vec<&Person> = register.iter().collect();
        let lines = quota(&all, &facts, 15.0);
        assert_eq!(lines.len(), 3);
        assert_eq!(
            (
                lines[0].county.as_str(),
                lines[0].village_secretaries,
                lines[0].city_level_completed
            ),
            ("A县", 7, 2)
        );
        assert!((lines[0].ratio.unwrap() - 2.0 / 7.0).abs() < 1e-9);
        assert!(lines[0].meets);
        assert_eq!(
            (
                lines[1].village_secretaries,
                lines[1].city_level_completed,
                lines[1].meets
            ),
            (2, 1, true)
        );
        assert_eq!(
            (lines[2].village_secretaries, lines[2].ratio, lines[2].meets),
            (0, None, false)
        );
        let names: Vec<&str> = untrained(&all, &facts)
            .iter()
            .map(|p| p.name.as_str())
            .collect();
        assert_eq!(names, ["v4", "v5", "v6", "v7", "w2", "s1"]);
        let (by_field, by_county) = trained_counts(&register, &facts);
        assert_eq!(by_field.get(&Some(Field::Village)), Some(&4));
        assert_eq!(by_county.get("A县"), Some(&3));
    }

    #[test]
    fn the_threshold_is_inclusive() {
        let register: Vec<Person> = (0..20)
            .map(|i| person(&format!("v{i}"), "A", Field::Village))
            .collect();
        let mut city = cohort();
        city.level = Level::City;
        let facts = YearFacts::new(2015, vec![completion(&city, &["v0", "v1", "v2"])]);
        let all: Vec<&Person> = register.iter().collect();
        assert!(quota(&all, &facts, 15.0)[0].meets, "3/20 = 15% meets 15%");
        assert!(!quota(&all, &facts, 16.0)[0].meets);
    }
}
