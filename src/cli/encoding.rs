//! `--encoding` of the importers (roster and timetable): how a CSV/TXT file is decoded.

use clap::ValueEnum;

use crate::io::tabular::EncodingChoice;

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
