//! Names and units come from county files, which can hold a right-to-left override or
//! an escape sequence. Command output shows them as `\uXXXX` (inside JSON strings that
//! is the same character, so the data is unchanged), never raw.

mod common;

use std::path::Path;
use std::process::Output;

fn lunxun(dir: &Path, args: &[&str]) -> Output {
    common::lunxun_at(dir, args, "C", common::NOW)
}

fn raw_unsafe(out: &Output) -> bool {
    let text = String::from_utf8_lossy(&out.stdout) + String::from_utf8_lossy(&out.stderr);
    text.chars()
        .any(|c| lunxun::display::unsafe_char(c) && c != '\n' && c != '\t')
}

#[test]
fn bidi_overrides_from_a_roster_file_are_shown_escaped_and_kept_in_json() {
    let dir = common::demo_folder();
    let file = dir.path().join("rtl.csv");
    std::fs::write(&file, "姓名,单位\n\u{202e}李雅琴\u{202c},\u{2067}新开村\n").unwrap();
    let import = lunxun(
        dir.path(),
        &["import", file.to_str().unwrap(), "--cohort", "2015-02"],
    );
    assert!(import.status.success(), "{import:?}");
    for args in [
        &["roster", "--cohort", "2015-02"][..],
        &["search", "李雅琴"],
        &["roster", "--cohort", "2015-02", "--json"],
    ] {
        let out = lunxun(dir.path(), args);
        assert!(out.status.success(), "{args:?}");
        assert!(!raw_unsafe(&out), "{args:?} prints a raw bidi character");
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("\\u202e李雅琴"),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stdout)
        );
    }
    let json = lunxun(dir.path(), &["roster", "--cohort", "2015-02", "--json"]);
    let people: Vec<serde_json::Value> = serde_json::from_slice(&json.stdout).unwrap();
    assert!(
        people.iter().any(|p| p["name"] == "\u{202e}李雅琴\u{202c}"),
        "the name itself is unchanged"
    );
}

/// Every export and report that can go to standard output, in every text format: the
/// file name for `-o` and the command (split at spaces).
const TEXT_EXPORTS: &[(&str, &str)] = &[
    (
        "attendance.json",
        "export attendance --cohort 2015-02 --format json",
    ),
    (
        "attendance.csv",
        "export attendance --cohort 2015-02 --format csv",
    ),
    (
        "attendance.md",
        "export attendance --cohort 2015-02 --format md",
    ),
    (
        "roster.json",
        "export roster --cohort 2015-02 --format json",
    ),
    ("roster.csv", "export roster --cohort 2015-02 --format csv"),
    ("roster.md", "export roster --cohort 2015-02 --format md"),
    (
        "signin.md",
        "export signin-sheet --cohort 2015-02 --session 1:am --format md",
    ),
    (
        "coverage.md",
        "export coverage --cohort 2015-02 --format md",
    ),
    (
        "coverage.json",
        "export coverage --cohort 2015-02 --format json",
    ),
    ("coverage-all.md", "export coverage --all --format md"),
    ("coverage-all.json", "export coverage --all --format json"),
    (
        "cohort-report.md",
        "report cohort --cohort 2015-02 --format md",
    ),
    (
        "cohort-report.json",
        "report cohort --cohort 2015-02 --format json",
    ),
    ("year-report.md", "report year --year 2015 --format md"),
    ("year-report.json", "report year --year 2015 --format json"),
];

/// The same for the Excel workbooks.
const WORKBOOKS: &[(&str, &str)] = &[
    (
        "attendance.xlsx",
        "export attendance --cohort 2015-02 --format xlsx",
    ),
    (
        "roster.xlsx",
        "export roster --cohort 2015-02 --format xlsx",
    ),
    (
        "signin.xlsx",
        "export signin-sheet --cohort 2015-02 --session 1:am --format xlsx",
    ),
    (
        "cohort-report.xlsx",
        "report cohort --cohort 2015-02 --format xlsx",
    ),
    ("year-report.xlsx", "report year --year 2015 --format xlsx"),
];

fn words(command: &str) -> Vec<&str> {
    command.split(' ').collect()
}

