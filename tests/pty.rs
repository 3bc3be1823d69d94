//! End-to-end: the real binary in a pseudo-terminal (tests/common/desk.rs), its screen
//! read through a vt100 parser.
#![cfg(unix)]

mod common;

use std::path::Path;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use common::desk::{Desk, NOW};
use common::keys::Keys;
use portable_pty::CommandBuilder;
use ratatui::crossterm::event::KeyCode;

/// Attendance events in the newest automatic backup of the data folder.
fn events_in_newest_backup(dir: &Path) -> usize {
    let newest = std::fs::read_dir(lunxun::io::backup::folder(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .max()
        .expect("an automatic backup");
    lunxun::io::backup::read(&newest).unwrap().counts()["events"]
}

/// The attendance events the demo made itself (yesterday's sessions, today's first
/// arrivals), counted in a backup taken before the desk starts.
fn demo_events(dir: &Path) -> usize {
    assert!(cli(dir, &["backup"]).status.success());
    events_in_newest_backup(dir)
}

fn cli(dir: &Path, args: &[&str]) -> std::process::Output {
    common::lunxun_at(dir, args, "C", NOW)
}

#[test]
fn type_initials_press_enter_and_find_the_check_in_in_the_export() {
    let dir = common::demo_folder();
    let before = demo_events(dir.path());
    let mut desk = Desk::open(dir.path(), "zh_CN.UTF-8");
    // Today is day 2 of the demo's 2015-02: eight arrived before 08:35.
    desk.wait_for("已到 8/60");
    desk.wait_for("【时钟固定 03-16 08:35】"); // LUNXUN_NOW is never silent
    desk.send("lyt");
    desk.wait_for("荣家湾镇新开村");
    desk.send("\r");
    desk.wait_for("✓ 李雅婷 · 荣家湾镇新开村 · 08:35 已签到");
    desk.wait_for("已到 9/60");
    desk.ctrl('q');
    assert_eq!(desk.exit_code(), 0);
    assert!(desk.terminal_restored());
    assert_eq!(
        events_in_newest_backup(dir.path()),
        before + 1,
        "the backup on exit"
    );
    let export = cli(dir.path(), &["export", "attendance", "--cohort", "2015-02"]);
    let json: serde_json::Value = serde_json::from_slice(&export.stdout).unwrap();
    let li = json["attendees"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["name"] == "李雅婷")
        .unwrap();
    let marks = li["attendance"].as_array().unwrap();
    let today = marks.iter().find(|m| m["day"] == 2 && m["slot"] == "am");
    assert_eq!(today.unwrap()["status"], "present");
}

#[test]
fn a_second_lunxun_is_told_the_database_is_open_while_the_desk_runs() {
    let dir = common::demo_folder();
    let mut desk = Desk::open(dir.path(), "C");
    desk.wait_for("in 8/60");
    let second = cli(dir.path(), &["cohort", "list"]);
    assert!(!second.status.success());
    let err = String::from_utf8_lossy(&second.stderr);
    assert!(err.contains("already open in another lunxun"), "{err}");
    desk.send("lyt\r");
    desk.wait_for("✓ 李雅婷");
    desk.ctrl('c');
    assert_eq!(desk.exit_code(), 0);
}

/// Checks someone in, sends `signal` to the desk, and checks the exit code, the
/// terminal and that the check-in is kept. Returns the data folder.
fn signal_after_a_check_in(signal: i32, code: u32) -> (tempfile::TempDir, usize) {
    let dir = common::demo_folder();
    let before = demo_events(dir.path());
    let mut desk = Desk::open(dir.path(), "C");
    desk.wait_for("in 8/60");
    desk.send("lyt\r");
    desk.wait_for("✓ 李雅婷");
    let pid = desk.child.process_id().unwrap() as i32;
    // SAFETY: sending a signal to our own child process.
    assert_eq!(unsafe { libc::kill(pid, signal) }, 0);
    assert_eq!(desk.exit_code(), code);
    assert!(desk.terminal_restored());
    let export = cli(dir.path(), &["export", "attendance", "--cohort", "2015-02"]);
    let json: serde_json::Value = serde_json::from_slice(&export.stdout).unwrap();
    let attendees = json["attendees"].as_array().unwrap();
    let li = attendees.iter().find(|a| a["name"] == "李雅婷").unwrap();
    let today = li["attendance"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["day"] == 2 && m["slot"] == "am");
    assert_eq!(today.unwrap()["status"], "present");
    (dir, before)
}

#[test]
fn sigterm_restores_the_terminal_and_exits_143_with_the_check_in_kept() {
    let (dir, before) = signal_after_a_check_in(libc::SIGTERM, 143);
    assert_eq!(
        events_in_newest_backup(dir.path()),
        before,
        "the backup at start"
    );
}

#[test]
fn sighup_restores_the_terminal_and_exits_129_with_the_check_in_kept() {
    signal_after_a_check_in(libc::SIGHUP, 129);
}

/// A debug build panics on the first key when `LUNXUN_TEST_PANIC=1`. A shell runs the
/// desk, then prints its exit code and reads a line: had the terminal been left raw,
/// the typed line would be neither echoed nor ended by Enter.
#[test]
fn a_panic_restores_the_terminal_then_prints_the_message_and_exits_non_zero() {
    let dir = common::demo_folder();
    let mut cmd = CommandBuilder::new("/bin/sh");
    cmd.arg("-c");
    cmd.arg(r#""$0" --db "$1"; echo "exit=$?"; read line; echo "read=[$line]""#);
    cmd.arg(common::BIN);
    cmd.arg(dir.path());
    cmd.env("LC_ALL", "C");
    cmd.env("LUNXUN_TEST_PANIC", "1");
    cmd.env("RUST_BACKTRACE", "0");
    cmd.env("RUST_LIB_BACKTRACE", "0");
    let mut desk = Desk::spawn(cmd);
    desk.wait_for("in 8/60");
    assert!(
        desk.alternate_screen(),
        "the desk runs on the alternate screen"
    );
    desk.send("l");
    desk.wait_for("exit=101");
    assert!(desk.terminal_restored(), "{}", desk.contents());
    let screen = desk.contents();
    let message = screen
        .find("LUNXUN_TEST_PANIC: the desk panicked on purpose")
        .unwrap_or_else(|| panic!("no panic message on the normal screen:\n{screen}"));
    assert!(message < screen.find("exit=101").unwrap());
    desk.send("typed\r");
    desk.wait_for("read=[typed]");
    assert!(
        desk.contents().lines().any(|l| l.trim_end() == "typed"),
        "the terminal echoes again:\n{}",
        desk.contents()
    );
    assert_eq!(desk.exit_code(), 0);
}

#[test]
fn a_first_run_offers_the_demo_in_one_key() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = Desk::open(dir.path(), "C");
    desk.wait_for("load the demo");
    desk.send("d");
    desk.wait_for("demo loaded: 2000 people, cohort 2015-02");
    desk.wait_for("day 2 of 4");
    desk.ctrl('q');
    assert_eq!(desk.exit_code(), 0);
}

/// Closing the terminal (a window closed, an SSH link dropped) hangs up the pty: the desk
/// must exit (SIGHUP → 129) instead of spinning on a dead terminal and holding the lock.
#[test]
fn a_hung_up_terminal_ends_the_desk_and_frees_the_folder() {
    let dir = common::demo_folder();
    let mut desk = Desk::open(dir.path(), "C");
    desk.wait_for("in 8/60");
    // Let the reader thread close its copy of the pty (it wakes on the redraw), then
    // close ours: the last master descriptor gone, the kernel hangs up the terminal.
    desk.stop.store(true, Ordering::SeqCst);
    desk.send("z");
    std::thread::sleep(Duration::from_millis(300));
    let Desk {
        mut child,
        writer,
        _master,
        ..
    } = desk;
    drop(writer);
    drop(_master);
    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(
            Instant::now() < deadline,
            "lunxun kept running after the terminal hung up"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    // 129 when SIGHUP is seen first, 1 when drawing on the dead terminal fails first.
    assert!(
        matches!(status.exit_code(), 1 | 129),
        "exit code {}",
        status.exit_code()
    );
    assert!(
        cli(dir.path(), &["cohort", "list"]).status.success(),
        "the folder is free again"
    );
}

#[test]
fn an_activity_logged_in_the_desk_shows_in_export_coverage() {
    let dir = common::demo_folder();
    let base = [
        "base",
        "add",
        "--name",
        "张谷英村",
        "--kind",
        "village",
        "--county",
        "岳阳县",
        "--haves",
        "all",
        "--accredited",
        "2015-01-10",
        "--level",
        "city",
    ];
    assert!(cli(dir.path(), &base).status.success());
    let mut desk = Desk::open(dir.path(), "zh_CN.UTF-8");
    desk.wait_for("已到 8/60");
    desk.press(KeyCode::F(7));
    desk.wait_for("优秀村党组织书记谈工作方法"); // the demo's #4, today's morning
    desk.send("n");
    desk.wait_for("记录教学活动");
    // Method: three to the right (现场观摩); title; modules 5; hours 2; the base added
    // after the demo's two.
    desk.send("\x1b[C\x1b[C\x1b[C\t参观张谷英村\t\t\t5\t2\t\x1b[C\x1b[C\x1b[C\r");
    desk.wait_for("✓ 已记录 #7 参观张谷英村");
    desk.ctrl('q');
    assert_eq!(desk.exit_code(), 0);
    let out = cli(
        dir.path(),
        &[
            "export", "coverage", "--cohort", "2015-02", "--format", "json",
        ],
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let m5 = json["modules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["number"] == 5)
        .unwrap();
    assert_eq!(m5["covered"], true, "{m5}");
    assert_eq!(
        m5["sessions"],
        serde_json::json!(["2:am"]),
        "the module the demo left out"
    );
}

/// A workbook that makes calamine ask for hundreds of gigabytes (a cell in XFD1048576)
/// aborts whatever process reads it: the desk reads workbooks in a child process, so it
/// shows the refusal and carries on.
#[test]
fn a_workbook_that_would_exhaust_memory_is_refused_and_the_desk_carries_on() {
    let dir = common::demo_folder();
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/far-corners.xlsx");
    let mut desk = Desk::open(dir.path(), "zh_CN.UTF-8");
    desk.wait_for("已到 8/60");
    desk.press(KeyCode::F(10));
    desk.send(&format!("{}\r", file.display()));
    desk.wait_for("无法读取工作簿");
    desk.press(KeyCode::F(2)); // back to the check-in desk, which still works
    desk.send("lyt");
    desk.wait_for("荣家湾镇新开村");
    desk.send("\r");
    desk.wait_for("已到 9/60");
    desk.ctrl('q');
    assert_eq!(desk.exit_code(), 0);
    assert!(desk.terminal_restored());
}
