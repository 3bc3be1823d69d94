//! Bundle files (数据包): every record kind comes back as written, plain or sealed with
//! a passphrase; a damaged, cut short, foreign or newer file is refused with a message
//! that says what to do; a wrong or missing passphrase is refused; the file is private
//! (0600) and a failed write leaves nothing; an encrypted bundle shows no ID number.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use lunxun::domain::attendance::Source;
use lunxun::domain::bundle::{BUNDLE_VERSION, Contents, Scope};
use lunxun::domain::register::{Change, MatchRule, RegisterEvent};
use lunxun::io::bundle::{self, BundleError, Header};
use lunxun::ops::bundle_collect::collect;
use lunxun::store::Store;
use lunxun::text::Lang;

fn now() -> DateTime<FixedOffset> {
    common::fixtures::at(common::NOW)
}

/// The demo's records, with a record of every kind a bundle carries made sure of: a
/// paper check-in (补录) and two register changes (a joining of two records, an undo).
fn every_kind() -> Contents {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    lunxun::demo::install(&store, now()).unwrap();
    let mut contents = collect(&store, &Scope::All).unwrap();
    let mut paper = contents.events[0].clone();
    paper.id = ulid::Ulid::generate().to_string();
    paper.source = Source::Paper;
    paper.entered_at = Some(now());
    contents.events.push(paper);
    let (kept, joined) = (contents.people[0].id.clone(), contents.people[1].id.clone());
    let change = |id: &str, change| RegisterEvent {
        id: id.into(),
        at: now(),
        desk: store.desk().into(),
        by: "测试".into(),
        change,
    };
    let joined = Change::PersonsJoined {
        kept,
        joined,
        rule: MatchRule::IdNumber,
    };
    contents
        .changes
        .push(change("01JOINED0000000000000000AA", joined));
    let undo = Change::Undone {
        target: "01JOINED0000000000000000AA".into(),
    };
    contents
        .changes
        .push(change("01UNDONE0000000000000000AA", undo));
    contents.desks.insert("desk-OTHER1".into(), "1号台".into());
    if contents.cohort_catalogues.is_empty() {
        let code = contents.cohorts[0].code.clone();
        let own = contents.catalogue.clone();
        contents.cohort_catalogues.insert(code, own);
    }
    let c = &contents;
    assert!(!c.cohorts.is_empty() && !c.enrolments.is_empty() && !c.activities.is_empty());
    assert!(!c.bases.is_empty() && !c.people.is_empty() && c.catalogue.active().next().is_some());
    contents
}

fn header(contents: &Contents) -> Header {
    Header::new("desk-TEST01", "2号台", now(), Scope::All, contents)
}

/// A plain bundle of the demo at `dir/name`.
fn written(dir: &Path, name: &str) -> (PathBuf, Contents) {
    let contents = every_kind();
    let path = dir.join(name);
    bundle::write(&path, &header(&contents), &contents, None).unwrap();
    (path, contents)
}

fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Where the body starts: after the header line.
fn body_start(bytes: &[u8]) -> usize {
    bytes.iter().position(|b| *b == b'\n').unwrap() + 1
}

#[test]
fn every_record_kind_comes_back_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let (path, contents) = written(dir.path(), "1号台.lxb");
    let read = bundle::open(&path, None).unwrap();
    assert!(!read.encrypted);
    assert_eq!(read.bundle.contents, contents);
    let header = &read.bundle.header;
    assert_eq!(header.format, "lunxun-bundle");
    assert_eq!(header.version, BUNDLE_VERSION);
    assert_eq!(
        (header.desk.as_str(), header.desk_name.as_str()),
        ("desk-TEST01", "2号台")
    );
    assert_eq!(header.counts, contents.counts());
    assert_eq!(header.exported_at, now());
    // The header is one line of JSON a person can read with any tool.
    let bytes = fs::read(&path).unwrap();
    let line: serde_json::Value = serde_json::from_slice(&bytes[..body_start(&bytes)]).unwrap();
    assert_eq!(line["format"], "lunxun-bundle");
    assert_eq!(line["sha256"].as_str().unwrap().len(), 64);
    assert_eq!(entries(dir.path()), vec!["1号台.lxb".to_string()]);
}

