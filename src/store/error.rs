//! What can go wrong with the data folder, in words a person can act on.

use std::path::{Path, PathBuf};

use crate::text::{Lang, Storage};
use crate::tr;

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
        reason: Damage,
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
                reason: Damage::Unreadable(e.to_string()),
                untouched: false,
            },
            other => other,
        }
    }

    /// One line in the user's language, saying what to do where there is something to do.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            StoreError::AlreadyOpen(dir) => {
                tr!(lang, Storage::StoreAlreadyOpen, dir = dir.display())
            }
            StoreError::NewerSchema {
                dir,
                found,
                supported,
            } => tr!(
                lang,
                Storage::StoreNewerSchema,
                dir = dir.display(),
                found = found,
                supported = supported
            ),
            StoreError::Damaged {
                dir,
                reason,
                untouched,
            } => {
                let untouched = if *untouched {
                    tr!(lang, Storage::StoreUntouched)
                } else {
                    String::new()
                };
                tr!(
                    lang,
                    Storage::StoreDamaged,
                    dir = dir.display(),
                    reason = reason.message(lang),
                    untouched = untouched,
                    hint = restore_hint(dir, lang)
                )
            }
            StoreError::Folder { dir, source } => tr!(
                lang,
                Storage::StoreFolder,
                dir = dir.display(),
                reason = source
            ),
            StoreError::Sled(e) if reads_as_damage(e) => tr!(
                lang,
                Storage::StoreFilesDamaged,
                reason = e,
                journal = super::JOURNAL_FILE
            ),
            StoreError::Sled(e) => tr!(lang, Storage::StoreSled, reason = e),
            StoreError::Sync(e) => tr!(lang, Storage::StoreSync, reason = e),
            StoreError::Journal(e) => tr!(lang, Storage::StoreJournal, reason = e),
            StoreError::Corrupt(what) => tr!(lang, Storage::StoreCorrupt, what = what),
        }
    }
}

/// sled reports a damaged record it meets while reading as corruption, or as an I/O
/// error that says so.
fn reads_as_damage(e: &sled::Error) -> bool {
    match e {
        sled::Error::Corruption { .. } => true,
        sled::Error::Io(io) => io.to_string().to_lowercase().contains("corrupt"),
        _ => false,
    }
}