/// The odd person's name and unit, as an old database or a damaged import might hold
/// them: an escape sequence, a right-to-left override and a tab.
const ODD_NAME: &str = "张\u{1b}[31m伟\u{202e}";
const ODD_UNIT: &str = "新墙镇\t清水村";

/// The demo, with the odd person enrolled in 2015-02 and checked in for 1:am, so every
/// export holds them.
fn cohort_with_an_odd_name() -> tempfile::TempDir {
    use lunxun::domain::{Person, PersonId};
    use lunxun::store::{Batch, Store};
    let dir = common::demo_folder();
    {
        let store = Store::open(dir.path()).unwrap();
        let mut batch = Batch::default();
        let mut odd = Person::named(PersonId("01ZZZZZZZZZZZZZZZZZZZZZZZZ".into()), ODD_NAME);
        odd.unit = ODD_UNIT.into();
        let at = common::fixtures::at(common::NOW);
        Store::stage_person(&mut batch, &odd);
        Store::stage_enrolment(&mut batch, "2015-02", &odd.id, at, false);
        store.commit(batch).unwrap();
    }
    let args = [
        "checkin",
        "--cohort",
        "2015-02",
        "--person",
        "01ZZZZZZZZZZZZZZZZZZZZZZZZ",
        "--session",
        "1:am",
    ];
    let checkin = lunxun(dir.path(), &args);
    assert!(checkin.status.success(), "{checkin:?}");
    dir
}

/// The bytes `-o FILE` writes for this export.
fn file_bytes(dir: &Path, name: &str, args: &[&str]) -> Vec<u8> {
    let file = dir.join("out").join(name);
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    let mut with_file = args.to_vec();
    with_file.extend(["-o", file.to_str().unwrap()]);
    let out = lunxun(dir, &with_file);
    assert!(out.status.success(), "{with_file:?}: {out:?}");
    std::fs::read(&file).unwrap()
}

/// Redirected to a file or a pipe, an export is data: byte for byte what `-o` writes,
/// in every format, the workbooks and the CSV's byte order mark and CR LF included, and
/// its odd characters unchanged.
#[test]
fn every_export_to_a_pipe_is_byte_for_byte_its_file() {
    let dir = cohort_with_an_odd_name();
    let d = dir.path();
    for (name, command) in TEXT_EXPORTS.iter().chain(WORKBOOKS) {
        let args = &words(command);
        let piped = lunxun(d, args);
        assert!(piped.status.success(), "{args:?}: {piped:?}");
        let file = file_bytes(d, name, args);
        assert!(
            piped.stdout == file,
            "{args:?}: stdout differs from the -o file: {}",
            first_difference(
                &String::from_utf8_lossy(&piped.stdout),
                &String::from_utf8_lossy(&file)
            )
        );
    }
    let csv = lunxun(d, &words(TEXT_EXPORTS[1].1)).stdout;
    let text = String::from_utf8(csv).unwrap();
    assert!(text.starts_with('\u{FEFF}'), "the BOM");
    assert!(
        text.contains("\r\n") && !text.contains("\\u000d"),
        "{text:?}"
    );
    assert!(
        text.contains(ODD_NAME) && text.contains(ODD_UNIT),
        "the data is unchanged"
    );
    let book = lunxun(d, &words(WORKBOOKS[0].1)).stdout;
    assert!(book.starts_with(b"PK\x03\x04"), "a workbook (zip)");
}

/// Where two long texts part, with a little of each from there.
fn first_difference(shown: &str, expected: &str) -> String {
    let at = shown
        .char_indices()
        .zip(expected.chars())
        .find(|((_, a), b)| a != b)
        .map_or(shown.len().min(expected.len()), |((i, _), _)| i);
    let from = |text: &str| {
        text.get(at..)
            .unwrap_or("")
            .chars()
            .take(80)
            .collect::<String>()
    };
    format!(
        "at byte {at}: shown {:?}, expected {:?}",
        from(shown),
        from(expected)
    )
}

#[cfg(unix)]
mod on_a_terminal {
    use std::io::Read;
    use std::path::Path;

