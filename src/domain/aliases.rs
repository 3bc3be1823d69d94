//! Aliases (同一人): which person records stand for one person now, from the register's
//! [`Change::PersonsJoined`] events with their undos applied. Joins link records into
//! groups; a group reads as its smallest id (a chain of joins, or one record joined
//! twice, resolves there). Every place that counts people counts a group once, under
//! that id; both records stay stored and every event keeps its keys.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::matching::Joining;
use super::person::PersonId;
use super::register::{Change, MatchRule, RegisterEvent};

/// How one record came to be joined: the join event that brought it into its group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alias {
    /// The id the group reads as (its smallest).
    pub kept: PersonId,
    pub rule: MatchRule,
    pub event_id: String,
}

/// The groups that stand, by each joined record.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Aliases {
    joined: HashMap<PersonId, Alias>,
    /// The joined records of each group, by the kept id, in id order.
    members: HashMap<PersonId, Vec<PersonId>>,
    /// Pairs whose join was undone (parted by hand), the smaller id first.
    parted: HashSet<(PersonId, PersonId)>,
}

impl Aliases {
    /// The aliases `events` make (any events: only joins and undos are read).
    pub fn fold(events: &[RegisterEvent]) -> Aliases {
        let undone = super::register::undone_ids(events);
        let mut joins: Vec<(&PersonId, &PersonId, MatchRule, &str)> = events
            .iter()
            .filter(|e| !undone.contains(e.id.as_str()))
            .filter_map(|e| match &e.change {
                Change::PersonsJoined { kept, joined, rule } if kept != joined => {
                    Some((kept, joined, *rule, e.id.as_str()))
                }
                _ => None,
            })
            .collect();
        joins.sort_by(|a, b| a.3.cmp(b.3));
        let mut aliases = Aliases::from_joins(&joins);
        for event in events.iter().filter(|e| undone.contains(e.id.as_str())) {
            if let Change::PersonsJoined { kept, joined, .. } = &event.change {
                aliases.parted.insert(pair(kept, joined));
            }
        }
        aliases
    }

    /// The joinings a merge found that are new: neither already one person here nor
    /// parted by an undo of their join (a merge must not join again what an organiser
    /// parted, nor write a join twice, so merging a bundle again writes nothing).
    pub fn new_joinings(&self, found: &[Joining]) -> Vec<Joining> {
        found
            .iter()
            .filter(|j| self.kept(&j.kept) != self.kept(&j.joined))
            .filter(|j| !self.parted.contains(&pair(&j.kept, &j.joined)))
            .cloned()
            .collect()
    }

    fn from_joins(joins: &[(&PersonId, &PersonId, MatchRule, &str)]) -> Aliases {
        let mut parent: HashMap<PersonId, PersonId> = HashMap::new();
        for (a, b, ..) in joins {
            let (ra, rb) = (root(&parent, a), root(&parent, b));
            if ra < rb {
                parent.insert(rb, ra);
            } else if rb < ra {
                parent.insert(ra, rb);
            }
        }
        let mut aliases = Aliases::default();
        for (a, b, rule, event_id) in joins {
            for member in [*a, *b] {
                let kept = root(&parent, member);
                if &kept != member && !aliases.joined.contains_key(member) {
                    let alias = Alias {
                        kept,
                        rule: *rule,
                        event_id: event_id.to_string(),
                    };
                    aliases.joined.insert(member.clone(), alias);
                }
            }
        }
        let mut members: BTreeMap<PersonId, Vec<PersonId>> = BTreeMap::new();
        for (joined, alias) in &aliases.joined {
            members
                .entry(alias.kept.clone())
                .or_default()
                .push(joined.clone());
        }
        for (kept, mut list) in members {
            list.sort();
            aliases.members.insert(kept, list);
        }
        aliases
    }

    pub fn is_empty(&self) -> bool {
        self.joined.is_empty()
    }

    /// The id `person` reads as: the kept record's, or their own.
    pub fn kept<'a>(&'a self, person: &'a PersonId) -> &'a PersonId {
        self.joined.get(person).map_or(person, |a| &a.kept)
    }

    /// Whether `person` is joined to another record (reads as it).
    pub fn is_joined(&self, person: &PersonId) -> bool {
        self.joined.contains_key(person)
    }

    /// How `person` was joined, if they were.
    pub fn alias(&self, person: &PersonId) -> Option<&Alias> {
        self.joined.get(person)
    }

