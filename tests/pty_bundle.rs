//! End-to-end: the real binary in a pseudo-terminal exports a bundle from one desk's
//! bundle screen, and a second desk on an empty data folder merges it from its welcome
//! screen (dry run, then `y`), opening on the merged cohort.
#![cfg(unix)]

mod common;

use std::path::Path;

use common::desk::{Desk, NOW};
use common::keys::Keys;
use ratatui::crossterm::event::KeyCode;

fn cli(dir: &Path, args: &[&str]) -> std::process::Output {
    common::lunxun_at(dir, args, "C", NOW)
}

/// The cohort's attendance as `export attendance` gives it (JSON), without the line
/// saying when it was made.
fn attendance(dir: &Path) -> serde_json::Value {
    let out = cli(dir, &["export", "attendance", "--cohort", "2015-02"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    json["attendees"].clone()
}

#[test]
fn a_bundle_exported_at_one_desk_starts_the_next_desk_from_its_welcome_screen() {
    let one = common::demo_folder();
    let two = tempfile::tempdir().unwrap();
    let usb = tempfile::tempdir().unwrap();
    let file = usb.path().join("desk1.lxb");

    let mut desk = Desk::open(one.path(), "zh_CN.UTF-8");
    desk.wait_for("已到 8/60");
    desk.send("lyt\r");
    desk.wait_for("已到 9/60");
    desk.press(KeyCode::F(6));
    desk.send("b");
    desk.wait_for("本次还没有导出或合并数据包");
    desk.send("e");
    desk.wait_for("再输一次口令");
    desk.press(KeyCode::Tab);
    desk.ctrl('u');
    desk.send(file.to_str().unwrap());
    desk.send("\r");
    desk.wait_for("已导出数据包");
    desk.ctrl('q');
    assert_eq!(desk.exit_code(), 0);
    assert!(file.exists());
    drop(desk); // one desk in a pseudo-terminal at a time

    let mut desk = Desk::open(two.path(), "zh_CN.UTF-8");
    desk.wait_for("还没有班次");
    desk.send("m");
    desk.wait_for("口令（加密时）");
    desk.send(file.to_str().unwrap());
    desk.send("\r");
    desk.wait_for("现在合并？");
    desk.wait_for("试合并（未写入）");
    desk.send("y");
    desk.wait_for("已合并 ");
    desk.wait_for("已到 9/60");
    desk.ctrl('q');
    assert_eq!(desk.exit_code(), 0);
    assert!(desk.terminal_restored());

    let (a, b) = (attendance(one.path()), attendance(two.path()));
    assert_eq!(a.as_array().map(Vec::len), Some(60));
    assert_eq!(a, b, "both folders give the same attendance");
}
