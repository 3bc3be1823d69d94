//! A framed A4 portrait page per certificate or statement, all on one sheet: a double
//! frame (thick outside, thin inside), the title, the paragraph, the issuing
//! organisation and date (editable cells, bottom right) and the serial (bottom left).
//! Each page is [`PAGE_ROWS`] rows tall and fits an A4 page at 100%; a horizontal page
//! break follows every page but the last, and printing is set to fit one page wide.

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

use unicode_width::UnicodeWidthStr;

use super::xlsx_file::PAPER_A4;

/// One page's texts, already worded.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub title: String,
    /// The paragraph; its first `name` is printed in bold.
    pub body: String,
    pub name: String,
    /// Justified (Chinese text) rather than ranged left (English, whose few long words
    /// a line would space out).
    pub justify: bool,
    pub issuer: String,
    pub date: String,
    pub serial: String,
}

/// Column widths in pixels: outer gap, inner gap, six content columns, inner, outer.
const COLUMN_PIXELS: [u32; 10] = [10, 14, 100, 100, 100, 100, 100, 100, 14, 10];
const LAST_COL: u16 = COLUMN_PIXELS.len() as u16 - 1;
const FIRST_TEXT_COL: u16 = 2;
const LAST_TEXT_COL: u16 = LAST_COL - 2;

/// Rows of one page and their heights in points (692 pt: an A4 page less its margins
/// holds about 770).
pub const PAGE_ROWS: u32 = 22;
const ROW_POINTS: [f64; PAGE_ROWS as usize] = [
    8.0, 8.0, // the frame
    70.0, 72.0, 40.0, // title
    30.0, 30.0, 30.0, 30.0, 30.0, 30.0, 30.0, 30.0, 30.0, // the paragraph
    40.0, 32.0, 32.0, // issuer and date
    64.0, 24.0, 16.0, // serial
    8.0, 8.0, // the frame
];
const TITLE_ROW: u32 = 3;
const BODY_ROWS: (u32, u32) = (5, 13);
const ISSUER_ROW: u32 = 15;
const DATE_ROW: u32 = 16;
const SERIAL_ROW: u32 = 18;

/// Frame and title colour: the dark red of printed certificates.
const RED: u32 = 0xC0_00_00;
/// A Song typeface: on every Chinese Windows, and matched by WPS and LibreOffice.
const SONG: &str = "宋体";

/// Adds a sheet named `tab` with one page per entry of `pages`, or the line `none` when
/// there are none.
pub fn add_pages(
    book: &mut Workbook,
    tab: &str,
    pages: &[Page],
    none: &str,
) -> Result<(), XlsxError> {
    let ws = book.add_worksheet();
    ws.set_name(tab)?;
    for (col, px) in COLUMN_PIXELS.iter().enumerate() {
        ws.set_column_width_pixels(col as u16, *px)?;
    }
    if pages.is_empty() {
        ws.merge_range(
            TITLE_ROW,
            FIRST_TEXT_COL,
            TITLE_ROW,
            LAST_TEXT_COL,
            none,
            &text(14.0),
        )?;
    }
    for (n, page) in pages.iter().enumerate() {
        let top = u32::try_from(n)
            .unwrap_or(u32::MAX)
            .saturating_mul(PAGE_ROWS);
        draw_page(ws, top, page)?;
    }
    print_setup(ws, pages.len())
}

fn draw_page(ws: &mut Worksheet, top: u32, page: &Page) -> Result<(), XlsxError> {
    for (row, points) in ROW_POINTS.iter().enumerate() {
        ws.set_row_height(top + row as u32, *points)?;
    }
    draw_frame(ws, top)?;
    let title = text(title_points(&page.title))
        .set_bold()
        .set_font_color(Color::RGB(RED))
        .set_align(FormatAlign::Center);
    line(ws, top + TITLE_ROW, &page.title, &title)?;
    let align = if page.justify {
        FormatAlign::Justify
    } else {
        FormatAlign::Left
    };
    let body = text(18.0)
        .set_align(align)
        .set_align(FormatAlign::Top)
        .set_text_wrap();
    let (first, last) = BODY_ROWS;
    ws.merge_range(
        top + first,
        FIRST_TEXT_COL,
        top + last,
        LAST_TEXT_COL,
        &page.body,
        &body,
    )?;
    if let Some((before, after)) = page.body.split_once(page.name.as_str()) {
        let plain = text(18.0);
        let name = text(20.0).set_bold();
        let mut parts = vec![(&plain, before), (&name, page.name.as_str())];
        parts.push((&plain, after));
        parts.retain(|(_, t)| !t.is_empty());
        ws.write_rich_string_with_format(top + first, FIRST_TEXT_COL, &parts, &body)?;
    }
    let right = |size| text(size).set_align(FormatAlign::Right);
    line(ws, top + ISSUER_ROW, &page.issuer, &right(18.0))?;
    line(ws, top + DATE_ROW, &page.date, &right(16.0))?;
    let serial = text(11.0).set_align(FormatAlign::Left);
    line(ws, top + SERIAL_ROW, &page.serial, &serial)
}

