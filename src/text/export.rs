//! Exports (`lunxun export attendance|roster|signin-sheet`): sheet names, titles,
//! subtitles, column headers and marks. Part of the one catalogue ([`crate::text`]).

catalogue! {
    /// The attendance sheet, the roster and the paper sign-in sheet.
    pub enum Export {
    ExpWrittenTo => "已导出到 {path}\n", "written to {path}\n";
    // Columns
    ExpColNo => "序号", "No.";
    ExpColName => "姓名", "name";
    ExpColGender => "性别", "gender";
    ExpColUnit => "单位", "unit";
    ExpColCounty => "县市区", "county";
    ExpColTownship => "乡镇", "township";
    ExpColPosition => "职务", "position";
    ExpColField => "领域", "field";
    ExpColPhone => "电话", "phone";
    ExpColIdNumber => "身份证号", "ID number";
    ExpColNotes => "备注", "notes";
    ExpColSignature => "签名", "signature";
    ExpColAttended => "出勤", "attended";
    ExpColLate => "迟到", "late";
    ExpColLeave => "请假", "leave";
    ExpColAbsent => "缺勤", "absent";
    ExpColRate => "出勤率", "rate";
    // The attendance sheet
    ExpAttendanceTab => "考勤", "attendance";
    ExpAttendanceTitle => "{cohort} 考勤表", "{cohort} attendance";
    ExpAttendanceSubtitle => "{start} 至 {end} · 共 {days} 天 {sessions} 场 · {people} 人", "{start} to {end} · {days} days, {sessions} sessions · {people} people";
    ExpMarkPresent => "出席", "present";
    ExpMarkLate => "迟到", "late";
    ExpMarkLeave => "请假", "leave";
    ExpMarkAbsent => "缺勤", "absent";
    ExpLeaveReason => "请假：{reason}", "leave: {reason}";
    ExpTotalAttended => "出勤人次", "attended";
    ExpTotalLate => "迟到人次", "late";
    ExpTotalLeave => "请假人次", "leave";
    ExpTotalAbsent => "缺勤人次", "absent";
    // The roster
    ExpRosterTab => "名单", "roster";
    ExpRosterTitle => "{cohort} 参训名单", "{cohort} roster";
    ExpRosterSubtitle => "{start} 起 · {people} 人", "from {start} · {people} people";
    // The sign-in sheet
    ExpSigninTab => "签到表", "sign-in";
    ExpSigninTitle => "{cohort} 签到表", "{cohort} sign-in sheet";
    ExpSigninSubtitle => "{date}（第 {day} 天）{slot} {time}{venue} · 应到 {people} 人", "{date} (day {day}) {slot} {time}{venue} · {people} expected";
    }
}
