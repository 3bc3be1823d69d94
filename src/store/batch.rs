//! A [`Batch`]: the puts and removals one commit applies (commit.rs), built by every
//! record kind's `stage_…` functions and by the bookkeeping commit.rs runs (enrolled.rs,
//! register_cache.rs), which is why it sits apart from the commit itself.

use super::{REMOVED, TreeName};

/// A set of puts (and removals) applied together or not at all.
#[derive(Debug, Default)]
pub struct Batch {
    pub(super) puts: Vec<(TreeName, Vec<u8>, Vec<u8>)>,
}

impl Batch {
    pub fn put(&mut self, tree: TreeName, key: impl Into<Vec<u8>>, value: Vec<u8>) {
        self.puts.push((tree, key.into(), value));
    }

    /// Removes `key` from `tree` (nothing happens when it is not there).
    pub fn remove(&mut self, tree: TreeName, key: impl Into<Vec<u8>>) {
        self.puts.push((tree, key.into(), REMOVED.to_vec()));
    }

    pub fn is_empty(&self) -> bool {
        self.puts.is_empty()
    }

    pub fn len(&self) -> usize {
        self.puts.len()
    }
}
