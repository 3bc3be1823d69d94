//! Personal data: a known ID number and phone, entered through `lunxun person add` and
//! `lunxun import`, never appear in full in anything lunxun prints, writes or draws,
//! except in exports asked for with `--include-sensitive` and in backups (the user's own
//! full copy, needed to restore; private files in a private folder). Error messages
//! about a bad ID number never echo it. Every folder lunxun makes is 0700, every file
//! 0600, and a data folder made looser by someone else is tightened at start.
#![cfg(unix)]

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Output;

use common::text_of;
use lunxun::domain::person::id_number_check;
use lunxun::store::Store;

mod common;
#[path = "privacy/desk.rs"]
mod desk;

const NOW: &str = "2015-03-16T08:35:00+08:00";

/// A person entered with a full phone and ID number.
pub struct Secret {
    name: &'static str,
    phone: &'static str,
    id: String,
}

impl Secret {
    /// How the lookup shows the phone: `177****0001`.
    fn masked_phone(&self) -> String {
        format!("{}****{}", &self.phone[..3], &self.phone[7..])
    }

    /// How the lookup shows the ID number: region, eight stars, last four.
    fn masked_id(&self) -> String {
        format!("{}********{}", &self.id[..6], &self.id[14..])
    }
}

/// Entered with `person add` and enrolled; with `import` and enrolled; with `person add`
/// into the register only.
fn people() -> [Secret; 3] {
    [
        ("秘甲", "17712340001", "43060219800101777"),
        ("秘乙", "17712340002", "43068119750615888"),
        ("秘丙", "17712340003", "43062119690303999"),
    ]
    .map(|(name, phone, id)| Secret {
        name,
        phone,
        id: valid_id(id),
    })
}

/// A valid GB 11643 ID number: 17 digits and their check character.
fn valid_id(body: &str) -> String {
    let check = id_number_check(body).expect("17 digits");
    format!("{body}{check}")
}

/// Every full number entered.
fn secrets() -> Vec<String> {
    people()
        .into_iter()
        .flat_map(|p| [p.id, p.phone.to_string()])
        .collect()
}

fn lunxun(dir: &Path, args: &[&str]) -> Output {
    common::lunxun_at(dir, args, "C", NOW)
}

/// Fails if any secret is in `text`; `what` says where it was found.
fn assert_masked(what: &str, text: &str) {
    for secret in secrets() {
        assert!(
            !text.contains(&secret),
            "{what} shows {secret} in full:\n{text}"
        );
    }
}

/// Every cell of every sheet of a workbook, as text.
fn workbook_text(path: &Path) -> String {
    use calamine::Reader;
    let mut book = calamine::open_workbook_auto(path).unwrap();
    let mut text = String::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).unwrap();
        for cell in range.used_cells() {
            text.push_str(&cell.2.to_string());
            text.push('\n');
        }
    }
    text
}

fn file_text(path: &Path) -> String {
    match path.extension().and_then(|e| e.to_str()) {
        Some("xlsx") => workbook_text(path),
        _ => String::from_utf8_lossy(&std::fs::read(path).unwrap()).into_owned(),
    }
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// Every folder under `dir` (and `dir`) is 0700 and every file 0600.
fn assert_private_tree(dir: &Path) {
    assert_eq!(mode(dir), 0o700, "{}", dir.display());
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            assert_private_tree(&path);
        } else {
            assert_eq!(mode(&path), 0o600, "{}", path.display());
        }
    }
}

/// `person add` with a full phone and ID number, enrolled in 2015-02 or not.
fn add_person(dir: &Path, p: &Secret, enrol: bool) {
    let mut args = vec![
        "person",
        "add",
        "--name",
        p.name,
        "--unit",
        "荣家湾镇新开村",
        "--county",
        "岳阳县",
        "--township",
        "荣家湾镇",
        "--position",
        "村党组织书记",
        "--field",
        "village",
        "--phone",
        p.phone,
        "--id-number",
        &p.id,
    ];
    if enrol {
        args.extend(["--cohort", "2015-02"]);
    }
    let add = lunxun(dir, &args);
    assert!(add.status.success(), "{}", text_of(&add));
    assert_masked("person add", &text_of(&add));
}

