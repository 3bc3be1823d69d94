//! Bad input never crashes. Property tests feed the search arbitrary Unicode (control
//! characters, emoji, right-to-left marks, huge strings) and the importer arbitrary or
//! damaged CSV, TXT, XLSX and XLS bytes; the regression corpus in `tests/corpus/` is
//! re-read on every run, by the library and by `lunxun import --dry-run`.
//! `LUNXUN_WRITE_CORPUS=1` rewrites the corpus (see tests/corpus/README.md).

mod common;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use lunxun::domain::{Person, PersonId};
use lunxun::io::roster::{ImportOptions, plan, read};
use lunxun::io::tabular::workbook;
use lunxun::search::{Hit, SearchIndex, Searcher};
use proptest::prelude::*;

/// Cases per property; `PROPTEST_CASES` overrides, as usual with proptest.
const CASES: u32 = 512;

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(cases),
        ..ProptestConfig::default()
    }
}

/// Characters that have broken text handling elsewhere: controls, bidi marks and
/// overrides, joiners, combining marks, full-width and case-changing letters, emoji,
/// and the letters and Hanzi of real names (so some queries match).
const NASTY: &[char] = &[
    'z',
    'h',
    'a',
    'n',
    'g',
    'w',
    'e',
    'i',
    'l',
    'y',
    't',
    'x',
    ' ',
    ' ',
    '张',
    '伟',
    '李',
    '雅',
    '婷',
    '新',
    '开',
    '村',
    '曾',
    '\u{0}',
    '\u{7}',
    '\u{8}',
    '\u{1b}',
    '[',
    '\t',
    '\n',
    '\r',
    '\u{7f}',
    '\u{85}',
    '\u{200b}',
    '\u{200d}',
    '\u{200e}',
    '\u{200f}',
    '\u{202e}',
    '\u{2066}',
    '\u{feff}',
    '\u{fffd}',
    '\u{301}',
    '\u{308}',
    'ü',
    'ǖ',
    'ｚ',
    'Ｗ',
    '\u{3000}',
    'İ',
    'ß',
    'ﬁ',
    'ǅ',
    '·',
    '👨',
    '👩',
    '👧',
    '🏽',
    '\u{10ffff}',
    '\u{e000}',
    '\u{a4d0}',
];

fn nasty_text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(NASTY), 0..max).prop_map(String::from_iter)
}

/// A register with odd names next to ordinary ones, normalised as the store keeps them.
fn people() -> &'static [Person] {
    static PEOPLE: OnceLock<Vec<Person>> = OnceLock::new();
    PEOPLE.get_or_init(|| {
        let mut people = lunxun::demo::generate_register(400, 3);
        let odd = [
            "张\u{1b}[31m伟",
            "\u{202e}李雅婷",
            "\u{200f}مريم\u{200f}",
            "👨\u{200d}👩\u{200d}👧",
            "张伟👨\u{200d}👩\u{200d}👧\u{200d}👦",
            "e\u{301}\u{301}\u{301}",
            "·",
            "买买提·艾力",
            "Li Yating",
        ];
        let long = "张".repeat(300);
        for (i, name) in odd.iter().copied().chain([long.as_str()]).enumerate() {
            let mut p = Person::named(PersonId(format!("odd{i}")), name);
            p.unit = format!("新开村\u{200d}{i}");
            people.push(p.normalise());
        }
        people
    })
}

fn index() -> &'static SearchIndex {
    static INDEX: OnceLock<SearchIndex> = OnceLock::new();
    INDEX.get_or_init(|| SearchIndex::build(people()))
}

