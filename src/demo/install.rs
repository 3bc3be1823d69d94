//! Puts the demo into a store: the generated register and the first cohort with about
//! sixty village and community secretaries enrolled. A second run changes nothing.

use chrono::{DateTime, FixedOffset};

use crate::domain::cohort::{DEFAULT_COMPLETION_PERCENT, DEFAULT_GRACE_MINUTES, next_code};
use crate::domain::{Cohort, Field, Level, Person, SlotDef};
use crate::store::{Batch, Store, StoreResult};

use super::register::generate_register;

pub const DEMO_COHORT_NAME: &str = "2015年第1期村（社区）党组织书记轮训班";
const REGISTER_SIZE: usize = 2000;
const ROSTER_SIZE: usize = 60;
const SEED: u64 = 2015;
const META_KEY: &str = "demo_cohort";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DemoOutcome {
    Installed {
        cohort: String,
        people: usize,
        enrolled: usize,
    },
    AlreadyThere {
        cohort: String,
    },
}

/// Installs the demo in one durable commit. The cohort starts on `now`'s date so the
/// desk has a live session to try.
pub fn install(store: &Store, now: DateTime<FixedOffset>) -> StoreResult<DemoOutcome> {
    if let Some(cohort) = store.meta_get(META_KEY)? {
        return Ok(DemoOutcome::AlreadyThere { cohort });
    }
    let mut people = generate_register(REGISTER_SIZE, SEED);
    let roster = pick_roster(&people);
    add_showcase_names(&mut people, &roster);
    let existing: Vec<String> = store.cohorts()?.into_iter().map(|c| c.code).collect();
    let cohort = demo_cohort(next_code(2015, &existing), now);
    let mut batch = Batch::default();
    for person in &people {
        Store::stage_person(&mut batch, person);
    }
    Store::stage_cohort(&mut batch, &cohort);
    for &index in &roster {
        Store::stage_enrolment(&mut batch, &cohort.code, &people[index].id, now, false);
    }
    Store::stage_meta(&mut batch, META_KEY, &cohort.code);
    store.commit(batch)?;
    Ok(DemoOutcome::Installed {
        cohort: cohort.code,
        people: people.len(),
        enrolled: roster.len(),
    })
}

fn demo_cohort(code: String, now: DateTime<FixedOffset>) -> Cohort {
    Cohort {
        code,
        name: DEMO_COHORT_NAME.to_string(),
        level: Level::City,
        field_focus: Some(Field::Village),
        start: now.date_naive(),
        days: 4,
        slots: SlotDef::defaults(),
        venue: "岳阳市委党校".to_string(),
        open: true,
        grace_minutes: DEFAULT_GRACE_MINUTES,
        completion_percent: DEFAULT_COMPLETION_PERCENT,
        closed_sessions: vec![],
        created_at: now,
    }
}

/// Every k-th village or community secretary, spread over the register.
fn pick_roster(people: &[Person]) -> Vec<usize> {
    let eligible: Vec<usize> = people
        .iter()
        .enumerate()
        .filter(|(_, p)| matches!(p.field, Some(Field::Village | Field::Community)))
        .map(|(i, _)| i)
        .collect();
    let step = (eligible.len() / ROSTER_SIZE).max(1);
    eligible
        .into_iter()
        .step_by(step)
        .take(ROSTER_SIZE)
        .collect()
}

/// Names a new user will want to try: a polyphonic surname, a compound surname,
/// the same name in two units, and the example from the README.
fn add_showcase_names(people: &mut [Person], roster: &[usize]) {
    const SHOWCASE: &[(&str, Option<&str>)] = &[
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
        person.name = (*name).to_string();
        if let Some(unit) = unit {
            person.township = "荣家湾镇".to_string();
            person.county = "岳阳县".to_string();
            person.unit = (*unit).to_string();
        }
    }
    // A second 张伟 in the register, not enrolled: told apart by unit.
    if let Some(other) = people.iter_mut().rev().find(|p| !p.name.starts_with('张')) {
        other.name = "张伟".to_string();
    }
}
