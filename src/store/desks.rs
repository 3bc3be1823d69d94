//! Desks by name. Every data folder has a desk id (`desk-…`, made when the folder is
//! created and written into every event it records) and may be given a name by the
//! organisers (`lunxun desk name 2号台`). Names are kept for every desk the folder has
//! heard of, its own and those whose records a merge brought in, under
//! `desk_name/<id>` in the meta tree, so reports can say "2号台" instead of an id.

use std::collections::BTreeMap;

use super::{Batch, Store, StoreResult, TreeName};

const PREFIX: &str = "desk_name/";

fn key(desk: &str) -> String {
    format!("{PREFIX}{desk}")
}

impl Store {
    /// This desk's name, once given.
    pub fn desk_name(&self) -> StoreResult<Option<String>> {
        self.meta_get(&key(self.desk()))
    }

    /// This desk's name, else its id: how it signs what it sends.
    pub fn desk_label(&self) -> StoreResult<String> {
        Ok(self.desk_name()?.unwrap_or_else(|| self.desk().to_string()))
    }

    /// Every desk this folder knows by name, by desk id.
    pub fn desk_names(&self) -> StoreResult<BTreeMap<String, String>> {
        let mut names = BTreeMap::new();
        for entry in self.tree(TreeName::Meta).scan_prefix(PREFIX) {
            let (k, v) = entry?;
            let desk = String::from_utf8_lossy(&k[PREFIX.len()..]).into_owned();
            names.insert(desk, String::from_utf8_lossy(&v).into_owned());
        }
        Ok(names)
    }

    /// Adds the naming of desk `desk` to `batch`.
    pub fn stage_desk_name(batch: &mut Batch, desk: &str, name: &str) {
        Store::stage_meta(batch, &key(desk), name);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_desk_is_known_by_its_name_once_named() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        assert_eq!(store.desk_name().unwrap(), None);
        assert_eq!(store.desk_label().unwrap(), store.desk());
        let mut batch = Batch::default();
        Store::stage_desk_name(&mut batch, store.desk(), "2号台");
        Store::stage_desk_name(&mut batch, "desk-OTHER", "1号台");
        store.commit(batch).unwrap();
        assert_eq!(store.desk_name().unwrap().as_deref(), Some("2号台"));
        let names = store.desk_names().unwrap();
        assert_eq!(names.len(), 2);
        assert_eq!(names["desk-OTHER"], "1号台");
    }
}