/// How to recover the folder `dir`: from its newest backup, its journal, or a backup file.
fn restore_hint(dir: &Path, lang: Lang) -> String {
    match newest_backup(dir) {
        Some(backup) => tr!(lang, Storage::StoreRestoreNewest, backup = backup.display()),
        None if super::journal::holds_everything(dir) => tr!(
            lang,
            Storage::StoreRestoreJournal,
            journal = dir.join(super::JOURNAL_FILE).display()
        ),
        None => tr!(
            lang,
            Storage::StoreRestoreNoBackup,
            folder = dir.join("backups").display()
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

/// What showed that the database is damaged.
#[derive(Debug)]
pub enum Damage {
    /// A folder that held records has no schema version.
    NoSchema,
    /// sled found corrupted data in its files.
    Corrupted,
    /// sled cannot open its files (sled's words).
    CannotOpen(String),
    /// sled failed (panicked) reading its files.
    Panicked,
    /// sled cannot read its files (sled's words).
    Unreadable(String),
    /// Rebuilt from sled's log, a record does not read or a reference does not resolve.
    Inconsistent(Box<StoreError>),
    /// sled lost commits its journal knows.
    BehindJournal { held: u64, journaled: u64 },
    /// sled lost commits that were confirmed in `lunxun.seq`.
    BehindConfirmed { held: u64, confirmed: u64 },
}

impl Damage {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Damage::NoSchema => tr!(lang, Storage::DamageNoSchema),
            Damage::Corrupted => tr!(lang, Storage::DamageCorrupted),
            Damage::CannotOpen(e) => tr!(lang, Storage::DamageCannotOpen, detail = e),
            Damage::Panicked => tr!(lang, Storage::DamagePanicked),
            Damage::Unreadable(e) => tr!(lang, Storage::DamageUnreadable, detail = e),
            Damage::Inconsistent(e) => {
                tr!(lang, Storage::DamageInconsistent, detail = e.message(lang))
            }
            Damage::BehindJournal { held, journaled } => {
                tr!(
                    lang,
                    Storage::DamageBehindJournal,
                    held = held,
                    last = journaled
                )
            }
            Damage::BehindConfirmed { held, confirmed } => tr!(
                lang,
                Storage::DamageBehindConfirmed,
                held = held,
                confirmed = confirmed
            ),
        }
    }
}

/// English, for logs and the English message.
impl std::fmt::Display for Damage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has_cjk(s: &str) -> bool {
        s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    }

    fn io(text: &str) -> std::io::Error {
        std::io::Error::other(text.to_string())
    }

    /// One of each, the two kinds of sled error and both kinds of damage included.
    fn every_error(dir: &Path) -> Vec<StoreError> {
        vec![
            StoreError::AlreadyOpen(dir.into()),
            StoreError::NewerSchema {
                dir: dir.into(),
                found: 9,
                supported: 3,
            },
            StoreError::Folder {
                dir: dir.into(),
                source: io("denied"),
            },
            StoreError::Sled(sled::Error::Unsupported("odd".into())),
            StoreError::Sled(sled::Error::Io(io("corrupt log"))),
            StoreError::Sync(io("disk full")),
            StoreError::Journal(io("disk full")),
            StoreError::Damaged {
                dir: dir.into(),
                reason: Damage::Corrupted,
                untouched: true,
            },
            StoreError::Damaged {
                dir: dir.into(),
                reason: Damage::BehindJournal {
                    held: 3,
                    journaled: 5,
                },
                untouched: false,
            },
            StoreError::Corrupt("people".into()),
        ]
    }

    #[test]
    fn every_store_error_is_chinese_in_chinese_and_english_in_english() {
        let dir = Path::new("/data/lunxun");
        for error in every_error(dir) {
            let (zh, en) = (error.message(Lang::Zh), error.message(Lang::En));
            assert!(has_cjk(&zh), "{error:?}: not Chinese: {zh}");
            assert!(!has_cjk(&en), "{error:?}: Chinese in English: {en}");
            assert!(
                !zh.contains('{') && !en.contains('{'),
                "unfilled: {zh} / {en}"
            );
        }
    }

    #[test]
    fn a_damaged_folder_says_how_to_recover_and_whether_files_were_left_alone() {
        let dir = Path::new("/data/lunxun");
        let untouched = &every_error(dir)[7];
        let zh = untouched.message(Lang::Zh);
        assert!(
            zh.contains("数据库文件保持原样") && zh.contains("lunxun restore"),
            "{zh}"
        );
        let en = untouched.message(Lang::En);
        assert!(en.contains("left sled's files as they were"), "{en}");
        assert!(en.contains("/data/lunxun/backups"), "{en}");
        let touched = every_error(dir)[8].message(Lang::Zh);
        assert!(!touched.contains("保持原样"), "{touched}");
    }

    #[test]
    fn every_kind_of_damage_is_told_in_the_language_asked_for() {
        let corrupt = StoreError::Corrupt("people".into());
        let damages = [
            Damage::NoSchema,
            Damage::Corrupted,
            Damage::CannotOpen("unsupported".into()),
            Damage::Panicked,
            Damage::Unreadable("io".into()),
            Damage::Inconsistent(Box::new(corrupt)),
            Damage::BehindJournal {
                held: 3,
                journaled: 5,
            },
            Damage::BehindConfirmed {
                held: 3,
                confirmed: 4,
            },
        ];
        for damage in damages {
            let (zh, en) = (damage.message(Lang::Zh), damage.message(Lang::En));
            assert!(has_cjk(&zh), "{damage:?}: not Chinese: {zh}");
            assert!(!has_cjk(&en), "{damage:?}: Chinese in English: {en}");
        }
        let behind = Damage::BehindConfirmed {
            held: 3,
            confirmed: 4,
        };
        assert_eq!(
            behind.to_string(),
            "it holds 3 commits but 4 were confirmed"
        );
    }
}
