//! Puts the demo into a store in one durable commit: the generated register, two
//! training bases, a cohort in progress (today is its second day: yesterday's sessions
//! have check-ins, lates and a leave, today's has its first arrivals) and a closed
//! cohort earlier in the year, each with its timetable. Names and dates follow the
//! clock. A second run changes nothing.

use chrono::{DateTime, Datelike, FixedOffset};

use crate::domain::cohort::next_code;
use crate::domain::{ActivityEvent, Catalogue, Cohort, Person, PersonId, TrainingBase};
use crate::store::{Batch, Store, StoreResult};

use super::attendance::{self, SHOWCASE_PLACES, Sitting};
use super::cohorts;
use super::register::{fit_gender_to_name, generate_register};
use super::rng::Rng;
use super::timetable;

const REGISTER_SIZE: usize = 2000;
const SEED: u64 = 2015;
const META_KEY: &str = "demo_cohort";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DemoOutcome {
    Installed {
        cohort: String,
        name: String,
        people: usize,
        enrolled: usize,
        /// The closed cohort held earlier in the year, if the year leaves room for it.
        past: Option<String>,
    },
    AlreadyThere {
        cohort: String,
    },
}

/// Installs the demo in one durable commit, dated from `now`.
pub fn install(store: &Store, now: DateTime<FixedOffset>) -> StoreResult<DemoOutcome> {
    if let Some(cohort) = store.meta_get(META_KEY)? {
        return Ok(DemoOutcome::AlreadyThere { cohort });
    }
    let mut people = generate_register(REGISTER_SIZE, SEED);
    let roster = cohorts::current_roster(&people);
    add_showcase_names(&mut people, &roster);
    let past_roster = cohorts::past_roster(&people, &roster);
    let mut codes: Vec<String> = store.cohorts()?.into_iter().map(|c| c.code).collect();
    let past = cohorts::past(next_code(now.year(), &codes), now);
    codes.extend(past.iter().map(|c| c.code.clone()));
    let current = cohorts::current(next_code(now.year(), &codes), now);

    let rng = Rng::new(SEED ^ u64::try_from(now.timestamp()).unwrap_or(0));
    let mut stage = Stage::new(store, now, rng)?;
    for person in &people {
        Store::stage_person(&mut stage.batch, person);
    }
    let ids = |places: &[usize]| -> Vec<PersonId> {
        places.iter().map(|&i| people[i].id.clone()).collect()
    };
    if let Some(past) = &past {
        stage.cohort(past, &ids(&past_roster), timetable::past);
    }
    stage.cohort(&current, &ids(&roster), timetable::current);
    let mut batch = stage.batch;
    Store::stage_meta(&mut batch, META_KEY, &current.code);
    store.commit(batch)?;
    Ok(DemoOutcome::Installed {
        name: current.name,
        cohort: current.code,
        people: people.len(),
        enrolled: roster.len(),
        past: past.map(|c| c.code),
    })
}

/// What one cohort's timetable makes: its activity events up to `now`.
type Timetable =
    fn(&Cohort, &[String], DateTime<FixedOffset>, &str, &mut Rng) -> Vec<ActivityEvent>;

/// The demo's records gathered for its one commit.
struct Stage<'a> {
    batch: Batch,
    rng: Rng,
    now: DateTime<FixedOffset>,
    desk: &'a str,
    catalogue: Catalogue,
    /// The training bases' ids, in [`timetable::bases`] order.
    bases: Vec<String>,
}

impl<'a> Stage<'a> {
    /// Starts with the two bases, unless bases of the same names are there already.
    fn new(store: &'a Store, now: DateTime<FixedOffset>, mut rng: Rng) -> StoreResult<Stage<'a>> {
        let mut batch = Batch::default();
        let mut bases = Vec::new();
        for base in timetable::bases(now, &mut rng) {
            let base: TrainingBase = match store.base_named(&base.name)? {
                Some(existing) => existing,
                None => {
                    Store::stage_base(&mut batch, &base);
                    base
                }
            };
            bases.push(base.id);
        }
        let catalogue = store.catalogue()?.snapshot();
        let desk = store.desk();
        Ok(Stage {
            batch,
            rng,
            now,
            desk,
            catalogue,
            bases,
        })
    }

    /// A cohort with its roster (enrolled when it was created), its timetable and
    /// catalogue, and its attendance.
    fn cohort(&mut self, cohort: &Cohort, roster: &[PersonId], timetable: Timetable) {
        let log = timetable(cohort, &self.bases, self.now, self.desk, &mut self.rng);
        Store::stage_cohort(&mut self.batch, cohort);
        for person in roster {
            Store::stage_enrolment(
                &mut self.batch,
                &cohort.code,
                person,
                cohort.created_at,
                false,
            );
        }
        let sitting = Sitting {
            cohort,
            roster,
            now: self.now,
            desk: self.desk,
        };
        for event in attendance::generate(&sitting, &mut self.rng) {
            Store::stage_event(&mut self.batch, &event);
        }
        for event in &log {
            Store::stage_activity_event(&mut self.batch, event);
        }
        Store::stage_cohort_catalogue(&mut self.batch, &cohort.code, &self.catalogue);
    }
}

/// Names a new user will want to try: a polyphonic surname, a compound surname,
/// the same name in two units, and the example from the README. They take the
/// roster's first places, which the generated attendance leaves for the user today.
fn add_showcase_names(people: &mut [Person], roster: &[usize]) {
    const SHOWCASE: [(&str, Option<&str>); SHOWCASE_PLACES] = [
        ("李雅婷", Some("荣家湾镇新开村")),
        ("张伟", None),
        ("曾强", None),
        ("单丽", None),
        ("欧阳娜", None),
        ("尉迟明", None),
        ("解玉兰", None),
    ];
    for (slot, (name, unit)) in roster.iter().zip(SHOWCASE) {
        let person = &mut people[*slot];
        person.name = name.to_string();
        fit_gender_to_name(person);
        if let Some(unit) = unit {
            person.township = "荣家湾镇".to_string();
            person.county = "岳阳县".to_string();
            person.unit = unit.to_string();
        }
    }
    // A second 张伟 in the register, not enrolled: told apart by unit.
    if let Some(other) = people.iter_mut().rev().find(|p| !p.name.starts_with('张')) {
        other.name = "张伟".to_string();
        fit_gender_to_name(other);
    }
}
