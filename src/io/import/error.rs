//! What can go wrong with an imported file, as a whole or row by row, in words a person
//! can act on. Personal data (phone, ID number) only ever appears masked.

use crate::text::Lang;

use super::headers::Column;

/// The file as a whole cannot be read: nothing is imported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
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
    #[error(
        "no header row with a name column (姓名 or name) in the first {searched} rows; add one above the people"
    )]
    NoHeader { searched: usize },
}

impl ImportError {
    /// The message in the user's language.
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Zh => self.zh(),
        }
    }

    fn zh(&self) -> String {
        match self {
            ImportError::Unreadable(e) => format!("无法读取文件：{e}"),
            ImportError::TooLarge { bytes, limit } => {
                format!("文件有 {bytes} 字节，超过上限 {limit} 字节；请拆分成几个小文件。")
            }
            ImportError::Empty => "文件是空的。".into(),
            ImportError::Utf16 => {
                "文件是 UTF-16 编码，lunxun 不能读取。请在 Excel 中“另存为”“CSV UTF-8”或 .xlsx。"
                    .into()
            }
            ImportError::Binary => {
                "文件含有 NUL 字节，不是文本文件；请导入 .csv、.txt、.xlsx 或 .xls。".into()
            }
            ImportError::BomMismatch => {
                "指定了 --encoding gbk，但文件以 UTF-8 标记开头；请用 --encoding utf-8 或 auto。"
                    .into()
            }
            ImportError::NotUtf8 { line } => {
                format!(
                    "第 {line} 行不是有效的 UTF-8（--encoding utf-8）；可试 --encoding gbk 或 auto。"
                )
            }
            ImportError::NotGb18030 { line } => {
                format!(
                    "第 {line} 行不是有效的 GBK/GB18030（--encoding gbk）；可试 --encoding utf-8 或 auto。"
                )
            }
            ImportError::DamagedUtf8 { line } => {
                format!(
                    "第 {line} 行：文件看似 UTF-8，但此处有无效字节（文件已损坏？）；未作猜测。"
                )
            }
            ImportError::UnknownEncoding { line } => format!(
                "第 {line} 行：文件既不是 UTF-8 也不是 GBK/GB18030；请在 Excel 中另存为“CSV UTF-8”或 .xlsx。"
            ),
            ImportError::ReplacementChar { line } => {
                format!("第 {line} 行含有替换字符（�）：文字在之前的转换中已损坏，请先修正文件。")
            }
            ImportError::UnclosedQuote { line } => {
                format!("第 {line} 行：从这里开始的引号没有闭合（缺少 \"）。")
            }
            ImportError::HtmlAsXls => {
                "此文件名为 .xls，实为网页（HTML）；请用 Excel 打开后另存为 .xlsx。".into()
            }
            ImportError::Workbook(e) => format!("无法读取工作簿：{e}"),
            ImportError::WorkbookUnreadable => "无法读取工作簿：文件已损坏，或数据右方、下方很远处有零散单元格（读取所需内存超过笔记本电脑所有）。请用 Excel 打开，删除零散单元格或重新保存后再试。".into(),
            ImportError::WorkbookTooSlow { seconds } => {
                format!("读取工作簿超过 {seconds} 秒；请用 Excel 打开，另存为 .xlsx 后再试。")
            }
            ImportError::NoSheet { name, available } => format!(
                "工作簿中没有名为“{name}”的工作表；现有：{}",
                available.join("、")
            ),
            ImportError::NoData => "工作簿中没有含数据的工作表。".into(),
            ImportError::NoHeader { searched } => {
                format!("前 {searched} 行中没有含“姓名”列的表头行；请在人员上方加一行表头。")
            }
        }
    }
}

/// Why one row is not imported. `line` is the file's line or the Excel row number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub line: usize,
    pub problem: RowProblem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowProblem {
    EmptyName,
    NameControl,
    ControlChars(Column),
    TooLong {
        column: Column,
        limit: usize,
    },
    BadPhone {
        masked: String,
    },
    IdLength {
        masked: String,
        len: usize,
    },
    IdChars {
        masked: String,
    },
    IdCheckDigit {
        masked: String,
    },
    /// An 18-digit ID typed into Excel as a number keeps only 15 significant digits.
    IdAsNumber {
        masked: String,
    },
    BadGender {
        value: String,
    },
    BadField {
        value: String,
    },
    /// The phone and name, or the name and unit, fit several people and no ID number
    /// tells them apart.
    Ambiguous {
        count: usize,
    },
    /// The same person as an earlier row, with a different value in `column`.
    ConflictingDuplicate {
        first_line: usize,
        column: Column,
    },
}

