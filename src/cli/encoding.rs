//! What both importers (roster and timetable) ask about the file they read: `--dry-run`,
//! `--encoding` (how a CSV/TXT file is decoded) and `--sheet`.

use clap::{Args, ValueEnum};

use crate::io::tabular::{EncodingChoice, ImportOptions};

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum EncodingArg {
    /// A byte order mark if present, else UTF-8, else GBK/GB18030
    Auto,
    /// UTF-8, with or without a byte order mark
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
    /// GBK or GB18030, as saved by Chinese-language Excel
    #[value(alias = "gb18030")]
    Gbk,
}

impl EncodingArg {
    pub fn choice(self) -> EncodingChoice {
        match self {
            EncodingArg::Auto => EncodingChoice::Auto,
            EncodingArg::Utf8 => EncodingChoice::Utf8,
            EncodingArg::Gbk => EncodingChoice::Gbk,
        }
    }
}

/// The options an importer reads its file with.
#[derive(Debug, Args)]
pub struct ReadArgs {
    /// Show what would happen and write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Text encoding of a CSV/TXT file
    #[arg(long, value_enum, default_value = "auto")]
    pub encoding: EncodingArg,
    /// Workbook sheet to read (default: the first sheet with data)
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
}

impl ReadArgs {
    pub fn options(&self) -> ImportOptions {
        ImportOptions {
            encoding: self.encoding.choice(),
            sheet: self.sheet.clone(),
        }
    }
}