#[test]
fn a_changed_byte_anywhere_in_the_body_is_refused_as_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = written(dir.path(), "b.lxb");
    let good = fs::read(&path).unwrap();
    let start = body_start(&good);
    // A digit changed still parses: only the checksum can tell. Then a byte that
    // breaks the JSON, and a byte added at the end.
    let digit = start + good[start..].iter().position(u8::is_ascii_digit).unwrap();
    let mut changes: Vec<Vec<u8>> = Vec::new();
    let mut one = good.clone();
    one[digit] = if one[digit] == b'9' {
        b'8'
    } else {
        one[digit] + 1
    };
    changes.push(one);
    let mut two = good.clone();
    two[start + (good.len() - start) / 2] = b'\x01';
    changes.push(two);
    let mut three = good.clone();
    three.extend_from_slice(b" ");
    changes.push(three);
    for (i, bytes) in changes.into_iter().enumerate() {
        fs::write(&path, bytes).unwrap();
        let refused = bundle::read(&path, None).unwrap_err();
        assert!(
            matches!(refused, BundleError::Damaged { .. }),
            "{i}: {refused:?}"
        );
    }
}

#[test]
fn a_header_whose_counts_disagree_with_the_body_is_refused_as_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let (path, contents) = written(dir.path(), "c.lxb");
    let text = fs::read_to_string(&path).unwrap();
    let people = format!("\"people\":{}", contents.people.len());
    let changed = text.replacen(
        &people,
        &format!("\"people\":{}", contents.people.len() + 1),
        1,
    );
    assert_ne!(changed, text);
    fs::write(&path, changed).unwrap();
    let refused = bundle::read(&path, None).unwrap_err();
    assert!(
        matches!(refused, BundleError::Damaged { .. }),
        "{refused:?}"
    );
}

#[test]
fn a_bundle_cut_short_is_refused_as_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = written(dir.path(), "t.lxb");
    let good = fs::read(&path).unwrap();
    let start = body_start(&good);
    for keep in [
        30,
        start - 1,
        start,
        start + 1,
        good.len() / 2,
        good.len() - 1,
    ] {
        fs::write(&path, &good[..keep]).unwrap();
        let refused = bundle::read(&path, None).unwrap_err();
        assert!(
            matches!(refused, BundleError::Damaged { .. }),
            "{keep}: {refused:?}"
        );
    }
}

#[test]
fn foreign_files_are_refused_as_not_a_bundle() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("名单.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    book.add_worksheet().write_string(0, 0, "姓名").unwrap();
    fs::write(&xlsx, book.save_to_buffer().unwrap()).unwrap();
    let backup = dir.path().join("backup.json");
    let store_dir = tempfile::tempdir().unwrap();
    let store = Store::open(store_dir.path()).unwrap();
    lunxun::io::backup::write(&store, &backup, now()).unwrap();
    let others = [
        ("empty.lxb", b"".to_vec()),
        (
            "other.json",
            b"{\"format\":\"something-else\",\"version\":1}\n{}\n".to_vec(),
        ),
        ("text.txt", "姓名,单位\n张伟,一村\n".as_bytes().to_vec()),
    ];
    let mut paths = vec![xlsx, backup];
    for (name, bytes) in others {
        let path = dir.path().join(name);
        fs::write(&path, bytes).unwrap();
        paths.push(path);
    }
    for path in paths {
        let refused = bundle::read(&path, None).unwrap_err();
        assert!(
            matches!(refused, BundleError::NotABundle { .. }),
            "{path:?}: {refused:?}"
        );
        assert!(refused.is_refusal());
    }
}

