//! The desk's person edit form (lookup screen, Ctrl-E), end to end: the real binary in a
//! pseudo-terminal, then the command line reads what it wrote.
#![cfg(unix)]

mod common;

use std::path::Path;

use common::desk::{Desk, NOW};
use common::keys::Keys;
use ratatui::crossterm::event::KeyCode;
use serde_json::Value;

fn cli(dir: &Path, args: &[&str]) -> String {
    common::ok(&common::lunxun_at(dir, args, "C", NOW))
}

/// 李雅婷's record as `person list --json` shows it.
fn li(dir: &Path) -> Value {
    let out = cli(dir, &["person", "list", "--text", "李雅婷", "--json"]);
    let people: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(people.as_array().unwrap().len(), 1, "{out}");
    people[0].clone()
}

#[test]
fn the_lookup_edits_a_person_and_the_desk_shows_what_changed() {
    let dir = common::demo_folder();
    let before = li(dir.path());
    let id = before["person_id"].as_str().unwrap().to_string();
    let mut desk = Desk::open(dir.path(), "zh_CN.UTF-8");
    desk.wait_for("已到 8/60");
    desk.press(KeyCode::F(3));
    desk.send("lyt");
    desk.wait_for("荣家湾镇新开村");
    desk.ctrl('e');
    desk.wait_for("修改人员信息 · 李雅婷");
    desk.wait_for("还没有修改记录");
    // Enter with nothing changed: refused inside the form, nothing written.
    desk.press(KeyCode::Enter);
    desk.wait_for("李雅婷 的信息已是所填的值，没有修改。");
    // Name → gender → unit: the unit box, cleared and typed anew.
    desk.press(KeyCode::Tab);
    desk.press(KeyCode::Tab);
    desk.ctrl('u');
    desk.send("新开村委会");
    desk.press(KeyCode::Enter);
    desk.wait_for("已保存 李雅婷：单位：荣家湾镇新开村 → 新开村委会");
    // The lookup's list and details show the new unit (the notice is one more place).
    let shown = desk.contents().matches("新开村委会").count();
    assert!(shown >= 3, "{}", desk.contents());
    desk.ctrl('e');
    desk.wait_for("修改单位：荣家湾镇新开村 → 新开村委会");
    desk.press(KeyCode::Esc);
    // The lookup's footer again: the form is closed (an Esc followed at once by Ctrl-Q
    // would reach the desk as Alt-Ctrl-Q).
    desk.wait_for("名单/花名册");
    desk.ctrl('q');
    assert_eq!(desk.exit_code(), 0);
    assert_eq!(li(dir.path())["unit"], "新开村委会");
    let history: Value =
        serde_json::from_str(&cli(dir.path(), &["person", "history", &id, "--json"])).unwrap();
    let changes = history.as_array().unwrap();
    assert_eq!(changes.len(), 1, "one change, the refused save wrote none");
    assert_eq!(changes[0]["field"], "unit");
    assert_eq!(changes[0]["old"], "荣家湾镇新开村");
    assert_eq!(changes[0]["new"], "新开村委会");
}

#[test]
fn a_bad_phone_stays_in_the_form_and_a_good_one_is_shown_masked() {
    let dir = common::demo_folder();
    let id = li(dir.path())["person_id"].as_str().unwrap().to_string();
    let mut desk = Desk::open(dir.path(), "zh_CN.UTF-8");
    desk.wait_for("已到 8/60");
    desk.press(KeyCode::F(3));
    desk.send("lyt");
    desk.wait_for("荣家湾镇新开村");
    desk.ctrl('e');
    desk.wait_for("修改人员信息 · 李雅婷");
    // Up from the name wraps to notes; once more is the ID number, then the phone.
    desk.press(KeyCode::Up);
    desk.press(KeyCode::Up);
    desk.press(KeyCode::Up);
    desk.send("12ab");
    desk.press(KeyCode::Enter);
    desk.wait_for("电话号码格式不正确");
    desk.ctrl('u');
    desk.send("13900001111");
    desk.press(KeyCode::Enter);
    desk.wait_for("已保存 李雅婷：电话：");
    desk.wait_for("→ 139****1111");
    assert!(
        !desk.contents().contains("13900001111"),
        "the saved phone is shown masked:\n{}",
        desk.contents()
    );
    desk.ctrl('q');
    assert_eq!(desk.exit_code(), 0);
    assert_eq!(li(dir.path())["phone"], "139****1111");
    let history = cli(dir.path(), &["person", "history", &id]);
    assert!(history.contains("→ 139****1111"), "{history}");
}

/// Ctrl-E is not in the lookup's footer: the help overlay (`?`) lists it.
#[test]
fn the_lookups_help_lists_the_edit_key() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = common::app::demo(dir.path(), NOW, lunxun::text::Lang::Zh);
    app.press(KeyCode::F(3));
    app.type_text("?");
    assert_eq!(app.overlay, Some(lunxun::tui::Overlay::Help));
    let screen = common::app::screen(&app, 100, 40);
    assert!(
        screen
            .lines()
            .any(|line| line.contains("Ctrl-E") && line.contains("修改信息")),
        "{screen}"
    );
}
