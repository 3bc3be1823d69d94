//! The desk's glyph set: Unicode (box lines, ✓, ·, ●, bar blocks) or plain ASCII.
//!
//! The classic Windows console (conhost) on a Chinese code page (936) draws every
//! non-ASCII character two cells wide, while the desk lays out `─ │ ✓ · ●` as one
//! cell each: borders and columns break apart. In ASCII mode the finished frame goes
//! through [`Glyphs::apply`], the one place every glyph passes: each one-cell
//! non-ASCII symbol — from the drawing code, ratatui's own borders and bars, a catalogue
//! text or a name in the register — becomes one ASCII character ([`ascii`]), so the
//! layout stays as drawn. Wide (CJK) characters are two cells everywhere and stay.
//!
//! The choice is made once at start ([`Glyphs::detect`], before raw mode) and kept in
//! the `App`; drawing reads no environment.

use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

/// How the desk draws borders and marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Glyphs {
    /// Box-drawing lines, ✓, ·, ● and bar blocks.
    #[default]
    Unicode,
    /// `+ - |` borders, `*` for ✓ and ●, `.` for ·: one ASCII character for each mark
    /// (see [`ascii`]).
    Ascii,
}

/// The console output code pages that draw every non-ASCII character two cells wide:
/// Simplified Chinese (936, GBK) and the other East Asian double-byte pages (Japanese
/// 932, Korean 949, Traditional Chinese 950).
const DOUBLE_WIDTH_CODE_PAGES: [u32; 4] = [936, 932, 949, 950];

impl Glyphs {
    /// The decision, without looking anywhere: `flag` (`--ascii` is `Some(true)`,
    /// `--unicode` `Some(false)`) wins; then `LUNXUN_ASCII` (`1` ASCII, `0` Unicode,
    /// anything else: automatic); then ASCII only in a console on a double-width code
    /// page that is not Windows Terminal (`WT_SESSION` set), which draws them right.
    pub fn choose(
        flag: Option<bool>,
        lunxun_ascii: Option<&str>,
        windows_terminal: bool,
        code_page: Option<u32>,
    ) -> Glyphs {
        let forced = flag.or(match lunxun_ascii.map(str::trim) {
            Some("1") => Some(true),
            Some("0") => Some(false),
            _ => None,
        });
        let ascii = forced.unwrap_or_else(|| {
            !windows_terminal && code_page.is_some_and(|cp| DOUBLE_WIDTH_CODE_PAGES.contains(&cp))
        });
        if ascii {
            Glyphs::Ascii
        } else {
            Glyphs::Unicode
        }
    }

    /// [`Glyphs::choose`] with what this process sees: the environment and, on Windows,
    /// the console's output code page.
    pub fn detect(flag: Option<bool>) -> Glyphs {
        let lunxun_ascii = std::env::var("LUNXUN_ASCII").ok();
        let windows_terminal = std::env::var_os("WT_SESSION").is_some_and(|v| !v.is_empty());
        Glyphs::choose(
            flag,
            lunxun_ascii.as_deref(),
            windows_terminal,
            console_code_page(),
        )
    }

    /// Makes a drawn frame fit the glyph set: in ASCII, every one-cell non-ASCII symbol
    /// becomes its ASCII stand-in; in Unicode, nothing changes.
    pub fn apply(self, buf: &mut Buffer) {
        if self == Glyphs::Unicode {
            return;
        }
        for cell in &mut buf.content {
            let symbol = cell.symbol();
            if symbol.is_ascii() || symbol.width() != 1 {
                continue;
            }
            let first = symbol.chars().next().unwrap_or(' ');
            cell.set_char(ascii(first));
        }
    }
}

/// The ASCII stand-in for a one-cell character: `✓ ● ■`→`*` (done, held, chosen),
/// `✗`→`-`, `×`→`x`, `·`→`.`, `○ □`→`o`, arrows and pointers → `^ v < >`, dashes → `-`, quotes →
/// `" '`, box lines → `- | +`, bar blocks → `_` (below half) or `#`; anything else `?`.
pub fn ascii(c: char) -> char {
    match c {
        '✓' | '✔' | '√' | '●' | '■' | '◆' | '★' => '*',
        '✗' | '✘' => '-',
        '×' => 'x',
        '·' | '•' | '…' | '‧' => '.',
        '○' | '□' | '◇' | '☆' => 'o',
        '▶' | '►' | '▸' | '→' | '≥' => '>',
        '◀' | '◄' | '◂' | '←' | '↶' | '≤' => '<',
        '↑' | '▲' => '^',
        '↓' | '▼' => 'v',
        '—' | '–' | '‐' | '―' | '−' => '-',
        '“' | '”' | '″' => '"',
        '‘' | '’' | '′' => '\'',
        '\u{2500}'..='\u{257F}' => box_line(c),
        '\u{2580}'..='\u{259F}' => bar_block(c),
        _ => '?',
    }
}

