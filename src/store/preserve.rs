//! sled rewrites its files while it opens them: after a kill it replays and extends its
//! log, and on a damaged file it keeps what it can read and writes over the rest. So
//! unless the files are exactly as a clean close left them (the fingerprint in
//! `lunxun.closed`: every file's name, length and modification time), sled first opens a
//! copy of its folder (`sled-opening-…`): a database refused as damaged is refused on the
//! copy, and its own files stay as they were found. The copy is removed either way.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, UNIX_EPOCH};

use super::folder;
use super::journal::{self, Tail};

const SEAL: &str = "lunxun.closed";
const OPENING: &str = "sled-opening-";
/// The seal's last line, when it records the journal's tail. sled's own files are named
/// relative to its folder, so none of them is named this.
const JOURNAL_LINE: &str = "lunxun.journal\t";

/// How sled's files stand before an open (see [`copy_unless_sealed`]).
pub enum Found {
    /// As a clean close left them (or no database yet), with the journal's tail if that
    /// close recorded it and the journal too is as it left it (read before [`unseal`]).
    AsSealed(Option<Tail>),
    /// Not: a copy of them, to open first.
    Copied(PathBuf),
}

/// A copy of sled's folder to open first, unless the files are as a clean close left
/// them (or there is no database yet). Copies left by a process killed while opening
/// are removed first: this open makes its own.
pub fn copy_unless_sealed(dir: &Path, sled_dir: &Path) -> std::io::Result<Found> {
    remove_stale_copies(dir);
    let empty = fs::metadata(sled_dir.join("db")).map_or(true, |m| m.len() == 0);
    if empty {
        return Ok(Found::AsSealed(None));
    }
    if let Some(tail) = as_sealed(dir, sled_dir) {
        return Ok(Found::AsSealed(tail));
    }
    // A store closed a moment ago in this process may still be writing: copy after.
    wait_for_sled_to_let_go(sled_dir, Duration::from_secs(10));
    let copy = dir.join(format!("{OPENING}{}", ulid::Ulid::generate()));
    copy_tree(sled_dir, &copy)?;
    Ok(Found::Copied(copy))
}

/// Removes a copy (and the snapshots a repair set aside beside it), once sled has let
/// go of it (on Windows a file still open cannot be removed).
pub fn discard(copy: &Path) {
    wait_for_sled_to_let_go(copy, Duration::from_secs(10));
    let _ = fs::remove_dir_all(copy);
    let _ = fs::remove_dir_all(format!("{}-snapshots", copy.display()));
}