/// The demo, plus one person added and one imported, both enrolled and checked in, and
/// one added to the register only. Returns the imported roster file.
fn seeded(dir: &Path, outside: &Path) -> PathBuf {
    assert!(lunxun(dir, &["demo"]).status.success());
    let [added, imported, register_only] = people();
    add_person(dir, &added, true);
    add_person(dir, &register_only, false);
    let roster = outside.join("to-import.csv");
    std::fs::write(
        &roster,
        format!(
            "姓名,单位,县市区,职务,手机,身份证号\n{},梅溪社区,岳阳县,社区党组织书记,{},{}\n",
            imported.name, imported.phone, imported.id
        ),
    )
    .unwrap();
    let path = roster.to_str().unwrap();
    for args in [
        &["import", path, "--cohort", "2015-02", "--dry-run"][..],
        &["import", path, "--cohort", "2015-02"],
    ] {
        let out = lunxun(dir, args);
        assert!(out.status.success(), "{}", text_of(&out));
        assert_masked("import", &text_of(&out));
    }
    let store = Store::open(dir).unwrap();
    let ids: Vec<String> = store
        .roster("2015-02")
        .unwrap()
        .into_iter()
        .filter(|p| p.name.starts_with('秘'))
        .map(|p| p.id.to_string())
        .collect();
    drop(store);
    assert_eq!(ids.len(), 2);
    for id in &ids {
        let out = lunxun(dir, &["checkin", "--cohort", "2015-02", "--person", id]);
        assert!(out.status.success(), "{}", text_of(&out));
    }
    roster
}

/// A roster whose row has a wrong ID check character and a phone too long: the preview
/// lists the errors without the numbers. Returns the file and the two bad numbers.
fn bad_roster(outside: &Path) -> (PathBuf, [String; 2]) {
    let good = &people()[0].id;
    let last = good.chars().last().unwrap();
    let wrong = format!("{}{}", &good[..17], if last == '0' { '1' } else { '0' });
    let phone = "1771234000499".to_string();
    let path = outside.join("bad.csv");
    std::fs::write(
        &path,
        format!("姓名,单位,县市区,手机,身份证号\n秘丁,梅溪社区,岳阳县,{phone},{wrong}\n"),
    )
    .unwrap();
    (path, [wrong, phone])
}

