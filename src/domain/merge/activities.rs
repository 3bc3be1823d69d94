//! Teaching activities by global id (the id of the event that created it, the smallest
//! of its events): an activity this folder holds takes its number here; a new one keeps
//! its number when the cohort has no activity by it, else the next free number. Module
//! numbers in the details are translated; events this folder holds are left out.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::domain::teaching::{ActivityChange, ActivityEvent};

use super::Renumbering;
use super::modules::ModulePlan;

#[derive(Debug, Default)]
pub(super) struct ActivityPlan {
    pub events: Vec<ActivityEvent>,
    /// Activities new to this folder.
    pub new: usize,
    pub renumbered: Vec<Renumbering>,
}

/// `incoming` with cohort codes already translated (`codes`: exporter → here);
/// `here`: this folder's activity events by cohort code.
pub(super) fn plan(
    here: &BTreeMap<String, Vec<ActivityEvent>>,
    incoming: &[ActivityEvent],
    codes: &HashMap<String, String>,
    modules: &ModulePlan,
) -> ActivityPlan {
    // (exporter code, number) → its events, in id order.
    let mut groups: BTreeMap<(String, u32), Vec<&ActivityEvent>> = BTreeMap::new();
    for event in incoming {
        groups
            .entry((event.cohort.clone(), event.activity))
            .or_default()
            .push(event);
    }
    let mut plan = ActivityPlan::default();
    let mut numbers: HashMap<String, Numbers> = HashMap::new();
    for ((code, number), mut events) in groups {
        let Some(local_code) = codes.get(&code) else {
            continue;
        };
        events.sort_by(|a, b| a.id.cmp(&b.id));
        let global = events[0].id.clone();
        let known = numbers
            .entry(local_code.clone())
            .or_insert_with(|| Numbers::of(here.get(local_code).map(Vec::as_slice)));
        let local_number = match known.by_global.get(&global) {
            Some(n) => *n,
            None => {
                let n = known.assign(number, global);
                if n != number {
                    plan.renumbered.push(Renumbering::Activity {
                        cohort: local_code.clone(),
                        from: number,
                        to: n,
                    });
                }
                plan.new += 1;
                n
            }
        };
        for event in events {
            if known.ids.contains(&event.id) {
                continue;
            }
            plan.events
                .push(translate(event, local_code, local_number, modules));
        }
    }
    plan
}

/// One cohort's activities here: numbers by global id, numbers taken, event ids.
struct Numbers {
    by_global: HashMap<String, u32>,
    taken: HashSet<u32>,
    ids: HashSet<String>,
}

impl Numbers {
    fn of(events: Option<&[ActivityEvent]>) -> Numbers {
        let events = events.unwrap_or_default();
        let mut first: HashMap<u32, &str> = HashMap::new();
        for event in events {
            let id = first.entry(event.activity).or_insert(&event.id);
            if event.id.as_str() < *id {
                *id = &event.id;
            }
        }
        Numbers {
            by_global: first.iter().map(|(n, id)| (id.to_string(), *n)).collect(),
            taken: first.keys().copied().collect(),
            ids: events.iter().map(|e| e.id.clone()).collect(),
        }
    }

    /// `wanted` if free, else one more than the highest number taken.
    fn assign(&mut self, wanted: u32, global: String) -> u32 {
        let n = if self.taken.contains(&wanted) {
            self.taken.iter().max().copied().unwrap_or(0) + 1
        } else {
            wanted
        };
        self.taken.insert(n);
        self.by_global.insert(global, n);
        n
    }
}

fn translate(
    event: &ActivityEvent,
    code: &str,
    number: u32,
    modules: &ModulePlan,
) -> ActivityEvent {
    let mut event = ActivityEvent {
        cohort: code.to_string(),
        activity: number,
        ..event.clone()
    };
    match &mut event.change {
        ActivityChange::Created { details, .. } | ActivityChange::Edited { details } => {
            details.modules = modules.translate(&details.modules);
        }
        ActivityChange::Held | ActivityChange::Deleted { .. } => {}
    }
    event
}
