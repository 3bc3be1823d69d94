//! Coverage output (`lunxun export coverage`, the desk's coverage screen): headings,
//! legends and the warnings. Part of the one catalogue ([`crate::text`]).

catalogue! {
    /// What a cohort covered and what is missing.
    pub enum Coverage {
    CovTitle => "教学覆盖情况", "Teaching coverage";
    CovModulesBySessions => "内容模块 × 场次", "Modules × sessions";
    CovColModule => "模块", "Module";
    CovColPlanned => "计划", "Planned";
    CovLegend => "✓ 已举办 · ○ 已计划", "✓ held · ○ planned";
    CovWarnings => "提示", "Warnings";
    CovNoWarnings => "无。", "None.";
    CovMatrixTitle => "各班次内容模块覆盖情况", "Modules covered by each cohort";
    CovMatrixLegend => "✓n 已举办 n 次 · ✗ 未覆盖 · — 该班次无此模块", "✓n held n times · ✗ not covered · — not in the cohort's catalogue";
    // Warnings
    CovModuleNotCovered => "模块 {module}尚未覆盖", "module {module} is not covered";
    CovModulePlanned => "模块 {module}已计划，尚未举办", "module {module} is planned but not yet held";
    CovEmptySession => "场次 {session}已结束，没有记录教学活动", "session {session} has ended with no teaching activity logged";
    CovNotMarkedHeld => "场次 {session} 的教学活动 {activity} 已计划，但未标记为已举办", "activity {activity} in session {session} was planned but is not marked held";
    CovVisitWithoutBase => "现场观摩（活动 {activity}，{session}）未注明培训基地", "the site visit (activity {activity}, {session}) names no training base";
    CovUnaccreditedBase => "现场观摩（活动 {activity}，{session}）所到的“{base}”当时未授牌", "the site visit (activity {activity}, {session}) went to '{base}', which was not accredited on that day";
    CovBaseBelowStandard => "现场观摩（活动 {activity}，{session}）所到的“{base}”未达到“五有”标准（缺：{missing}）", "the site visit (activity {activity}, {session}) went to '{base}', which does not meet the five-haves standard (lacks {missing})";
    CovUnknownBase => "现场观摩（活动 {activity}，{session}）所到的基地（{base}）不在基地名单中", "the site visit (activity {activity}, {session}) names a base that is not in the list ({base})";
    }
}
