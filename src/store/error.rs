//! What can go wrong with the data folder, in words a person can act on.

use std::path::{Path, PathBuf};

use crate::text::Lang;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("the database in {0} is already open in another lunxun")]
    AlreadyOpen(PathBuf),
    #[error(
        "the database in {dir} was written by a newer lunxun (schema {found}, this one reads up to {supported})"
    )]
    NewerSchema {
        dir: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error("cannot use the data folder {dir}: {source}")]
    Folder {
        dir: PathBuf,
        source: std::io::Error,
    },
    #[error("the database could not be read or written: {0}")]
    Sled(#[from] sled::Error),
    #[error("the database could not be made durable on disk: {0}")]
    Sync(#[from] std::io::Error),
    #[error("the change is in the database but its journal could not be written ({0})")]
    Journal(std::io::Error),
    #[error("the database in {dir} is damaged: {reason}")]
    Damaged {
        dir: PathBuf,
        reason: String,
        /// Found on a copy: sled never opened the files themselves.
        untouched: bool,
    },
    #[error("a stored record could not be read ({0}); the database may be damaged")]
    Corrupt(String),
}

impl StoreError {
    /// The same error, found on a copy of sled's files: the files themselves were never
    /// opened.
    pub(super) fn untouched(self) -> StoreError {
        match self {
            StoreError::Damaged { dir, reason, .. } => StoreError::Damaged {
                dir,
                reason,
                untouched: true,
            },
            other => other,
        }
    }

    /// The same error met while opening the database in `dir`: sled's report of a
    /// damaged record (a snapshot pointing past a cut-off log, say) becomes
    /// [`StoreError::Damaged`], whose message names the newest backup and the restore
    /// command.
    pub(super) fn at_open(self, dir: &Path) -> StoreError {
        match self {
            StoreError::Sled(e) if reads_as_damage(&e) => StoreError::Damaged {
                dir: dir.to_path_buf(),
                reason: format!("sled cannot read its files ({e})"),
                untouched: false,
            },
            other => other,
        }
    }

    /// One line in the user's language, saying what to do where there is something to do.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (StoreError::AlreadyOpen(dir), Lang::Zh) => format!(
                "数据库（{}）已在另一个 lunxun 中打开。请先关闭那个窗口，或用 --db 指定其他文件夹。",
                dir.display()
            ),
            (StoreError::AlreadyOpen(_), Lang::En) => {
                format!("{self}. Close the other one first, or use --db to choose another folder.")
            }
            (
                StoreError::NewerSchema {
                    found, supported, ..
                },
                Lang::Zh,
            ) => format!(
                "此数据库由更新版本的 lunxun 写入（格式 {found}，本版本最高支持 {supported}）。请升级 lunxun 后再打开。"
            ),
            (StoreError::NewerSchema { .. }, Lang::En) => {
                format!("{self}. Upgrade lunxun to open it.")
            }
            (StoreError::Damaged { dir, untouched, .. }, Lang::Zh) => format!(
                "{} 中的数据库已损坏，无法读取记录。lunxun 没有写入任何新数据{}。恢复方法：{}",
                dir.display(),
                if *untouched {
                    "，数据库文件保持原样"
                } else {
                    ""
                },
                restore_hint_zh(dir)
            ),
            (StoreError::Damaged { dir, untouched, .. }, Lang::En) => format!(
                "{self}. lunxun wrote nothing new{}. To recover, {}",
                if *untouched {
                    " and left sled's files as they were"
                } else {
                    ""
                },
                restore_hint_en(dir)
            ),
            (StoreError::Folder { dir, source }, Lang::Zh) => {
                format!("无法使用数据文件夹 {}：{source}", dir.display())
            }
            (StoreError::Sled(e), Lang::Zh) if reads_as_damage(e) => format!(
                "数据库文件已损坏，无法读取（{e}）。请关闭 lunxun，然后用 lunxun restore 最新备份 --db 新文件夹（{} 中的日志会补回备份之后的记录）。",
                super::JOURNAL_FILE
            ),
            (StoreError::Sled(e), Lang::En) if reads_as_damage(e) => format!(
                "{self}: the database's files are damaged. Close lunxun and restore the newest backup into a new folder with lunxun restore BACKUP --db NEWDIR (the folder's {} replays what came after it).",
                super::JOURNAL_FILE
            ),
            (StoreError::Sled(e), Lang::Zh) => format!("数据库读写失败：{e}"),
            (StoreError::Sync(e), Lang::Zh) => {
                format!(
                    "数据未能写入磁盘：{e}。本次操作可能未保存，请重试：已保存的签到会显示为“已签到”。"
                )
            }
            (StoreError::Sync(_), Lang::En) => format!(
                "{self}. It may not have been saved; try again (a check-in that was kept then shows as already checked in)."
            ),
            (StoreError::Journal(e), Lang::Zh) => format!(
                "已写入数据库，但未能写入日志（{e}），因此未确认。请重试：已保存的签到会显示为“已签到”。"
            ),
            (StoreError::Journal(_), Lang::En) => format!(
                "{self}, so it is not confirmed. Try again: a check-in that was kept shows as already checked in."
            ),
            (StoreError::Corrupt(what), Lang::Zh) => {
                format!("无法读取已存记录（{what}），数据库可能已损坏。")
            }
            (_, Lang::En) => self.to_string(),
        }
    }
}

