//! A sheet as an Excel workbook: title rows, a bold header row with frozen panes and a
//! filter, column widths from the content (CJK characters count double), and a page set
//! up to print one page wide with the header repeated on every page. Several sheets make
//! a workbook with one tab each ([`to_workbook`]).

use chrono::{Datelike, NaiveDateTime, Timelike};
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};
use unicode_width::UnicodeWidthStr;

use super::escape::is_risky;
use super::sheet::{Cell, Sheet};

/// A4 in Excel's paper size numbering.
pub(crate) const PAPER_A4: u8 = 9;
const MAX_WIDTH: f64 = 40.0;

struct Formats {
    title: Format,
    subtitle: Format,
    header: Format,
    cell: Format,
    quoted: Format,
    percent: Format,
    total: Format,
}

impl Formats {
    fn new(sheet: &Sheet) -> Formats {
        let bordered = Format::new()
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::VerticalCenter);
        let cell = if sheet.layout.for_signing {
            bordered.clone().set_font_size(12)
        } else {
            bordered.clone()
        };
        Formats {
            title: Format::new()
                .set_bold()
                .set_font_size(16)
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            subtitle: Format::new().set_align(FormatAlign::Center),
            header: bordered
                .clone()
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_background_color(0xD9E1F2)
                .set_text_wrap(),
            quoted: cell.clone().set_quote_prefix(),
            percent: cell.clone().set_num_format("0.0%"),
            total: bordered.set_bold(),
            cell,
        }
    }
}

/// A workbook with one tab per sheet, in order. `created` (UTC) is recorded as the
/// file's creation time in place of the clock, so the same sheets give the same bytes.
pub fn to_workbook(sheets: &[Sheet], created: NaiveDateTime) -> Result<Vec<u8>, XlsxError> {
    let mut book = new_workbook(created)?;
    for sheet in sheets {
        add_sheet(&mut book, sheet)?;
    }
    book.save_to_buffer()
}

/// An empty workbook whose creation time is `created` (UTC), for the same bytes from
/// the same records.
pub(crate) fn new_workbook(created: NaiveDateTime) -> Result<Workbook, XlsxError> {
    let mut book = Workbook::new();
    let date = ExcelDateTime::from_ymd(
        u16::try_from(created.year()).unwrap_or(1970),
        created.month() as u8,
        created.day() as u8,
    )?
    .and_hms(
        created.hour() as u16,
        created.minute() as u8,
        created.second(),
    )?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&date));
    Ok(book)
}

/// Adds `sheet` to `book` as a tab of its own.
pub(crate) fn add_sheet(book: &mut Workbook, sheet: &Sheet) -> Result<(), XlsxError> {
    let ws = book.add_worksheet();
    ws.set_name(tab_name(&sheet.name))?;
    let formats = Formats::new(sheet);
    let last_col = u16::try_from(sheet.header.len().max(1) - 1).unwrap_or(u16::MAX);
    let mut row: u32 = 0;
    title_row(ws, row, last_col, &sheet.title, &formats.title)?;
    ws.set_row_height(row, 26)?;
    row += 1;
    if !sheet.subtitle.is_empty() {
        title_row(ws, row, last_col, &sheet.subtitle, &formats.subtitle)?;
        row += 1;
    }
    let header_row = row;
    for (col, text) in sheet.header.iter().enumerate() {
        ws.write_string_with_format(header_row, col as u16, text, &formats.header)?;
    }
    for cells in &sheet.rows {
        row += 1;
        write_row(ws, row, cells, last_col, &formats.cell, &formats)?;
        if sheet.layout.for_signing {
            ws.set_row_height(row, 30)?;
        }
    }
    let last_data_row = row;
    for cells in &sheet.totals {
        row += 1;
        write_row(ws, row, cells, last_col, &formats.total, &formats)?;
    }
    ws.set_freeze_panes(header_row + 1, sheet.layout.freeze_columns)?;
    if !sheet.layout.for_signing && last_data_row > header_row {
        ws.autofilter(header_row, 0, last_data_row, last_col)?;
    }
    for (col, width) in column_widths(sheet).into_iter().enumerate() {
        ws.set_column_width(col as u16, width)?;
    }
    page_setup(ws, sheet, header_row)
}

fn title_row(
    ws: &mut Worksheet,
    row: u32,
    last_col: u16,
    text: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    if last_col > 0 {
        ws.merge_range(row, 0, row, last_col, text, format)?;
    } else {
        ws.write_string_with_format(row, 0, text, format)?;
    }
    Ok(())
}

/// Every column up to `last_col` is written, blanks too, so borders are unbroken.
fn write_row(
    ws: &mut Worksheet,
    row: u32,
    cells: &[Cell],
    last_col: u16,
    format: &Format,
    formats: &Formats,
) -> Result<(), XlsxError> {
    for col in 0..=last_col {
        match cells.get(usize::from(col)) {
            Some(Cell::Int(n)) => {
                ws.write_number_with_format(row, col, *n as f64, format)?;
            }
            Some(Cell::Number(x)) => {
                ws.write_number_with_format(row, col, *x, format)?;
            }
            Some(Cell::Percent(x)) => {
                ws.write_number_with_format(row, col, *x, &formats.percent)?;
            }
            Some(Cell::Text(t)) if !t.is_empty() => {
                let format = if is_risky(t) { &formats.quoted } else { format };
                ws.write_string_with_format(row, col, t, format)?;
            }
            _ => {
                ws.write_blank(row, col, format)?;
            }
        }
    }
    Ok(())
}

/// Widths in characters from the widest cell of each column (header included).
fn column_widths(sheet: &Sheet) -> Vec<f64> {
    let mut widths: Vec<f64> = sheet.header.iter().map(|h| h.width() as f64).collect();
    for row in sheet.body() {
        for (col, cell) in row.iter().enumerate().take(widths.len()) {
            widths[col] = widths[col].max(cell.text().width() as f64);
        }
    }
    for (col, min) in &sheet.layout.min_widths {
        if let Some(w) = widths.get_mut(*col) {
            *w = w.max(*min);
        }
    }
    widths
        .into_iter()
        .map(|w| (w + 2.0).clamp(5.0, MAX_WIDTH))
        .collect()
}

fn page_setup(ws: &mut Worksheet, sheet: &Sheet, header_row: u32) -> Result<(), XlsxError> {
    ws.set_paper_size(PAPER_A4);
    if sheet.layout.landscape {
        ws.set_landscape();
    } else {
        ws.set_portrait();
    }
    ws.set_print_fit_to_pages(1, 0);
    ws.set_print_center_horizontally(true);
    ws.set_repeat_rows(header_row, header_row)?;
    ws.set_footer("&C&P / &N");
    Ok(())
}

/// Excel tab names: at most 31 characters, none of `[]:*?/\`.
fn tab_name(name: &str) -> String {
    let clean: String = name
        .chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(31)
        .collect();
    if clean.trim().is_empty() {
        "Sheet1".to_string()
    } else {
        clean
    }
}