#[test]
fn a_bundle_of_a_newer_format_is_refused_and_says_to_update() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = written(dir.path(), "n.lxb");
    let text = fs::read_to_string(&path).unwrap();
    let newer = BUNDLE_VERSION + 1;
    // A newer format may change anything after its version: only that is read.
    let changed = text.replacen(
        &format!("\"version\":{BUNDLE_VERSION},"),
        &format!("\"version\":{newer},\"sha256\":7,"),
        1,
    );
    fs::write(&path, changed).unwrap();
    let refused = bundle::read(&path, None).unwrap_err();
    assert!(
        matches!(refused, BundleError::Newer { version, .. } if version == newer),
        "{refused:?}"
    );
    let en = refused.message(Lang::En);
    assert!(
        en.contains(&format!("format {newer}")) && en.contains("Update lunxun"),
        "{en}"
    );
    let zh = refused.message(Lang::Zh);
    assert!(
        zh.contains(&format!("格式 {newer}")) && zh.contains("升级"),
        "{zh}"
    );
}

#[test]
fn a_sealed_bundle_opens_with_its_passphrase_only_and_shows_no_id_number() {
    let dir = tempfile::tempdir().unwrap();
    let contents = every_kind();
    let id_number = contents
        .people
        .iter()
        .find_map(|p| p.id_number.clone())
        .expect("the demo has ID numbers");
    let plain = dir.path().join("plain.lxb");
    bundle::write(&plain, &header(&contents), &contents, None).unwrap();
    let plain_bytes = fs::read(&plain).unwrap();
    assert!(
        contains(&plain_bytes, id_number.as_bytes()),
        "the test would prove nothing"
    );
    let sealed = dir.path().join("sealed.lxb");
    let passphrase = "县委组织部 2026";
    let written = bundle::write(&sealed, &header(&contents), &contents, Some(passphrase)).unwrap();
    assert!(written.encrypted);
    let bytes = fs::read(&sealed).unwrap();
    assert!(bytes.starts_with(b"age-encryption.org/v1\n"));
    for secret in [
        id_number.as_bytes(),
        b"lunxun-bundle",
        passphrase.as_bytes(),
    ] {
        assert!(
            !contains(&bytes, secret),
            "{:?} in the sealed file",
            String::from_utf8_lossy(secret)
        );
    }
    assert!(bundle::is_encrypted(&sealed).unwrap());
    assert!(!bundle::is_encrypted(&plain).unwrap());
    let opened = bundle::open(&sealed, Some(passphrase)).unwrap();
    assert!(opened.encrypted);
    assert_eq!(opened.bundle.contents, contents);
    assert_eq!(opened.bundle.header, written.header);
    for missing in [None, Some("")] {
        let refused = bundle::read(&sealed, missing).unwrap_err();
        assert!(
            matches!(refused, BundleError::NeedsPassphrase { .. }),
            "{refused:?}"
        );
    }
    let wrong = bundle::read(&sealed, Some("县委组织部 2025")).unwrap_err();
    assert!(
        matches!(wrong, BundleError::WrongPassphrase { .. }),
        "{wrong:?}"
    );
    for lang in [Lang::Zh, Lang::En] {
        assert!(
            !wrong.message(lang).contains("2025"),
            "the passphrase in a message"
        );
    }
    // The sealed stream is authenticated: a changed byte or a cut refuses it whole.
    let mut changed = bytes.clone();
    let at = changed.len() - 100;
    changed[at] ^= 0x20;
    fs::write(&sealed, &changed).unwrap();
    let refused = bundle::read(&sealed, Some(passphrase)).unwrap_err();
    assert!(
        matches!(refused, BundleError::Damaged { .. }),
        "{refused:?}"
    );
    fs::write(&sealed, &bytes[..bytes.len() - 1]).unwrap();
    let refused = bundle::read(&sealed, Some(passphrase)).unwrap_err();
    assert!(
        matches!(refused, BundleError::Damaged { .. }),
        "{refused:?}"
    );
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn an_empty_passphrase_seals_nothing_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let contents = Contents::default();
    let path = dir.path().join("e.lxb");
    let refused = bundle::write(&path, &header(&contents), &contents, Some("")).unwrap_err();
    assert!(
        matches!(refused, BundleError::EmptyPassphrase),
        "{refused:?}"
    );
    assert!(entries(dir.path()).is_empty());
}

