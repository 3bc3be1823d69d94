//! Keeping the register current: `person list`, `person edit` and its history, retirements
//! (换届, 调离), hours earned elsewhere, and the desk's edit form. Part of the one
//! catalogue ([`crate::text`]).

catalogue! {
    /// Keeping the register current: listing, editing, history, retirement, outside hours.
    pub enum Upkeep {
    // Refusals shared by the person commands
    PersonUnknownId => "花名册中没有编号为“{id}”的人员；用 lunxun person list 查找编号。", "no one in the register has the id '{id}'; `lunxun person list` shows ids";
    PersonReasonInvalid => "原因不能含控制字符，且不超过 {limit} 个字符。", "the reason must not hold control characters or be longer than {limit} characters";
    PersonSourceInvalid => "来源不能含控制字符，且不超过 {limit} 个字符。", "the source must not hold control characters or be longer than {limit} characters";
    PersonBadDate => "日期“{text}”无效，应写作 YYYY-MM-DD。", "bad date '{text}': write it YYYY-MM-DD";
    // person edit
    PersonEditNoFields => "没有要修改的项：请给出 --name、--unit、--county、--township、--position、--field、--phone、--id-number、--gender、--notes 中的至少一项。", "nothing to change: give at least one of --name, --unit, --county, --township, --position, --field, --phone, --id-number, --gender, --notes";
    PersonEditNothingChanged => "{name} 的信息已是所填的值，没有修改。", "{name}'s details already hold these values: nothing changed";
    PersonEditDone => "已修改 {name} 的 {count} 项信息：", "changed {count} of {name}'s details:";
    PersonEditLine => "  {field}：{old} → {new}", "  {field}: {old} → {new}";
    PersonEditEmpty => "（空）", "(empty)";
    PersonEditTitle => "修改人员信息 · {name}", "Edit details · {name}";
    PersonEditSaved => "已保存 {name}：{changes}", "saved {name}: {changes}";
    PersonEditSeparator => "；", "; ";
    PersonEditPrivate => "现有 {values}；留空则不变", "now {values}; left empty, they stay";
    PersonEditHistoryTitle => "修改记录", "History";
    PersonEditNoHistory => "还没有修改记录", "no changes recorded yet";
    // person retire
    PersonRetired => "已记录：{name} 自 {from} 起不再担任书记（{reason}）。", "recorded: {name} is no longer a secretary from {from} ({reason})";
    PersonRetireAlready => "{name} 已记录自 {from} 起离任（{reason}）；如需更正，先用 lunxun person retire {id} --undo 撤销。", "{name} is already recorded as leaving from {from} ({reason}); to correct it, first undo it with `lunxun person retire {id} --undo`";
    PersonRetireNone => "{name} 没有离任记录，无需撤销。", "{name} has no retirement to undo";
    PersonRetireUndone => "已撤销 {name} 自 {from} 起的离任记录。", "undid {name}'s retirement from {from}";
    PersonRetireNoReason => "请用 --reason 写明原因（如 换届、调离）。", "give the reason with --reason (e.g. 换届 re-election, 调离 transfer)";
    // person hours
    PersonHoursBad => "学时“{text}”无效：应为大于 0、不超过 999.9 的数，最多一位小数（如 8 或 2.5）。", "bad hours '{text}': give a number above 0 and at most 999.9, with at most one decimal (e.g. 8 or 2.5)";
    PersonHoursNoSource => "请用 --source 写明学时的来源（如 省委党校专题班、网络学院）。", "give where the hours come from with --source (e.g. a province class, an online course)";
    PersonHoursFuture => "日期 {date} 在今天（{today}）之后；只能记录已完成的学时。", "the date {date} is after today ({today}): only hours already earned are recorded";
    PersonHoursAdded => "已记录 {name} 的班外学时 {hours}（{source}，{date}）。", "recorded {hours} hours for {name} from elsewhere ({source}, {date})";
    PersonHoursNone => "{name} 没有班外学时记录。", "{name} has no hours recorded from elsewhere";
    PersonHoursTotal => "合计 {hours} 学时", "total {hours} hours";
    // person list
    PersonListNone => "没有符合条件的人员。", "no one matches";
    PersonListCount => "共 {count} 人", "{count} people";
    PersonListRetired => "离任 {from}", "left {from}";
    // person history
    PersonHistoryNone => "{name} 还没有变更记录。", "no changes recorded for {name}";
    PersonHistoryLine => "{at}  {by}（{desk}）  {what}", "{at}  {by} ({desk})  {what}";
    PersonHistoryEdited => "修改{field}：{old} → {new}", "{field}: {old} → {new}";
    PersonHistoryRetired => "离任，自 {from} 起（{reason}）", "left office from {from} ({reason})";
    PersonHistoryHours => "班外学时 {hours}（{source}，{date}）", "{hours} hours from elsewhere ({source}, {date})";
    PersonHistoryEnrolled => "编入班次 {cohort}", "enrolled in cohort {cohort}";
    PersonHistoryUnenrolled => "退训：班次 {cohort}（{reason}）", "withdrawn from cohort {cohort} ({reason})";
    PersonHistorySubstituteIn => "调换：在班次 {cohort} 中替换 {other}（{reason}）", "substitute for {other} in cohort {cohort} ({reason})";
    PersonHistorySubstituteOut => "调换：在班次 {cohort} 中由 {other} 替换（{reason}）", "replaced by {other} in cohort {cohort} ({reason})";
    PersonHistoryMakeUp => "补课：班次 {cohort} {session}（{reason}）", "make-up: cohort {cohort}, {session} ({reason})";
    PersonHistoryCompletion => "结业证书 {serial}（班次 {cohort}）", "completion certificate {serial} (cohort {cohort})";
    PersonHistoryStatement => "学时证明 {serial}（班次 {cohort}）", "statement of hours {serial} (cohort {cohort})";
    PersonHistoryReprint => "（补打）", " (reprint)";
    PersonHistoryUndone => "撤销：{what}", "undone: {what}";
    PersonHistoryWasUndone => "（已撤销）", " (undone)";
    PersonHistoryOther => "班次设置变更", "a cohort setting changed";
    }
}