/// The newest automatic backup in the data folder, for the recovery advice (read only
/// when the message is shown); a pattern when there is none.
/// sled reports a damaged record it meets while reading as corruption, or as an I/O
/// error that says so.
fn reads_as_damage(e: &sled::Error) -> bool {
    match e {
        sled::Error::Corruption { .. } => true,
        sled::Error::Io(io) => io.to_string().to_lowercase().contains("corrupt"),
        _ => false,
    }
}

fn restore_hint_zh(dir: &Path) -> String {
    match newest_backup(dir) {
        Some(backup) => format!(
            "用最新的备份恢复到新文件夹：lunxun restore {} --db 新文件夹（备份之后的签到等记录会从本文件夹的日志 lunxun.journal 中补回），然后用 --db 新文件夹 打开。",
            backup.display()
        ),
        None if super::journal::holds_everything(dir) => format!(
            "还没有备份，但日志保存了全部记录：lunxun restore --journal {} --db 新文件夹，然后用 --db 新文件夹 打开。",
            dir.join(super::JOURNAL_FILE).display()
        ),
        None => format!(
            "{} 中还没有自动备份；如有 lunxun backup 导出的备份文件，用 lunxun restore 文件 --db 新文件夹 恢复，然后用 --db 新文件夹 打开。",
            dir.join("backups").display()
        ),
    }
}

fn restore_hint_en(dir: &Path) -> String {
    match newest_backup(dir) {
        Some(backup) => format!(
            "restore the newest backup into a new folder: lunxun restore {} --db NEWDIR (check-ins and other records made after that backup are replayed from this folder's journal, lunxun.journal), then open it with --db NEWDIR.",
            backup.display()
        ),
        None if super::journal::holds_everything(dir) => format!(
            "there is no backup yet, but the journal holds every record: lunxun restore --journal {} --db NEWDIR, then open it with --db NEWDIR.",
            dir.join(super::JOURNAL_FILE).display()
        ),
        None => format!(
            "there is no automatic backup in {} yet; if you have a file from `lunxun backup`, restore it with lunxun restore FILE --db NEWDIR, then open it with --db NEWDIR.",
            dir.join("backups").display()
        ),
    }
}

/// The newest automatic backup in the data folder, if any.
fn newest_backup(dir: &Path) -> Option<PathBuf> {
    std::fs::read_dir(dir.join("backups"))
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("lunxun-"))
        })
        .max()
}

pub type StoreResult<T> = Result<T, StoreError>;