    /// Every record of `person`'s group, the kept one first.
    pub fn group(&self, person: &PersonId) -> Vec<PersonId> {
        let kept = self.kept(person);
        let mut group = vec![kept.clone()];
        group.extend(self.members.get(kept).into_iter().flatten().cloned());
        group
    }

    /// The other records of `person`'s group, with how each was joined.
    pub fn others(&self, person: &PersonId) -> Vec<(PersonId, &Alias)> {
        self.group(person)
            .into_iter()
            .filter(|id| id != person)
            .map(|id| {
                let alias = match self.joined.get(&id) {
                    Some(alias) => alias,
                    // The kept record: named with the join of `person`.
                    None => &self.joined[person],
                };
                (id, alias)
            })
            .collect()
    }

    /// Every joined record.
    pub fn joined(&self) -> impl Iterator<Item = &PersonId> {
        self.joined.keys()
    }
}

fn pair(a: &PersonId, b: &PersonId) -> (PersonId, PersonId) {
    if a <= b {
        (a.clone(), b.clone())
    } else {
        (b.clone(), a.clone())
    }
}

fn root(parent: &HashMap<PersonId, PersonId>, id: &PersonId) -> PersonId {
    let mut at = id;
    while let Some(up) = parent.get(at) {
        at = up;
    }
    at.clone()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;

    fn p(id: &str) -> PersonId {
        PersonId(id.into())
    }

    fn event(id: &str, change: Change) -> RegisterEvent {
        RegisterEvent {
            id: id.into(),
            at: DateTime::parse_from_rfc3339("2026-03-16T08:00:00+08:00").unwrap(),
            desk: "desk".into(),
            by: "o".into(),
            change,
        }
    }

    fn joined(id: &str, kept: &str, other: &str) -> RegisterEvent {
        let change = Change::PersonsJoined {
            kept: p(kept),
            joined: p(other),
            rule: MatchRule::Manual,
        };
        event(id, change)
    }

    #[test]
    fn a_chain_of_joins_reads_as_the_smallest_id() {
        let events = [joined("1", "B", "C"), joined("2", "A", "B")];
        let aliases = Aliases::fold(&events);
        assert_eq!(aliases.kept(&p("C")), &p("A"));
        assert_eq!(aliases.kept(&p("B")), &p("A"));
        assert_eq!(aliases.kept(&p("A")), &p("A"));
        assert_eq!(aliases.group(&p("C")), [p("A"), p("B"), p("C")]);
        assert_eq!(aliases.alias(&p("C")).unwrap().event_id, "1");
    }

    /// One record joined to two others (found at two desks): all three are one.
    #[test]
    fn a_record_joined_twice_links_both_groups() {
        let events = [joined("1", "B", "D"), joined("2", "C", "D")];
        let aliases = Aliases::fold(&events);
        assert_eq!(aliases.group(&p("D")), [p("B"), p("C"), p("D")]);
    }

    #[test]
    fn an_undone_join_parts_the_records() {
        let undo = Change::Undone { target: "1".into() };
        let events = [joined("1", "A", "B"), event("2", undo)];
        let aliases = Aliases::fold(&events);
        assert!(aliases.is_empty());
        assert_eq!(aliases.kept(&p("B")), &p("B"));
        assert_eq!(aliases.group(&p("B")), [p("B")]);
    }

    /// What a merge found again: a join that stands and a pair parted by an undo are not
    /// new; a pair never joined is.
    #[test]
    fn only_new_joinings_are_written() {
        let undo = Change::Undone { target: "2".into() };
        let events = [
            joined("1", "A", "B"),
            joined("2", "C", "D"),
            event("3", undo),
        ];
        let aliases = Aliases::fold(&events);
        let found = |kept: &str, other: &str| Joining {
            kept: p(kept),
            joined: p(other),
            rule: MatchRule::IdNumber,
        };
        let all = [found("A", "B"), found("C", "D"), found("E", "F")];
        assert_eq!(aliases.new_joinings(&all), [found("E", "F")]);
    }

    #[test]
    fn others_name_how_each_was_joined() {
        let aliases = Aliases::fold(&[joined("1", "A", "B")]);
        let others = aliases.others(&p("A"));
        assert_eq!(others.len(), 1);
        assert_eq!(others[0].0, p("B"));
        let others = aliases.others(&p("B"));
        assert_eq!(others[0].0, p("A"));
        assert_eq!(others[0].1.rule, MatchRule::Manual);
    }
}
