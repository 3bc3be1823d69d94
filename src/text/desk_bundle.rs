//! The desk's bundle screen: exporting a bundle, merging one (a dry run first), naming
//! this desk. Part of the one catalogue ([`crate::text`]); the screen's title, key hints
//! and form fields are in [`super::Desk`] with the other screens'.

catalogue! {
    /// The desk's bundle screen (数据包): export, merge, this desk's name.
    pub enum DeskBundle {
    PackDeskTitle => "本台", "This desk";
    PackDeskNamed => "本台：{name}（编号 {id}）", "this desk: {name} (id {id})";
    PackDeskUnnamed => "本台：{id}（未命名：按 n 命名，如 2号台）", "this desk: {id} (unnamed: press n to name it, e.g. Desk 2)";
    PackKnownDesks => "已知的其他台：{desks}", "other desks known here: {desks}";
    PackHelpExport => "按 e 导出数据包，交给另一台或上报（可设口令加密）", "e exports a bundle for another desk or the city (a passphrase encrypts it)";
    PackHelpMerge => "按 m 合并另一台的数据包：先试合并，确认后写入（写入前自动备份）", "m merges a bundle: a dry run first, written once you confirm, after a backup";
    PackNothingYet => "本次还没有导出或合并数据包。", "no bundle exported or merged yet.";
    PackExportedTitle => "已导出", "Exported";
    PackDryRunTitle => "试合并（未写入）", "Dry run (nothing written)";
    PackMergedTitle => "已合并", "Merged";
    PackFailedTitle => "未完成", "Not done";
    PackRunningExport => "正在导出 {file}…", "exporting {file}…";
    PackRunningRead => "正在读取并试合并 {file}…", "reading {file} and trying the merge…";
    PackRunningMerge => "正在合并 {file}…请勿关闭", "merging {file}… do not close the desk";
    PackExportTitle => "导出数据包", "Export a bundle";
    PackMergeTitle => "合并数据包", "Merge a bundle";
    PackNameTitle => "本台命名", "Name this desk";
    PackScopeCohort => "本班次 {code}", "this cohort {code}";
    PackScopeYear => "{year} 年", "year {year}";
    PackScopeAll => "全部", "everything";
    PackNoPath => "请输入文件路径", "type the file's path";
    PackPassphraseMismatch => "两次输入的口令不一致", "the two passphrases differ";
    PackNeedsPassphrase => "此数据包已加密：请输入口令", "this bundle is encrypted: type its passphrase";
    PackCounts => "{cohorts} 个班次、{people} 人、{events} 条考勤记录、{activities} 条教学记录", "{cohorts} cohort(s), {people} people, {events} attendance record(s), {activities} teaching record(s)";
    PackExported => "✓ 已导出数据包 {file}：{counts}", "✓ bundle exported to {file}: {counts}";
    PackEncrypted => "已加密，合并时需输入口令", "encrypted: merging it asks for the passphrase";
    PackNotEncrypted => "未加密：内含完整身份证号，请妥善保管", "not encrypted: it holds full ID numbers, keep it safe";
    PackExportFailed => "未导出：{reason}", "not exported: {reason}";
    PackConfirmMerge => "{summary}。现在合并？", "{summary}. Merge now?";
    PackRenumbered => "{summary}；另有 {count} 处编号因重复而改编", "{summary}; {count} label(s) renumbered to avoid a clash";
    PackMergeCancelled => "未合并，没有写入任何内容", "not merged: nothing written";
    PackMergeFailed => "未合并：{reason}", "not merged: {reason}";
    PackNamed => "✓ 本台已命名为 {name}", "✓ this desk is now named {name}";
    }
}
