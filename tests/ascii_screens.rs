//! The desk in ASCII (`--ascii`, or chosen by itself in the classic Windows console on
//! code page 936, which draws box lines, ✓ and · two cells wide): every screen and
//! overlay of the demo desk, in both languages, shows only ASCII and wide (CJK)
//! characters, laid out cell for cell as in Unicode. The Unicode snapshots are
//! tests/snapshots/tui__*.snap and tui_teaching__*.snap; the ASCII ones sit beside them
//! as ascii_screens__*.snap.

use lunxun::text::Lang;
use lunxun::tui::{App, Glyphs, ScreenId};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use unicode_width::UnicodeWidthStr;

mod common;
use common::app::{ctrl, draw, press, screen, type_text};

/// Day 2 of the demo cohort, 08:35: the morning session, within the grace period.
const NOW: &str = "2015-03-16T08:35:00+08:00";

/// Cells a double-width console would draw two cells wide while the desk gave them one:
/// one-cell symbols that are not ASCII, with their place.
fn narrow_non_ascii(buffer: &Buffer) -> Vec<(u16, u16, String)> {
    let area = buffer.area;
    let mut found = Vec::new();
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let symbol = buffer[(x, y)].symbol();
            if !symbol.is_ascii() && symbol.width() == 1 {
                found.push((x, y, symbol.to_string()));
            }
        }
    }
    found
}

/// Draws `app` in Unicode and in ASCII at two sizes and checks the ASCII frame: no
/// narrow non-ASCII cell, and every other cell exactly as in Unicode (same layout, same
/// text); returns how many narrow non-ASCII cells Unicode drew.
fn check(app: &mut App, what: &str) -> usize {
    let mut in_unicode = 0;
    for (width, height) in [(120, 40), (80, 24)] {
        app.glyphs = Glyphs::Unicode;
        let unicode = draw(app, width, height).backend().buffer().clone();
        app.glyphs = Glyphs::Ascii;
        let ascii = draw(app, width, height).backend().buffer().clone();
        let shown = common::screen_text(&ascii);
        let left = narrow_non_ascii(&ascii);
        assert!(
            left.is_empty(),
            "{what} at {width}×{height}: {left:?}\n{shown}"
        );
        let replaced = narrow_non_ascii(&unicode);
        in_unicode += replaced.len();
        for (i, (u, a)) in unicode.content.iter().zip(&ascii.content).enumerate() {
            let place = unicode.pos_of(i);
            if replaced.iter().any(|(x, y, _)| (*x, *y) == place) {
                assert!(a.symbol().is_ascii(), "{what}: {place:?}");
            } else {
                assert_eq!(u.symbol(), a.symbol(), "{what} at {place:?}:\n{shown}");
            }
        }
    }
    in_unicode
}

/// Every screen and its help, the search, the forms and the dashboard's list, in both
/// languages.
#[test]
fn every_screen_in_ascii_draws_only_ascii_and_wide_characters_in_the_unicode_layout() {
    for lang in [Lang::Zh, Lang::En] {
        let dir = tempfile::tempdir().unwrap();
        let mut app = common::app::demo(dir.path(), NOW, lang);
        type_text(&mut app, "lyt");
        press(&mut app, KeyCode::Enter); // a ✓ notice
        let mut replaced = 0;
        for (key, id) in (2..=10).zip(ScreenId::ALL) {
            press(&mut app, KeyCode::F(key));
            assert_eq!(app.screen, id);
            replaced += check(&mut app, &format!("{id:?}"));
            press(&mut app, KeyCode::F(1));
            replaced += check(&mut app, &format!("{id:?}: help"));
            press(&mut app, KeyCode::Esc);
        }
        press(&mut app, KeyCode::F(2));
        type_text(&mut app, "zw");
        replaced += check(&mut app, "check-in: search");
        ctrl(&mut app, 'a');
        replaced += check(&mut app, "check-in: walk-in form");
        press(&mut app, KeyCode::Esc);
        press(&mut app, KeyCode::F(6));
        press(&mut app, KeyCode::Enter);
        replaced += check(&mut app, "dashboard: untrained");
        press(&mut app, KeyCode::Esc);
        press(&mut app, KeyCode::F(9));
        press(&mut app, KeyCode::Char('n'));
        replaced += check(&mut app, "bases: new (toggles)");
        // The check has something to catch: Unicode draws hundreds of such cells.
        assert!(replaced > 500, "{lang:?}: only {replaced} replaced");
    }
}

/// The check-in screen, the sessions grid, the dashboard, the bases (✓ ✗) and the
/// coverage matrix (● ○ ·) in ASCII, beside their Unicode snapshots.
#[test]
fn ascii_snapshots() {
    for lang in [Lang::Zh, Lang::En] {
        let suffix = if lang == Lang::Zh { "zh" } else { "en" };
        let dir = tempfile::tempdir().unwrap();
        let mut app = common::app::demo(dir.path(), NOW, lang);
        app.glyphs = Glyphs::Ascii;
        type_text(&mut app, "lyt");
        press(&mut app, KeyCode::Enter);
        type_text(&mut app, "zw");
        insta::assert_snapshot!(format!("checkin_80_{suffix}"), screen(&app, 80, 24));
        for (key, name) in [
            (4, "sessions"),
            (6, "dashboard"),
            (8, "coverage"),
            (9, "bases"),
        ] {
            press(&mut app, KeyCode::F(key));
            insta::assert_snapshot!(format!("{name}_80_{suffix}"), screen(&app, 80, 24));
        }
    }
}

/// The real binary in a pseudo-terminal: `--ascii`, `LUNXUN_ASCII=1` and neither.
#[cfg(unix)]
mod in_a_terminal {
    use super::common;
    use common::desk::{Desk, NOW, command};
    use common::keys::Keys;

    fn desk_shows(args: &[&str], ascii_env: Option<&str>) -> String {
        let dir = common::demo_folder();
        let mut cmd = command(dir.path(), args, "zh_CN.UTF-8", NOW);
        if let Some(value) = ascii_env {
            cmd.env("LUNXUN_ASCII", value);
        }
        let mut desk = Desk::spawn(cmd);
        desk.wait_for("已到 8/60");
        let shown = desk.contents();
        desk.ctrl('q');
        assert_eq!(desk.exit_code(), 0);
        shown
    }

    #[test]
    fn ascii_flag_and_variable_reach_the_desk_and_unicode_wins_over_the_variable() {
        let plain = desk_shows(&[], None);
        assert!(
            plain.contains("┌ 姓名") && plain.contains("第 2 天 / 共 4 天 · "),
            "{plain}"
        );
        for (args, env) in [(&["--ascii"][..], None), (&[][..], Some("1"))] {
            let shown = desk_shows(args, env);
            assert!(shown.contains("+ 姓名"), "{args:?} {env:?}:\n{shown}");
            assert!(shown.contains("第 2 天 / 共 4 天 . "), "{shown}");
            assert!(!shown.contains('┌') && !shown.contains('·'), "{shown}");
        }
        let unicode = desk_shows(&["--unicode"], Some("1"));
        assert!(unicode.contains("┌ 姓名"), "{unicode}");
    }

    #[test]
    fn ascii_and_unicode_together_are_refused() {
        let dir = common::demo_folder();
        let out = common::lunxun_at(dir.path(), &["--ascii", "--unicode"], "C", NOW);
        assert_eq!(out.status.code(), Some(2), "{out:?}");
        let listed = common::lunxun_at(dir.path(), &["cohort", "list", "--ascii"], "C", NOW);
        assert!(listed.status.success(), "a global flag: {listed:?}");
    }
}