/// Hits point at people, once each, at most `limit`, highlighting characters of the name.
fn check_hits(hits: &[Hit], limit: usize) -> Result<(), TestCaseError> {
    let people = people();
    prop_assert!(hits.len() <= limit);
    let mut seen = std::collections::HashSet::new();
    for hit in hits {
        prop_assert!(hit.index < people.len(), "index {}", hit.index);
        prop_assert!(seen.insert(hit.index), "{} listed twice", hit.index);
        let name_len = people[hit.index].name.chars().count();
        prop_assert!(
            hit.name_highlight.iter().all(|&i| i < name_len),
            "highlight {:?} outside {:?}",
            hit.name_highlight,
            people[hit.index].name
        );
        prop_assert!(hit.name_highlight.windows(2).all(|w| w[0] < w[1]));
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(CASES))]

    /// Any Unicode at all, as typed or pasted: valid hits, never a panic.
    #[test]
    fn search_takes_any_text(query in any::<String>(), limit in 0..40usize) {
        check_hits(&index().search(&query, limit), limit)?;
    }

    /// Odd characters mixed with name letters; typing them one by one through the
    /// search-as-you-type path gives exactly what a fresh search gives.
    #[test]
    fn search_takes_odd_characters_typed_one_by_one(query in nasty_text(40), limit in 1..40usize) {
        let ix = index();
        let mut searcher = Searcher::new(ix);
        let chars: Vec<char> = query.chars().collect();
        for end in 0..=chars.len() {
            let typed: String = chars[..end].iter().collect();
            let hits = ix.search(&typed, limit);
            check_hits(&hits, limit)?;
            prop_assert_eq!(searcher.search(&typed, limit), hits, "typed {:?}", typed);
        }
    }
}

proptest! {
    #![proptest_config(config(24))]

    /// Pastes of up to 20,000 characters.
    #[test]
    fn search_takes_huge_queries(query in nasty_text(20_000), limit in 1..40usize) {
        check_hits(&index().search(&query, limit), limit)?;
    }
}

/// Reads `bytes` as a roster with the given extension and plans it against a small
/// register: any result is fine, a panic is not.
/// As the program reads a file: workbooks in a child process of the binary.
fn import(bytes: &[u8], extension: &str) {
    workbook::read_in_child_process(PathBuf::from(common::BIN));
    if let Ok(file) = read(bytes, extension, &ImportOptions::default(), |_| {}) {
        let register = people()[..50].to_vec();
        let mut next = 0;
        let _ = plan(file.drafts, register, None, || {
            next += 1;
            PersonId(format!("new{next}"))
        });
        for error in &file.errors {
            let _ = error.message(lunxun::text::Lang::Zh);
        }
    }
}

/// A small, valid workbook: header and three people.
fn xlsx_roster() -> &'static [u8] {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| {
        let mut book = rust_xlsxwriter::Workbook::new();
        // A fixed creation time, so the corpus files made from it are the same every time.
        let created = rust_xlsxwriter::ExcelDateTime::from_ymd(2015, 3, 16).unwrap();
        let properties = rust_xlsxwriter::DocProperties::new().set_creation_datetime(&created);
        book.set_properties(&properties);
        let sheet = book.add_worksheet();
        let rows = [
            ["姓名", "单位", "电话", "身份证号"],
            ["李雅婷", "新开村", "13812345678", "430602198001011232"],
            ["张\u{1b}伟", "梅溪社区", "139", ""],
            [
                "👨\u{200d}👩\u{200d}👧",
                "\u{202e}清水村",
                "",
                "43060219800101123X",
            ],
        ];
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                sheet.write(r as u32, c as u16, *cell).unwrap();
            }
        }
        sheet.write(4, 0, "王五").unwrap();
        sheet.write(4, 2, 13912345678.0).unwrap();
        book.save_to_buffer().unwrap()
    })
}

fn xls_roster() -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/roster.xls")).unwrap()
}

/// Damage to a valid file: bytes overwritten at random places, then maybe a cut.
fn damaged(original: Vec<u8>) -> impl Strategy<Value = Vec<u8>> {
    let len = original.len();
    (
        prop::collection::vec((0..len, any::<u8>()), 1..12),
        prop::option::of(0..len),
    )
        .prop_map(move |(flips, cut)| {
            let mut bytes = original.clone();
            for (at, byte) in flips {
                bytes[at] = byte;
            }
            bytes.truncate(cut.unwrap_or(len));
            bytes
        })
}

/// CSV-looking text: a header of known and unknown columns, then rows of odd cells
/// with stray quotes, separators and line breaks.
fn csv_text() -> impl Strategy<Value = String> {
    let header = prop::sample::subsequence(
        vec![
            "序号",
            "姓名",
            "单位",
            "电话",
            "身份证号",
            "职务",
            "领域",
            "性别",
            "备注",
            "\"",
            "",
        ],
        0..8,
    )
    .prop_map(|cols| cols.join(","));
    let cell = prop_oneof![
        nasty_text(12),
        Just("430602198001011232".to_string()),
        Just("\"a,\"\"b".to_string()),
        Just("=1+1".to_string()),
        any::<String>(),
    ];
    let row = prop::collection::vec(cell, 0..8).prop_map(|cells| cells.join(","));
    (header, prop::collection::vec(row, 0..12))
        .prop_map(|(header, rows)| format!("{header}\n{}", rows.join("\r\n")))
}

