//! Bundles (数据包) and desk names, in both languages. Part of the one catalogue
//! ([`crate::text`]): `BundleError::message`, `lunxun bundle export|show` and
//! `lunxun desk name|show`.

catalogue! {
    /// Bundle files: refusals, what export and show print, the passphrase prompts.
    pub enum Bundles {
    BundleFileError => "无法读写数据包 {path}：{reason}", "cannot read or write the bundle {path}: {reason}";
    BundleNotABundle => "{path} 不是 lunxun 数据包，未做任何改动。请选择用 lunxun bundle export 导出的文件。", "{path} is not a lunxun bundle; nothing was changed. Choose a file made by lunxun bundle export.";
    BundleDamaged => "数据包 {path} 已损坏或不完整（校验不符），未做任何改动。请让对方重新导出一份，再拷贝一次。", "the bundle {path} is damaged or incomplete (its checksum does not match); nothing was changed. Ask for a new export and copy it again.";
    BundleNewer => "数据包 {path} 由更新版本的 lunxun 导出（格式 {version}），未做任何改动。请升级 lunxun 后再打开。", "the bundle {path} was made by a newer lunxun (format {version}); nothing was changed. Update lunxun to open it.";
    BundleNeedsPassphrase => "数据包 {path} 已用口令加密，需要口令：设置环境变量 LUNXUN_BUNDLE_PASSPHRASE，或在终端中运行以便输入。", "the bundle {path} is encrypted and needs its passphrase: set LUNXUN_BUNDLE_PASSPHRASE, or run this in a terminal to type it.";
    BundleWrongPassphrase => "口令不对，无法打开数据包 {path}，未做任何改动。请向导出的人核对口令。", "wrong passphrase: the bundle {path} cannot be opened; nothing was changed. Check the passphrase with whoever exported it.";
    BundleTooMuchWork => "数据包 {path} 的加密强度超出本机允许的计算量，未打开。请在导出的电脑上重新导出。", "the bundle {path} asks more work to decrypt than this computer allows; it was not opened. Export it again on the computer that made it.";
    BundleEmptyPassphrase => "口令为空，未导出。请输入口令，或去掉 --encrypt。", "the passphrase is empty; nothing exported. Type a passphrase, or leave out --encrypt.";
    BundlePassphrasePrompt => "数据包口令：", "bundle passphrase: ";
    BundlePassphraseAgain => "再输入一次口令：", "passphrase again: ";
    BundlePassphraseMismatch => "两次输入的口令不一致，未导出。", "the two passphrases differ; nothing exported.";
    BundlePassphraseCancelled => "已取消，未做任何改动。", "cancelled; nothing was changed.";
    BundleExported => "已导出数据包 {path}：{counts}{sealed}\n", "exported the bundle {path}: {counts}{sealed}\n";
    BundleCounts => "{cohorts} 个班次、{people} 人、{enrolments} 条参训、{events} 条签到记录、{activities} 条教学记录、{changes} 条名册变动", "{cohorts} cohorts, {people} people, {enrolments} enrolments, {events} attendance events, {activities} teaching records, {changes} register changes";
    BundleSealedNote => "（已用口令加密）", " (encrypted with a passphrase)";
    BundlePlainNote => "\n数据包中有完整的身份证号和电话，请妥善保管 U 盘；用 --encrypt 可加口令。", "\nthe bundle holds full ID numbers and phones: keep the USB stick safe (--encrypt seals it with a passphrase).";
    BundleShowTitle => "数据包 {path}\n", "bundle {path}\n";
    BundleShowFrom => "来自：{name}（{desk}）\n", "from: {name} ({desk})\n";
    BundleShowAt => "导出时间：{at}\n", "exported at: {at}\n";
    BundleShowScope => "范围：{scope}\n", "scope: {scope}\n";
    BundleShowContents => "内容：{counts}\n", "contents: {counts}\n";
    BundleShowVersion => "格式：第 {version} 版（{made_by}）\n", "format: version {version} ({made_by})\n";
    BundleShowSealed => "加密：是（口令）\n", "encrypted: yes (passphrase)\n";
    BundleShowPlain => "加密：否\n", "encrypted: no\n";
    BundleShowChecksum => "校验：{sha256}（已核对）\n", "checksum: {sha256} (verified)\n";
    BundleScopeAll => "全部数据", "everything";
    BundleScopeCohort => "班次 {code}", "cohort {code}";
    BundleScopeYear => "{year} 年的班次和全部花名册", "the cohorts of {year} and the whole register";
    }
}

catalogue! {
    /// This folder's desk name and the desks it knows (`lunxun desk name|show`).
    pub enum DeskNames {
    DeskNameSet => "本台已命名为 {name}（{desk}）\n", "this desk is now named {name} ({desk})\n";
    DeskNameEmpty => "台名不能为空，例如：lunxun desk name 2号台", "a desk name cannot be empty, e.g. lunxun desk name 2号台";
    DeskNameTooLong => "台名最多 {max} 个字符", "a desk name is at most {max} characters";
    DeskShowThis => "本台：{name}（{desk}）\n", "this desk: {name} ({desk})\n";
    DeskShowUnnamed => "未命名，用 lunxun desk name 名称 命名", "unnamed, name it with lunxun desk name NAME";
    DeskShowKnown => "已知的其他台：\n", "other desks known here:\n";
    DeskShowNone => "还没有其他台的记录（合并数据包后会列出）。\n", "no other desks known yet (merging a bundle lists them).\n";
    }
}
