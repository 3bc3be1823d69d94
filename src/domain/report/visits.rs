//! The training bases a cohort visited (现场教学), as the cohort report lists them.

use std::collections::BTreeMap;

use crate::domain::{Cohort, Session, TeachingActivity, TrainingBase};

/// One base and the held activities that took the cohort there.
#[derive(Debug, Clone, PartialEq)]
pub struct BaseVisit {
    /// The base's id as the activities name it.
    pub base_id: String,
    /// The base as registered; `None` when no base has that id.
    pub base: Option<TrainingBase>,
    /// Held activities at the base.
    pub visits: usize,
    /// The sessions of those activities, in order, each once.
    pub sessions: Vec<Session>,
    /// Accredited (授牌) on the day of every visit; false for an unknown base.
    pub accredited: bool,
}

impl BaseVisit {
    /// The base's name, or its id when it is not registered.
    pub fn name(&self) -> &str {
        self.base.as_ref().map_or(&self.base_id, |b| &b.name)
    }
}

/// Every base that a held activity (not deleted) of the cohort took place at, by name
/// then id. Planned activities do not count: nobody has been there yet.
pub fn bases_visited(
    cohort: &Cohort,
    activities: &[TeachingActivity],
    bases: &[TrainingBase],
) -> Vec<BaseVisit> {
    let mut by_base: BTreeMap<&str, Vec<Session>> = BTreeMap::new();
    for a in activities
        .iter()
        .filter(|a| a.deleted.is_none() && a.status.took_place())
    {
        if let Some(id) = &a.details.base {
            by_base.entry(id).or_default().push(a.details.session);
        }
    }
    let mut list: Vec<BaseVisit> = by_base
        .into_iter()
        .map(|(id, mut sessions)| {
            let base = bases.iter().find(|b| b.id == id).cloned();
            let visits = sessions.len();
            sessions.sort();
            sessions.dedup();
            let accredited = base.as_ref().is_some_and(|b| {
                sessions
                    .iter()
                    .all(|s| b.accredited_on(cohort.date_of(s.day)))
            });
            BaseVisit {
                base_id: id.to_string(),
                base,
                visits,
                sessions,
                accredited,
            }
        })
        .collect();
    list.sort_by(|a, b| (a.name(), &a.base_id).cmp(&(b.name(), &b.base_id)));
    list
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::base::tests::base;
    use crate::domain::cohort::tests::cohort;
    use crate::domain::teaching::tests::{details, event};
    use crate::domain::teaching::{ActivityChange, fold};
    use crate::domain::{ActivityStatus, Have, Method, SlotKind};

    fn visit(id: u32, session: Session, base: &str) -> TeachingActivity {
        let mut details = details(&session.code(), Method::Visit, &[5]);
        details.base = Some(base.into());
        let planned = false;
        let created = event("e1", id, ActivityChange::Created { details, planned });
        fold(&[created]).unwrap()
    }

    /// The cohort starts 2015-03-16; base b is accredited from 2015-03-17, so a visit
    /// on day 1 is to a base not yet accredited, whatever happens on day 2.
    #[test]
    fn visits_are_grouped_by_base_and_accreditation_is_judged_on_the_day() {
        let c = cohort();
        let day1 = Session::new(1, SlotKind::Pm);
        let day2 = Session::new(2, SlotKind::Am);
        let bases = [
            base("a", &Have::ALL, Some("2015-03-01")),
            base("b", &Have::ALL, Some("2015-03-17")),
        ];
        let mut deleted = visit(4, day1, "a");
        deleted.deleted = deleted.held.clone();
        let mut planned = visit(5, day2, "c");
        planned.status = ActivityStatus::Planned;
        let activities = [
            visit(1, day2, "a"),
            visit(2, day1, "a"),
            visit(3, day1, "b"),
            visit(6, day2, "b"),
            visit(7, day2, "zz"),
            deleted,
            planned,
        ];
        let found = bases_visited(&c, &activities, &bases);
        let names: Vec<&str> = found.iter().map(BaseVisit::name).collect();
        assert_eq!(names, ["zz", "基地a", "基地b"]);
        let [unknown, a, b] = [&found[0], &found[1], &found[2]];
        assert!(unknown.base.is_none() && !unknown.accredited);
        assert_eq!((a.visits, a.sessions.clone()), (2, vec![day1, day2]));
        assert!(a.accredited);
        assert!(!b.accredited, "not yet accredited on day 1");
    }
}
