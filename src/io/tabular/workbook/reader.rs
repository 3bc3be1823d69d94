//! The workbook reader as a child process: the parent writes the file's bytes to the
//! child's stdin and reads the rows back as JSON from its stdout. The child runs
//! `lunxun read-workbook KIND [--sheet NAME]`, under a memory limit (Unix) and a time
//! limit; whatever kills it, the parent reports the file as damaged.

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use super::super::MAX_FILE_BYTES;
use super::super::error::TabularError;
use super::super::grid::RawRow;
use super::{Sheet, WorkbookKind, cells};

/// The hidden subcommand the child runs.
pub const SUBCOMMAND: &str = "read-workbook";

/// Longer than any real roster takes (a 32 MB workbook reads in a few seconds).
const TIME_LIMIT: Duration = Duration::from_secs(120);

/// Address space for the child: far above what the largest accepted file needs.
#[cfg(unix)]
const MEMORY_LIMIT: u64 = 3 << 30;

/// What the child answers.
#[derive(Debug, Serialize, Deserialize)]
enum Reply {
    Read {
        sheet: String,
        other_sheets: Vec<String>,
        rows: Vec<RawRow>,
    },
    NoSheet {
        name: String,
        available: Vec<String>,
    },
    NoData,
    /// calamine failed, with its reason.
    Failed(String),
    /// calamine panicked on the file.
    Damaged,
}

/// Parent side: reads the workbook in a child process of `exe`.
pub fn read_in_child(
    exe: &Path,
    bytes: &[u8],
    kind: WorkbookKind,
    sheet: Option<&str>,
) -> Result<Sheet, TabularError> {
    let mut command = Command::new(exe);
    command.arg(SUBCOMMAND).arg(kind.name());
    if let Some(sheet) = sheet {
        command.arg("--sheet").arg(sheet);
    }
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| TabularError::ReaderNotStarted(e.to_string()))?;
    let output = exchange(&mut child, bytes)?;
    let reply: Reply = serde_json::from_slice(&output).map_err(|_| damaged())?;
    into_sheet(reply)
}

/// Writes the bytes, collects stdout, and waits for the child within the time limit.
fn exchange(child: &mut Child, bytes: &[u8]) -> Result<Vec<u8>, TabularError> {
    let mut stdin = child.stdin.take().ok_or_else(damaged)?;
    let mut stdout = child.stdout.take().ok_or_else(damaged)?;
    std::thread::scope(|scope| {
        // A child that dies early closes its stdin: the write error is not the news.
        scope.spawn(move || {
            let _ = stdin.write_all(bytes);
        });
        let collected = scope.spawn(move || {
            let mut output = Vec::new();
            let _ = stdout.read_to_end(&mut output);
            output
        });
        let finished = wait_within(child, TIME_LIMIT);
        let output = collected.join().unwrap_or_default();
        match finished {
            Some(true) => Ok(output),
            Some(false) => Err(damaged()),
            None => Err(TabularError::WorkbookTooSlow {
                seconds: TIME_LIMIT.as_secs(),
            }),
        }
    })
}

/// `Some(success)` when the child ended in time; `None` after killing it.
fn wait_within(child: &mut Child, limit: Duration) -> Option<bool> {
    let deadline = Instant::now() + limit;
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return Some(status.success()),
            Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(2)),
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                return None;
            }
        }
    }
}

fn damaged() -> TabularError {
    TabularError::WorkbookUnreadable
}

fn into_sheet(reply: Reply) -> Result<Sheet, TabularError> {
    match reply {
        Reply::Read {
            sheet,
            other_sheets,
            rows,
        } => Ok(Sheet {
            name: sheet,
            other_sheets,
            rows,
        }),
        Reply::NoSheet { name, available } => Err(TabularError::NoSheet { name, available }),
        Reply::NoData => Err(TabularError::NoData),
        Reply::Failed(reason) => Err(TabularError::Workbook(reason)),
        Reply::Damaged => Err(damaged()),
    }
}

/// Child side (`lunxun read-workbook KIND [--sheet NAME]`): stdin → JSON on stdout.
/// Returns the process exit code.
pub fn serve(kind: &str, sheet: Option<&str>) -> i32 {
    limit_memory();
    let Some(kind) = WorkbookKind::from_name(kind) else {
        return 2;
    };
    let mut bytes = Vec::new();
    let limit = MAX_FILE_BYTES + 1;
    if std::io::stdin()
        .take(limit)
        .read_to_end(&mut bytes)
        .is_err()
    {
        return 1;
    }
    let reply = to_reply(cells::read_here(&bytes, kind, sheet));
    let mut out = std::io::stdout().lock();
    let written = serde_json::to_writer(&mut out, &reply).map_err(std::io::Error::from);
    match written.and_then(|()| out.flush()) {
        Ok(()) => 0,
        Err(_) => 1,
    }
}

fn to_reply(read: Result<Sheet, TabularError>) -> Reply {
    match read {
        Ok(Sheet {
            name,
            other_sheets,
            rows,
        }) => Reply::Read {
            sheet: name,
            other_sheets,
            rows,
        },
        Err(TabularError::NoSheet { name, available }) => Reply::NoSheet { name, available },
        Err(TabularError::NoData) => Reply::NoData,
        Err(TabularError::Workbook(reason)) => Reply::Failed(reason),
        // A panic in calamine (WorkbookUnreadable); read_here returns nothing else.
        Err(_) => Reply::Damaged,
    }
}

/// A damaged file that makes calamine ask for more memory fails the allocation here
/// instead of making the machine swap. Elsewhere the allocation fails on its own (no
/// overcommit on Windows) and the child stops just the same.
#[cfg(unix)]
fn limit_memory() {
    let limit = libc::rlimit {
        rlim_cur: MEMORY_LIMIT as libc::rlim_t,
        rlim_max: MEMORY_LIMIT as libc::rlim_t,
    };
    // SAFETY: setrlimit only reads the struct passed by reference.
    unsafe {
        libc::setrlimit(libc::RLIMIT_AS, &limit);
    }
}

#[cfg(not(unix))]
fn limit_memory() {}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the child says crosses back as the same error, so the parent words it in
    /// the user's language (a damaged file once came back as English text in a Chinese
    /// message).
    #[test]
    fn the_childs_reply_keeps_the_error() {
        let round_trip = |read| {
            let json = serde_json::to_vec(&to_reply(read)).unwrap();
            into_sheet(serde_json::from_slice(&json).unwrap())
        };
        for error in [
            TabularError::WorkbookUnreadable,
            TabularError::NoData,
            TabularError::Workbook("bad zip".into()),
            TabularError::NoSheet {
                name: "x".into(),
                available: vec!["y".into()],
            },
        ] {
            assert_eq!(round_trip(Err(error.clone())), Err(error));
        }
        let sheet = Sheet {
            name: "名单".into(),
            other_sheets: vec![],
            rows: vec![],
        };
        assert_eq!(round_trip(Ok(sheet.clone())), Ok(sheet));
    }
}