#[cfg(unix)]
#[test]
fn a_bundle_is_private_to_its_user_even_over_a_readable_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.lxb");
    fs::write(&path, b"old").unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
    let contents = Contents::default();
    bundle::write(&path, &header(&contents), &contents, None).unwrap();
    let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}

#[test]
fn a_failed_write_leaves_no_file_behind() {
    let dir = tempfile::tempdir().unwrap();
    let contents = every_kind();
    let missing = dir.path().join("no such folder").join("b.lxb");
    let refused = bundle::write(&missing, &header(&contents), &contents, None).unwrap_err();
    assert!(matches!(refused, BundleError::File { .. }), "{refused:?}");
    assert!(!refused.is_refusal());
    // A target that cannot be replaced (a folder there): the whole body is written
    // beside it first, then removed.
    let blocked = dir.path().join("blocked.lxb");
    fs::create_dir(&blocked).unwrap();
    let refused = bundle::write(&blocked, &header(&contents), &contents, None).unwrap_err();
    assert!(matches!(refused, BundleError::File { .. }), "{refused:?}");
    assert_eq!(entries(dir.path()), vec!["blocked.lxb".to_string()]);
    assert!(fs::read_dir(&blocked).unwrap().next().is_none());
}

#[test]
fn every_refusal_names_the_file_in_both_languages_and_quotes_no_record() {
    let dir = tempfile::tempdir().unwrap();
    let (path, contents) = written(dir.path(), "m.lxb");
    let good = fs::read(&path).unwrap();
    // A body broken right inside a person's record: serde's own words would quote it.
    let person = &contents.people[0];
    let name_at = good
        .windows(person.name.len())
        .rposition(|w| w == person.name.as_bytes())
        .unwrap();
    let mut broken = good.clone();
    broken[name_at + person.name.len()] = b'\x02';
    fs::write(&path, broken).unwrap();
    let refusals = [
        bundle::read(&path, None).unwrap_err(),
        BundleError::NotABundle { path: path.clone() },
        BundleError::Newer {
            path: path.clone(),
            version: 9,
        },
        BundleError::NeedsPassphrase { path: path.clone() },
        BundleError::WrongPassphrase { path: path.clone() },
        BundleError::TooMuchWork { path: path.clone() },
    ];
    for refused in refusals {
        for lang in [Lang::Zh, Lang::En] {
            let message = refused.message(lang);
            assert!(message.contains("m.lxb"), "{message}");
            assert!(!message.contains(&person.name), "{message}");
        }
    }
}

/// A sealed file asking more scrypt work than any desk should spend (a file made to
/// stall the reader) is refused before that work is done.
#[test]
fn a_sealed_bundle_asking_too_much_work_is_refused_unopened() {
    let dir = tempfile::tempdir().unwrap();
    let contents = Contents::default();
    let path = dir.path().join("slow.lxb");
    bundle::write(&path, &header(&contents), &contents, Some("口令")).unwrap();
    let bytes = fs::read(&path).unwrap();
    let at = bytes.windows(10).position(|w| w == b"-> scrypt ").unwrap();
    let end = at + bytes[at..].iter().position(|b| *b == b'\n').unwrap();
    let space = at + bytes[at..end].iter().rposition(|b| *b == b' ').unwrap();
    let mut slow = bytes[..space + 1].to_vec();
    slow.extend_from_slice(b"40");
    slow.extend_from_slice(&bytes[end..]);
    fs::write(&path, slow).unwrap();
    let start = std::time::Instant::now();
    let refused = bundle::read(&path, Some("口令")).unwrap_err();
    assert!(
        matches!(refused, BundleError::TooMuchWork { .. }),
        "{refused:?}"
    );
    assert!(start.elapsed() < std::time::Duration::from_secs(60));
}
