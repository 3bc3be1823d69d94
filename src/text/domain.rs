//! Why the rules of rotation training refuse something, in both languages. Part of the
//! one catalogue ([`crate::text`]); the domain's errors build their `message(lang)` here.

catalogue! {
    /// Refusals and validation errors of the domain (src/domain).
    pub enum Rules {
    // A person record (PersonError). Never the ID number or the phone itself.
    PersonEmptyName => "姓名为空", "name is empty";
    PersonControlCharacters => "姓名含有控制字符", "name contains control characters";
    PersonTooLong => "{field}超过 {limit} 个字符", "{field} is longer than {limit} characters";
    PersonBadPhone => "电话号码格式不正确：应为 7 到 15 位数字（可以 + 开头）", "phone must be 7 to 15 digits (a leading + is allowed)";
    PersonBadIdNumber => "身份证号码不正确：应为 18 位，校验位正确", "ID number must be 18 characters with a valid check digit";
    PersonLabelName => "姓名", "name";
    PersonLabelUnit => "单位", "unit";
    PersonLabelCounty => "县市区", "county";
    PersonLabelTownship => "乡镇", "township";
    PersonLabelPosition => "职务", "position";
    PersonLabelNotes => "备注", "notes";
    // A cohort (CohortError).
    CohortEmptyName => "班次名称为空", "cohort name is empty";
    CohortBadDays => "天数须在 1 到 {max} 之间", "days must be between 1 and {max}";
    CohortBadSlots => "每天至少一个时段且不重复", "a cohort needs at least one session slot per day, each slot once";
    CohortBadCode => "班次代码只能含 1 到 16 个字母、数字和 -", "cohort code must be 1-16 letters, digits or '-'";
    // A training base (BaseError).
    BaseEmptyName => "培训基地需要名称", "a training base needs a name";
    BaseBadLevel => "培训基地由市级或县级授牌", "bases are accredited by the city or a county, not by the province";
    // The module catalogue (ModuleError).
    ModuleUnknown => "没有内容模块“{module}”", "unknown module '{module}'";
    ModuleRetired => "模块 {number} 已停用", "module {number} is retired";
    ModuleNoneGiven => "没有指定内容模块", "no module given";
    ModuleEmptyName => "内容模块需要一个简称", "a module needs a short name";
    ModuleNameTaken => "名称“{name}”已被模块 {number} 使用", "the name '{name}' is already used by module {number}";
    // The teaching log (TeachingError).
    TeachingEmptyTitle => "教学活动需要标题", "an activity needs a title";
    TeachingControlCharacters => "标题、授课人和职务中不能有控制字符", "title, lecturer and role must not contain control characters";
    TeachingNoSuchSession => "本班次没有场次 {session}", "the cohort has no session {session}";
    TeachingNoModules => "教学活动至少涉及一个内容模块", "an activity needs at least one module";
    TeachingNotFound => "没有编号为 {id} 的教学活动", "there is no activity {id}";
    TeachingDeleted => "教学活动 {id} 已删除", "activity {id} was deleted";
    TeachingAlreadyHeld => "教学活动 {id} 已标记为举办", "activity {id} is already held";
    TeachingNotStarted => "场次 {session} 尚未开始", "session {session} has not started yet";
    TeachingUnchanged => "没有需要修改的内容", "nothing to change";
    // Attendance (Refusal) and closing (Closed).
    RefusedAlreadyIn => "已于 {time} 签到，未重复记录", "already checked in at {time}; nothing recorded";
    RefusedAlreadyOnLeave => "已于 {time} 请假，未重复记录", "already on leave since {time}; nothing recorded";
    RefusedNothingToUndo => "没有可撤销的签到", "nothing to undo";
    ClosedCohort => "本班次已结束，只能查询；未记录任何内容", "this cohort is closed: look-up only; nothing recorded";
    ClosedSession => "{session} 已结束，未记录", "{session} is closed; nothing recorded";
    ClosedSessionName => "场次 {session}", "session {session}";
    }
}
