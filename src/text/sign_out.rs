//! 签退 and 早退: signing out of a session — the refusals, what the command line prints,
//! the desk's notices and form, and the words the attendance exports use. Part of the one
//! catalogue ([`crate::text`]).

catalogue! {
    /// Signing out and early leave.
    pub enum SigningOut {
    // Refusals (domain::sign_out::SignOutRefusal).
    SignOutNotArrived => "尚未签到（或已请假），不能签退；未记录", "not checked in (or on leave), so cannot sign out; nothing recorded";
    SignOutAlready => "已于 {time} 签退，未重复记录", "already signed out at {time}; nothing recorded";
    SignOutReasonNeeded => "距结束还有 {minutes} 分钟，属于早退，需要说明原因；未记录", "{minutes} minutes before the end is early leave and needs a reason; nothing recorded";
    // The command line.
    SignOutCliAddReason => "加 --reason 说明早退原因，例如 --reason 看病。", "Add --reason to give the reason, e.g. --reason \"doctor's appointment\".";
    SignOutCliDone => "✓ {name} · {session} 签退 {time}\n", "✓ {name} · {session} signed out {time}\n";
    SignOutCliEarly => "✓ {name} · {session} 签退 {time}，早退 {minutes} 分钟（{reason}）\n", "✓ {name} · {session} signed out {time}, left {minutes} minutes early ({reason})\n";
    SignOutCliAnswer => "= {name} 在 {session}：{why}\n", "= {name} for {session}: {why}\n";
    SignOutCliUndone => "↶ 已撤销 {name} 在 {session} 的签退（{target}）\n", "↶ undid {name}'s sign-out for {session} ({target})\n";
    // The desk.
    SignOutDeskDone => "← {name} 签退 {time}", "← {name} signed out {time}";
    SignOutDeskEarly => "← {name} 签退 {time}，早退 {minutes} 分钟（{reason}）", "← {name} signed out {time}, left {minutes} minutes early ({reason})";
    SignOutDeskUndone => "↶ 已撤销 {name} 的签退", "↶ undone: {name}'s sign-out";
    SignOutFormTitle => "{name} 早退 {minutes} 分钟", "{name} leaves {minutes} minutes early";
    // Exports: in a session's cell, a tally column, a totals row, the sign-in sheet.
    SignOutMark => "签退 {time}", "out {time}";
    SignOutEarlyMark => "早退 {time}（{reason}）", "left early {time} ({reason})";
    SignOutColEarly => "早退", "Left early";
    SignOutTotalEarly => "早退", "Left early";
    SignOutColSignature => "签退", "Sign-out";
    }
}
