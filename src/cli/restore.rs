//! `lunxun restore FILE --db NEWDIR`: a backup into a new, empty folder, then the
//! journal's commits made after that backup (the data folder's `lunxun.journal`, found
//! beside `backups/`, or `--journal FILE`), then a check of every record and count.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use clap::Args;

use crate::io::backup;
use crate::store::{Backup, JOURNAL_FILE, JournalEntry, Journaled, TreeName, read_journal};

use crate::text::Commands;
use crate::tr;

use super::backup::{fail, summary};
use super::{CliError, CliResult, Ctx};

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// A backup written by `lunxun backup` (or one of the automatic ones). Without it,
    /// the folder is rebuilt from --journal alone (a journal that starts at the
    /// beginning: a folder that never made a backup)
    #[arg(required_unless_present = "journal")]
    pub file: Option<PathBuf>,
    /// The journal to replay after the backup (default: lunxun.journal of the data
    /// folder whose backups/ holds FILE)
    #[arg(long, value_name = "FILE", conflicts_with = "no_journal")]
    pub journal: Option<PathBuf>,
    /// Restore the backup alone, without replaying a journal
    #[arg(long)]
    pub no_journal: bool,
}

/// What the journal adds to the backup.
struct Replay {
    path: PathBuf,
    entries: Vec<JournalEntry>,
    skipped: Vec<u64>,
    damaged_bytes: usize,
}

pub fn run(args: RestoreArgs, ctx: &Ctx) -> CliResult {
    if ctx.store.holds_records() {
        let dir = ctx.store.dir().display();
        return Err(CliError::Input(tr!(
            ctx.lang,
            Commands::RestoreNotEmpty,
            dir = dir
        )));
    }
    let saved = match &args.file {
        Some(file) => backup::read(file).map_err(|e| fail(ctx, e))?,
        None => Backup::empty(),
    };
    let replay = plan_replay(&args, &saved, ctx)?;
    let entries = replay.as_ref().map_or(&[][..], |r| &r.entries);
    ctx.store.restore(&saved, entries)?;
    ctx.store.check_integrity()?;
    verify(ctx, &saved, entries)?;
    let counts = expected_counts(&saved, replay.as_ref());
    let mut text = summary(ctx, &counts, ctx.store.dir(), false);
    if let Some(replay) = &replay {
        text.push_str(&replayed(ctx, replay, saved.commit_seq()));
    }
    // The restored folder starts with a backup of its own, so it is never without one.
    let own = backup::automatic(&ctx.store, ctx.clock.now()).map_err(|e| fail(ctx, e))?;
    text.push_str(&tr!(
        ctx.lang,
        Commands::RestoreFirstBackup,
        path = own.display()
    ));
    Ok(text)
}

/// Every tree holds exactly what the backup and the journal gave, byte for byte.
fn verify(ctx: &Ctx, saved: &Backup, entries: &[JournalEntry]) -> Result<(), CliError> {
    let differ = ctx.store.restore_differences(saved, entries)?;
    if differ.is_empty() {
        return Ok(());
    }
    let names = differ
        .iter()
        .map(|t| t.name())
        .collect::<Vec<_>>()
        .join(", ");
    Err(CliError::Io(tr!(
        ctx.lang,
        Commands::RestoreDiffers,
        trees = names
    )))
}

/// The journal to replay, checked before anything is written.
fn plan_replay(args: &RestoreArgs, saved: &Backup, ctx: &Ctx) -> Result<Option<Replay>, CliError> {
    if args.no_journal {
        return Ok(None);
    }
    let found_beside = args.file.as_deref().and_then(beside);
    let Some(path) = args.journal.clone().or(found_beside) else {
        return Ok(None);
    };
    let unreadable = |why: String| {
        let path = path.display();
        CliError::Input(tr!(
            ctx.lang,
            Commands::RestoreJournalUnusable,
            path = path,
            reason = why
        ))
    };
    let journal: Journaled = read_journal(&path)
        .map_err(|e| unreadable(e.to_string()))?
        .ok_or_else(|| unreadable(tr!(ctx.lang, Commands::RestoreNotAJournal)))?;
    let held = saved.commit_seq();
    if journal.base > held {
        let base = journal.base;
        return Err(CliError::Input(tr!(
            ctx.lang,
            Commands::RestoreJournalGap,
            base = base,
            held = held
        )));
    }
    Ok(Some(Replay {
        path,
        entries: journal
            .entries
            .into_iter()
            .filter(|e| e.seq > held)
            .collect(),
        skipped: journal.skipped.into_iter().filter(|s| *s > held).collect(),
        damaged_bytes: journal.damaged_bytes,
    }))
}

/// `<data folder>/lunxun.journal` for a backup in `<data folder>/backups/`.
fn beside(backup_file: &Path) -> Option<PathBuf> {
    let backups = backup_file.parent()?;
    if backups.file_name()? != "backups" {
        return None;
    }
    let journal = backups.parent()?.join(JOURNAL_FILE);
    journal.is_file().then_some(journal)
}

/// Records per tree after the replay: every key of the backup and of the journal once.
fn expected_counts(saved: &Backup, replay: Option<&Replay>) -> BTreeMap<String, usize> {
    let mut keys: BTreeMap<String, BTreeSet<Vec<u8>>> = saved
        .trees
        .iter()
        .map(|(tree, records)| {
            let keys = records.iter().map(|r| r.key.as_bytes().to_vec()).collect();
            (tree.clone(), keys)
        })
        .collect();
    for entry in replay.map_or(&[][..], |r| &r.entries) {
        for (tree, key, _) in &entry.puts {
            if *tree != TreeName::Meta {
                keys.entry(tree.name().to_string())
                    .or_default()
                    .insert(key.clone());
            }
        }
    }
    keys.into_iter().map(|(tree, k)| (tree, k.len())).collect()
}

fn replayed(ctx: &Ctx, replay: &Replay, held: u64) -> String {
    let mut text = replay_line(ctx, replay, held);
    if !replay.skipped.is_empty() {
        let list = replay
            .skipped
            .iter()
            .map(u64::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        text.push_str(&tr!(ctx.lang, Commands::RestoreSkipped, commits = list));
    }
    if replay.damaged_bytes > 0 {
        let bytes = replay.damaged_bytes;
        text.push_str(&tr!(ctx.lang, Commands::RestoreDamagedTail, bytes = bytes));
    }
    text
}

fn replay_line(ctx: &Ctx, replay: &Replay, held: u64) -> String {
    let path = replay.path.display();
    let Some(last) = replay.entries.last().map(|e| e.seq) else {
        return tr!(ctx.lang, Commands::RestoreNothingNewer, path = path);
    };
    let (n, first) = (replay.entries.len(), held + 1);
    if held == 0 {
        return tr!(
            ctx.lang,
            Commands::RestoreRebuilt,
            path = path,
            count = n,
            last = last
        );
    }
    tr!(
        ctx.lang,
        Commands::RestoreReplayed,
        path = path,
        count = n,
        first = first,
        last = last
    )
}