/// The title's size: 36 pt, smaller when a long title (English) would not fit the
/// content columns' width. A column of text (half a Chinese character) is taken as 0.7
/// of the size, more than a bold Latin letter's average.
fn title_points(title: &str) -> f64 {
    let text_pixels: u32 = COLUMN_PIXELS[usize::from(FIRST_TEXT_COL)..=usize::from(LAST_TEXT_COL)]
        .iter()
        .sum();
    let text_points = f64::from(text_pixels) * 0.75;
    let columns = title.width().max(1) as f64;
    (text_points / (columns * 0.7)).min(36.0)
}

/// Text across the page's content columns.
fn line(ws: &mut Worksheet, row: u32, value: &str, format: &Format) -> Result<(), XlsxError> {
    ws.merge_range(row, FIRST_TEXT_COL, row, LAST_TEXT_COL, value, format)?;
    Ok(())
}

fn text(size: f64) -> Format {
    Format::new()
        .set_font_name(SONG)
        .set_font_size(size)
        .set_align(FormatAlign::VerticalCenter)
}

/// The double frame: a thick line round the page's edge cells and a thin one a gap
/// inside it. Only edge cells are written, so the content cells stay free to merge.
fn draw_frame(ws: &mut Worksheet, top: u32) -> Result<(), XlsxError> {
    let last_row = PAGE_ROWS - 1;
    for row in 0..PAGE_ROWS {
        for col in 0..=LAST_COL {
            let outer = Edges::of(row, col, (0, last_row), (0, LAST_COL));
            let inner = if (1..last_row).contains(&row) && (1..LAST_COL).contains(&col) {
                Edges::of(row, col, (1, last_row - 1), (1, LAST_COL - 1))
            } else {
                Edges::default()
            };
            if outer.any() || inner.any() {
                let format = outer.apply(
                    inner.apply(Format::new(), FormatBorder::Thin),
                    FormatBorder::Thick,
                );
                ws.write_blank(top + row, col, &format)?;
            }
        }
    }
    Ok(())
}

/// Which sides of a cell lie on a rectangle's edge.
#[derive(Debug, Default, Clone, Copy)]
struct Edges {
    top: bool,
    bottom: bool,
    left: bool,
    right: bool,
}

impl Edges {
    fn of(row: u32, col: u16, rows: (u32, u32), cols: (u16, u16)) -> Edges {
        Edges {
            top: row == rows.0,
            bottom: row == rows.1,
            left: col == cols.0,
            right: col == cols.1,
        }
    }

    fn any(self) -> bool {
        self.top || self.bottom || self.left || self.right
    }

    fn apply(self, mut format: Format, line: FormatBorder) -> Format {
        let red = Color::RGB(RED);
        if self.top {
            format = format.set_border_top(line).set_border_top_color(red);
        }
        if self.bottom {
            format = format.set_border_bottom(line).set_border_bottom_color(red);
        }
        if self.left {
            format = format.set_border_left(line).set_border_left_color(red);
        }
        if self.right {
            format = format.set_border_right(line).set_border_right_color(red);
        }
        format
    }
}

/// A4 portrait, one page wide, a break after every page but the last, no gridlines,
/// no header or footer: what is printed is the frame and its text.
fn print_setup(ws: &mut Worksheet, pages: usize) -> Result<(), XlsxError> {
    ws.set_paper_size(PAPER_A4);
    ws.set_portrait();
    ws.set_margins(0.5, 0.5, 0.5, 0.5, 0.3, 0.3);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_print_center_horizontally(true);
    ws.set_print_center_vertically(true);
    ws.set_screen_gridlines(false);
    let rows = u32::try_from(pages.max(1)).unwrap_or(u32::MAX / PAGE_ROWS) * PAGE_ROWS;
    ws.set_print_area(0, 0, rows - 1, LAST_COL)?;
    let breaks: Vec<u32> = (1..pages)
        .map(|n| u32::try_from(n).unwrap_or(u32::MAX / PAGE_ROWS) * PAGE_ROWS)
        .collect();
    ws.set_page_breaks(&breaks)?;
    Ok(())
}
