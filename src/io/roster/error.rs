//! What can go wrong with an imported file, as a whole or row by row, in words a person
//! can act on. Personal data (phone, ID number) only ever appears masked.

use crate::io::tabular::TabularError;
use crate::text::Lang;

use super::column::Column;

/// The file as a whole cannot be read: nothing is imported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// Size, encoding, workbook: the file is not a readable table.
    #[error(transparent)]
    Read(#[from] TabularError),
    #[error(
        "no header row with a name column (姓名 or name) in the first {searched} rows; add one above the people"
    )]
    NoHeader { searched: usize },
}

impl ImportError {
    /// The message in the user's language.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (ImportError::Read(e), _) => e.message(lang),
            (ImportError::NoHeader { .. }, Lang::En) => self.to_string(),
            (ImportError::NoHeader { searched }, Lang::Zh) => {
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
