//! `lunxun bundle merge`: what a merge brought in, renumbered, joined and found in
//! conflict. Part of the one catalogue ([`crate::text`]).

catalogue! {
    /// What a merge reports.
    pub enum Merge {
    // The one-line summary (the desk's notice).
    MergeSummary => "已合并 {desk} 的数据：{what}", "merged from {desk}: {what}";
    MergeSummaryDry => "试合并 {desk} 的数据（未写入）：{what}", "dry run of a merge from {desk} (nothing written): {what}";
    MergeNothingNew => "{desk} 的数据此处都已有，未写入任何内容", "nothing new from {desk}; nothing written";
    MergeCheckIn => "签到 {count} 条", "{count} check-in";
    MergeCheckIns => "签到 {count} 条", "{count} check-ins";
    MergeConflict => "冲突 {count} 处", "{count} conflict";
    MergeConflicts => "冲突 {count} 处", "{count} conflicts";
    MergeRecords => "记录 {count} 条", "{count} records";
    // The full report.
    MergeHeading => "已合并 {desk} 的数据。", "Merged from {desk}.";
    MergeHeadingDry => "试合并 {desk} 的数据（未写入任何内容，也未备份）：", "Dry run of a merge from {desk} (nothing written, no backup):";
    MergeBackup => "合并前已自动备份到 {path}", "backed up before merging to {path}";
    MergeCameIn => "收到：{what}", "came in: {what}";
    MergeNothing => "收到：无新内容", "came in: nothing new";
    MergeKindCheckIns => "签到", "check-ins";
    MergeKindLeaves => "请假", "leaves";
    MergeKindSignOuts => "签退", "sign-outs";
    MergeKindUndos => "撤销", "undos";
    MergeKindActivities => "教学活动", "teaching activities";
    MergeKindActivityEvents => "教学记录", "teaching log entries";
    MergeKindChanges => "花名册变更", "register changes";
    MergeKindEnrolments => "参训", "enrolments";
    MergeKindEnrolmentsUndone => "撤销的参训", "enrolments undone";
    MergeKindPeople => "新人员", "new people";
    MergeKindPeopleUpdated => "人员信息更新", "people updated";
    MergeKindCohorts => "新班次", "new cohorts";
    MergeKindCohortsUpdated => "班次设置更新", "cohorts updated";
    MergeKindModules => "新模块", "new modules";
    MergeKindCatalogues => "班次模块目录", "cohort module lists";
    MergeKindBases => "培训基地", "training bases";
    MergeKindDesks => "签到台名称", "desk names";
    MergeRenumberCohort => "重新编号：班次 {from} 此处已被占用，改为 {to}", "renumbered: cohort {from} is taken here, now {to}";
    MergeRenumberActivity => "重新编号：班次 {cohort} 的教学活动 {from} 此处已被占用，改为 {to}", "renumbered: activity {from} of cohort {cohort} is taken here, now {to}";
    MergeRenumberModule => "重新编号：模块 {from}（{name}）此处已被占用，改为 {to}", "renumbered: module {from} ({name}) is taken here, now {to}";
    MergeJoined => "同一人：{name} 的记录 {joined} 并入 {kept}（{rule}）", "same person: {name}, record {joined} joined to {kept} ({rule})";
    MergeRuleIdNumber => "身份证号相同", "same ID number";
    MergeRulePhone => "手机号相同", "same phone";
    MergeRuleNameUnit => "姓名和单位相同", "same name and unit";
    MergeRuleManual => "手工合并", "joined by hand";
    MergeNear => "疑似同一人，未合并：{name}，{known} 与 {incoming}（{reason}）；如确为同一人，请运行 {command}", "maybe the same person, left apart: {name}, {known} and {incoming} ({reason}); if they are one person, run {command}";
    MergeNearDifferentIds => "姓名和单位相同，身份证号不同", "same name and unit, different ID numbers";
    MergeNearOneId => "姓名和单位相同，只有一方有身份证号", "same name and unit, only one has an ID number";
    MergeNearDifferentPhones => "姓名和单位相同，手机号不同", "same name and unit, different phones";
    MergeDoubleArrival => "冲突：{name} 在班次 {cohort} {session} 两处签到：{desk} {at} 的签到有效，{others} 的留作记录", "conflict: {name} checked in twice for cohort {cohort}, {session}: {desk} at {at} stands, {others} kept as history";
    MergeCohortEdited => "冲突：班次 {code} 两处修改不同，采用{which}的设置：{fields}", "conflict: cohort {code} was edited differently in both folders; {which} settings stand: {fields}";
    MergeWhichIncoming => "对方（较新）", "the incoming (newer)";
    MergeWhichHere => "本机", "this folder's";
    MergeDifference => "{field} 本机 {here}、对方 {incoming}", "{field} here {here}, incoming {incoming}";
    MergeClock => "时钟不一致：{ahead} 比 {behind} 快约 {minutes} 分钟，请校准签到台的时钟", "clocks differ: {ahead} is about {minutes} minutes ahead of {behind}; set the desks' clocks right";
    MergeFieldName => "名称", "name";
    MergeFieldLevel => "层级", "level";
    MergeFieldFocus => "重点领域", "field";
    MergeFieldStart => "开始日期", "start date";
    MergeFieldDays => "天数", "days";
    MergeFieldSlots => "时段", "sessions of a day";
    MergeFieldVenue => "地点", "venue";
    MergeFieldOpen => "是否开放", "open";
    MergeFieldGrace => "迟到宽限分钟", "grace minutes";
    MergeFieldCompletion => "结业出勤比例", "completion share";
    MergeFieldCredit => "学时规则", "credit rules";
    MergeListSeparator => "，", ", ";
    }
}
