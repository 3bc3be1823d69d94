//! The promises of the catalogue, checked over every section.

use super::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// A section's name and its entries as (name, Chinese, English).
type Section = (
    &'static str,
    Vec<(&'static str, &'static str, &'static str)>,
);

/// Every section of the catalogue: (section name, its entries).
fn sections() -> Vec<Section> {
    vec![
        section::<Desk>("Desk"),
        section::<Tabular>("Tabular"),
        section::<Roster>("Roster"),
        section::<Rosters>("Rosters"),
        section::<Timetable>("Timetable"),
        section::<Attendance>("Attendance"),
        section::<RosterImport>("RosterImport"),
        section::<Cohorts>("Cohorts"),
        section::<Bases>("Bases"),
        section::<Teaching>("Teaching"),
        section::<Report>("Report"),
        section::<Record>("Record"),
        section::<Coverage>("Coverage"),
        section::<Credit>("Credit"),
        section::<Export>("Export"),
        section::<Rules>("Rules"),
        section::<Storage>("Storage"),
        section::<Backups>("Backups"),
        section::<Commands>("Commands"),
        section::<Names>("Names"),
        section::<Upkeep>("Upkeep"),
        section::<Merge>("Merge"),
        section::<SigningOut>("SigningOut"),
        section::<Certificates>("Certificates"),
        section::<DeskBundle>("DeskBundle"),
        section::<Bundles>("Bundles"),
        section::<DeskNames>("DeskNames"),
        section::<Paper>("Paper"),
        section::<PeopleMerge>("PeopleMerge"),
        section::<PerDesk>("PerDesk"),
        section::<Scanner>("Scanner"),
    ]
}

fn section<E: Entry>(name: &'static str) -> Section {
    let entries = E::all()
        .iter()
        .map(|e| {
            let (zh, en) = e.pair();
            (e.name(), zh, en)
        })
        .collect();
    (name, entries)
}

/// The names of the placeholders in `template`, in order (`{}` gives "").
fn placeholders(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let tail = &rest[open..];
        if let Some(after) = tail.strip_prefix("{{") {
            rest = after;
            continue;
        }
        match tail.find('}') {
            Some(close) => {
                names.push(&tail[1..close]);
                rest = &tail[close + 1..];
            }
            None => break,
        }
    }
    names
}

/// Every section declared with `catalogue!` (an indented `pub enum` in src/text) is in
/// [`sections`], or none of the checks here would see its entries.
#[test]
fn every_section_is_checked() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/text");
    let checked: BTreeSet<&str> = sections().iter().map(|(name, _)| *name).collect();
    let mut declared = BTreeSet::new();
    for entry in std::fs::read_dir(dir).expect("read src/text") {
        let text = std::fs::read_to_string(entry.expect("entry").path()).expect("read");
        for line in text.lines() {
            if let Some(rest) = line.strip_prefix("    pub enum ") {
                let name = rest.split_whitespace().next().unwrap_or_default();
                declared.insert(name.to_string());
            }
        }
    }
    assert!(declared.len() > 10, "sections found: {declared:?}");
    let missing: Vec<_> = declared
        .iter()
        .filter(|d| !checked.contains(d.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "sections not in sections(): {missing:?}"
    );
}

/// Hanzi, or CJK punctuation (a list separator such as 、 or the full-width comma ， is
/// Chinese too).
fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| {
        ('\u{4e00}'..='\u{9fff}').contains(&c)
            || ('\u{3000}'..='\u{303f}').contains(&c)
            || ('\u{ff00}'..='\u{ffef}').contains(&c)
    })
}

#[test]
fn every_entry_has_both_languages_with_the_same_placeholders() {
    for (section, entries) in sections() {
        for (name, zh, en) in entries {
            assert!(!zh.trim().is_empty(), "{section}::{name}: no Chinese");
            assert!(!en.trim().is_empty(), "{section}::{name}: no English");
            let mut a = placeholders(zh);
            let mut b = placeholders(en);
            a.sort_unstable();
            b.sort_unstable();
            assert_eq!(a, b, "{section}::{name}: placeholders differ");
            assert!(
                has_cjk(zh) || zh == en,
                "{section}::{name}: the Chinese text has no Chinese: {zh}"
            );
        }
    }
}

