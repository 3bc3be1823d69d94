//! The venue workflow end to end, through the built binary as organisers run it: desk 1
//! prepares the cohort, desk 2 starts from desk 1's bundle (merged into an empty
//! folder), both check 60 people in offline (walk-ins at either desk and at both, one
//! person checked in at both desks), a USB stick carries bundles both ways, and both
//! folders end with byte-identical attendance exports and the same counts per desk;
//! merging again changes nothing; an undo at one desk of the other desk's check-in
//! applies in both once exchanged.

mod common;

use std::path::{Path, PathBuf};

use common::app::{open, press, screen};
use common::{last_line, lunxun_at, ok};
use lunxun::store::Store;
use lunxun::text::Lang;
use ratatui::crossterm::event::KeyCode;
use serde_json::Value;

const SESSION: &str = "1:am";
const ROSTER: usize = 56;

/// The clock at 08:mm:ss on the cohort's first morning (it starts at 08:30).
fn at(minute: usize, second: usize) -> String {
    format!("2015-03-16T08:{minute:02}:{second:02}+08:00")
}

/// One data folder: one laptop at the venue.
struct Folder {
    dir: tempfile::TempDir,
}

impl Folder {
    fn new() -> Folder {
        Folder {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn run_at(&self, now: &str, args: &[&str]) -> String {
        ok(&lunxun_at(self.path(), args, "C", now))
    }

    fn run(&self, args: &[&str]) -> String {
        self.run_at(&at(0, 0), args)
    }

    fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.run(args)).unwrap()
    }

    fn check_in(&self, now: &str, code: &str, person: &str, walk_in: bool) {
        let mut args = vec!["checkin", "--cohort", code, "--person", person];
        args.extend(["--session", SESSION]);
        if walk_in {
            args.push("--walk-in");
        }
        self.run_at(now, &args);
    }

    /// A walk-in typed into this folder's register (`person add`): its new id.
    fn add_walk_in(&self, name: &str, extra: &[&str]) -> String {
        let mut args = vec!["person", "add", "--name", name, "--unit", "城关镇"];
        args.extend(extra);
        last_line(&self.run(&args))
    }

    fn export_bundle(&self, file: &Path, scope: &[&str]) {
        let mut args = vec!["bundle", "export", "-o", file.to_str().unwrap()];
        args.extend(scope);
        self.run(&args);
    }

    fn merge(&self, file: &Path) -> Value {
        self.json(&["bundle", "merge", file.to_str().unwrap(), "--json"])
    }

    fn seq(&self) -> u64 {
        Store::open(self.path()).unwrap().commit_seq()
    }

    fn attendance(&self, code: &str, format: &str) -> String {
        self.run(&["export", "attendance", "--cohort", code, "--format", format])
    }

    fn sessions(&self, code: &str) -> Value {
        self.json(&["session", "list", "--cohort", code, "--json"])
    }
}

/// An 18-digit ID number with its check digit (GB 11643), the `n`th of a series.
fn id_number(n: usize) -> String {
    let body = format!("43062119800101{n:03}");
    let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = body
        .chars()
        .zip(weights)
        .map(|(c, w)| c.to_digit(10).unwrap() * w)
        .sum();
    let check = b"10X98765432"[(sum % 11) as usize] as char;
    format!("{body}{check}")
}

/// Desk 1's folder with a cohort of [`ROSTER`] people imported; its code and the ids in
/// roster order.
fn prepare(one: &Folder) -> (String, Vec<String>) {
    let new = common::cohort_new("2015年第1期", "2");
    let code = last_line(&one.run(&new));
    let mut csv = String::from("姓名,单位\n");
    for i in 0..ROSTER {
        csv.push_str(&format!("学员{i:02},{}号村\n", i + 1));
    }
    let file = one.path().join("花名册.csv");
    std::fs::write(&file, csv).unwrap();
    one.run(&["import", file.to_str().unwrap(), "--cohort", &code]);
    let roster = one.json(&["roster", "--cohort", &code, "--json"]);
    let ids = roster
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["person_id"].as_str().unwrap().to_string())
        .collect();
    (code, ids)
}