impl RowError {
    /// `line N: reason` / `第 N 行：原因`.
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => format!("line {}: {}", self.line, self.problem.en()),
            Lang::Zh => format!("第 {} 行：{}", self.line, self.problem.zh()),
        }
    }
}

impl RowProblem {
    fn en(&self) -> String {
        match self {
            RowProblem::EmptyName => "the name is empty".into(),
            RowProblem::NameControl => "the name contains control characters".into(),
            RowProblem::ControlChars(c) => format!("{} contains control characters", c.en()),
            RowProblem::TooLong { column, limit } => {
                format!("{} is longer than {limit} characters", column.en())
            }
            RowProblem::BadPhone { masked } => format!(
                "phone {masked} is not a phone number (7 to 15 digits, one number per cell)"
            ),
            RowProblem::IdLength { masked, len } => {
                format!("ID number {masked} has {len} characters; it must have 18")
            }
            RowProblem::IdChars { masked } => {
                format!("ID number {masked} may only contain digits and a final X")
            }
            RowProblem::IdCheckDigit { masked } => format!(
                "ID number {masked} has a wrong check digit (GB 11643); check it against the ID card"
            ),
            RowProblem::IdAsNumber { masked } => format!(
                "ID number {masked} was stored as a number, so Excel dropped its last digits; format the column as text and type it again"
            ),
            RowProblem::BadGender { value } => {
                format!("gender '{value}' is not 男/女 (male/female)")
            }
            RowProblem::BadField { value } => format!(
                "field '{value}' is not one of 村, 社区, 乡镇, 街道, 机关, 事业单位, 国有企业, 非公有制经济组织, 社会组织"
            ),
            RowProblem::Ambiguous { count } => format!(
                "fits {count} people already known (same name and unit, or phone); add the ID number to tell them apart"
            ),
            RowProblem::ConflictingDuplicate { first_line, column } => format!(
                "the same person as line {first_line}, but with a different {}; keep one of the two rows",
                column.en()
            ),
        }
    }

    fn zh(&self) -> String {
        match self {
            RowProblem::EmptyName => "姓名为空".into(),
            RowProblem::NameControl => "姓名含有控制字符".into(),
            RowProblem::ControlChars(c) => format!("{}含有控制字符", c.zh()),
            RowProblem::TooLong { column, limit } => format!("{}超过 {limit} 个字符", column.zh()),
            RowProblem::BadPhone { masked } => {
                format!("电话 {masked} 格式不正确（7 到 15 位数字，每格一个号码）")
            }
            RowProblem::IdLength { masked, len } => {
                format!("身份证号码 {masked} 有 {len} 位，应为 18 位")
            }
            RowProblem::IdChars { masked } => {
                format!("身份证号码 {masked} 只能由数字和末位 X 组成")
            }
            RowProblem::IdCheckDigit { masked } => {
                format!("身份证号码 {masked} 校验码不正确（GB 11643），请与身份证核对")
            }
            RowProblem::IdAsNumber { masked } => format!(
                "身份证号码 {masked} 以数字格式保存，Excel 已丢失末几位；请把该列设为文本格式后重新录入"
            ),
            RowProblem::BadGender { value } => format!("性别“{value}”无效，应为 男 或 女"),
            RowProblem::BadField { value } => format!(
                "领域“{value}”无效，应为 村、社区、乡镇、街道、机关、事业单位、国有企业、非公有制经济组织、社会组织 之一"
            ),
            RowProblem::Ambiguous { count } => format!(
                "与已有的 {count} 人相符（姓名和单位相同，或电话相同），无法确定是谁；请补上身份证号码"
            ),
            RowProblem::ConflictingDuplicate { first_line, column } => format!(
                "与第 {first_line} 行是同一人，但{}不同；请保留其中一行",
                column.zh()
            ),
        }
    }
}