#[test]
fn full_numbers_appear_only_in_sensitive_exports_and_backups() {
    let base = tempfile::tempdir().unwrap();
    let dir = base.path().join("data");
    let outside = base.path().join("out");
    std::fs::create_dir(&outside).unwrap();
    let roster = seeded(&dir, &outside);

    let mut printed: Vec<Vec<&str>> = vec![
        vec!["roster", "--cohort", "2015-02"],
        vec!["roster", "--cohort", "2015-02", "--json"],
        vec!["search", "秘"],
        vec!["search", "--json", "--cohort", "2015-02", "mi"],
        vec!["cohort", "list", "--json"],
        vec!["person", "list", "--text", "秘"],
        vec!["person", "list", "--json"],
        vec!["person", "show", "秘甲"],
        vec!["person", "show", "秘甲", "--json"],
        vec!["report", "hours", "--format", "md"],
        vec!["report", "hours", "--format", "json"],
        vec![
            "export",
            "signin-sheet",
            "--cohort",
            "2015-02",
            "--session",
            "2:am",
        ],
        vec![
            "export", "coverage", "--cohort", "2015-02", "--format", "md",
        ],
    ];
    for kind in ["attendance", "roster"] {
        for format in ["json", "csv", "md"] {
            printed.push(vec![
                "export", kind, "--cohort", "2015-02", "--format", format,
            ]);
        }
    }
    for report in [vec!["cohort", "--cohort", "2015-02"], vec!["year"]] {
        for format in ["md", "json"] {
            let mut args = vec!["report"];
            args.extend(&report);
            args.extend(["--format", format]);
            printed.push(args);
        }
    }
    for args in &printed {
        let out = lunxun(&dir, args);
        assert!(out.status.success(), "{args:?}: {}", text_of(&out));
        assert_masked(&format!("lunxun {}", args.join(" ")), &text_of(&out));
    }

    // The same to files, and again with --include-sensitive: wherever the masked file
    // shows a masked number, the sensitive one must show it in full (so the checks
    // above would have seen a leak).
    let mut pairs: Vec<[PathBuf; 2]> = Vec::new();
    let mut to_file = |args: Vec<&str>, name: &str| {
        let mut pair = Vec::new();
        for full in [false, true] {
            let path = outside.join(format!("{}{name}", if full { "full-" } else { "" }));
            let mut args = args.clone();
            args.extend(["-o", path.to_str().unwrap()]);
            if full {
                args.push("--include-sensitive");
            }
            let out = lunxun(&dir, &args);
            assert!(out.status.success(), "{args:?}: {}", text_of(&out));
            assert_masked(&format!("lunxun {}", args.join(" ")), &text_of(&out));
            assert_eq!(mode(&path), 0o600, "{}", path.display());
            pair.push(path);
        }
        pairs.push([pair[0].clone(), pair[1].clone()]);
    };
    for kind in ["attendance", "roster"] {
        for format in ["json", "csv", "xlsx", "md"] {
            let args = vec!["export", kind, "--cohort", "2015-02", "--format", format];
            to_file(args, &format!("{kind}.{format}"));
        }
    }
    for format in ["md", "json"] {
        let args = vec![
            "report", "cohort", "--cohort", "2015-02", "--format", format,
        ];
        to_file(args, &format!("report-cohort.{format}"));
        let args = vec!["report", "year", "--format", format];
        to_file(args, &format!("report-year.{format}"));
    }
    let mut with_numbers = 0;
    for [masked, full] in &pairs {
        let masked_text = file_text(masked);
        assert_masked(&masked.display().to_string(), &masked_text);
        if masked_text.contains("177****000") {
            with_numbers += 1;
            let full_text = file_text(full);
            assert!(
                secrets().iter().any(|s| full_text.contains(s)),
                "{} was asked for in full",
                full.display()
            );
        }
    }
    assert!(with_numbers >= 6, "only {with_numbers} exports show phones");
    for format in ["md", "xlsx"] {
        let path = outside.join(format!("signin.{format}"));
        let out = lunxun(
            &dir,
            &[
                "export",
                "signin-sheet",
                "--cohort",
                "2015-02",
                "--session",
                "2:am",
                "-o",
                path.to_str().unwrap(),
            ],
        );
        assert!(out.status.success(), "{}", text_of(&out));
        assert_masked(&path.display().to_string(), &file_text(&path));
        assert_eq!(mode(&path), 0o600);
    }

    // Backups keep everything (a restore must give back what was entered), privately.
    let backup = outside.join("backup.json");
    let out = lunxun(&dir, &["backup", "-o", backup.to_str().unwrap()]);
    assert_masked("lunxun backup", &text_of(&out));
    assert!(file_text(&backup).contains(&secrets()[0]));
    assert_eq!(mode(&backup), 0o600);
    assert!(lunxun(&dir, &["backup"]).status.success());
    let restored = base.path().join("restored");
    let out = lunxun(&restored, &["restore", backup.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text_of(&out));
    assert_masked("lunxun restore", &text_of(&out));

    assert_private_tree(&dir);
    assert_private_tree(&restored);
    let (bad, bad_numbers) = bad_roster(&outside);
    let frames = desk::walk_every_screen(&dir, &people(), &roster, &bad, &bad_numbers);
    eprintln!(
        "privacy: {} printouts, {} exports and {frames} desk frames checked masked; {with_numbers} exports show the numbers in full only with --include-sensitive",
        printed.len(),
        pairs.len() + 2,
    );
}

#[test]
fn bad_id_numbers_are_never_echoed_in_full() {
    let base = tempfile::tempdir().unwrap();
    let dir = base.path().join("data");
    let good = valid_id("43060219800101777");
    let last = good.chars().last().unwrap();
    let wrong_check = format!("{}{}", &good[..17], if last == '0' { '1' } else { '0' });
    let too_short = good[..17].to_string();
    let letters = format!("{}AB", &good[..16]);
    for bad in [&wrong_check, &too_short, &letters] {
        let out = lunxun(
            &dir,
            &[
                "person",
                "add",
                "--name",
                "秘丙",
                "--id-number",
                bad,
                "--phone",
                "1771234000299",
            ],
        );
        assert_eq!(out.status.code(), Some(2), "{}", text_of(&out));
        let text = text_of(&out);
        assert!(
            !text.contains(bad.as_str()),
            "person add echoes {bad}: {text}"
        );
        assert!(!text.contains("1771234000299"), "{text}");
        let file = base.path().join("bad.csv");
        std::fs::write(
            &file,
            format!("姓名,手机,身份证号\n秘丙,1771234000299,{bad}\n"),
        )
        .unwrap();
        let out = lunxun(&dir, &["import", file.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "{}", text_of(&out));
        let text = text_of(&out);
        assert!(!text.contains(bad.as_str()), "import echoes {bad}: {text}");
        assert!(!text.contains("1771234000299"), "{text}");
    }
}

#[test]
fn a_data_folder_made_looser_is_tightened_at_start() {
    let base = tempfile::tempdir().unwrap();
    let dir = base.path().join("data");
    assert!(lunxun(&dir, &["demo"]).status.success());
    assert!(lunxun(&dir, &["backup"]).status.success());
    assert_private_tree(&dir);
    let loosen = |path: PathBuf, mode: u32| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    };
    loosen(dir.clone(), 0o755);
    loosen(dir.join("sled"), 0o755);
    loosen(dir.join("sled").join("db"), 0o644);
    loosen(dir.join("backups"), 0o755);
    loosen(dir.join("lunxun.seq"), 0o644);
    assert!(lunxun(&dir, &["cohort", "list"]).status.success());
    assert_eq!(mode(&dir), 0o700, "the data folder");
    assert_eq!(mode(&dir.join("sled").join("db")), 0o600);
    assert!(lunxun(&dir, &["backup"]).status.success());
    assert_private_tree(&dir);
    // A folder made by someone else, before lunxun ever ran in it.
    let fresh = base.path().join("fresh");
    std::fs::create_dir(&fresh).unwrap();
    loosen(fresh.clone(), 0o777);
    assert!(lunxun(&fresh, &["cohort", "list"]).status.success());
    assert_private_tree(&fresh);
}
