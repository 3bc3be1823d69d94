//! `lunxun restore FILE --db NEWDIR`: a backup into a new, empty folder, then the
//! journal's commits made after that backup (the data folder's `lunxun.journal`, found
//! beside `backups/`, or `--journal FILE`), then a check of every record and count.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use clap::Args;

use crate::io::backup;
use crate::store::{Backup, JOURNAL_FILE, JournalEntry, Journaled, TreeName, read_journal};

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
        return Err(CliError::Input(ctx.t(
            &format!(
                "{} 中已有数据；请用 --db 指定一个新的空文件夹来恢复。",
                ctx.store.dir().display()
            ),
            &format!(
                "{} already holds records; restore into a new empty folder with --db NEWDIR",
                ctx.store.dir().display()
            ),
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
    text.push_str(&ctx.t(
        &format!("新文件夹的第一个备份：{}\n", own.display()),
        &format!("the new folder's first backup: {}\n", own.display()),
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
    Err(CliError::Io(ctx.t(
        &format!("恢复后核对不符：这些记录与备份和日志不一致：{names}"),
        &format!("the restore did not verify: these records differ from the backup and the journal: {names}"),
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
    let unreadable =
        |why: String| {
            CliError::Input(ctx.t(
            &format!("无法使用日志 {}：{why}；如只恢复备份，加 --no-journal。", path.display()),
            &format!(
                "cannot use the journal {}: {why}; to restore the backup alone, add --no-journal",
                path.display()
            ),
        ))
        };
    let journal: Journaled = read_journal(&path)
        .map_err(|e| unreadable(e.to_string()))?
        .ok_or_else(|| unreadable(ctx.t("不是 lunxun 日志文件", "not a lunxun journal")))?;
    let held = saved.commit_seq();
    if journal.base > held {
        return Err(CliError::Input(ctx.t(
            &format!(
                "日志从第 {} 次提交之后开始，而这个备份只到第 {held} 次：中间的记录会缺失。请恢复最新的备份，或加 --no-journal 只恢复这个备份。",
                journal.base
            ),
            &format!(
                "the journal starts after commit {}, but this backup holds commits up to {held}: the ones between would be missing. Restore the newest backup, or add --no-journal to restore this one alone",
                journal.base
            ),
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
        text.push_str(&ctx.t(
            &format!("警告：日志中第 {list} 次提交已损坏，无法补回；其中的签到需要核对后重新录入。\n"),
            &format!("WARNING: commit(s) {list} in the journal are damaged and were not replayed; check-ins in them must be checked and entered again\n"),
        ));
    }
    if replay.damaged_bytes > 0 {
        text.push_str(&ctx.t(
            &format!(
                "注意：日志末尾 {} 字节无法读取（写入中断或已损坏），未补回。\n",
                replay.damaged_bytes
            ),
            &format!(
                "note: the journal's last {} bytes could not be read (a write cut short, or damage) and were not replayed\n",
                replay.damaged_bytes
            ),
        ));
    }
    text
}

fn replay_line(ctx: &Ctx, replay: &Replay, held: u64) -> String {
    let path = replay.path.display();
    let Some(last) = replay.entries.last().map(|e| e.seq) else {
        return ctx.t(
            &format!("日志 {path} 中没有这个备份之后的提交：备份已是最新。\n"),
            &format!("the journal {path} holds no commits after the backup: the backup is the newest state\n"),
        );
    };
    let (n, first) = (replay.entries.len(), held + 1);
    if held == 0 {
        return ctx.t(
            &format!("由日志 {path} 重建：{n} 次提交（第 1 至 {last} 次）。\n"),
            &format!("rebuilt from the journal {path}: {n} commits (1 to {last})\n"),
        );
    }
    ctx.t(
        &format!("另从日志 {path} 补回备份之后的 {n} 次提交（第 {first} 至 {last} 次）。\n"),
        &format!("then replayed {n} commits made after the backup from the journal {path} (commits {first} to {last})\n"),
    )
}
