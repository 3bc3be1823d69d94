//! Commits: a [`Batch`] goes into sled in one transaction, is made durable (sled's
//! `flush()` and an fsync of its data file: sled 0.34's flush uses `sync_file_range` on
//! Linux, which does not survive a power cut), goes into the journal (synced), and its
//! number into `lunxun.seq` (synced). Only then does a commit return, and only then
//! does the desk acknowledge.

use sled::Transactional;
use sled::transaction::{ConflictableTransactionError, TransactionError};

use super::enrolled::Tally;
use super::trace::{self, Synced};
use super::{
    Batch, FaultPlan, FaultPoint, Store, StoreError, StoreResult, TreeName, is_removal,
    register_cache, seq,
};

impl Store {
    /// Test aid: from now on, fail commits as the plan says (see [`FaultPlan`]).
    #[doc(hidden)]
    pub fn inject_faults(&mut self, plan: FaultPlan) {
        self.faults.set(plan);
    }

    /// Applies the batch atomically and returns only once it is on disk.
    pub fn commit(&self, batch: Batch) -> StoreResult<()> {
        if batch.is_empty() {
            return Ok(());
        }
        let n = self.faults.begin();
        self.faults.check(n, FaultPoint::Write)?;
        let mut seq = self.seq.lock().unwrap_or_else(|e| e.into_inner());
        let next = seq.0 + 1;
        let mut batch = batch;
        let own_records = batch.len();
        batch.put(TreeName::Meta, seq::SEQ_KEY, next.to_be_bytes().to_vec());
        // After the caller's puts, so the register's version is the folder's own.
        register_cache::stamp(&mut batch);
        let result: Result<(), TransactionError<()>> = self.trees.as_slice().transaction(|tx| {
            let mut tally = Tally::default();
            for (tree, key, value) in &batch.puts {
                let removal = is_removal(value);
                let before = if removal {
                    tx[tree.index()].remove(key.as_slice())?
                } else {
                    tx[tree.index()].insert(key.as_slice(), value.as_slice())?
                };
                tally.note(*tree, key, before.is_some(), removal);
            }
            tally.apply(&tx[TreeName::Meta.index()])?;
            Ok::<(), ConflictableTransactionError<()>>(())
        });
        match result {
            Ok(()) => {}
            Err(TransactionError::Storage(e)) => return Err(e.into()),
            Err(TransactionError::Abort(())) => unreachable!("the closure never aborts"),
        }
        // sled holds the commit now: it keeps its number, and goes to the journal with it
        // even if a flush below fails (the next commit or a refusal makes both durable).
        seq.0 = next;
        let mut journal = self.journal.lock().unwrap_or_else(|e| e.into_inner());
        journal.stage(next, &batch.puts[..own_records]);
        self.faults.check(n, FaultPoint::Flush)?;
        self.make_durable(next)?;
        let cut_short = self.faults.check(n, FaultPoint::Journal).is_err();
        journal.write(cut_short).map_err(StoreError::Journal)?;
        seq.1.write(next)?;
        Ok(())
    }

    /// Makes durable, in sled and in the journal, whatever an earlier failed commit left
    /// in memory: called before the desk says a standing check-in stands.
    pub(super) fn settle(&self) -> StoreResult<()> {
        self.make_durable(self.commit_seq())?;
        let mut journal = self.journal.lock().unwrap_or_else(|e| e.into_inner());
        journal.write(false).map_err(StoreError::Journal)
    }

    /// Whether the journal and sled disagree on the last commit (a kill between their
    /// flushes, a journal made anew): the caller makes an automatic backup, after which
    /// the journal starts at the backup's commit.
    pub fn journal_is_behind(&self) -> bool {
        self.journal
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .is_behind()
    }

    /// The number of the last commit.
    pub fn commit_seq(&self) -> u64 {
        self.seq.lock().unwrap_or_else(|e| e.into_inner()).0
    }

    /// Drops from the journal the commits up to `seq`, once a backup holding them is on
    /// disk; commits made after `seq` (while the backup was written) stay in it.
    pub fn drop_journal_through(&self, seq: u64) -> StoreResult<()> {
        // The backup read sled's memory: what it holds must be on disk before the journal
        // forgets it (a commit whose flush failed is in the backup, maybe not in sled).
        // Every commit up to the number now is then in the journal or dropped below, so
        // entries still queued after this come after `seq`.
        self.settle()?;
        let mut journal = self.journal.lock().unwrap_or_else(|e| e.into_inner());
        journal.drop_through(seq).map_err(StoreError::Journal)
    }

    /// `seq`: the last commit sled holds, for the sync trace.
    fn make_durable(&self, seq: u64) -> StoreResult<()> {
        self.db.flush()?;
        trace::sync_data(&self.data_file, Synced::Sled, seq)?;
        Ok(())
    }
}