/// A box-drawing character: horizontal lines `-`, vertical `|`, diagonals `/ \ X`,
/// corners, tees and crosses `+`.
fn box_line(c: char) -> char {
    match c {
        '─' | '━' | '┄' | '┅' | '┈' | '┉' | '╌' | '╍' | '═' | '╴' | '╶' | '╸' | '╺' | '╼' | '╾' => {
            '-'
        }
        '│' | '┃' | '┆' | '┇' | '┊' | '┋' | '╎' | '╏' | '║' | '╵' | '╷' | '╹' | '╻' | '╽' | '╿' => {
            '|'
        }
        '╱' => '/',
        '╲' => '\\',
        '╳' => 'X',
        _ => '+',
    }
}

/// A block element (bar charts): a low bar `_`, a thin upright one `|`, else `#`.
fn bar_block(c: char) -> char {
    match c {
        '▁' | '▂' | '▃' => '_',
        '▏' | '▎' | '▍' | '▕' => '|',
        '▔' => '-',
        _ => '#',
    }
}

/// The console's output code page; `None` without a console (output redirected, or
/// started without one).
#[cfg(windows)]
fn console_code_page() -> Option<u32> {
    // SAFETY: GetConsoleOutputCP takes no arguments and only reads the console's
    // state; it returns 0 when the process has no console.
    let code_page = unsafe { windows_sys::Win32::System::Console::GetConsoleOutputCP() };
    (code_page != 0).then_some(code_page)
}

/// Terminals elsewhere draw what the locale's fonts draw; `--ascii` is there when not.
#[cfg(not(windows))]
fn console_code_page() -> Option<u32> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;

    #[test]
    fn the_classic_console_on_code_page_936_gets_ascii() {
        assert_eq!(Glyphs::choose(None, None, false, Some(936)), Glyphs::Ascii);
        for cp in [932, 949, 950] {
            assert_eq!(Glyphs::choose(None, None, false, Some(cp)), Glyphs::Ascii);
        }
    }

    #[test]
    fn other_code_pages_windows_terminal_and_no_console_keep_unicode() {
        for cp in [Some(65001), Some(437), Some(1252), None] {
            assert_eq!(
                Glyphs::choose(None, None, false, cp),
                Glyphs::Unicode,
                "{cp:?}"
            );
        }
        // Windows Terminal draws box lines and marks one cell wide on any code page.
        assert_eq!(Glyphs::choose(None, None, true, Some(936)), Glyphs::Unicode);
    }

    #[test]
    fn the_flag_wins_then_lunxun_ascii_then_the_console() {
        assert_eq!(Glyphs::choose(Some(true), None, true, None), Glyphs::Ascii);
        assert_eq!(
            Glyphs::choose(Some(false), Some("1"), false, Some(936)),
            Glyphs::Unicode
        );
        assert_eq!(
            Glyphs::choose(Some(true), Some("0"), true, None),
            Glyphs::Ascii
        );
        assert_eq!(Glyphs::choose(None, Some("1"), true, None), Glyphs::Ascii);
        assert_eq!(
            Glyphs::choose(None, Some("0"), false, Some(936)),
            Glyphs::Unicode
        );
        // Empty or unknown values leave the choice to the console.
        assert_eq!(
            Glyphs::choose(None, Some(""), false, Some(936)),
            Glyphs::Ascii
        );
        assert_eq!(
            Glyphs::choose(None, Some("yes"), false, None),
            Glyphs::Unicode
        );
    }

    fn frame(text: &str) -> Buffer {
        let mut buf = Buffer::empty(Rect::new(0, 0, 24, 1));
        buf.set_string(0, 0, text, ratatui::style::Style::new());
        buf
    }

    fn row(buf: &Buffer) -> String {
        buf.content.iter().map(|c| c.symbol()).collect()
    }

    #[test]
    fn ascii_replaces_each_narrow_symbol_with_one_character_and_keeps_hanzi() {
        let mut buf = frame("┌─│✓张·●○▅█▂┘—≥é");
        let unicode = row(&buf);
        Glyphs::Unicode.apply(&mut buf);
        assert_eq!(row(&buf), unicode);
        Glyphs::Ascii.apply(&mut buf);
        // 张 keeps its two cells (the second is a blank that the terminal never draws).
        assert_eq!(row(&buf), format!("+-|*张 .*o##_+->?{}", " ".repeat(8)));
    }
}