/// Before sled opens the files themselves: the seal no longer holds.
pub fn unseal(dir: &Path) -> std::io::Result<()> {
    match fs::remove_file(dir.join(SEAL)) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// After a clean close: records the files' fingerprint once sled has let go of them
/// (its threads can outlive the handles for a moment), and the journal's `tail` with
/// the journal's fingerprint. Any failure leaves no seal, which only means the next
/// open makes a copy.
pub fn seal(dir: &Path, sled_dir: &Path, tail: Option<Tail>) {
    let seal = dir.join(SEAL);
    let _ = fs::remove_file(&seal);
    if !wait_for_sled_to_let_go(sled_dir, Duration::from_secs(2)) {
        return;
    }
    let Ok(mut print) = fingerprint(sled_dir) else {
        return;
    };
    if let (Some(tail), Ok(journal)) = (tail, journal_print(dir)) {
        let (end, last) = (tail.end, tail.last);
        print.push_str(&format!("\n{JOURNAL_LINE}{journal}\t{end}\t{last}"));
    }
    let written = fs::File::create(&seal)
        .and_then(|mut f| f.write_all(print.as_bytes()).and_then(|()| f.sync_all()));
    if written.is_ok() {
        let _ = folder::restrict(&seal, false);
    }
}

/// `None` unless sled's files are as the seal records them; then the journal's tail if
/// the seal records it and the journal is as the seal records it too.
fn as_sealed(dir: &Path, sled_dir: &Path) -> Option<Option<Tail>> {
    let sealed = fs::read_to_string(dir.join(SEAL)).ok()?;
    let (files, journal) = split_seal(&sealed);
    if files != fingerprint(sled_dir).ok()? {
        return None;
    }
    Some(journal.and_then(|fields| journal_as_sealed(dir, fields)))
}

/// The seal's fingerprint of sled's files, and its journal line's fields if it has one.
fn split_seal(sealed: &str) -> (&str, Option<&str>) {
    match sealed.rsplit_once('\n') {
        Some((files, last)) if last.starts_with(JOURNAL_LINE) => {
            (files, Some(&last[JOURNAL_LINE.len()..]))
        }
        _ => (sealed, None),
    }
}

/// The tail in the seal's journal `fields`, if the journal is as they record it.
fn journal_as_sealed(dir: &Path, fields: &str) -> Option<Tail> {
    let (print, last) = fields.rsplit_once('\t')?;
    let (print, end) = print.rsplit_once('\t')?;
    (print == journal_print(dir).ok()?).then_some(())?;
    Some(Tail {
        end: end.parse().ok()?,
        last: last.parse().ok()?,
    })
}

/// Test aid: the journal's tail as the last clean close recorded it, if sled's files
/// and the journal are both exactly as that close left them.
#[cfg(test)]
pub fn sealed_tail(dir: &Path, sled_dir: &Path) -> Option<Tail> {
    as_sealed(dir, sled_dir).flatten()
}

/// The journal's fingerprint: its length, modification time (ns) and header (the commit
/// it starts after, which a restart rewrites without always changing the length).
pub fn journal_print(dir: &Path) -> std::io::Result<String> {
    use std::io::Read;
    let mut file = fs::File::open(dir.join(journal::FILE))?;
    let meta = file.metadata()?;
    let mut header = [0u8; 16];
    let read = file.read(&mut header)?;
    let modified = meta
        .modified()?
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_nanos();
    let header: String = header[..read].iter().map(|b| format!("{b:02x}")).collect();
    Ok(format!("{}\t{modified}\t{header}", meta.len()))
}

/// sled holds an exclusive lock on its `db` file until its last thread is done.
pub fn wait_for_sled_to_let_go(sled_dir: &Path, limit: Duration) -> bool {
    let Ok(file) = fs::File::open(sled_dir.join("db")) else {
        return false;
    };
    let deadline = Instant::now() + limit;
    loop {
        if file.try_lock().is_ok() {
            let _ = file.unlock();
            return true;
        }
        if Instant::now() >= deadline {
            return false;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// One line per file under `root`, sorted: path, length, modification time (ns).
fn fingerprint(root: &Path) -> std::io::Result<String> {
    let mut lines = Vec::new();
    let mut pending = vec![root.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in fs::read_dir(&folder)? {
            let entry = entry?;
            let meta = entry.metadata()?;
            if meta.is_dir() {
                pending.push(entry.path());
                continue;
            }
            let modified = meta
                .modified()?
                .duration_since(UNIX_EPOCH)
                .unwrap_or_default()
                .as_nanos();
            let path = entry.path();
            let name = path.strip_prefix(root).unwrap_or(&path).display();
            lines.push(format!("{name}\t{}\t{modified}", meta.len()));
        }
    }
    lines.sort();
    Ok(lines.join("\n"))
}

/// A private copy of `from` (files 0600, folders 0700), synced before sled may write.
fn copy_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    fs::create_dir(to)?;
    folder::restrict(to, true)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_tree(&entry.path(), &target)?;
        } else {
            match fs::copy(entry.path(), &target) {
                // sled renamed or removed it (a finished snapshot): nothing to keep.
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                other => other?,
            };
            folder::restrict(&target, false)?;
            // Writable: on Windows, syncing a file (FlushFileBuffers) needs write access.
            fs::OpenOptions::new()
                .write(true)
                .open(&target)?
                .sync_all()?;
        }
    }
    Ok(())
}

fn remove_stale_copies(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().starts_with(OPENING) {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}
