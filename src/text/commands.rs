//! What the command line says around its commands, in both languages: the lookups every
//! command shares, the start in `main`, and the output of backup, restore, search,
//! person, roster and demo. Part of the one catalogue ([`crate::text`]).

catalogue! {
    /// The command line's shared lookups and the output of its general commands.
    pub enum Commands {
    // main
    MainFixedClock => "lunxun: 注意：时钟已固定为 {at}（LUNXUN_NOW）", "lunxun: warning: the clock is fixed at {at} (LUNXUN_NOW)";
    MainBackupAtStartFailed => "启动时备份失败：{reason}", "the backup at start failed: {reason}";
    ClockNotATime => "LUNXUN_NOW='{text}' 不是 RFC 3339 时间，应写作 2015-03-16T08:41:00+08:00 这样的格式", "LUNXUN_NOW='{text}' is not an RFC 3339 time such as 2015-03-16T08:41:00+08:00";
    // Lookups every command shares (cli/mod.rs)
    CliUnknownCohort => "没有代码为“{code}”的班次；用 lunxun cohort list 查看已有班次。", "unknown cohort '{code}'; `lunxun cohort list` shows the codes";
    CliUnknownPerson => "没有编号为“{id}”的人员；用 lunxun search 查找编号。", "unknown person '{id}'; `lunxun search` shows ids";
    CliNoSuchSession => "班次 {cohort} 没有场次“{session}”；场次写作 天:时段，从 {first} 到 {last}。", "cohort {cohort} has no session '{session}'; sessions are DAY:SLOT from {first} to {last}";
    CliNotOnACohortDay => "现在不在班次 {cohort} 的培训日期内；请用 --session 指定场次（{first} 到 {last}）。", "the clock is not on a day of cohort {cohort}; pass --session DAY:SLOT ({first} to {last})";
    CliReadWorkbookInternal => "read-workbook 由 lunxun 自己运行，是导入程序读取工作簿的子进程", "read-workbook is run by lunxun itself, as the importer's workbook reader";
    CliWorkbookToTerminal => "xlsx 是二进制格式，不能输出到终端；请加 -o 文件名（如 -o 考勤.xlsx），或把输出重定向到文件。", "xlsx is a binary format and is not written to the terminal; add -o FILE (e.g. -o attendance.xlsx) or redirect the output to a file";
    // backup and restore
    BackupWritten => "已备份到 {path}：人员 {people}，班次 {cohorts}，参训 {enrolments}，签到记录 {events}\n", "backed up to {path}: {people} people, {cohorts} cohorts, {enrolments} enrolments, {events} attendance events\n";
    RestoreVerified => "已恢复并核对，位于 {path}：人员 {people}，班次 {cohorts}，参训 {enrolments}，签到记录 {events}\n", "restored and verified in {path}: {people} people, {cohorts} cohorts, {enrolments} enrolments, {events} attendance events\n";
    RestoreNotEmpty => "{dir} 中已有数据；请用 --db 指定一个新的空文件夹来恢复。", "{dir} already holds records; restore into a new empty folder with --db NEWDIR";
    RestoreFirstBackup => "新文件夹的第一个备份：{path}\n", "the new folder's first backup: {path}\n";
    RestoreDiffers => "恢复后核对不符：这些记录与备份和日志不一致：{trees}", "the restore did not verify: these records differ from the backup and the journal: {trees}";
    RestoreJournalUnusable => "无法使用日志 {path}：{reason}；如只恢复备份，加 --no-journal。", "cannot use the journal {path}: {reason}; to restore the backup alone, add --no-journal";
    RestoreNotAJournal => "不是 lunxun 日志文件", "not a lunxun journal";
    RestoreJournalGap => "日志从第 {base} 次提交之后开始，而这个备份只到第 {held} 次：中间的记录会缺失。请恢复最新的备份，或加 --no-journal 只恢复这个备份。", "the journal starts after commit {base}, but this backup holds commits up to {held}: the ones between would be missing. Restore the newest backup, or add --no-journal to restore this one alone";
    RestoreSkipped => "警告：日志中第 {commits} 次提交已损坏，无法补回；其中的签到需要核对后重新录入。\n", "WARNING: commit(s) {commits} in the journal are damaged and were not replayed; check-ins in them must be checked and entered again\n";
    RestoreDamagedTail => "注意：日志末尾 {bytes} 字节无法读取（写入中断或已损坏），未补回。\n", "note: the journal's last {bytes} bytes could not be read (a write cut short, or damage) and were not replayed\n";
    RestoreNothingNewer => "日志 {path} 中没有这个备份之后的提交：备份已是最新。\n", "the journal {path} holds no commits after the backup: the backup is the newest state\n";
    RestoreRebuilt => "由日志 {path} 重建：{count} 次提交（第 1 至 {last} 次）。\n", "rebuilt from the journal {path}: {count} commits (1 to {last})\n";
    RestoreReplayed => "另从日志 {path} 补回备份之后的 {count} 次提交（第 {first} 至 {last} 次）。\n", "then replayed {count} commits made after the backup from the journal {path} (commits {first} to {last})\n";
    // search, person, demo
    SearchNoMatch => "没有与“{query}”匹配的人员\n", "no one matches '{query}'\n";
    PeopleAdded => "已添加 {name}", "added {name}";
    PeopleAddedAndEnrolled => "已添加 {name} 并编入班次 {cohort}", "added {name} and enrolled in {cohort}";
    PeopleBadGender => "性别“{gender}”无效；请填 男 或 女。", "bad gender '{gender}': use male or female (男/女)";
    DemoInstalled => "已载入演示数据：花名册 {people} 人，班次 {cohort}（{name}）参训 {enrolled} 人，今天是第 2 天。\n{past}试试：lunxun search --cohort {cohort} lyt\n{cohort}\n", "demo loaded: {people} people in the register, cohort {cohort} ({name}) with {enrolled} enrolled; today is its day 2.\n{past}Try: lunxun search --cohort {cohort} lyt\n{cohort}\n";
    DemoPastCohort => "另有本年已结束的班次 {code}（{name}）。\n", "Also a closed cohort earlier this year: {code} ({name}).\n";
    DemoAlreadyThere => "演示数据已在此数据库中（班次 {cohort}），未作改动。\n{cohort}\n", "the demo is already in this database (cohort {cohort}); nothing changed\n{cohort}\n";
    }
}
