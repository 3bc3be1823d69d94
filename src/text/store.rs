//! What the data folder's errors say, in both languages. Part of the one catalogue
//! ([`crate::text`]); `StoreError::message` builds its text here.

catalogue! {
    /// The data folder: locked, newer, damaged, not durable; and how to recover.
    pub enum Storage {
    StoreAlreadyOpen => "数据库（{dir}）已在另一个 lunxun 中打开。请先关闭那个窗口，或用 --db 指定其他文件夹。", "the database in {dir} is already open in another lunxun. Close the other one first, or use --db to choose another folder.";
    StoreNewerSchema => "{dir} 中的数据库由更新版本的 lunxun 写入（格式 {found}，本版本最高支持 {supported}）。请升级 lunxun 后再打开。", "the database in {dir} was written by a newer lunxun (schema {found}, this one reads up to {supported}). Upgrade lunxun to open it.";
    StoreFolder => "无法使用数据文件夹 {dir}：{reason}", "cannot use the data folder {dir}: {reason}";
    StoreFilesDamaged => "数据库文件已损坏，无法读取（{reason}）。请关闭 lunxun，然后用 lunxun restore 最新备份 --db 新文件夹（{journal} 中的日志会补回备份之后的记录）。", "the database could not be read or written: {reason}: the database's files are damaged. Close lunxun and restore the newest backup into a new folder with lunxun restore BACKUP --db NEWDIR (the folder's {journal} replays what came after it).";
    StoreSled => "数据库读写失败：{reason}", "the database could not be read or written: {reason}";
    StoreSync => "数据未能写入磁盘：{reason}。本次操作可能未保存，请重试：已保存的签到会显示为“已签到”。", "the database could not be made durable on disk: {reason}. It may not have been saved; try again (a check-in that was kept then shows as already checked in).";
    StoreJournal => "已写入数据库，但未能写入日志（{reason}），因此未确认。请重试：已保存的签到会显示为“已签到”。", "the change is in the database but its journal could not be written ({reason}), so it is not confirmed. Try again: a check-in that was kept shows as already checked in.";
    StoreDamaged => "{dir} 中的数据库已损坏，无法读取记录（{reason}）。lunxun 没有写入任何新数据{untouched}。恢复方法：{hint}", "the database in {dir} is damaged: {reason}. lunxun wrote nothing new{untouched}. To recover, {hint}";
    DamageNoSchema => "记录无法读取", "its records cannot be read";
    DamageCorrupted => "sled 在文件中发现了损坏的数据", "sled found corrupted data in its files";
    DamageCannotOpen => "sled 无法打开其文件：{detail}", "sled cannot open its files ({detail})";
    DamagePanicked => "sled 读取其文件时失败", "sled could not read its files";
    DamageUnreadable => "sled 无法读取其文件：{detail}", "sled cannot read its files ({detail})";
    DamageInconsistent => "由 sled 日志重建后核对不通过：{detail}", "{detail}";
    DamageBehindJournal => "数据库只有 {held} 次提交，而日志有 {last} 次", "it holds {held} commits but its journal has {last}";
    DamageBehindConfirmed => "数据库只有 {held} 次提交，而已确认 {confirmed} 次", "it holds {held} commits but {confirmed} were confirmed";
    StoreUntouched => "，数据库文件保持原样", " and left sled's files as they were";
    StoreRestoreNewest => "用最新的备份恢复到新文件夹：lunxun restore {backup} --db 新文件夹（备份之后的签到等记录会从本文件夹的日志 lunxun.journal 中补回），然后用 --db 新文件夹 打开。", "restore the newest backup into a new folder: lunxun restore {backup} --db NEWDIR (check-ins and other records made after that backup are replayed from this folder's journal, lunxun.journal), then open it with --db NEWDIR.";
    StoreRestoreJournal => "还没有备份，但日志保存了全部记录：lunxun restore --journal {journal} --db 新文件夹，然后用 --db 新文件夹 打开。", "there is no backup yet, but the journal holds every record: lunxun restore --journal {journal} --db NEWDIR, then open it with --db NEWDIR.";
    StoreRestoreNoBackup => "{folder} 中还没有自动备份；如有 lunxun backup 导出的备份文件，用 lunxun restore 文件 --db 新文件夹 恢复，然后用 --db 新文件夹 打开。", "there is no automatic backup in {folder} yet; if you have a file from `lunxun backup`, restore it with lunxun restore FILE --db NEWDIR, then open it with --db NEWDIR.";
    StoreCorrupt => "无法读取已存记录（{what}），数据库可能已损坏。", "a stored record could not be read ({what}); the database may be damaged";
    }
}

catalogue! {
    /// Backup files (io/backup.rs): what `BackupError::message` says.
    pub enum Backups {
    BackupFile => "无法读写备份文件：{path}: {reason}", "cannot read or write the backup: {path}: {reason}";
    BackupNotABackup => "{path} 不是 lunxun 备份文件（第 {line} 行第 {column} 列无法读取）", "{path} is not a lunxun backup (unreadable at line {line}, column {column})";
    }
}
