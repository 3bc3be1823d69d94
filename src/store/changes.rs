//! Changes to the register and to rosters ([`RegisterEvent`]), only ever appended, keyed
//! by their ULID so the tree reads in written order.

use chrono::{DateTime, FixedOffset};

use crate::domain::PersonId;
use crate::domain::register::{Change, RegisterEvent, RegisterFacts};

use super::codec::{decode, encode, next_ulid};
use super::{Batch, Store, StoreResult, TreeName};

/// How an undo's record reads (JSON, as `encode` writes it).
const UNDONE: &[u8] = br#""type":"undone""#;

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

impl Store {
    /// Every change, in written order.
    pub fn changes(&self) -> StoreResult<Vec<RegisterEvent>> {
        let mut events = Vec::new();
        for entry in self.tree(TreeName::Changes).iter() {
            let (_, bytes) = entry?;
            events.push(decode("changes", &bytes)?);
        }
        Ok(events)
    }

    /// What the changes say now, undos applied.
    pub fn register_facts(&self) -> StoreResult<RegisterFacts> {
        Ok(RegisterFacts::fold(&self.changes()?))
    }

    /// What the changes say about one person (the check-in's withdrawal check): only
    /// the records that name them, and the undos, are decoded. The changes grow by one
    /// per certificate and edit, year after year; a check-in must not decode them all.
    pub fn register_facts_of(&self, person: &PersonId) -> StoreResult<RegisterFacts> {
        let id = person.as_str().as_bytes();
        let mut events = Vec::new();
        for entry in self.tree(TreeName::Changes).iter() {
            let (_, bytes) = entry?;
            if contains(&bytes, id) || contains(&bytes, UNDONE) {
                events.push(decode("changes", &bytes)?);
            }
        }
        Ok(RegisterFacts::fold(&events))
    }

    /// A new change event with a fresh id (above every id written), stamped with this
    /// desk; the caller stages it with [`Store::stage_change`] and commits.
    pub fn new_change(
        &self,
        at: DateTime<FixedOffset>,
        by: &str,
        change: Change,
    ) -> StoreResult<RegisterEvent> {
        Ok(RegisterEvent {
            id: next_ulid(self.tree(TreeName::Changes), b"")?,
            at,
            desk: self.desk().to_string(),
            by: by.to_string(),
            change,
        })
    }

    /// New change events for one commit, with ids in the order given: each above the
    /// one before (two made in one millisecond would otherwise sort either way), so the
    /// history reads them as written.
    pub fn new_changes(
        &self,
        at: DateTime<FixedOffset>,
        by: &str,
        changes: impl IntoIterator<Item = Change>,
    ) -> StoreResult<Vec<RegisterEvent>> {
        let mut events: Vec<RegisterEvent> = Vec::new();
        for change in changes {
            let mut event = self.new_change(at, by, change)?;
            if let Some(before) = events.last()
                && event.id <= before.id
            {
                event.id = following(&before.id);
            }
            events.push(event);
        }
        Ok(events)
    }

    /// Adds the write of a change event to `batch`.
    pub fn stage_change(batch: &mut Batch, event: &RegisterEvent) {
        batch.put(TreeName::Changes, event.id.as_bytes(), encode(event));
    }
}

/// The ULID just above `id`.
fn following(id: &str) -> String {
    let ulid = ulid::Ulid::from_string(id).unwrap_or_else(|_| ulid::Ulid::generate());
    ulid.increment().unwrap_or(ulid).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::register::Change;

    #[test]
    fn following_ids_keep_their_order() {
        let first = ulid::Ulid::generate().to_string();
        let next = following(&first);
        assert!(next > first);
        assert_eq!(next.len(), first.len());
    }

    /// Many changes made in one millisecond for one commit keep the order given.
    #[test]
    fn changes_made_together_keep_their_order() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let at = DateTime::parse_from_rfc3339("2015-03-16T08:00:00+08:00").unwrap();
        let changes = (0..50).map(|n| Change::Undone {
            target: n.to_string(),
        });
        let events = store.new_changes(at, "o", changes).unwrap();
        let targets: Vec<String> = events
            .iter()
            .map(|e| match &e.change {
                Change::Undone { target } => target.clone(),
                other => panic!("{other:?}"),
            })
            .collect();
        let mut batch = Batch::default();
        for event in &events {
            Store::stage_change(&mut batch, event);
        }
        store.commit(batch).unwrap();
        let read: Vec<String> = store
            .changes()
            .unwrap()
            .into_iter()
            .map(|e| match e.change {
                Change::Undone { target } => target,
                other => panic!("{other:?}"),
            })
            .collect();
        let given: Vec<String> = (0..50).map(|n: i32| n.to_string()).collect();
        assert_eq!(targets, given);
        assert_eq!(read, given, "read back in the order written");
    }

    /// A person's facts read from the records that name them (and the undos) are the
    /// whole fold's, for them: a withdrawal, a substitution on either side, an undone
    /// withdrawal, and someone else's records left out.
    #[test]
    fn one_persons_facts_are_the_whole_folds_for_them() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let at = DateTime::parse_from_rfc3339("2015-03-16T08:00:00+08:00").unwrap();
        let p = |id: &str| PersonId(format!("01J00000000000000000000{id}"));
        let left = |person: PersonId| Change::Unenrolled {
            cohort: "c".into(),
            person,
            reason: "r".into(),
        };
        let swap = Change::Substituted {
            cohort: "c".into(),
            replaced: p("AAB"),
            replacement: p("AAC"),
            reason: "r".into(),
        };
        let first = store
            .new_changes(at, "o", [left(p("AAA")), swap, left(p("AAD"))])
            .unwrap();
        let undo = Change::Undone {
            target: first[2].id.clone(),
        };
        let mut events = first;
        events.extend(store.new_changes(at, "o", [undo]).unwrap());
        let mut batch = Batch::default();
        for event in &events {
            Store::stage_change(&mut batch, event);
        }
        store.commit(batch).unwrap();
        let whole = store.register_facts().unwrap();
        for id in ["AAA", "AAB", "AAC", "AAD"] {
            let mine = store.register_facts_of(&p(id)).unwrap();
            assert_eq!(
                mine.withdrawal("c", &p(id)),
                whole.withdrawal("c", &p(id)),
                "{id}"
            );
        }
        assert!(whole.withdrawal("c", &p("AAD")).is_none(), "undone");
        assert!(
            store
                .register_facts_of(&p("AAA"))
                .unwrap()
                .withdrawal("c", &p("AAB"))
                .is_none()
        );
    }
}
