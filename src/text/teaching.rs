catalogue! {
    /// The teaching log: logging, changing, holding and deleting activities, on the
    /// command line and at the desk.
    pub enum Teaching {
        MethodUnknown => "教学方式“{text}”无效；可选 专题辅导、经验介绍、案例分析、现场观摩、讨论交流、菜单选学。", "unknown method '{text}': use lecture, sharing, case, visit, discussion or elective";
        HoursBad => "学时“{text}”无效；请写学时数（如 2学时）或小时数（如 2、1.5、2小时 或 1:30，不超过 24）。", "bad hours '{text}': use class hours such as 2学时, or clock hours such as 2, 1.5, 2小时 or 1:30 (at most 24)";
        BaseNotFound => "没有名为“{name}”的培训基地；用 lunxun base list 查看，或用 lunxun base add 添加。", "no training base named '{name}'; `lunxun base list` shows them, `lunxun base add` adds one";
        MethodLecture => "专题辅导", "lecture";
        MethodSharing => "经验介绍", "sharing";
        MethodCase => "案例分析", "case";
        MethodVisit => "现场观摩", "visit";
        MethodDiscussion => "讨论交流", "discussion";
        MethodElective => "菜单选学", "elective";
        DescribeModules => "模块 {numbers}", "modules {numbers}";
        DescribeHours => "{hours} 小时", "{hours} h";
        DescribeClassHours => "{hours} 学时", "{hours} class hours";
        CliActivityLogged => "已记录教学活动 {id}：{what}", "logged activity {id}: {what}";
        CliActivityChanged => "已修改教学活动 {id}：{what}", "changed activity {id}: {what}";
        CliActivityDeleted => "已删除教学活动 {id}（记录保留在历史中）", "deleted activity {id} (it stays in the history)";
        CliActivityHeld => "✓ 教学活动 {id} 已举办：{what}", "✓ activity {id} held: {what}";
        CliNothingToChange => "没有指定要修改的内容；请给出 --title、--lecturer、--modules 等选项。", "nothing to change: give what changes, e.g. --title, --lecturer or --modules";
        CliTeachUnchanged => "= {reason}，未重复记录", "= {reason}; nothing recorded";
        CliTeachRefused => "{reason}{hint}。", "{reason}{hint}";
        CliHintIds => "；用 lunxun teach list --cohort {code} 查看编号", "; `lunxun teach list --cohort {code}` shows the ids";
        CliHintNotStarted => "；场次开始后再标记为已举办", "; mark it held once the session has started";
        CliModuleRefused => "{reason}；{hint}。", "{reason}; {hint}";
        CliHintNoModules => "请至少写一个模块，如 --modules 1,3", "give at least one, e.g. --modules 1,3";
        CliHintOtherName => "请换一个名称", "choose another name";
        CliHintGiveName => "请用 --name 给出简称", "give one with --name";
        CliHintModuleList => "用 lunxun module list 查看模块编号和名称", "`lunxun module list` shows the numbers and names";
        CliNoActivities => "班次 {code} 还没有教学活动；用 lunxun teach add 记录。", "cohort {code} has no teaching activities yet; log one with `lunxun teach add`";
        CliActivityDeletedMark => " · 已删除", " · deleted";
        HistoryPlanned => "计划", "planned";
        HistoryLogged => "记录", "logged";
        HistoryEdited => "修改为", "edited to";
        HistoryHeld => "已举办", "held";
        HistoryDeleted => "删除", "deleted";
        CliModuleAdded => "已添加内容模块 {number}：{names}", "added module {number}: {names}";
        CliModuleNoNewName => "没有给出新名称；请用 --name、--name-en、--text 或 --text-en。", "no new name given: use --name, --name-en, --text or --text-en";
        CliModuleRenamed => "模块 {number} 已更名为：{names}（已办班次保留原名称）", "module {number} is now: {names} (cohorts already run keep the old name)";
        CliModuleRetired => "模块 {number} 已停用：新班次不再包含它，已有班次不受影响", "module {number} retired: new cohorts no longer include it; existing cohorts keep it";
        CliModuleRetiredMark => " · 已停用", " · retired";
        CliTimetableRowRefused => "未导入任何教学活动：第 {line} 行：{reason}。", "nothing imported: line {line}: {reason}";
        CliTimetableRowsBad => "未导入任何教学活动：{count} 行有错误，请修正后重新导入。", "nothing imported: {count} row(s) have errors; fix them and import again";
        CliTimetableSavedOne => "✓ 已导入并保存：教学活动 {id}（计划）", "✓ imported and saved: activity {id} (planned)";
        CliTimetableSaved => "✓ 已导入并保存：教学活动 {first}–{last}（计划）", "✓ imported and saved: activities {first}–{last} (planned)";
    }
}
