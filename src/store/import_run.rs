//! An import written in chunks that stays all or nothing. Each chunk is one durable
//! commit that also saves, under the import's id in the meta tree, what every key it
//! writes held before (its undo record). Finishing removes the undo records in one
//! commit; an import that never finished (killed, a failed write) is rolled back at
//! the next open, chunk by chunk from the last, each step one journaled commit that
//! puts back what the chunk overwrote, removes what it added and drops its undo record.
//! A kill during the rollback leaves the remaining chunks for the next open.

use crate::domain::Closed;

use super::{Batch, Store, StoreError, StoreResult, TreeName};

/// The meta tree's keys for undo records: `import/ID/CHUNK` (chunk numbers zero-padded,
/// so key order is chunk order).
const PREFIX: &str = "import/";

/// An import being written: its id and how many chunks it has committed.
#[derive(Debug)]
pub struct ImportRun {
    id: String,
    chunks: u32,
}

impl ImportRun {
    fn undo_key(&self, chunk: u32) -> String {
        format!("{}{chunk:08}", self.undo_prefix())
    }

    /// The start of every key of this run's undo records.
    fn undo_prefix(&self) -> String {
        format!("{PREFIX}{}/", self.id)
    }
}

impl Store {
    /// Starts an import (nothing written yet); refused when `cohort` is closed.
    pub fn begin_import(&self, cohort: Option<&str>) -> StoreResult<Result<ImportRun, Closed>> {
        if let Some(code) = cohort
            && let Err(closed) = self.closed_for(code, None)?
        {
            return Ok(Err(closed));
        }
        Ok(Ok(ImportRun {
            id: ulid::Ulid::generate().to_string(),
            chunks: 0,
        }))
    }

    /// Commits one chunk of `run` with its undo record, durably.
    pub fn commit_import_chunk(&self, run: &mut ImportRun, mut batch: Batch) -> StoreResult<()> {
        if batch.is_empty() {
            return Ok(());
        }
        let mut undo = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (tree, key, _) in &batch.puts {
            if seen.insert((tree.index(), key.as_slice())) {
                let before = self.tree(*tree).get(key)?;
                encode_undo(&mut undo, *tree, key, before.as_deref());
            }
        }
        drop(seen);
        batch.put(TreeName::Meta, run.undo_key(run.chunks), undo);
        self.commit(batch)?;
        run.chunks += 1;
        Ok(())
    }

    /// Ends `run`: its undo records go, so its chunks stay. If that commit fails, the
    /// import is abandoned here and now (the error says it did not happen), not left
    /// standing until the next open rolls it back.
    pub fn finish_import(&self, run: ImportRun) -> StoreResult<()> {
        let mut batch = Batch::default();
        for chunk in 0..run.chunks {
            batch.remove(TreeName::Meta, run.undo_key(chunk));
        }
        self.commit(batch).inspect_err(|_| {
            // Undoes nothing if sled took the finish after all (a failed flush).
            let _ = self.abandon_import(run);
        })
    }

    /// Undoes every chunk of `run` sled holds (after a failed write), last chunk first:
    /// found by its undo records, so a chunk whose commit failed after sled applied it
    /// (a failed flush) goes too.
    pub fn abandon_import(&self, run: ImportRun) -> StoreResult<()> {
        self.undo_chunks_under(&run.undo_prefix())
    }

    /// Rolls back every import that did not finish. Called at every open of a live
    /// store (a meta-tree prefix scan when there is none).
    pub(super) fn roll_back_unfinished_imports(&self) -> StoreResult<()> {
        self.undo_chunks_under(PREFIX)
    }

    /// Undoes every chunk whose undo record's key starts with `prefix`, last first.
    fn undo_chunks_under(&self, prefix: &str) -> StoreResult<()> {
        let meta = self.tree(TreeName::Meta);
        let keys: Vec<sled::IVec> = meta.scan_prefix(prefix).keys().collect::<Result<_, _>>()?;
        for key in keys.iter().rev() {
            self.undo_chunk(key)?;
        }
        Ok(())
    }

