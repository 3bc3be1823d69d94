//! Modules by global id: an incoming module this folder knows (same uid) takes this
//! folder's number; a new one keeps its number when free, else the next free one, and
//! joins the organisers' catalogue. Each cohort's copy of the catalogue and every
//! activity's module list are translated to this folder's numbers.

use std::collections::{BTreeMap, HashMap};

use crate::domain::module::{Catalogue, Module};

use super::Renumbering;

/// Exporter number → this folder's number, and the modules new to this folder.
#[derive(Debug, Default)]
pub(super) struct ModulePlan {
    pub numbers: HashMap<u16, u16>,
    pub new: Vec<Module>,
    pub renumbered: Vec<Renumbering>,
}

impl ModulePlan {
    /// An exporter's module numbers as this folder numbers them, sorted.
    pub fn translate(&self, numbers: &[u16]) -> Vec<u16> {
        let mut out: Vec<u16> = numbers
            .iter()
            .map(|n| self.numbers.get(n).copied().unwrap_or(*n))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// An exporter's catalogue (a cohort's copy) in this folder's numbers.
    pub fn translate_catalogue(&self, catalogue: &Catalogue) -> Catalogue {
        let mut modules: Vec<Module> = catalogue
            .modules
            .iter()
            .map(|m| Module {
                number: self.numbers.get(&m.number).copied().unwrap_or(m.number),
                ..m.clone()
            })
            .collect();
        modules.sort_by_key(|m| m.number);
        Catalogue { modules }
    }
}

/// A module's identity: its uid, or its number for one made before global ids.
fn identity(module: &Module) -> String {
    if module.uid.is_empty() {
        format!("#{}", module.number)
    } else {
        module.uid.clone()
    }
}

pub(super) fn plan<'a>(
    local: &Catalogue,
    incoming: impl IntoIterator<Item = &'a Module>,
) -> ModulePlan {
    let known: HashMap<String, u16> = local
        .modules
        .iter()
        .map(|m| (identity(m), m.number))
        .collect();
    let mut taken: Vec<u16> = local.modules.iter().map(|m| m.number).collect();
    let mut seen: HashMap<String, u16> = HashMap::new();
    let mut plan = ModulePlan::default();
    for module in incoming {
        let id = identity(module);
        if let Some(number) = known.get(&id).or_else(|| seen.get(&id)) {
            plan.numbers.insert(module.number, *number);
            continue;
        }
        let number = if taken.contains(&module.number) {
            let next = taken.iter().max().copied().unwrap_or(0) + 1;
            plan.renumbered.push(Renumbering::Module {
                uid: module.uid.clone(),
                name: module.name_zh.clone(),
                from: module.number,
                to: next,
            });
            next
        } else {
            module.number
        };
        taken.push(number);
        seen.insert(id, number);
        plan.numbers.insert(module.number, number);
        plan.new.push(Module {
            number,
            ..module.clone()
        });
    }
    plan
}

/// Each incoming cohort copy (by this folder's code) united with the copy here: the
/// modules it lacks are added. Returns only the copies that change.
pub(super) fn cohort_copies(
    plan: &ModulePlan,
    here: &BTreeMap<String, Catalogue>,
    incoming: impl IntoIterator<Item = (String, Catalogue)>,
) -> Vec<(String, Catalogue)> {
    let mut out = Vec::new();
    for (code, catalogue) in incoming {
        let translated = plan.translate_catalogue(&catalogue);
        let Some(current) = here.get(&code) else {
            out.push((code, translated));
            continue;
        };
        let have: Vec<String> = current.modules.iter().map(identity).collect();
        let mut grown = current.clone();
        for module in translated.modules {
            if !have.contains(&identity(&module)) {
                grown.modules.push(module);
            }
        }
        if grown != *current {
            grown.modules.sort_by_key(|m| m.number);
            out.push((code, grown));
        }
    }
    out
}
