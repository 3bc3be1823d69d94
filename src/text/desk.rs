//! What the desk shows, in both languages. Part of the one catalogue ([`crate::text`]).

catalogue! {
    /// What the desk shows: titles, key hints, forms, notices.
    pub enum Desk {
    AppTitle => "轮训签到台", "lunxun check-in desk";
    FixedClock => "【时钟固定 {at}】", "[clock fixed {at}]";
    // Screens
    ScreenCheckIn => "签到", "Check-in";
    ScreenLookup => "查询", "Lookup";
    ScreenSessions => "场次", "Sessions";
    ScreenCohorts => "班次", "Cohorts";
    ScreenWelcome => "欢迎", "Welcome";
    ScreenDashboard => "看板", "Dashboard";
    ScreenTeaching => "教学", "Teaching";
    ScreenCoverage => "覆盖", "Coverage";
    ScreenBases => "基地", "Bases";
    ScreenImport => "导入", "Import";
    // Key hints
    KeyQuit => "退出", "quit";
    KeyHelp => "帮助", "help";
    KeyNextScreen => "下一屏", "next screen";
    KeyPrevScreen => "上一屏", "previous screen";
    KeyCheckIn => "签到", "check in";
    KeyUndo => "撤销上一次", "undo last";
    KeyLeave => "请假", "leave";
    SignOutKey => "签退", "sign out";
    KeyWalkIn => "现场增补", "walk-in";
    KeyScope => "名单/花名册", "roster/register";
    KeyClear => "清空/返回", "clear/back";
    KeyMove => "上下移动", "move";
    KeyPage => "翻页", "page";
    KeyChooseSession => "选为当前场次", "use this session";
    KeyCloseSession => "结束场次", "close session";
    KeyReopenSession => "重新开放", "reopen";
    KeyOpenCohort => "打开班次", "open cohort";
    KeyNewCohort => "新建班次", "new cohort";
    KeyCloseCohort => "结束班次", "close cohort";
    KeyLoadDemo => "载入演示数据", "load the demo";
    KeyNextField => "下一项", "next field";
    KeyPrevField => "上一项", "previous field";
    KeySubmit => "确定", "confirm";
    KeyCancel => "取消", "cancel";
    KeyChoice => "切换选项", "change choice";
    KeyYes => "是", "yes";
    KeyNo => "否", "no";
    KeyGoCheckIn => "签到屏", "check-in screen";
    KeyGoLookup => "查询屏", "lookup screen";
    KeyGoSessions => "场次屏", "sessions screen";
    KeyGoCohorts => "班次屏", "cohorts screen";
    KeyGoDashboard => "看板屏", "dashboard screen";
    KeyUntrained => "未培训名单", "untrained list";
    KeyGoTeaching => "教学屏", "teaching screen";
    KeyGoCoverage => "覆盖屏", "coverage screen";
    KeyGoBases => "基地屏", "bases screen";
    KeyGoImport => "导入屏", "import screen";
    KeyNewActivity => "记录教学活动", "log an activity";
    KeyMarkHeld => "标记已举办", "mark held";
    KeyEditActivity => "修改（有变更）", "edit (changed)";
    KeyEditPerson => "修改信息", "edit details";
    ActivityEditTitle => "修改教学活动 #{id}", "Edit activity #{id}";
    ActivityEdited => "✓ #{id} 已修改（原记录保留在历史中）", "✓ #{id} changed (the earlier details stay in the history)";
    KeyDeleteActivity => "删除", "delete";
    KeySession => "上/下一场次", "previous/next session";
    KeyNewBase => "新增基地", "add a base";
    KeyPreview => "预览/导入", "preview/import";
    KeyEnrol => "同时编入本班", "also enrol in this cohort";
    KeyPaperEntry => "补录纸质签到表", "enter a paper sheet";
    KeyPaperCycle => "切换 签到/迟到/请假/缺席", "cycle present/late/leave/absent";
    KeyPaperWrite => "写入整张表", "write the whole sheet";
    KeyType => "输入姓名/拼音/首字母", "type name/pinyin/initials";
    // Bundles: the screen, its keys and its forms' fields (tui/state/bundle.rs)
    ScreenBundle => "数据包", "Bundles";
    KeyBundles => "数据包", "bundles";
    KeyExportBundle => "导出数据包", "export a bundle";
    KeyMergeBundle => "合并数据包", "merge a bundle";
    KeyNameDesk => "本台命名", "name this desk";
    KeyBackScreen => "返回", "back";
    FieldBundleScope => "范围", "Scope";
    FieldBundleFile => "文件", "File";
    FieldPassphrase => "口令（可空）", "Passphrase (optional)";
    FieldPassphraseAgain => "再输一次口令", "Passphrase again";
    FieldBundlePassphrase => "口令（加密时）", "Passphrase (if encrypted)";
    FieldDeskName => "本台名称", "Desk name";
    // Check-in screen
    DayOfDays => "第 {day} 天 / 共 {days} 天", "day {day} of {days}";
    Counts => "已到 {arrived}/{enrolled} · 迟到 {late} · 请假 {leave}", "in {arrived}/{enrolled} · late {late} · leave {leave}";
    SearchPrompt => "姓名 / 拼音 / 首字母：", "Name / pinyin / initials: ";
    ScopeRoster => "本班名单", "cohort roster";
    ScopeRegister => "全部花名册", "whole register";
    NoMatches => "没有匹配的人员", "no one matches";
    TypeToSearch => "输入几个字母开始查找（如 zw、zhangwei、张伟）", "type a few letters to search (e.g. zw, zhangwei, 张伟)";
    ColName => "姓名", "Name";
    ColUnit => "单位", "Unit";
    ColPlace => "乡镇/县市区", "Township/County";
    ColPosition => "职务", "Position";
    ColPhone => "电话", "Phone";
    ColStatus => "本场", "Status";
    StatusNone => "未到", "not yet";
    StatusPresent => "已签到", "present";
    StatusLate => "迟到", "late";
    StatusLeave => "请假", "leave";
    StatusAbsent => "缺勤", "absent";
    NotEnrolled => "非本班", "not enrolled";
    OffRoster => "非本班", "off roster";
    CheckedIn => "✓ {name} · {unit} · {time} {status}", "✓ {name} · {unit} · {time} {status}";
    AlreadyIn => "{name} 已于 {time} 签到，未重复记录", "{name} already checked in at {time}; nothing recorded";
    AlreadyLeave => "{name} 已于 {time} 请假，未重复记录", "{name} is already on leave since {time}; nothing recorded";
    Undone => "↶ 已撤销 {name} 的{status}", "↶ undone: {name}'s {status}";
    LeaveRecorded => "✓ {name} 请假：{reason}", "✓ {name} on leave: {reason}";
    SessionClosedNote => "本场次已结束：未签到者计为缺勤", "this session is closed: no check-in counts as absent";
    CohortClosedNote => "本班次已结束，只能查询", "this cohort is closed: look-up only";
    SessionClosedRefused => "{refusal}；如需更正，先在场次屏（F4）按 o 重新开放", "{refusal}. To correct it, reopen it with o on the sessions screen (F4)";
    WriteFailed => "保存失败，未记录：{reason}", "not saved: {reason}";
    NotConfirmed => "未确认：{reason}", "not confirmed: {reason}";
    PickSomeone => "先输入姓名并选中一人", "type a name and select someone first";
    // Forms
    LeaveTitle => "请假 · {name}", "Leave · {name}";
    LeaveReason => "请假事由", "Reason";
    SignOutFormReason => "早退原因", "Reason for leaving early";
    WalkInTitle => "现场增补（加入本班并签到）", "Walk-in (enrol and check in)";
    FieldName => "姓名", "Name";
    // The name of a thing (a cohort, a base), not of a person.
    ItemName => "名称", "Name";
    FieldUnit => "单位", "Unit";
    FieldCounty => "县市区", "County";
    FieldTownship => "乡镇/街道", "Township";
    FieldPosition => "职务", "Position";
    FieldPhone => "电话", "Phone";
    FieldStart => "开始日期 (YYYY-MM-DD)", "Start (YYYY-MM-DD)";
    FieldDays => "天数", "Days";
    FieldSlots => "时段 (am,pm,eve)", "Slots (am,pm,eve)";
    FieldLevel => "层级", "Level";
    FieldVenue => "地点", "Venue";
    CohortFormTitle => "新建班次", "New cohort";
    // Sessions screen
    SessionsTitle => "场次 · {cohort}", "Sessions · {cohort}";
    ColDay => "日期", "Day";
    Current => "当前", "current";
    AbbrPresent => "到", "in";
    AbbrLate => "迟", "L";
    AbbrLeave => "假", "V";
    AbbrNotYet => "未", "?";
    SessionsLegend => "到 已签到 · 迟 迟到 · 假 请假 · 未 未到 · Enter 选为当前场次 · x 结束场次", "in present · L late · V leave · ? not yet · Enter use session · x close session";
    DayLabel => "第{day}天", "day {day}";
    // A session in a narrow column: day and the slot's first letter (`2上`, `2a`).
    SessionShort => "{day}{slot}", "{day}{slot}";
    SlotAmShort => "上", "a";
    SlotPmShort => "下", "p";
    SlotEveShort => "晚", "e";
    Closed => "已结束", "closed";
    SessionChosen => "当前场次：{session}", "now checking in: {session}";
    ConfirmCloseSession => "结束场次 {session}？未签到的 {missing} 人将计为缺勤。", "Close session {session}? The {missing} people without a check-in will count as absent.";
    SessionClosed => "场次 {session} 已结束", "session {session} closed";
    SessionReopened => "场次 {session} 已重新开放，可以更正签到", "session {session} reopened: its attendance can be corrected";
    SessionNotClosed => "场次 {session} 没有结束，无需重新开放", "session {session} is not closed; nothing to reopen";
    // Cohorts screen
    CohortsTitle => "班次", "Cohorts";
    ColCode => "代码", "Code";
    ColDates => "日期", "Dates";
    ColEnrolled => "参训", "Enrolled";
    ColState => "状态", "State";
    CohortCreated => "已创建班次 {code}", "created cohort {code}";
    CohortOpened => "已打开班次 {code}", "opened cohort {code}";
    ConfirmCloseCohort => "结束班次 {code}？结束后只能查询。", "Close cohort {code}? It becomes look-up only.";
    CohortClosed => "班次 {code} 已结束", "cohort {code} closed";
    NoCohorts => "还没有班次", "no cohorts yet";
    // Lookup screen
    DetailTitle => "详细信息", "Details";
    FieldIdNumber => "身份证号", "ID number";
    FieldGender => "性别", "Gender";
    FieldField => "领域", "Field";
    FieldNotes => "备注", "Notes";
    AttendanceTitle => "本班考勤", "Attendance in this cohort";
    // Credit (学时): the header's count, the lookup's standing, the sessions' hours
    DeskAtRisk => "风险 {count} 人", "{count} at risk";
    DeskHoursOf => "学时 {credited} / {total}", "class hours {credited} / {total}";
    DeskCanMiss => "可缺 {hours} 学时", "can miss {hours} more hours";
    DeskAtRiskMark => "有风险", "at risk";
    DeskStandingWhy => "{standing}：{reason}", "{standing}: {reason}";
    DeskCannotComplete => "{name} 已不能结业：{reason}", "{name} can no longer complete: {reason}";
    DeskSessionHours => "{hours} 学时", "{hours} class hrs";
    DeskTotalHours => "共 {hours} 学时", "{hours} class hours in all";
    DeskRecordTitle => "培训档案", "Training record";
    DeskRecordLine => "{cohort} · {start} · 学时 {credited} / {total} · {standing}", "{cohort} · {start} · class hours {credited} / {total} · {standing}";
    DeskNoOtherCohorts => "未参加其他班次", "no other cohort";
    DeskYearTotal => "{year} 年累计 {hours} / {target} 学时", "{year}: {hours} of {target} class hours";
    DeskHoursFromLog => "{hours}（按教学记录）", "{hours} (teaching log)";
    // Dashboard
    AttendanceBySession => "各场次出勤（已到）", "Attendance by session (in)";
    ArrivalsToday => "{session} 到达时间（每 10 分钟）", "Arrivals, {session} (per 10 minutes)";
    NoArrivals => "本场次还没有人签到", "no arrivals yet in this session";
    ModulesTitle => "内容模块", "Modules";
    QuotaTitle => "{year} 年市级培训比例（村书记，要求 ≥{percent}%）", "{year} city-level share of village secretaries (need ≥{percent}%)";
    UntrainedTitle => "{county} 未参加轮训（{count} 人）", "{county}: not yet trained ({count})";
    NoRegister => "花名册为空：导入县市区的村书记名单后可计算比例", "the register is empty: import a county's village secretaries to see the quota";
    // Teaching
    TeachingTitle => "教学活动 · {session}", "Teaching · {session}";
    NoActivities => "本场次还没有教学记录。按 n 记录一项。", "nothing logged for this session yet: press n to log an activity";
    ActivityFormTitle => "记录教学活动 · {session}", "Log an activity · {session}";
    FieldMethod => "方式", "Method";
    FieldTitle => "题目", "Title";
    FieldLecturer => "授课人", "Lecturer";
    FieldRole => "授课人职务", "Lecturer's role";
    FieldModules => "内容模块（数字键）", "Modules (digit keys)";
    FieldHours => "学时", "Hours";
    FieldBase => "培训基地", "Training base";
    NoBase => "无", "none";
    ActivityLogged => "✓ 已记录 #{id} {title}", "✓ logged #{id} {title}";
    ActivityHeld => "✓ #{id} 已标记为已举办", "✓ #{id} marked held";
    ActivityDeleted => "✓ #{id} 已删除（记录保留在历史中）", "✓ #{id} deleted (kept in the history)";
    ConfirmDeleteActivity => "删除教学活动 #{id} {title}？", "Delete activity #{id} {title}?";
    Refused => "未记录：{reason}", "not recorded: {reason}";
    // Coverage
    CoverageTitle => "内容模块覆盖 · {cohort}", "Module coverage · {cohort}";
    MethodsTitle => "教学方式（次数 / 学时）", "Methods (count / hours)";
    WarningsTitle => "提示（{count}）", "Warnings ({count})";
    CoverageLegend => "● 已举办  ○ 计划  · 无", "● held  ○ planned  · none";
    NoWarnings => "没有提示：五个模块均已覆盖", "no warnings";
    // Bases
    BasesTitle => "培训基地（{count}）", "Training bases ({count})";
    // The five haves at a glance, one short mark each.
    HaveVenueShort => "场", "ve";
    HaveGuideShort => "讲", "gu";
    HaveMaterialShort => "典", "ma";
    HaveSiteShort => "参", "si";
    HaveFilmShort => "专", "fi";
    NoBases => "还没有培训基地。按 n 新增。", "no training bases yet: press n to add one";
    MeetsStandard => "达标", "meets";
    NotStandard => "未达标", "not met";
    BaseFormTitle => "新增培训基地", "Add a training base";
    FieldKind => "类型", "Kind";
    FieldHaves => "五有（数字键）", "Five haves (digit keys)";
    FieldAccredited => "授牌日期 (YYYY-MM-DD，可空)", "Accredited on (YYYY-MM-DD, optional)";
    FieldAccreditLevel => "授牌层级", "Accredited by";
    BaseAdded => "✓ 已新增基地 {name}", "✓ added base {name}";
    // Import
    ImportTitle => "导入花名册（CSV / Excel）", "Import a roster (CSV / Excel)";
    ImportPath => "文件路径：", "File path: ";
    ImportHelp => "输入文件路径后按 Enter 预览；预览无误再按 Enter 导入。", "type the file's path and press Enter to preview; Enter again to import.";
    ImportEnrol => "导入后编入本班 {cohort}：{answer}", "enrol in cohort {cohort}: {answer}";
    ImportErrors => "{count} 行有错误，未导入任何内容：", "{count} row(s) have errors; nothing will be imported:";
    ConfirmImport => "导入 {file}？新增 {new} 人，更新 {updated} 人，编入本班 {enrolled} 人。", "Import {file}? {new} new, {updated} updated, {enrolled} enrolled.";
    ImportDone => "✓ 已导入并保存：新增 {new} 人，更新 {updated} 人", "✓ imported and saved: {new} new, {updated} updated";
    On => "是", "yes";
    Off => "否", "no";
    // Welcome
    WelcomeText => "还没有班次。可以新建一个班次，或载入演示数据先试一试。", "There is no cohort yet. Create one, or load the demo to try the desk.";
    DemoLoaded => "已载入演示数据：{count} 人，班次 {cohort}", "demo loaded: {count} people, cohort {cohort}";
    AutoBackupWriting => "正在备份…", "backing up…";
    AutoBackupWritten => "已备份 {time}", "backed up {time}";
    AutoBackupFailed => "自动备份失败：{reason}", "automatic backup failed: {reason}";
    AutoBackupCannotWrite => "自动备份失败：无法写入 {path}（{reason}）", "automatic backup failed: cannot write {path} ({reason})";
    FileDenied => "没有权限", "permission denied";
    FileDiskFull => "磁盘已满", "the disk is full";
    FileReadOnly => "只读文件系统", "read-only file system";
    FileSystemError => "系统错误 {code}", "system error {code}";
    // Help and misc
    HelpTitle => "按键说明 · {screen}", "Keys · {screen}";
    HelpGlobal => "任何屏幕", "Anywhere";
    TooSmall => "终端窗口太小（至少 60×15）", "terminal too small (need 60×15)";
    }
}