    /// One commit: the chunk's keys as they were before it, and its undo record gone.
    fn undo_chunk(&self, undo_key: &[u8]) -> StoreResult<()> {
        let Some(undo) = self.tree(TreeName::Meta).get(undo_key)? else {
            return Ok(());
        };
        let mut batch = decode_undo(&undo).ok_or_else(|| {
            StoreError::Corrupt(format!(
                "meta: the undo record {}",
                String::from_utf8_lossy(undo_key)
            ))
        })?;
        batch.remove(TreeName::Meta, undo_key);
        self.commit(batch)
    }
}

/// One key's value before a chunk: tree (u8), key (u32 length + bytes), then 0 (absent)
/// or 1 and the value (u32 length + bytes).
fn encode_undo(out: &mut Vec<u8>, tree: TreeName, key: &[u8], before: Option<&[u8]>) {
    out.push(tree.index() as u8);
    out.extend_from_slice(&(key.len() as u32).to_be_bytes());
    out.extend_from_slice(key);
    match before {
        None => out.push(0),
        Some(value) => {
            out.push(1);
            out.extend_from_slice(&(value.len() as u32).to_be_bytes());
            out.extend_from_slice(value);
        }
    }
}

/// The batch that puts every key of an undo record back as it was.
fn decode_undo(mut bytes: &[u8]) -> Option<Batch> {
    fn take<'a>(bytes: &mut &'a [u8], n: usize) -> Option<&'a [u8]> {
        let (head, rest) = (bytes.get(..n)?, bytes.get(n..)?);
        *bytes = rest;
        Some(head)
    }
    fn sized<'a>(bytes: &mut &'a [u8]) -> Option<&'a [u8]> {
        let len = u32::from_be_bytes(take(bytes, 4)?.try_into().ok()?) as usize;
        take(bytes, len)
    }
    let mut batch = Batch::default();
    while !bytes.is_empty() {
        let tree = *TreeName::ALL.get(usize::from(take(&mut bytes, 1)?[0]))?;
        let key = sized(&mut bytes)?.to_vec();
        match take(&mut bytes, 1)?[0] {
            0 => batch.remove(tree, key),
            1 => batch.put(tree, key, sized(&mut bytes)?.to_vec()),
            _ => return None,
        }
    }
    Some(batch)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Person, PersonId};

    fn person(id: &str, unit: &str) -> Person {
        let mut p = Person::named(PersonId(id.into()), "张伟");
        p.unit = unit.into();
        p
    }

    fn chunk(people: &[Person]) -> Batch {
        let mut batch = Batch::default();
        for p in people {
            Store::stage_person(&mut batch, p);
        }
        batch
    }

    #[test]
    fn an_unfinished_import_is_rolled_back_at_open_and_a_finished_one_stays() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("db");
        let kept = person("01A", "城关镇");
        {
            let store = Store::open(&db).unwrap();
            store.commit(chunk(std::slice::from_ref(&kept))).unwrap();
            let mut run = store.begin_import(None).unwrap().unwrap();
            let changed = person("01A", "新墙镇");
            store
                .commit_import_chunk(&mut run, chunk(&[changed, person("01B", "x")]))
                .unwrap();
            store
                .commit_import_chunk(&mut run, chunk(&[person("01C", "y")]))
                .unwrap();
            assert_eq!(store.people().unwrap().len(), 3);
            // Dropped unfinished, as a kill leaves it.
        }
        let store = Store::open(&db).unwrap();
        assert_eq!(store.people().unwrap(), vec![kept.clone()]);
        let meta = store.tree(TreeName::Meta);
        assert_eq!(meta.scan_prefix(PREFIX).count(), 0, "undo records gone");
        let mut run = store.begin_import(None).unwrap().unwrap();
        store
            .commit_import_chunk(&mut run, chunk(&[person("01B", "x")]))
            .unwrap();
        store.finish_import(run).unwrap();
        drop(store);
        let store = Store::open(&db).unwrap();
        assert_eq!(store.people().unwrap().len(), 2, "a finished import stays");
    }

    /// A chunk whose commit failed after sled applied it (a failed flush: it stands, and
    /// goes to the journal with the next commit) is undone too when the import is
    /// abandoned, in this process, not left until the next open.
    #[test]
    fn abandoning_undoes_a_chunk_whose_commit_failed_after_it_was_applied() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        let kept = person("01A", "城关镇");
        store.commit(chunk(std::slice::from_ref(&kept))).unwrap();
        store.inject_faults(crate::store::FaultPlan::parse("flush:2").unwrap());
        let mut run = store.begin_import(None).unwrap().unwrap();
        store
            .commit_import_chunk(&mut run, chunk(&[person("01B", "x")]))
            .unwrap();
        let failed = store.commit_import_chunk(&mut run, chunk(&[person("01C", "y")]));
        assert!(failed.is_err(), "the second chunk's flush fails");
        store.abandon_import(run).unwrap();
        assert_eq!(store.people().unwrap(), vec![kept]);
        let meta = store.tree(TreeName::Meta);
        assert_eq!(meta.scan_prefix(PREFIX).count(), 0, "undo records gone");
    }

    /// A backup copied between an import's chunks holds its undo records: restored
    /// alone, the next open rolls the import back; restored with the journal's later
    /// commits (the last chunk and the finish), the whole import stays.
    #[test]
    fn a_backup_taken_during_an_import_restores_all_of_it_or_none() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("db");
        let kept = person("01A", "城关镇");
        let store = Store::open(&db).unwrap();
        store.commit(chunk(std::slice::from_ref(&kept))).unwrap();
        let mut run = store.begin_import(None).unwrap().unwrap();
        let changed = person("01A", "新墙镇");
        store
            .commit_import_chunk(&mut run, chunk(&[changed, person("01B", "x")]))
            .unwrap();
        let snapshot = store.snapshot().unwrap();
        let backup = snapshot.to_backup("2015-03-16T08:35:00+08:00").unwrap();
        store
            .commit_import_chunk(&mut run, chunk(&[person("01C", "y")]))
            .unwrap();
        store.finish_import(run).unwrap();
        let imported = store.people().unwrap();
        assert_eq!(imported.len(), 3);
        store.close();
        let journal = crate::store::read_journal(&db.join(crate::store::JOURNAL_FILE))
            .unwrap()
            .unwrap();
        let after: Vec<_> = journal
            .entries
            .into_iter()
            .filter(|e| e.seq > snapshot.seq())
            .collect();
        for (name, replay, wanted) in [
            ("alone", &[][..], vec![kept]),
            ("replayed", &after, imported),
        ] {
            let to = dir.path().join(name);
            let restored = Store::open(&to).unwrap();
            restored.restore(&backup, replay).unwrap();
            restored.close();
            let reopened = Store::open(&to).unwrap();
            assert_eq!(reopened.people().unwrap(), wanted, "{name}");
            let meta = reopened.tree(TreeName::Meta);
            assert_eq!(
                meta.scan_prefix(PREFIX).count(),
                0,
                "{name}: undo records gone"
            );
        }
    }

    /// A finish whose commit failed before sled took it: the import is undone at once,
    /// as the error says, and nothing is left for the next open.
    #[test]
    fn a_failed_finish_abandons_the_import() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        let kept = person("01A", "城关镇");
        store.commit(chunk(std::slice::from_ref(&kept))).unwrap();
        store.inject_faults(crate::store::FaultPlan::parse("write:3").unwrap());
        let mut run = store.begin_import(None).unwrap().unwrap();
        for id in ["01B", "01C"] {
            store
                .commit_import_chunk(&mut run, chunk(&[person(id, "x")]))
                .unwrap();
        }
        assert!(store.finish_import(run).is_err(), "the finish fails");
        assert_eq!(store.people().unwrap(), vec![kept]);
        let meta = store.tree(TreeName::Meta);
        assert_eq!(meta.scan_prefix(PREFIX).count(), 0, "undo records gone");
    }
}