/// The per-desk counts of the session, by desk name.
fn by_desk(sessions: &Value) -> Vec<(String, u64)> {
    let line = sessions["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["session"] == SESSION)
        .unwrap();
    line["desks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let total = ["present", "late", "leave"].map(|k| d[k].as_u64().unwrap());
            (d["name"].as_str().unwrap().to_string(), total.iter().sum())
        })
        .collect()
}

fn attendees(folder: &Folder, code: &str) -> usize {
    let json: Value = serde_json::from_str(&folder.attendance(code, "json")).unwrap();
    json["attendees"].as_array().unwrap().len()
}

/// Both folders' attendance exports: CSV and Markdown byte for byte, JSON apart from
/// its generation time.
fn assert_same_exports(one: &Folder, two: &Folder, code: &str) {
    for format in ["csv", "md"] {
        let (a, b) = (one.attendance(code, format), two.attendance(code, format));
        assert!(a == b, "{format} exports differ:\n{a}\n---\n{b}");
    }
    let json = |f: &Folder| {
        let mut v: Value = serde_json::from_str(&f.attendance(code, "json")).unwrap();
        v.as_object_mut().unwrap().remove("generated_at");
        v
    };
    assert_eq!(json(one), json(two));
}

/// The counts per desk, as each desk's sessions screen (F4) shows the session in hand
/// and as `session list` prints them, in both folders alike.
fn assert_desk_counts_shown(one: &Folder, two: &Folder, code: &str) {
    for folder in [one, two] {
        let mut app = open(folder.path(), &at(35, 0), Lang::Zh);
        press(&mut app, KeyCode::F(4));
        let shown = screen(&app, 100, 30);
        assert!(
            shown.contains("本场各台登记：1号台 33 · 2号台 27"),
            "{shown}"
        );
        drop(app);
        let args = ["session", "list", "--cohort", code];
        let listed = ok(&lunxun_at(folder.path(), &args, "zh_CN.UTF-8", &at(35, 0)));
        let first = "1:am  03-16 08:30  到 60 · 迟 0 · 假 0 · 未到 0\n    1号台：到 33 · 迟 0 · 假 0\n    2号台：到 27";
        assert!(listed.contains(first), "{listed}");
    }
}