    use portable_pty::{PtySize, native_pty_system};

    use super::{
        TEXT_EXPORTS, WORKBOOKS, cohort_with_an_odd_name, file_bytes, first_difference, words,
    };

    /// Runs lunxun in a pseudo-terminal (standard output and error both on it); returns
    /// every byte it showed and its exit code.
    fn in_terminal(dir: &Path, args: &[&str], lang: &str) -> (Vec<u8>, u32) {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 50,
                cols: 200,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let cmd = crate::common::desk::command(dir, args, lang, crate::common::NOW);
        let mut child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        // Drained by a thread so lunxun never blocks on a full pty; ends when it exits.
        let drain = std::thread::spawn(move || {
            let mut shown = Vec::new();
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                shown.extend_from_slice(&buf[..n]);
            }
            shown
        });
        let status = child.wait().unwrap();
        drop(pair.master);
        (drain.join().unwrap(), status.exit_code())
    }

    /// What the terminal shows after the fixed-clock warning line.
    fn after_warning(shown: &[u8]) -> String {
        let text = String::from_utf8(shown.to_vec()).unwrap();
        let (warning, rest) = text.split_once("\r\n").unwrap();
        assert!(super::common::is_clock_warning(warning), "{text:?}");
        rest.to_string()
    }

    /// On a terminal an export is shown with every control and bidi character but CR, LF
    /// and TAB escaped as `\uXXXX`: exactly the file, escaped so, with the terminal's own
    /// CR before each LF (the pty's ONLCR), so a CSV line ends in CR CR LF and never in
    /// a literal `\u000d`.
    #[test]
    fn every_export_on_a_terminal_is_its_file_with_only_dangerous_characters_escaped() {
        let dir = cohort_with_an_odd_name();
        let d = dir.path();
        for (name, command) in TEXT_EXPORTS {
            let args = &words(command);
            let (shown, code) = in_terminal(d, args, "C");
            assert_eq!(code, 0, "{args:?}: {}", String::from_utf8_lossy(&shown));
            let shown = after_warning(&shown);
            let file = String::from_utf8(file_bytes(d, name, args)).unwrap();
            let expected = lunxun::display::escape_data(&file).replace('\n', "\r\n");
            assert!(
                shown == expected,
                "{args:?}: {}",
                first_difference(&shown, &expected)
            );
            assert!(
                !shown
                    .chars()
                    .any(|c| lunxun::display::unsafe_char(c) && !matches!(c, '\r' | '\n' | '\t')),
                "{args:?} shows a raw control or bidi character"
            );
            assert!(!shown.contains("\\u000d"), "{args:?}");
        }
        let (csv, _) = in_terminal(d, &words(TEXT_EXPORTS[1].1), "C");
        let csv = after_warning(&csv);
        assert!(csv.starts_with('\u{FEFF}'), "{csv:?}");
        assert!(csv.contains("\r\r\n"), "CR passes: {csv:?}");
        assert!(csv.contains("张\\u001b[31m伟\\u202e"), "{csv:?}");
        assert!(csv.contains("新墙镇\t清水村"), "TAB passes: {csv:?}");
    }

    /// A workbook's bytes would garble the terminal: refused (exit 2) with a message in the
    /// user's language saying to use `-o` or a redirect; nothing of the workbook shown.
    #[test]
    fn a_workbook_on_a_terminal_is_refused_with_the_way_to_a_file() {
        let dir = cohort_with_an_odd_name();
        for (_, command) in WORKBOOKS {
            let args = &words(command);
            for (lang, needle) in [("C", "add -o FILE"), ("zh_CN.UTF-8", "请加 -o 文件名")] {
                let (shown, code) = in_terminal(dir.path(), args, lang);
                let text = String::from_utf8_lossy(&shown);
                let start: String = text.chars().take(200).collect();
                assert_eq!(code, 2, "{args:?}: {start:?}");
                assert!(text.contains(needle), "{args:?}: {start:?}");
                assert!(!shown.windows(4).any(|w| w == b"PK\x03\x04"), "{args:?}");
            }
        }
    }
}