proptest! {
    #![proptest_config(config(CASES))]

    #[test]
    fn the_importer_takes_any_bytes(
        bytes in prop::collection::vec(any::<u8>(), 0..2048),
        extension in prop::sample::select(vec!["csv", "txt", "TXT", "xlsx", "xls", "xlsm", ""]),
    ) {
        import(&bytes, extension);
    }

    #[test]
    fn the_importer_takes_odd_csv_text(text in csv_text(), tab in any::<bool>()) {
        let text = if tab { text.replace(',', "\t") } else { text };
        import(text.as_bytes(), if tab { "txt" } else { "csv" });
        let (gbk, _, _) = encoding_rs::GBK.encode(&text);
        import(&gbk, "csv");
    }

    #[test]
    fn the_importer_takes_damaged_workbooks(bytes in damaged(xlsx_roster().to_vec())) {
        import(&bytes, "xlsx");
    }

    #[test]
    fn the_importer_takes_damaged_old_workbooks(bytes in damaged(xls_roster())) {
        import(&bytes, "xls");
    }
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

/// The corpus files, made here so their bytes are documented by code.
fn corpus_files() -> Vec<(&'static str, Vec<u8>)> {
    let header = "姓名,单位,电话,身份证号\n";
    let row = |cells: &str| format!("{header}{cells}\n").into_bytes();
    let mut xlsx = xlsx_roster().to_vec();
    let cut_xlsx = xlsx[..xlsx.len() / 2].to_vec();
    for i in (200..xlsx.len()).step_by(97) {
        xlsx[i] ^= 0x5A;
    }
    let xls = xls_roster();
    let mut flipped_xls = xls.clone();
    for i in (512..flipped_xls.len()).step_by(61) {
        flipped_xls[i] = 0xFF;
    }
    let mut wide = header.to_string();
    wide.push_str(&"张".repeat(10_000));
    wide.push('\n');
    let (gbk_bad, _, _) = encoding_rs::GBK.encode("姓名,单位\n李雅婷,新开村\n");
    let mut gbk_bad = gbk_bad.into_owned();
    gbk_bad.extend_from_slice(&[0x81, 0x0A, 0xFF, 0xFE, 0x80]);
    vec![
        ("empty.csv", Vec::new()),
        ("bom-only.csv", b"\xEF\xBB\xBF".to_vec()),
        ("utf16-bom-odd-length.csv", b"\xFF\xFE\x53\x59\x0D".to_vec()),
        ("nul-bytes.csv", b"\0\0\0,\0\n\0".to_vec()),
        ("invalid-utf8-and-gbk.csv", gbk_bad),
        ("header-only.csv", header.as_bytes().to_vec()),
        ("no-name-column.csv", b"a,b,c\n1,2,3\n".to_vec()),
        ("unclosed-quote.csv", row("\"李雅婷,新开村")),
        (
            "escape-sequences.csv",
            row("张\u{1b}[31m伟\u{1b}]0;title\u{7},新开\u{1b}[2J村,,"),
        ),
        (
            "rtl-override.csv",
            row("\u{202e}李雅婷\u{202c},\u{200f}新开村,,"),
        ),
        (
            "zwj-family.csv",
            row("👨\u{200d}👩\u{200d}👧\u{200d}👦,新开村,,"),
        ),
        (
            "combining-marks.csv",
            row("e\u{301}\u{301}\u{301}\u{301},新开村,,"),
        ),
        (
            "bad-id-and-phone.csv",
            row("李雅婷,新开村,1381234567899999,430602198001011233"),
        ),
        // An 18-character ID with a Hanzi in it made the importer slice inside a character.
        (
            "id-with-hanzi.csv",
            row("李雅婷,新开村,,43060219800101123号"),
        ),
        (
            "id-with-hanzi-inside.csv",
            row("李雅婷,新开村,,4306021980010112号4"),
        ),
        ("formula-cells.csv", row("=HYPERLINK(\"x\"),+1,-2,@SUM(A1)")),
        (
            "many-columns.csv",
            format!("{header}{}\n", ",".repeat(20_000)).into_bytes(),
        ),
        ("one-huge-cell.csv", wide.into_bytes()),
        (
            "lone-cr-line-ends.csv",
            b"\xE5\xA7\x93\xE5\x90\x8D\r\xE6\x9D\x8E\r\r\r".to_vec(),
        ),
        (
            "mixed-separators.txt",
            "姓名\t单位,电话\n李雅婷,新开村\t138\n".as_bytes().to_vec(),
        ),
        ("csv-named-xlsx.xlsx", row("李雅婷,新开村,,")),
        ("empty.xlsx", Vec::new()),
        ("truncated.xlsx", cut_xlsx),
        ("flipped-bytes.xlsx", xlsx),
        ("truncated.xls", xls[..xls.len() / 3].to_vec()),
        // Made calamine 0.38 panic (an assertion in its compound-file reader).
        ("truncated-at-4096.xls", xls[..4096].to_vec()),
        ("flipped-bytes.xls", flipped_xls),
        (
            "zip-header-only.xlsx",
            b"PK\x03\x04\x14\0\0\0\x08\0".to_vec(),
        ),
        // Aborted the whole process (calamine asks for rows × columns cells at once and
        // a failed allocation is not a panic): found by the property test on .xls.
        ("far-cell-address.xls", far_cell_address_xls()),
        ("far-corners.xlsx", far_corners_xlsx()),
    ]
}

/// `roster.xls` with its first shared-string cell moved to row 65,536, column 65,536:
/// four billion cells between the corners.
fn far_cell_address_xls() -> Vec<u8> {
    let mut xls = xls_roster();
    let label_sst = [0xFD, 0x00, 0x0A, 0x00];
    let at = xls
        .windows(4)
        .position(|w| w == label_sst)
        .expect("roster.xls has a LABELSST record");
    xls[at + 4..at + 8].fill(0xFF);
    xls
}

/// A well-formed workbook with a header in A1 and one more cell in XFD1048576, the
/// last cell of a sheet (calamine issue 693).
fn far_corners_xlsx() -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let created = rust_xlsxwriter::ExcelDateTime::from_ymd(2015, 3, 16).unwrap();
    let properties = rust_xlsxwriter::DocProperties::new().set_creation_datetime(&created);
    book.set_properties(&properties);
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "姓名").unwrap();
    sheet.write_string(1, 0, "李雅婷").unwrap();
    sheet.write_string(1_048_575, 16_383, "x").unwrap();
    book.save_to_buffer().unwrap()
}

