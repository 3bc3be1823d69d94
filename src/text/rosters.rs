//! What `enrol`, `unenrol`, `substitute`, `makeup`, `change undo`, `cohort edit`,
//! `cohort show`, the roster listing and the schema upgrade say. Part of the one
//! catalogue ([`crate::text`]).

catalogue! {
    /// Keeping rosters and cohorts current: enrolment, withdrawal (退训), substitutes
    /// (调换), make-ups (补课), undoing them, editing and showing a cohort's settings,
    /// and the data folder's upgrade.
    pub enum Rosters {
        // Refusals shared by the roster changes
        RosterReasonRequired => "{what}需要写明原因：请加 --reason，如 --reason 病假", "{what} needs a reason: add --reason, e.g. --reason \"sick leave\"";
        RosterWhatUnenrol => "退训", "a withdrawal";
        RosterWhatSubstitute => "调换", "a substitution";
        RosterWhatMakeUp => "补课", "a make-up";
        RosterCohortClosed => "班次 {code} 已结束，名单和设置不能再改；如需更正，先重新开放：lunxun cohort reopen --cohort {code}", "cohort {code} is closed: its roster and settings cannot change; to correct them, reopen it first: lunxun cohort reopen --cohort {code}";
        RosterNotEnrolled => "{name} 不在班次 {code} 的名单上", "{name} is not on the roster of cohort {code}";
        RosterAlreadyWithdrawn => "{name} 已于 {date} 从班次 {code} 退出（{reason}），未重复记录", "{name} already left cohort {code} on {date} ({reason}); nothing recorded";
        RosterReplacementEnrolled => "{name} 已在班次 {code} 的名单上（或曾经在），不能作为调换人员；如需恢复退训人员，用 lunxun enrol", "{name} is (or was) already on the roster of cohort {code} and cannot come in as a substitute; to bring back someone withdrawn, use lunxun enrol";
        RosterSamePerson => "调换的两人是同一人", "the person going out and the person coming in are the same";
        RosterMakeUpAttended => "{name} 已参加{session}（{time} 签到），无需补课", "{name} attended {session} (checked in {time}): no make-up needed";
        RosterMakeUpNotHeld => "{session}尚未结束（{end} 结束），结束后才能登记补课", "{session} has not ended yet (it ends {end}); a make-up is recorded after it";
        RosterMakeUpTwice => "{name} 的{session}已登记补课（{reason}），未重复记录", "{name} already has a make-up for {session} ({reason}); nothing recorded";
        // Outcomes
        RosterEnrolDone => "✓ {name} 已加入班次 {code} 的名单", "✓ {name} added to the roster of cohort {code}";
        RosterReEnrolDone => "✓ {name} 已重新加入班次 {code} 的名单（此前：{reason}）", "✓ {name} is back on the roster of cohort {code} (before: {reason})";
        RosterAlreadyEnrolled => "= {name} 已在班次 {code} 的名单上，未重复记录", "= {name} is already on the roster of cohort {code}; nothing recorded";
        RosterUnenrolDone => "✓ {name} 已从班次 {code} 退训：{reason}", "✓ {name} withdrawn from cohort {code}: {reason}";
        RosterSubstituteDone => "✓ 班次 {code}：{incoming} 调换 {outgoing}，已加入名单：{reason}", "✓ cohort {code}: {incoming} replaces {outgoing} and is on the roster now: {reason}";
        RosterMakeUpDone => "✓ {name} 的{session}已登记补课：{reason}", "✓ make-up recorded for {name}, {session}: {reason}";
        RosterUndoHint => "撤销：lunxun change undo {id}", "to undo: lunxun change undo {id}";
        // A check-in of someone who left the cohort
        RosterCheckInWithdrawn => "{name} 已于 {date} 从班次 {cohort} 退训（{reason}），不能签到", "{name} was withdrawn from cohort {cohort} on {date} ({reason}) and cannot check in";
        RosterCheckInReplaced => "{name} 已于 {date} 由 {other} 调换（{reason}），不能签到", "{name} was replaced by {other} on {date} ({reason}) and cannot check in";
        // The roster listing
        RosterListWithdrawn => "退训：{reason}", "withdrawn: {reason}";
        RosterListReplaced => "调换：由 {name} 替换（{reason}）", "replaced by {name} ({reason})";
        RosterListSubstitute => "调换：替换 {name}", "substitute for {name}";
        // Undoing a change
        ChangeUnknown => "没有编号为“{id}”的变更", "no change with id '{id}'";
        ChangeAlreadyUndone => "变更 {id} 已经撤销，未重复记录", "change {id} is already undone; nothing recorded";
        ChangeNotUndoable => "变更 {id} 不能用 lunxun change undo 撤销（只能撤销加入名单、退训、调换和补课）", "change {id} cannot be undone with lunxun change undo (only enrolments, withdrawals, substitutions and make-ups can)";
        ChangeUndoAttended => "{name} 在班次 {code} 已有签到记录，撤销会让这些记录离开名单；请改用 lunxun unenrol", "{name} already has check-ins in cohort {code}, which undoing would take off the roster; use lunxun unenrol instead";
        ChangeUndoDone => "✓ 已撤销变更 {id}：{what}", "✓ change {id} undone: {what}";
        ChangeWhatEnrolled => "{name} 加入班次 {code}", "{name} enrolled in cohort {code}";
        ChangeWhatUnenrolled => "{name} 从班次 {code} 退训", "{name} withdrawn from cohort {code}";
        ChangeWhatSubstituted => "班次 {code} 中 {incoming} 调换 {outgoing}", "{incoming} replacing {outgoing} in cohort {code}";
        ChangeWhatMakeUp => "{name} 的{session}补课", "the make-up of {name} for {session}";
        // Slots and rules as typed
        SlotUnknown => "时段“{text}”无效；可选 am、pm、eve，可带时间，如 am=08:30-11:30", "unknown slot '{text}': use am, pm or eve, optionally with times such as am=08:30-11:30";
        SlotBadTime => "时段 {slot} 的时间“{text}”无效；请写作 开始-结束，如 {example}，或只写开始，如 {start}", "bad time '{text}' for slot {slot}: write start-end, e.g. {example}, or only the start, e.g. {start}";
        SlotEndsBeforeStart => "时段 {slot} 的结束时间不晚于开始时间；请写作 开始-结束，如 {example}", "slot {slot} ends before it starts: write start-end, e.g. {example}";
        CohortRuleOutOfRange => "{option} 须在 {min} 到 {max} 之间，而不是 {value}", "{option} must be from {min} to {max}, not {value}";
        CohortBadLeaveLimit => "请假上限“{text}”无效；请写作分数或百分比，如 1/7 或 15%", "bad leave limit '{text}': write a fraction or a percentage, e.g. 1/7 or 15%";
        // cohort edit
        CohortEditDone => "✓ 班次 {code} 已修改 {count} 项设置：", "✓ cohort {code}: {count} settings changed:";
        CohortEditLine => "  {setting}：{old} → {new}", "  {setting}: {old} → {new}";
        CohortEditUnchanged => "= 班次 {code} 的设置没有变化，未记录", "= cohort {code}: nothing changed; nothing recorded";
        CohortEditOrphans => "不能这样修改班次 {code}：这些场次已有记录，改后将不属于班次：{sessions}", "cohort {code} cannot change so: these sessions have records that would no longer belong to it: {sessions}";
        CohortEditOrphan => "{session}（签到 {events} 条，教学活动 {activities} 项）", "{session} ({events} check-in events, {activities} teaching activities)";
        CohortEditStartMoved => "班次 {code} 已有 {count} 条签到记录，记录的时间属于原来的日期，不能改开始日期", "cohort {code} has {count} check-in events, timed on its present dates: its start cannot move";
        CohortEditLegacy => "此班次原按场次出勤 {percent}% 结业；修改后按学时规则结业", "this cohort completed by attending {percent}% of sessions; it now completes by the class-hour rules";
        // cohort show: the settings' names
        CohortSetCode => "代码", "code";
        CohortSetName => "名称", "name";
        CohortSetLevel => "层级", "level";
        CohortSetField => "领域", "field";
        CohortSetVenue => "地点", "venue";
        CohortSetStart => "开始日期", "start";
        CohortSetEnd => "结束日期", "end";
        CohortSetDays => "天数", "days";
        CohortSetSlots => "时段", "slots";
        CohortSetGrace => "迟到宽限（分钟）", "grace (minutes)";
        CohortSetState => "状态", "state";
        CohortSetClosedSessions => "已结束的场次", "closed sessions";
        CohortSetHourMinutes => "每学时分钟数", "minutes per class hour";
        CohortSetHoursPerSession => "每场默认学时", "class hours per session";
        CohortSetCompletion => "结业标准（总学时的百分比）", "completion (% of total class hours)";
        CohortSetLeaveLimit => "请假与缺勤上限（占总学时）", "leave and absence limit (of total class hours)";
        CohortSetLateAllowance => "迟到不扣学时的分钟数", "late allowance (minutes)";
        CohortSetEarlyLeave => "早退界限（结束前分钟数）", "early leave (minutes before the end)";
        CohortSetEarlyAllowance => "早退不扣学时的分钟数", "early-leave allowance (minutes)";
        CohortSetSignOut => "须签退", "sign-out required";
        CohortSetRules => "学时规则", "class-hour rules";
        CohortShowDefault => "（默认）", " (default)";
        CohortShowNone => "无", "none";
        CohortShowYes => "是", "yes";
        CohortShowNo => "否", "no";
        CohortShowLegacy => "旧规则：出勤达到场次的 {percent}% 即结业（此班次建于学时规则之前；用 lunxun cohort edit 修改后改用学时规则）", "old rule: completing means attending {percent}% of the sessions (made before class-hour rules; lunxun cohort edit gives it the rules below)";
        // The schema upgrade
        MigrateDone => "数据文件夹已从第 {from} 版升级到第 {to} 版；升级前已备份到 {path}", "the data folder was upgraded from schema {from} to {to}; a backup was made first: {path}";
        MigrateBackupFailed => "升级数据文件夹前的备份失败，数据未改动：{reason}", "the backup before upgrading the data folder failed; nothing was changed: {reason}";
    }
}