#[test]
fn entry_names_are_unique_across_sections() {
    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    for (section, entries) in sections() {
        for (name, _, _) in entries {
            if let Some(other) = seen.insert(name, section) {
                panic!(
                    "{name} is in both {other} and {section}: the unused-entry check needs unique names"
                );
            }
        }
    }
}

fn source_files(dir: &Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            if !path.ends_with("text") {
                source_files(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(std::fs::read_to_string(&path).expect("read source"));
        }
    }
}

/// Words that follow `::` anywhere in the crate outside the catalogue itself.
fn used_after_path_separators() -> BTreeSet<String> {
    let mut files = Vec::new();
    source_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let mut used = BTreeSet::new();
    for text in files {
        for part in text.split("::").skip(1) {
            let word: String = part
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            used.insert(word);
        }
    }
    used
}

#[test]
fn no_entry_is_unused() {
    let used = used_after_path_separators();
    let unused: Vec<String> = sections()
        .into_iter()
        .flat_map(|(section, entries)| {
            entries
                .into_iter()
                .filter(|(name, _, _)| !used.contains(*name))
                .map(move |(name, _, _)| format!("{section}::{name}"))
        })
        .collect();
    assert!(unused.is_empty(), "entries no code uses: {unused:?}");
}

#[test]
fn named_arguments_fill_by_name_in_any_order() {
    assert_eq!(
        fill("{a} of {b}", &[Arg("b", &4), Arg("a", &"2")]),
        "2 of 4"
    );
    assert_eq!(fill("{{literal}} {x}", &[Arg("x", &1)]), "{literal} 1");
    assert_eq!(fill("{missing}", &[]), "{missing}");
    assert_eq!(
        placeholders("第 {day} 天 / 共 {days} 天"),
        vec!["day", "days"]
    );
}

/// The stretches of a Chinese text (between two Chinese characters) that hold two or
/// more English words, leaving aside commands to type (`lunxun ...`), `--flags`,
/// `{placeholders}` and [`LATIN_IN_CHINESE`].
fn english_runs(zh: &str) -> Vec<String> {
    let text = placeholders(zh)
        .iter()
        .fold(zh.to_string(), |t, p| t.replace(&format!("{{{p}}}"), " "));
    text.split(|c: char| !c.is_ascii() || c == '\n')
        .map(str::trim)
        .filter(|stretch| !stretch.starts_with("lunxun"))
        .filter(|stretch| {
            let separators = |c: char| c.is_whitespace() || ",/();:.'\"".contains(c);
            let words = stretch
                .split(separators)
                .filter(|token| !token.starts_with('-'))
                .map(|token| token.trim_matches(|c: char| !c.is_ascii_alphabetic()))
                .filter(|word| word.len() >= 2 && word.chars().all(|c| c.is_ascii_alphabetic()))
                .filter(|word| !LATIN_IN_CHINESE.contains(word));
            words.count() >= 2
        })
        .map(str::to_string)
        .collect()
}

#[test]
fn no_chinese_text_holds_a_run_of_english_words() {
    assert_eq!(
        english_runs("按 Enter 签到，Ctrl-Z 撤销"),
        Vec::<String>::new()
    );
    assert_eq!(
        english_runs("先运行 lunxun session reopen --cohort {code}"),
        Vec::<String>::new()
    );
    assert_eq!(english_runs("签到 / check in"), vec!["/ check in"]);
    let mixed: Vec<String> = sections()
        .into_iter()
        .flat_map(|(section, entries)| {
            entries.into_iter().flat_map(move |(name, zh, _)| {
                english_runs(zh)
                    .into_iter()
                    .map(move |run| format!("{section}::{name}: {run:?}"))
            })
        })
        .collect();
    assert!(mixed.is_empty(), "English in Chinese text: {mixed:?}");
}
