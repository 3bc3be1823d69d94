//! What can keep a file from being read as a grid of cells (its size, its encoding, a
//! damaged workbook), in words a person can act on.

use crate::text::Lang;

/// The file as a whole cannot be read as a grid of cells: nothing is imported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TabularError {
    #[error("cannot read the file: {0}")]
    Unreadable(String),
    #[error("the file is {bytes} bytes; the limit is {limit} bytes. Split it into smaller files")]
    TooLarge { bytes: u64, limit: u64 },
    #[error("the file is empty")]
    Empty,
    #[error(
        "the file is UTF-16 text, which lunxun does not read. In Excel choose \"Save As\" → \"CSV UTF-8\" or save as .xlsx"
    )]
    Utf16,
    #[error("the file contains NUL bytes: it is not a text file. Import .csv, .txt, .xlsx or .xls")]
    Binary,
    #[error(
        "--encoding gbk was given but the file starts with a UTF-8 byte order mark; use --encoding utf-8 or auto"
    )]
    BomMismatch,
    #[error("line {line} is not valid UTF-8 (--encoding utf-8); try --encoding gbk or auto")]
    NotUtf8 { line: usize },
    #[error("line {line} is not valid GBK/GB18030 (--encoding gbk); try --encoding utf-8 or auto")]
    NotGb18030 { line: usize },
    #[error(
        "line {line}: the file looks like UTF-8 but has bytes that are not valid UTF-8 there (a damaged file?); nothing was guessed"
    )]
    DamagedUtf8 { line: usize },
    #[error(
        "line {line}: the file is neither UTF-8 nor GBK/GB18030; save it again from Excel as \"CSV UTF-8\" or .xlsx"
    )]
    UnknownEncoding { line: usize },
    #[error(
        "line {line} contains U+FFFD replacement characters (�): the text was damaged by an earlier conversion; fix the file first"
    )]
    ReplacementChar { line: usize },
    #[error("line {line}: a quoted cell opened here is never closed (a missing \")")]
    UnclosedQuote { line: usize },
    #[error(
        "this file has an .xls name but is a web page (HTML); open it in Excel and save it as .xlsx"
    )]
    HtmlAsXls,
    #[error("the workbook could not be read: {0}")]
    Workbook(String),
    #[error(
        "the workbook could not be read: it is damaged, or it has cells far below or to the right of the data (reading it would take more memory than a laptop has). Open it in Excel, delete stray cells or save it again, and retry"
    )]
    WorkbookUnreadable,
    #[error(
        "reading the workbook took longer than {seconds} seconds; open it in Excel, save it again as .xlsx, and retry"
    )]
    WorkbookTooSlow { seconds: u64 },
    #[error("the workbook has no sheet named '{name}'; its sheets are: {}", available.join(", "))]
    NoSheet {
        name: String,
        available: Vec<String>,
    },
    #[error("the workbook has no sheet with any data")]
    NoData,
}

impl TabularError {
    /// The message in the user's language.
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Zh => self.zh(),
        }
    }

    fn zh(&self) -> String {
        match self {
            TabularError::Unreadable(e) => format!("无法读取文件：{e}"),
            TabularError::TooLarge { bytes, limit } => {
                format!("文件有 {bytes} 字节，超过上限 {limit} 字节；请拆分成几个小文件。")
            }
            TabularError::Empty => "文件是空的。".into(),
            TabularError::Utf16 => {
                "文件是 UTF-16 编码，lunxun 不能读取。请在 Excel 中“另存为”“CSV UTF-8”或 .xlsx。"
                    .into()
            }
            TabularError::Binary => {
                "文件含有 NUL 字节，不是文本文件；请导入 .csv、.txt、.xlsx 或 .xls。".into()
            }
            TabularError::BomMismatch => {
                "指定了 --encoding gbk，但文件以 UTF-8 标记开头；请用 --encoding utf-8 或 auto。"
                    .into()
            }
            TabularError::NotUtf8 { line } => {
                format!(
                    "第 {line} 行不是有效的 UTF-8（--encoding utf-8）；可试 --encoding gbk 或 auto。"
                )
            }
            TabularError::NotGb18030 { line } => {
                format!(
                    "第 {line} 行不是有效的 GBK/GB18030（--encoding gbk）；可试 --encoding utf-8 或 auto。"
                )
            }
            TabularError::DamagedUtf8 { line } => {
                format!(
                    "第 {line} 行：文件看似 UTF-8，但此处有无效字节（文件已损坏？）；未作猜测。"
                )
            }
            TabularError::UnknownEncoding { line } => format!(
                "第 {line} 行：文件既不是 UTF-8 也不是 GBK/GB18030；请在 Excel 中另存为“CSV UTF-8”或 .xlsx。"
            ),
            TabularError::ReplacementChar { line } => {
                format!("第 {line} 行含有替换字符（�）：文字在之前的转换中已损坏，请先修正文件。")
            }
            TabularError::UnclosedQuote { line } => {
                format!("第 {line} 行：从这里开始的引号没有闭合（缺少 \"）。")
            }
            TabularError::HtmlAsXls => {
                "此文件名为 .xls，实为网页（HTML）；请用 Excel 打开后另存为 .xlsx。".into()
            }
            TabularError::Workbook(e) => format!("无法读取工作簿：{e}"),
            TabularError::WorkbookUnreadable => "无法读取工作簿：文件已损坏，或数据右方、下方很远处有零散单元格（读取所需内存超过笔记本电脑所有）。请用 Excel 打开，删除零散单元格或重新保存后再试。".into(),
            TabularError::WorkbookTooSlow { seconds } => {
                format!("读取工作簿超过 {seconds} 秒；请用 Excel 打开，另存为 .xlsx 后再试。")
            }
            TabularError::NoSheet { name, available } => format!(
                "工作簿中没有名为“{name}”的工作表；现有：{}",
                available.join("、")
            ),
            TabularError::NoData => "工作簿中没有含数据的工作表。".into(),
        }
    }
}
