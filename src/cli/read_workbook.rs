//! `lunxun read-workbook KIND`: the importer's workbook reader, which lunxun runs as a
//! child process of itself (see `io::tabular::workbook`). `main` serves it before the
//! store opens.

use clap::Args;

#[derive(Debug, Args)]
pub struct ReadWorkbookArgs {
    /// xlsx, xls, xlsb or ods
    pub kind: String,
    #[arg(long)]
    pub sheet: Option<String>,
}

impl ReadWorkbookArgs {
    /// Reads the workbook on standard input and writes its rows; the exit code.
    pub fn serve(&self) -> i32 {
        crate::io::tabular::workbook::serve(&self.kind, self.sheet.as_deref())
    }
}