#[test]
fn two_desks_check_in_sixty_people_and_end_with_identical_exports() {
    let stick = tempfile::tempdir().unwrap();
    let file = |name: &str| -> PathBuf { stick.path().join(name) };
    let (one, two) = (Folder::new(), Folder::new());
    let (code, ids) = prepare(&one);
    one.run(&["desk", "name", "1号台"]);
    two.run(&["desk", "name", "2号台"]);

    // Desk 2 starts from desk 1's bundle, merged into its empty folder.
    one.export_bundle(&file("start.lxb"), &["--cohort", &code]);
    let start = two.merge(&file("start.lxb"));
    assert_eq!(start["written"], true, "{start}");
    assert_eq!(start["came_in"]["people"], ROSTER as u64);
    assert_eq!(two.attendance(&code, "csv"), one.attendance(&code, "csv"));

    // Offline: desk 1 takes the first 30, desk 2 the other 26 and, by mistake, the 30th
    // again, at 08:21 by its clock; desk 1 had them at 08:19:40. Desk 2's is written
    // first (its id is the smaller): the time decides, not the order of writing.
    let double = &ids[29];
    two.check_in(&at(21, 0), &code, double, false);
    for (i, id) in ids.iter().enumerate().take(30) {
        one.check_in(&at(10 + i / 3, 20 * (i % 3)), &code, id, false);
    }
    for (i, id) in ids.iter().enumerate().skip(30) {
        two.check_in(&at(10 + (i - 30) / 3, 20 * (i % 3) + 5), &code, id, false);
    }
    // Walk-ins: one at each desk, and two that came to both desks (typed twice: one by
    // ID number, one with only a phone), earlier by the clock at desk 1, written
    // first at desk 2.
    let w1 = one.add_walk_in("赵一", &["--id-number", &id_number(1)]);
    one.check_in(&at(25, 0), &code, &w1, true);
    let w2 = two.add_walk_in("钱二", &["--id-number", &id_number(2)]);
    two.check_in(&at(25, 0), &code, &w2, true);
    let w3_two = two.add_walk_in("孙三", &["--id-number", &id_number(3)]);
    let w3_one = one.add_walk_in("孙三", &["--id-number", &id_number(3)]);
    two.check_in(&at(27, 0), &code, &w3_two, true);
    one.check_in(&at(26, 0), &code, &w3_one, true);
    let w4_two = two.add_walk_in("李四", &["--phone", "13800000004"]);
    let w4_one = one.add_walk_in("李四", &["--phone", "13800000004"]);
    two.check_in(&at(29, 0), &code, &w4_two, true);
    one.check_in(&at(28, 0), &code, &w4_one, true);

    // End of the session: bundles both ways on the stick.
    one.export_bundle(&file("1号台.lxb"), &["--cohort", &code]);
    two.export_bundle(&file("2号台.lxb"), &["--cohort", &code]);
    let into_one = one.merge(&file("2号台.lxb"));
    let into_two = two.merge(&file("1号台.lxb"));
    for report in [&into_one, &into_two] {
        assert_eq!(report["written"], true, "{report}");
        let doubles = report["double_arrivals"].as_array().unwrap();
        // The 30th, and the two walk-ins checked in at both desks once joined.
        assert!(!doubles.is_empty(), "{report}");
        let theirs = doubles.iter().find(|d| d["person"] == double.as_str());
        let theirs = theirs.unwrap_or_else(|| panic!("{report}"));
        assert_eq!(theirs["standing_at"], "2015-03-16T08:19:40+08:00");
        let joined = report["joined"].as_array().unwrap();
        assert_eq!(
            joined.len(),
            2,
            "孙三 by ID number, 李四 by phone: {report}"
        );
    }
    assert_eq!(into_one["came_in"]["check_ins"], 26 + 1 + 3);
    assert_eq!(into_two["came_in"]["check_ins"], 30 + 3);

    assert_same_exports(&one, &two, &code);
    assert_eq!(
        attendees(&one, &code),
        60,
        "56 on the roster and 4 walk-ins"
    );
    // Desk 1: its 30 (the double stands at desk 1, earliest), 赵一, 孙三 and 李四 (first
    // at desk 1); desk 2: its 26 and 钱二.
    let expected = vec![("1号台".to_string(), 33), ("2号台".to_string(), 27)];
    let mut counts = by_desk(&one.sessions(&code));
    counts.sort();
    assert_eq!(counts, expected);
    assert_eq!(one.sessions(&code), two.sessions(&code));
    assert_desk_counts_shown(&one, &two, &code);

    // Merging again changes nothing, in either folder.
    let (seq_one, seq_two) = (one.seq(), two.seq());
    for (folder, name) in [(&one, "2号台.lxb"), (&two, "1号台.lxb")] {
        let again = folder.merge(&file(name));
        assert_eq!(again["written"], false, "{again}");
    }
    assert_eq!((one.seq(), two.seq()), (seq_one, seq_two));

    // Desk 2 undoes desk 1's check-in of the first person (it holds it since the
    // merge); once exchanged, the undo applies in both folders.
    two.run_at(
        &at(40, 0),
        &[
            "undo",
            "--cohort",
            &code,
            "--person",
            &ids[0],
            "--session",
            SESSION,
        ],
    );
    two.export_bundle(&file("2号台-2.lxb"), &["--cohort", &code]);
    let undo = one.merge(&file("2号台-2.lxb"));
    assert_eq!(undo["came_in"]["undos"], 1, "{undo}");
    assert_same_exports(&one, &two, &code);
    let after = by_desk(&one.sessions(&code));
    assert!(after.contains(&("1号台".to_string(), 32)), "{after:?}");
}
