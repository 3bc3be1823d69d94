//! 补录: entering a printed sign-in sheet after the session — the refusals, the import's
//! `line N:` errors, what the command line prints, the desk's paper mode, and the source
//! column of the attendance exports. Part of the one catalogue ([`crate::text`]).

catalogue! {
    /// Paper entry (补录) from the printed sign-in sheet.
    pub enum Paper {
    // Refusals of the whole sheet (ops::paper): nothing written.
    PaperFutureSession => "{session} 还没有开始，不能补录；未记录", "{session} has not started yet, so there is nothing to enter from paper; nothing recorded";
    PaperNoSuchSession => "{cohort} 没有 {session} 这一场；未记录", "{cohort} has no session {session}; nothing recorded";
    PaperNotOnRoster => "{name} 不在 {cohort} 的名单上；未记录", "{name} is not on the roster of {cohort}; nothing recorded";
    PaperWithdrawn => "{name} 已于 {date} 退训（{reason}）；未记录", "{name} withdrew on {date} ({reason}); nothing recorded";
    PaperTwice => "{name} 在表中出现了两次；未记录", "{name} appears twice on the sheet; nothing recorded";
    // Reading the sheet back (`line N:` errors; nothing written when there is any).
    PaperLine => "第 {line} 行：{problem}", "line {line}: {problem}";
    PaperNotASheet => "这不是签到表：找不到“姓名”和“签名”两列的表头", "not a sign-in sheet: no header row with the name and signature columns";
    PaperWrongCohort => "这是“{title}”，不是 {cohort} 的签到表", "this is \"{title}\", not the sign-in sheet of {cohort}";
    PaperWrongSession => "这张表是“{subtitle}”，不是 {session} 的", "this sheet is for \"{subtitle}\", not for {session}";
    PaperUnknownPerson => "名单上没有 {name}（{unit}）", "{name} ({unit}) is not on the roster";
    PaperAmbiguous => "名单上有几位 {name}（{unit}），按序号也对不上，请核对", "several people named {name} ({unit}) are on the roster and the number does not tell them apart";
    PaperBadMark => "看不懂标记“{mark}”：请填 √、迟 或 假，缺席留空", "unreadable mark \"{mark}\": write √, 迟 (late) or 假 (leave), or leave it empty for absent";
    PaperRefused => "签到表有 {count} 处问题，未导入任何记录：", "{count} problems in the sheet; nothing imported:";
    // What the command line prints.
    PaperCliSummary => "{cohort} · {session} 补录：签到 {present} 人、迟到 {late} 人、请假 {leave} 人，缺席 {absent} 人（不写记录）\n", "{cohort} · {session} from paper: {present} present, {late} late, {leave} on leave, {absent} absent (nothing written for them)\n";
    PaperCliAgreed => "已有相同记录 {count} 人，未重复记录\n", "{count} already recorded the same; not written again\n";
    PaperCliDifferences => "与已有记录不同 {count} 人（已有的记录为准，表上的未写入）：\n", "{count} differ from what is recorded (the record stands; the sheet's mark was not written):\n";
    PaperCliDifference => "  {name}：表上 {sheet}，已记录 {recorded}\n", "  {name}: sheet {sheet}, recorded {recorded}\n";
    PaperCliWritten => "✓ 已写入 {count} 条补录记录（来源：纸质签到表）\n", "✓ {count} records written from paper (source: paper)\n";
    PaperCliDryRun => "（试运行：未写入任何记录）\n", "(dry run: nothing written)\n";
    PaperAbsent => "缺席", "absent";
    // The desk's paper mode (its keys are in the desk section: KeyPaper…).
    PaperDeskTitle => "补录 · {cohort} · {session}（空格切换，Ctrl+S 写入整张表）", "Paper entry · {cohort} · {session} (Space cycles, Ctrl+S writes the whole sheet)";
    PaperDeskRecorded => "（已记录）", "(recorded)";
    PaperDeskKept => "{name} 已有记录，以已有记录为准", "{name} is already recorded; that record stands";
    PaperDeskDone => "补录已写入：{count} 条，缺席 {absent} 人，已有记录 {kept} 人", "Paper entry written: {count} records, {absent} absent, {kept} already recorded";
    PaperDeskNotPast => "这一场还没开始，不能补录", "this session has not started yet; nothing to enter from paper";
    // Exports: after a session's mark entered from paper.
    PaperSourcePaper => "纸质补录", "paper";
    }
}
