//! Checking in, undoing, leave and walk-ins: the refusals both front-ends share (not on
//! the roster, a walk-in's bad input) and what the command line prints. Part of the one
//! catalogue ([`crate::text`]); the desk's own notices are in [`super::Desk`].

catalogue! {
    /// Check-in, undo, leave and walk-in.
    pub enum Attendance {
    BadStatus => "状态“{text}”无效；可选 present、late、leave。", "bad status '{text}': use present, late or leave";
    // Shown by the command line without --walk-in, and by any front-end that cannot enrol.
    NotOnRoster => "{name} 不在班次 {cohort} 的名单中，未记录；加 --walk-in 可现场增补（编入本班并签到）。", "{name} is not enrolled in cohort {cohort}; nothing recorded. Add --walk-in to enrol them as a walk-in and check them in";
    // A status in the command line's lines.
    CliCheckedIn => "✓ {name} · {unit} · {session} {time} {status}\n", "✓ {name} · {unit} · {session} {time} {status}\n";
    CliWalkedIn => "✓ {name} · {unit} · {session} {time} {status}（现场增补，已编入本班）\n", "✓ {name} · {unit} · {session} {time} {status} (walk-in, enrolled)\n";
    CliUndone => "↶ 已撤销 {name} 在 {session} 的记录（{target}）\n", "↶ undid {name}'s record for {session} ({target})\n";
    CliAlreadyIn => "= {name} 已于 {when} 在 {session} 签到，未重复记录\n", "= {name} already checked in for {session} ({when}); nothing recorded\n";
    CliAlreadyOnLeave => "= {name} 在 {session} 已请假（{when}），未重复记录\n", "= {name} is already on leave for {session} ({when}); nothing recorded\n";
    CliNothingToUndo => "= {name} 在 {session} 没有可撤销的记录\n", "= {name} has nothing to undo for {session}\n";
    // A person's details refused (a walk-in at the desk, `person add`).
    WalkInUnitRequired => "单位不能为空", "Unit is required";
    }
}
