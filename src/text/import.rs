//! Importing a roster: what the command line prints around the importer's summary.
//! Part of the one catalogue ([`crate::text`]); the desk's import screen uses
//! [`super::Desk`], the summary itself comes from `io::roster::report`.

catalogue! {
    /// `lunxun import`.
    pub enum RosterImport {
    ImportRefusedRows => "未导入任何人员：{count} 行有错误。请修正后重试，或用 --skip-invalid 只导入无误的行。", "nothing imported: {count} row(s) have errors; fix them, or use --skip-invalid to import the other rows";
    ImportRowsSkipped => "跳过的行：", "rows skipped:";
    ImportDryRun => "试运行：未写入任何内容。", "dry run: nothing written";
    ImportClosedHint => "不带 --cohort 可只更新花名册。", "; without --cohort it updates the register only";
    ImportNothingToChange => "没有需要更改的内容。", "nothing to change";
    ImportSaved => "✓ 已导入并保存。", "✓ imported and saved";
    ImportChecking => "检查：已读 {rows} 行，每秒 {rate} 行", "checking: {rows} rows read, {rate} rows/s";
    ImportWriting => "写入：{done}/{total} 条，每秒 {rate} 条", "writing: {done}/{total} records, {rate} records/s";
    ImportTimeLeft => "剩余 {eta}", "{eta} left";
    }
}
