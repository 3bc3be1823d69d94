//! One person under several records (同一人): `person merge`, how a join reads in
//! `change undo` and `person show`, the rules that found a match, and the year report's
//! note on people counted once. Part of the one catalogue ([`crate::text`]).

catalogue! {
    /// One person under several records: joining by hand, undoing, showing, counting.
    pub enum PeopleMerge {
    PeopleMergeDone => "已记为同一人：{joined_name}（{joined}）今后按 {kept_name}（{kept}）计，两条记录都保留。", "recorded as one person: {joined_name} ({joined}) now counts as {kept_name} ({kept}); both records are kept";
    PeopleMergeSame => "两个编号相同（{id}），无需合并。", "both ids are the same ({id}): nothing to join";
    PeopleMergeAlready => "{a} 与 {b} 已是同一人（按 {kept} 计）。", "{a} and {b} are already one person (counted as {kept})";
    PeopleMergeNumbersDiffer => "{a_name} 与 {b_name} 的身份证号不同，不能记为同一人；如号码录错，先用 lunxun person edit 更正。", "{a_name} and {b_name} have different ID numbers and cannot be one person; if a number was typed wrong, correct it first with `lunxun person edit`";
    PeopleMergeWhat => "{joined_name} 与 {kept_name} 为同一人", "{joined_name} and {kept_name} as one person";
    PeopleMergeAlsoRecorded => "另有记录 {id}（{name}，合并依据：{rule}）", "also recorded as {id} ({name}; joined: {rule})";
    PeopleMergeRuleIdNumber => "身份证号相同", "ID number";
    PeopleMergeRulePhone => "手机号相同", "phone";
    PeopleMergeRuleNameUnit => "姓名与单位相同", "name and unit";
    PeopleMergeRuleManual => "手工合并", "by hand";
    PeopleMergeCountedOnce => "{name}（{id}）在 {counties} 都有记录，只计一次，按最新记录计入 {county}", "{name} ({id}) is recorded in {counties}; counted once, in {county} (the newest record)";
    PeopleMergeCountySeparator => "、", ", ";
    PeopleMergeCountedOnceTitle => "在多个县市区都有记录的人员（每人只计一次）", "People recorded in more than one county (each counted once)";
    }
}
