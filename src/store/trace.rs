//! Debug builds only (the test suite): with `LUNXUN_TRACE_SYNC=FILE`, each fsync an
//! acknowledgement depends on (sled's data file, the journal, `lunxun.seq`) and each
//! acknowledgement (`✓` printed by the command line, drawn by the desk) appends a line
//! to FILE, `sled 12`, `journal 12`, `seq 12`, `ack 12`, so tests/acknowledge.rs can
//! prove every `✓` comes after all three. Release builds ignore the variable, as they
//! ignore `LUNXUN_FAULT`.

use std::fs::{File, OpenOptions};
use std::io::Write;

/// A file whose fsync a commit waits for.
#[derive(Debug, Clone, Copy)]
pub(super) enum Synced {
    Sled,
    Journal,
    Seq,
}

/// Syncs `file` (its data: sled's, the journal's and lunxun.seq's lengths only grow or
/// are fixed) and, when traced, records that commit `seq` is synced there.
pub(super) fn sync_data(file: &File, what: Synced, seq: u64) -> std::io::Result<()> {
    file.sync_data()?;
    let name = match what {
        Synced::Sled => "sled",
        Synced::Journal => "journal",
        Synced::Seq => "seq",
    };
    append(format_args!("{name} {seq}\n"));
    Ok(())
}

/// Records that commit `seq` is being acknowledged to the user (called just before the
/// `✓` goes out).
pub fn acknowledged(seq: u64) {
    append(format_args!("ack {seq}\n"));
}

/// Formats the line only when traced: a release build's commit does no more than sync.
fn append(line: std::fmt::Arguments<'_>) {
    if !cfg!(debug_assertions) {
        return;
    }
    let Some(path) = std::env::var_os("LUNXUN_TRACE_SYNC") else {
        return;
    };
    let _ = OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .and_then(|mut f| f.write_all(line.to_string().as_bytes()));
}
