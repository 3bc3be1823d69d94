//! 签退 at the real desk in a pseudo-terminal: Ctrl-O on the selected person; early
//! leave opens the reason form, which refuses an empty reason; Ctrl-Z takes the sign-out
//! back; the command line's export shows what stood.
#![cfg(unix)]

mod common;

use std::path::Path;

use common::desk::{Desk, command};
use common::keys::Keys;
use common::{last_line, ok};
use lunxun::domain::EventKind;
use serde_json::Value;

const NOW: &str = "2015-03-16T10:50:00+08:00";

fn cli(dir: &Path, args: &[&str]) -> String {
    ok(&common::lunxun_at(dir, args, "C", NOW))
}

/// Cohort 2015-01 with 张伟 checked in at 08:25; returns his id.
fn setup(dir: &Path) -> String {
    cli(dir, &common::cohort_new("第1期", "2"));
    let mut add = common::person_add("张伟", "梅溪社区");
    add.extend(["--cohort", "2015-01"]);
    let id = last_line(&cli(dir, &add));
    let checkin = ["checkin", "--cohort", "2015-01", "--person", &id];
    ok(&common::lunxun_at(
        dir,
        &checkin,
        "C",
        "2015-03-16T08:25:00+08:00",
    ));
    id
}

/// The JSON export's mark of 张伟 in 1:am.
fn mark(dir: &Path) -> Value {
    let json: Value =
        serde_json::from_str(&cli(dir, &["export", "attendance", "--cohort", "2015-01"])).unwrap();
    json["attendees"][0]["attendance"][0].clone()
}

#[test]
fn ctrl_o_signs_out_asks_why_for_early_leave_and_ctrl_z_takes_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    setup(d);
    let mut desk = Desk::spawn(command(d, &[], "zh_CN.UTF-8", NOW));
    desk.wait_for("Ctrl-O 签退");
    desk.send("zw");
    desk.wait_for("梅溪社区");
    desk.ctrl('o');
    desk.wait_for("张伟 早退 40 分钟");
    desk.send("\r");
    desk.wait_for("需要说明原因");
    desk.send("看病\r");
    desk.wait_for("← 张伟 签退 10:50，早退 40 分钟（看病）");
    desk.ctrl('z');
    desk.wait_for("↶ 已撤销 张伟 的签退");
    desk.ctrl('q');
    assert_eq!(desk.exit_code(), 0);
    let after = mark(d);
    assert_eq!(after["signed_out"], Value::Null, "{after}");
    assert_eq!(after["status"], "present", "the check-in stands");
    let store = lunxun::store::Store::open(d).unwrap();
    let kinds: Vec<EventKind> = store
        .events("2015-01")
        .unwrap()
        .into_iter()
        .map(|e| e.kind)
        .collect();
    let reason = Some("看病".to_string());
    assert!(
        matches!(&kinds[..], [
        EventKind::CheckIn { .. },
        EventKind::SignOut { reason: r },
        EventKind::Undo { .. },
    ] if *r == reason),
        "{kinds:?}"
    );
}