/// Every file in tests/corpus/ is read by the importer and by `lunxun import
/// --dry-run`: an answer or an error message, never a panic, never a control
/// character echoed to the terminal.
#[test]
fn the_corpus_of_bad_files_never_crashes_the_importer() {
    let dir = corpus_dir();
    if std::env::var_os("LUNXUN_WRITE_CORPUS").is_some() {
        for (name, bytes) in corpus_files() {
            std::fs::write(dir.join(name), bytes).unwrap();
        }
    }
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "README.md")
        .collect();
    names.sort();
    for (name, _) in corpus_files() {
        assert!(
            names.iter().any(|n| n == name),
            "{name} missing from tests/corpus"
        );
    }
    let db = tempfile::tempdir().unwrap();
    for name in &names {
        let path = dir.join(name);
        let extension = path.extension().map(|e| e.to_string_lossy().into_owned());
        import(
            &std::fs::read(&path).unwrap(),
            extension.as_deref().unwrap_or(""),
        );
        let args = ["import", "--dry-run", path.to_str().unwrap()];
        let out = common::lunxun_real_clock(db.path(), &args, "C")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout) + String::from_utf8_lossy(&out.stderr);
        assert!(matches!(out.status.code(), Some(0..=2)), "{name}: {text}");
        assert!(!text.contains("panicked"), "{name}: {text}");
        assert!(
            !text
                .chars()
                .any(|c| lunxun::display::unsafe_char(c) && c != '\n' && c != '\t'),
            "{name} echoes control or bidi characters: {text:?}"
        );
    }
    eprintln!("corpus files read: {}", names.len());
}
