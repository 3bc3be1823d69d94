catalogue! {
    /// 学时 and completion: a person's standing in a cohort and the rule that failed.
    pub enum Credit {
        CreditStandingCompleted => "结业", "completed";
        CreditStandingNotCompleted => "未结业", "not completed";
        CreditStandingWithdrawn => "退训", "withdrawn";
        CreditStandingSubstituted => "调换", "substituted";
        CreditStandingInProgress => "进行中", "in progress";
        CreditTooFewHours => "实得 {credited} 学时，不足总学时 {total} 的 {percent}%（需 {needed} 学时）", "credited {credited} of {total} class hours, below {percent}% (needs {needed})";
        CreditTooMuchLeave => "请假和缺勤共 {missed} 学时，超过总学时 {total} 的 {limit_share}（{limit} 学时）", "leave and absence {missed} class hours, more than {limit_share} of {total} ({limit})";
        CreditTooFewSessions => "出勤 {attended}/{sessions} 场，不足 {percent}%（本班次沿用按场次计的旧规则）", "attended {attended} of {sessions} sessions, below {percent}% (this cohort keeps the old rule by sessions)";
    }
}
