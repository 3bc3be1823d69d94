//! This folder's desk name (`lunxun desk name 2号台`, or the desk's own screen) and the
//! desks it knows: the names other desks see in merges and reports.

use serde::Serialize;

use crate::store::{Batch, Store, StoreResult};
use crate::text::DeskNames;

use super::{OpResult, Refusal};

/// The longest desk name, in characters: it is shown in titles and report lines.
pub const NAME_MAX: usize = 20;

/// A desk: its id and, once named, its name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeskLabel {
    pub id: String,
    pub name: Option<String>,
}

/// This desk and the others this folder has heard of (through merged bundles).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Desks {
    pub this: DeskLabel,
    pub others: Vec<DeskLabel>,
}

/// Names this desk `name` (trimmed; not empty, at most [`NAME_MAX`] characters, no
/// control characters), committed before it returns.
pub fn set_name(store: &Store, name: &str) -> OpResult<DeskLabel> {
    let name = name.trim();
    if name.is_empty() || name.chars().any(char::is_control) {
        return Err(Refusal::of(DeskNames::DeskNameEmpty).into());
    }
    if name.chars().count() > NAME_MAX {
        return Err(Refusal::of(DeskNames::DeskNameTooLong)
            .with("max", NAME_MAX)
            .into());
    }
    let mut batch = Batch::default();
    Store::stage_desk_name(&mut batch, store.desk(), name);
    store.commit(batch)?;
    Ok(DeskLabel {
        id: store.desk().to_string(),
        name: Some(name.to_string()),
    })
}

/// This desk's id and name, and every other desk known here by name.
pub fn desks(store: &Store) -> StoreResult<Desks> {
    let mut names = store.desk_names()?;
    let this = DeskLabel {
        id: store.desk().to_string(),
        name: names.remove(store.desk()),
    };
    let others = names
        .into_iter()
        .map(|(id, name)| DeskLabel {
            id,
            name: Some(name),
        })
        .collect();
    Ok(Desks { this, others })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ops::OpError;

    #[test]
    fn a_desk_named_is_known_by_that_name_and_bad_names_write_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        for bad in ["", "   ", "a\u{1b}b", &"台".repeat(NAME_MAX + 1)] {
            let before = store.commit_seq();
            assert!(matches!(set_name(&store, bad), Err(OpError::Refused(_))));
            assert_eq!(store.commit_seq(), before, "{bad:?}");
        }
        assert_eq!(desks(&store).unwrap().this.name, None);
        let named = set_name(&store, " 2号台 ").unwrap();
        assert_eq!(named.name.as_deref(), Some("2号台"));
        let mut batch = Batch::default();
        Store::stage_desk_name(&mut batch, "desk-OTHER1", "1号台");
        store.commit(batch).unwrap();
        let desks = desks(&store).unwrap();
        assert_eq!(desks.this.id, store.desk());
        assert_eq!(desks.this.name.as_deref(), Some("2号台"));
        assert_eq!(
            desks.others,
            vec![DeskLabel {
                id: "desk-OTHER1".into(),
                name: Some("1号台".into())
            }]
        );
    }
}
