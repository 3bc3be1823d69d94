//! What a command prints on standard output, and how it goes out: text made for
//! reading is always shown escaped; an export is data, the same bytes as its `-o` file
//! when standard output is a pipe or a file, and escaped only on a terminal.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use clap::ValueEnum;
use serde::Serialize;

use crate::display;
use crate::text::{Commands, Export, Lang, Report};
use crate::tr;

use super::{CliError, Ctx};

#[derive(Debug, PartialEq, Eq)]
pub enum Printed {
    /// Made for reading (lists, messages): control and bidi characters always escaped.
    Text(String),
    /// An export or report in a text format: the bytes its file would hold.
    Export(String),
    /// An Excel workbook: the bytes its file would hold, never drawn on a terminal.
    Workbook(Vec<u8>),
}

impl Printed {
    /// The bytes to write on standard output, `terminal` when it is one. A workbook on
    /// a terminal is refused (exit 2): binary bytes would garble the screen.
    pub fn shown(&self, terminal: bool, lang: Lang) -> Result<Cow<'_, [u8]>, CliError> {
        Ok(match self {
            Printed::Text(text) => bytes(display::escape(text)),
            Printed::Export(text) if terminal => bytes(display::escape_data(text)),
            Printed::Export(text) => Cow::Borrowed(text.as_bytes()),
            Printed::Workbook(_) if terminal => return Err(workbook_to_terminal(lang)),
            Printed::Workbook(bytes) => Cow::Borrowed(bytes),
        })
    }
}

/// An export or a report (`Printed::Export` or `Printed::Workbook`): on standard output
/// as it is, or written to `path` atomically (private to the user), then the line
/// `written` says where it went.
pub(super) fn deliver(
    made: Printed,
    path: Option<PathBuf>,
    written: impl FnOnce(&Path) -> String,
) -> Result<Printed, CliError> {
    let Some(path) = path else {
        return Ok(made);
    };
    let bytes = match &made {
        Printed::Export(text) | Printed::Text(text) => text.as_bytes(),
        Printed::Workbook(bytes) => bytes,
    };
    crate::io::write_atomic(&path, bytes)
        .map_err(|e| CliError::Io(format!("{}: {e}", path.display())))?;
    Ok(Printed::Text(written(&path)))
}

/// [`deliver`] for `lunxun export ...`: the line after the file was written says where.
pub(super) fn deliver_export(
    made: Printed,
    path: Option<PathBuf>,
    lang: Lang,
) -> Result<Printed, CliError> {
    deliver(made, path, |path| {
        tr!(lang, Export::ExpWrittenTo, path = path.display())
    })
}

/// `lunxun report cohort|year|hours --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Md,
    Json,
    /// An Excel workbook, one tab per section (-o FILE, or standard output redirected to a file)
    Xlsx,
}

/// How a report's model is written in each text format and as a workbook (`created`,
/// UTC, is the file's creation time); JSON is the model itself.
pub(super) struct ReportWriters<T> {
    pub markdown: fn(&T, Lang) -> String,
    pub workbook: fn(&T, Lang, NaiveDateTime) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError>,
}

/// A report in `format`, on standard output (the same bytes as its file) or written
/// atomically to `output` with a line saying where.
pub(super) fn deliver_report<T: Serialize>(
    model: &T,
    format: ReportFormat,
    writers: ReportWriters<T>,
    output: Option<PathBuf>,
    ctx: &Ctx,
) -> Result<Printed, CliError> {
    let made = match format {
        ReportFormat::Json => {
            Printed::Export(serde_json::to_string_pretty(model).expect("report serialises") + "\n")
        }
        ReportFormat::Md => Printed::Export((writers.markdown)(model, ctx.lang)),
        ReportFormat::Xlsx => Printed::Workbook(
            (writers.workbook)(model, ctx.lang, ctx.clock.now().naive_utc())
                .map_err(|e| CliError::Io(format!("xlsx: {e}")))?,
        ),
    };
    deliver(made, output, |path| {
        tr!(ctx.lang, Report::RptWrittenTo, path = path.display())
    })
}

fn bytes(text: Cow<'_, str>) -> Cow<'_, [u8]> {
    match text {
        Cow::Borrowed(text) => Cow::Borrowed(text.as_bytes()),
        Cow::Owned(text) => Cow::Owned(text.into_bytes()),
    }
}

fn workbook_to_terminal(lang: Lang) -> CliError {
    CliError::Input(tr!(lang, Commands::CliWorkbookToTerminal))
}

#[cfg(test)]
mod tests {
    use super::*;

    const CSV: &str = "\u{FEFF}姓名,单位\r\n\u{202E}李雅婷\t,a\u{1b}[2J\r\n";

    #[test]
    fn an_export_to_a_pipe_is_its_bytes_unchanged() {
        let export = Printed::Export(CSV.to_string());
        assert_eq!(&*export.shown(false, Lang::En).unwrap(), CSV.as_bytes());
        let book = Printed::Workbook(vec![0x50, 0x4B, 0x03, 0x04, 0xFF]);
        assert_eq!(
            &*book.shown(false, Lang::En).unwrap(),
            [0x50, 0x4B, 0x03, 0x04, 0xFF]
        );
    }

    #[test]
    fn an_export_on_a_terminal_keeps_line_ends_and_tabs_and_escapes_the_rest() {
        let export = Printed::Export(CSV.to_string());
        let shown = export.shown(true, Lang::En).unwrap();
        assert_eq!(
            String::from_utf8(shown.into_owned()).unwrap(),
            "\u{FEFF}姓名,单位\r\n\\u202e李雅婷\t,a\\u001b[2J\r\n"
        );
    }

    #[test]
    fn a_workbook_is_refused_on_a_terminal_in_both_languages() {
        let book = Printed::Workbook(vec![0x50, 0x4B]);
        let en = book.shown(true, Lang::En).unwrap_err();
        assert_eq!(en.exit_code(), 2);
        assert!(en.to_string().contains("-o FILE"), "{en}");
        let zh = book.shown(true, Lang::Zh).unwrap_err();
        assert!(zh.to_string().contains("-o 文件名"), "{zh}");
    }

    #[test]
    fn text_for_reading_is_escaped_on_a_pipe_too() {
        let text = Printed::Text("\u{202E}李雅婷\r\n".to_string());
        for terminal in [true, false] {
            let shown = text.shown(terminal, Lang::En).unwrap();
            assert_eq!(&*shown, "\\u202e李雅婷\\u000d\n".as_bytes());
        }
    }
}
