catalogue! {
    /// Cohorts and sessions: creating, closing and reopening them, on the command line
    /// and at the desk.
    pub enum Cohorts {
        CohortUnknown => "没有代码为“{code}”的班次", "unknown cohort '{code}'";
        CohortCodeTaken => "班次代码“{code}”已被使用；请换一个 --code。", "cohort code '{code}' is taken; choose another --code";
        CohortBadStart => "开始日期“{text}”无效；请写作 YYYY-MM-DD，如 2015-03-16。", "bad start date '{text}': use YYYY-MM-DD, e.g. 2015-03-16";
        CohortBadLevel => "层级“{text}”无效；可选 province、city、county。", "bad level '{text}': use province, city or county";
        FieldUnknown => "领域“{text}”无效；可选：{codes}，或中文名称如 村、社区。", "unknown field '{text}': use one of {codes}";
        CohortStateOpen => "进行中", "open";
        CohortStateClosed => "已结束", "closed";
        CliCohortCreated => "已创建班次 {code}：{name}（{start} 起，{days} 天，{sessions} 个场次）", "created cohort {code}: {name} (from {start}, {days} days, {sessions} sessions)";
        CliNoCohorts => "还没有班次。用 lunxun cohort new 创建，或用 lunxun demo 载入演示数据。", "no cohorts yet: create one with `lunxun cohort new`, or load the demo with `lunxun demo`";
        CliCohortClosed => "✓ 班次 {code} 已结束：此后只能查询", "✓ cohort {code} closed: look-up only from now on";
        CliCohortAlreadyClosed => "= 班次 {code} 已经结束，未重复记录", "= cohort {code} is already closed; nothing recorded";
        CliCohortReopened => "✓ 班次 {code} 已重新开放，可以更正记录；已结束的场次仍需逐个重新开放", "✓ cohort {code} reopened: its records can be corrected; closed sessions stay closed until each is reopened";
        CliCohortNotClosed => "= 班次 {code} 没有结束，无需重新开放", "= cohort {code} is not closed; nothing to reopen";
        CliSessionClosed => "✓ 场次 {session} 已结束：未签到者计为缺勤", "✓ session {session} closed: no check-in counts as absent";
        CliSessionReopened => "✓ 场次 {session} 已重新开放，可以更正签到", "✓ session {session} reopened: its attendance can be corrected";
        CliSessionAlreadyClosed => "= 场次 {session} 已经结束，未重复记录", "= session {session} is already closed; nothing recorded";
        CliSessionNotClosed => "= 场次 {session} 没有结束，无需重新开放", "= session {session} is not closed; nothing to reopen";
        CliSessionClosedRefused => "{refusal}。如需更正，先重新开放：lunxun session reopen --cohort {code} --session {session}", "{refusal}. To correct it, reopen it first: lunxun session reopen --cohort {code} --session {session}";
    }
}
