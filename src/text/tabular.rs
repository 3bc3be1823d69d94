//! What reading a tabular file says: why a file cannot be read as a grid of cells, where
//! its rows came from, and the lines every import's summary shares. Part of the one
//! catalogue ([`crate::text`]).

use std::fmt::Display;

use super::Lang;

catalogue! {
    /// Reading CSV/TXT files and workbooks, and the lines every import summary shares.
    pub enum Tabular {
    // Why a file cannot be read
    ListSeparator => "、", ", ";
    FileUnreadable => "无法读取文件：{reason}", "cannot read the file: {reason}";
    WorkbookTooLarge => "工作簿有 {bytes} 字节，超过工作簿的上限 {limit} 字节；请在 Excel 中另存为 CSV（CSV 文件不限大小）再导入。", "the workbook is {bytes} bytes; the limit for workbooks is {limit} bytes. Save it as CSV in Excel (CSV files have no limit) and import that";
    FileTooLarge => "文件有 {bytes} 字节，超过上限 {limit} 字节；请拆分成几个小文件。", "the file is {bytes} bytes; the limit is {limit} bytes. Split it into smaller files";
    FileEmpty => "文件是空的。", "the file is empty";
    FileUtf16 => "文件是 UTF-16 编码，lunxun 不能读取。请在 Excel 中“另存为”“CSV UTF-8”或 .xlsx。", "the file is UTF-16 text, which lunxun does not read. In Excel choose \"Save As\" → \"CSV UTF-8\" or save as .xlsx";
    FileBinary => "文件含有 NUL 字节，不是文本文件；请导入 .csv、.txt、.xlsx 或 .xls。", "the file contains NUL bytes: it is not a text file. Import .csv, .txt, .xlsx or .xls";
    BomMismatch => "指定了 --encoding gbk，但文件以 UTF-8 标记开头；请用 --encoding utf-8 或 auto。", "--encoding gbk was given but the file starts with a UTF-8 byte order mark; use --encoding utf-8 or auto";
    NotUtf8 => "第 {line} 行不是有效的 UTF-8（--encoding utf-8）；可试 --encoding gbk 或 auto。", "line {line} is not valid UTF-8 (--encoding utf-8); try --encoding gbk or auto";
    NotGb18030 => "第 {line} 行不是有效的 GBK/GB18030（--encoding gbk）；可试 --encoding utf-8 或 auto。", "line {line} is not valid GBK/GB18030 (--encoding gbk); try --encoding utf-8 or auto";
    DamagedUtf8 => "第 {line} 行：文件看似 UTF-8，但此处有无效字节（文件已损坏？）；未作猜测。", "line {line}: the file looks like UTF-8 but has bytes that are not valid UTF-8 there (a damaged file?); nothing was guessed";
    UnknownEncoding => "第 {line} 行：文件既不是 UTF-8 也不是 GBK/GB18030；请在 Excel 中另存为“CSV UTF-8”或 .xlsx。", "line {line}: the file is neither UTF-8 nor GBK/GB18030; save it again from Excel as \"CSV UTF-8\" or .xlsx";
    ReplacementChar => "第 {line} 行含有替换字符（�）：文字在之前的转换中已损坏，请先修正文件。", "line {line} contains U+FFFD replacement characters (�): the text was damaged by an earlier conversion; fix the file first";
    UnclosedQuote => "第 {line} 行：从这里开始的引号没有闭合（缺少 \"）。", "line {line}: a quoted cell opened here is never closed (a missing \")";
    HtmlAsXls => "此文件名为 .xls，实为网页（HTML）；请用 Excel 打开后另存为 .xlsx。", "this file has an .xls name but is a web page (HTML); open it in Excel and save it as .xlsx";
    WorkbookFailed => "无法读取工作簿：{reason}", "the workbook could not be read: {reason}";
    ReaderNotStarted => "无法读取工作簿：读取程序没有启动（{reason}）", "the workbook could not be read: the workbook reader did not start: {reason}";
    WorkbookUnreadable => "无法读取工作簿：文件已损坏，或数据右方、下方很远处有零散单元格（读取所需内存超过笔记本电脑所有）。请用 Excel 打开，删除零散单元格或重新保存后再试。", "the workbook could not be read: it is damaged, or it has cells far below or to the right of the data (reading it would take more memory than a laptop has). Open it in Excel, delete stray cells or save it again, and retry";
    WorkbookTooSlow => "读取工作簿超过 {seconds} 秒；请用 Excel 打开，另存为 .xlsx 后再试。", "reading the workbook took longer than {seconds} seconds; open it in Excel, save it again as .xlsx, and retry";
    NoSheet => "工作簿中没有名为“{name}”的工作表；现有：{available}", "the workbook has no sheet named '{name}'; its sheets are: {available}";
    NoData => "工作簿中没有含数据的工作表。", "the workbook has no sheet with any data";
    // Where the rows came from
    CommaSeparated => "逗号分隔", "comma-separated";
    TabSeparated => "制表符分隔", "tab-separated";
    WorkbookSheet => "{kind} 工作表“{sheet}”", "{kind} sheet '{sheet}'";
    ReadHeaderOn => "读取 {file}：{source}；表头在第 {line} 行（跳过标题行 {titles} 行）", "read {file}: {source}; header on line {line} ({titles} title row(s) skipped)";
    OtherSheets => "未读取的其他工作表：{sheets}（用 --sheet 选择）", "other sheets not read: {sheets} (choose with --sheet)";
    // Lines every import summary shares
    ImportColumnsLine => "列：{columns}", "columns: {columns}";
    ImportUnchangedLine => "无变化：{count}", "unchanged: {count}";
    ImportErrorsLine => "错误：{count}", "errors: {count}";
    // One row's problem, and the cell problems every importer checks
    RowLine => "第 {line} 行：{reason}", "line {line}: {reason}";
    CellControlChars => "{column}含有控制字符", "{column} contains control characters";
    CellTooLong => "{column}超过 {limit} 个字符", "{column} is longer than {limit} characters";
    }
}

/// Items as each language lists them in a sentence: `甲、乙` / `a, b`.
pub fn list_of<T: Display>(lang: Lang, items: &[T]) -> String {
    let separator = Tabular::ListSeparator.get(lang);
    items
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(separator)
}
