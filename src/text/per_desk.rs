//! Counts per desk: how many of a session's marks each desk recorded, on the sessions
//! screen and in `lunxun session list`. Part of the one catalogue ([`crate::text`]).

catalogue! {
    /// Per-desk counts of a session's marks.
    pub enum PerDesk {
    // The sessions screen, under the grid: the selected session's marks by desk.
    PerDeskScreen => "本场各台登记：{list}", "this session by desk: {list}";
    PerDeskScreenNone => "本场各台登记：暂无", "this session by desk: nothing yet";
    PerDeskThisDesk => "本台", "this desk";
    // `lunxun session list`.
    PerDeskListTitle => "{name}（{code}）：报名 {enrolled} 人\n", "{name} ({code}): {enrolled} enrolled\n";
    PerDeskListLine => "{session}  {date} {time}  到 {present} · 迟 {late} · 假 {leave} · {missing}\n", "{session}  {date} {time}  present {present} · late {late} · leave {leave} · {missing}\n";
    PerDeskListNotYet => "未到 {count}", "not yet {count}";
    PerDeskListAbsent => "缺勤 {count}（已结束）", "absent {count} (closed)";
    PerDeskListDesk => "    {desk}：到 {present} · 迟 {late} · 假 {leave}\n", "    {desk}: present {present} · late {late} · leave {leave}\n";
    }
}
