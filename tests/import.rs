//! `lunxun import`: rosters as counties send them (GBK CSV saved by Excel, UTF-8 with and
//! without BOM, tab-separated text, .xlsx, .xls), run through the built binary on a
//! temporary data folder. Every file is made here, except the small committed .xls in
//! tests/fixtures/. (The property test of matching is in src/io/roster/tests.rs.)

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::ok;
use lunxun::domain::Person;
use lunxun::store::Store;

const NOW: &str = "2015-03-16T08:41:00+08:00";
const ID_LI: &str = "11010519491231002X";
const ID_OUYANG: &str = "440524188001010014";

fn lunxun(dir: &Path, args: &[&str]) -> Output {
    lunxun_lang(dir, args, "C")
}

fn lunxun_lang(dir: &Path, args: &[&str], lang: &str) -> Output {
    common::lunxun_at(dir, args, lang, NOW)
}

/// Exit code 2, and the message on stderr.
fn refused(out: &Output) -> String {
    let err = common::stderr_past_clock_warning(out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    err
}

/// A data folder with cohort 2015-01.
fn with_cohort() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let args = common::cohort_new("第1期", "2");
    assert!(ok(&lunxun(dir.path(), &args)).ends_with("2015-01\n"));
    dir
}

fn file(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn import(dir: &Path, path: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["import", path.to_str().unwrap()];
    args.extend_from_slice(extra);
    lunxun(dir, &args)
}

/// The register, read after the command has released the folder.
fn register(dir: &Path) -> Vec<Person> {
    Store::open(dir).unwrap().people().unwrap()
}

fn named<'a>(people: &'a [Person], name: &str) -> &'a Person {
    people
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("{name} not in {people:?}"))
}

/// The summary's count for a label, e.g. `new people: 3`.
fn count(summary: &str, label: &str) -> usize {
    let line = summary
        .lines()
        .find(|l| l.starts_with(label))
        .unwrap_or_else(|| panic!("no '{label}' in {summary}"));
    line[label.len()..]
        .trim_start_matches(':')
        .trim()
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

/// The roster as Chinese-language Excel saves "CSV (逗号分隔)": a merged title row that
/// becomes a row of commas, CRLF, a padded two-character name, quotes where needed.
fn excel_roster_text() -> String {
    [
        "岳阳县第一期村（社区）党组织书记轮训班花名册,,,,,,,",
        "序号,姓名,性别,工作单位,县(市、区),职务,手机,身份证号码",
        &format!("1,李雅婷,女,荣家湾镇新开村,岳阳县,村党组织书记,13812345678,{ID_LI}"),
        "2,张　伟,男,南湖街道梅溪社区,岳阳楼区,社区党组织书记,13900001111,",
        &format!("3,欧阳娜,女,\"新墙镇清水村\",岳阳县,\"村党组织书记,兼主任\",,{ID_OUYANG}"),
        "",
    ]
    .join("\r\n")
}

fn gbk(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(text);
    assert!(!unmappable);
    bytes.into_owned()
}

/// The same three people as an .xlsx, as a county would send it.
fn roster_xlsx(id_as_number: bool) -> Vec<u8> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("花名册").unwrap();
    let title = "岳阳县第一期村（社区）党组织书记轮训班花名册";
    sheet
        .merge_range(0, 0, 0, 7, title, &Format::new())
        .unwrap();
    let rows = excel_roster_text();
    for (r, line) in rows.lines().skip(1).enumerate() {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(line.as_bytes());
        let record = reader.records().next().unwrap().unwrap();
        for (c, cell) in record.iter().enumerate() {
            let (row, col) = (r as u32 + 1, c as u16);
            let number = (c == 6 || (id_as_number && c == 7)) && r > 0 && !cell.is_empty();
            if let (true, Ok(n)) = (number, cell.parse::<f64>()) {
                sheet.write_number(row, col, n).unwrap();
            } else if !cell.is_empty() {
                sheet.write_string(row, col, cell).unwrap();
            }
        }
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn a_gbk_csv_from_excel_and_an_xlsx_of_the_same_people_import_once() {
    let dir = with_cohort();
    let csv = file(dir.path(), "岳阳县.csv", &gbk(&excel_roster_text()));
    let out = ok(&import(dir.path(), &csv, &["--cohort", "2015-01"]));
    assert!(out.contains("GBK/GB18030"), "{out}");
    assert!(
        out.contains("header on line 2 (1 title row(s) skipped)"),
        "{out}"
    );
    assert_eq!(count(&out, "new people"), 3, "{out}");
    assert_eq!(count(&out, "enrolled in 2015-01"), 3, "{out}");
    let people = register(dir.path());
    let li = named(&people, "李雅婷");
    assert_eq!(
        (li.unit.as_str(), li.county.as_str()),
        ("荣家湾镇新开村", "岳阳县")
    );
    assert_eq!(li.id_number.as_deref(), Some(ID_LI));
    assert_eq!(
        named(&people, "张伟").unit,
        "南湖街道梅溪社区",
        "padding removed"
    );
    assert_eq!(named(&people, "欧阳娜").position, "村党组织书记,兼主任");
    assert_eq!(
        li.field,
        Some(lunxun::domain::Field::Village),
        "implied by 村党组织书记"
    );

    let xlsx = file(dir.path(), "岳阳县.xlsx", &roster_xlsx(false));
    let again = ok(&import(dir.path(), &xlsx, &["--cohort", "2015-01"]));
    assert!(again.contains("xlsx sheet '花名册'"), "{again}");
    assert_eq!(count(&again, "new people"), 0, "{again}");
    assert_eq!(count(&again, "updated"), 0, "{again}");
    assert_eq!(count(&again, "unchanged"), 3, "{again}");
    assert!(again.contains("already enrolled: 3"), "{again}");
    assert_eq!(register(dir.path()), people);
}

#[test]
fn one_bad_id_number_imports_nothing_and_names_its_line() {
    let dir = with_cohort();
    let text = excel_roster_text().replace(ID_OUYANG, "440524188001010015");
    let csv = file(dir.path(), "bad.csv", &gbk(&text));
    let err = refused(&import(dir.path(), &csv, &["--cohort", "2015-01"]));
    assert!(err.contains("nothing imported: 1 row(s)"), "{err}");
    assert!(
        err.contains("line 5: ID number 440524********0015 has a wrong check digit"),
        "{err}"
    );
    assert!(
        !err.contains("440524188001010015"),
        "never the full number: {err}"
    );
    assert!(register(dir.path()).is_empty());

    let zh = refused(&lunxun_lang(
        dir.path(),
        &["import", csv.to_str().unwrap()],
        "zh_CN.UTF-8",
    ));
    assert!(
        zh.contains("第 5 行：身份证号码 440524********0015 校验码不正确"),
        "{zh}"
    );

    let out = ok(&import(dir.path(), &csv, &["--skip-invalid"]));
    assert_eq!(count(&out, "new people"), 2, "{out}");
    assert!(out.contains("rows skipped:\nline 5:"), "{out}");
    assert_eq!(register(dir.path()).len(), 2);
}

/// The check reads the whole file before anything is written: a bad row at the end of
/// a file of many chunks (500 records to a commit here; debug builds read
/// `LUNXUN_IMPORT_CHUNK`) still imports nothing, nor does an encoding error there (past
/// the first 64 KiB the reader decodes at a time).
#[test]
fn a_bad_last_row_of_a_file_of_many_chunks_imports_nothing() {
    let dir = with_cohort();
    let mut text = String::from("姓名,单位,身份证号\n");
    for i in 0..5000 {
        text.push_str(&format!("学员{i},第{i}村,\n"));
    }
    let good = gbk(&text);
    text.push_str("坏行,某村,440524188001010015\n");
    let csv = file(dir.path(), "long.csv", &gbk(&text));
    let chunks = [("LUNXUN_IMPORT_CHUNK", "500")];
    let run = |path: &Path| {
        let args = ["import", path.to_str().unwrap(), "--cohort", "2015-01"];
        common::lunxun_env(dir.path(), &args, "C", NOW, &chunks)
    };
    let err = refused(&run(&csv));
    assert!(err.contains("line 5002:"), "{err}");
    assert!(register(dir.path()).is_empty());
    let mut damaged = good.clone();
    damaged.extend_from_slice(b"\x81\x20bad\n");
    let err = refused(&run(&file(dir.path(), "damaged.csv", &damaged)));
    assert!(err.contains("line 5002"), "{err}");
    assert!(register(dir.path()).is_empty());
    ok(&run(&file(dir.path(), "good.csv", &good)));
    assert_eq!(register(dir.path()).len(), 5000);
}

#[test]
fn every_bad_row_is_listed_with_its_line() {
    let dir = with_cohort();
    let text = [
        "姓名,电话,身份证号,性别,领域",
        "李雅婷,138-1234-5678,,女,村",
        ",13800000000,,,",
        "张伟,12ab,,,",
        "王五,,11010519491231002,,",
        "赵六,,11010519491231002Y,,",
        "钱七,,,未知,",
        "孙八,,,,农场",
        "\"周\u{1b}[31m九\",,,,",
        "吴十,+8613912345678,１１０１０５１９４９１２３１００２ｘ,,社区",
    ]
    .join("\n");
    let csv = file(dir.path(), "rows.csv", text.as_bytes());
    let err = refused(&import(dir.path(), &csv, &[]));
    for expected in [
        "line 3: the name is empty",
        "line 4: phone 12ab is not a phone number",
        "line 5: ID number 110105*******1002 has 17 characters",
        "line 6: ID number 110105********002Y may only contain digits",
        "line 7: gender '未知'",
        "line 8: field '农场'",
        "line 9: the name contains control characters",
    ] {
        assert!(err.contains(expected), "missing '{expected}' in\n{err}");
    }
    assert_eq!(err.lines().count(), 8, "{err}");
    let out = ok(&import(dir.path(), &csv, &["--skip-invalid"]));
    assert_eq!(count(&out, "new people"), 2, "{out}");
    let people = register(dir.path());
    let wu = named(&people, "吴十");
    assert_eq!(
        wu.id_number.as_deref(),
        Some(ID_LI),
        "full-width digits and x normalised"
    );
    assert_eq!(wu.phone.as_deref(), Some("+8613912345678"));
    assert_eq!(
        named(&people, "李雅婷").phone.as_deref(),
        Some("13812345678")
    );
}

#[test]
fn utf8_with_and_without_bom_and_gb18030_read_the_same_names() {
    let dir = tempfile::tempdir().unwrap();
    let text = "姓名,单位\n刘䶮,荣家湾镇新开村\n𠮷田,南湖街道梅溪社区\n";
    let (gb18030, _, _) = encoding_rs::GB18030.encode(text);
    let bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
    for (name, bytes, encoding) in [
        ("plain.csv", text.as_bytes().to_vec(), "UTF-8,"),
        ("bom.csv", bom, "UTF-8 (BOM)"),
        ("gb.csv", gb18030.into_owned(), "GBK/GB18030"),
    ] {
        let path = file(dir.path(), name, &bytes);
        let out = ok(&import(dir.path(), &path, &[]));
        assert!(out.contains(encoding), "{name}: {out}");
    }
    let people = register(dir.path());
    assert_eq!(
        people.len(),
        2,
        "the second and third files changed nothing: {people:?}"
    );
    assert_eq!(named(&people, "𠮷田").unit, "南湖街道梅溪社区");
    named(&people, "刘䶮");
}

#[test]
fn files_that_are_not_readable_text_are_refused_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("姓名\n李雅婷\n".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let mut invalid = gbk("姓名,单位\n李雅婷,新开村\n");
    invalid.extend_from_slice(b"\x81\x20,x\n");
    let cases: [(&str, Vec<u8>, &str); 6] = [
        ("utf16.csv", utf16, "UTF-16"),
        (
            "invalid.csv",
            invalid,
            "line 3: the file is neither UTF-8 nor GBK/GB18030",
        ),
        ("empty.csv", Vec::new(), "the file is empty"),
        (
            "quote.csv",
            b"name,unit\nLi,\"Xinkai\nZhang,Meixi\n".to_vec(),
            "line 2: a quoted cell opened here is never closed",
        ),
        (
            "noheader.csv",
            "李雅婷,新开村\n".as_bytes().to_vec(),
            "no header row",
        ),
        (
            "damaged.csv",
            "姓名\n李\u{FFFD}婷\n".as_bytes().to_vec(),
            "line 2 contains U+FFFD",
        ),
    ];
    for (name, bytes, needle) in cases {
        let path = file(dir.path(), name, &bytes);
        let err = refused(&import(dir.path(), &path, &[]));
        assert!(err.contains(needle), "{name}: expected '{needle}' in {err}");
    }
    let forced = refused(&import(
        dir.path(),
        &file(dir.path(), "g.csv", &gbk("姓名\n李")),
        &["--encoding", "utf-8"],
    ));
    assert!(forced.contains("line 1 is not valid UTF-8"), "{forced}");
    assert!(register(dir.path()).is_empty());
}

#[test]
fn tab_separated_ragged_rows_and_header_only_files_import() {
    let dir = tempfile::tempdir().unwrap();
    let text =
        "姓名\t单位\t电话\t民族\n李雅婷\t新开村\n张伟\t梅溪社区\t13900001111\t汉\t多余\n\n王五\n";
    let path = file(dir.path(), "roster.txt", text.as_bytes());
    let out = ok(&import(dir.path(), &path, &[]));
    assert!(out.contains("tab-separated"), "{out}");
    assert!(
        out.contains("unknown columns (kept in notes): 民族"),
        "{out}"
    );
    assert_eq!(count(&out, "new people"), 3, "{out}");
    let people = register(dir.path());
    assert_eq!(named(&people, "张伟").notes, "民族：汉；第5列：多余");
    assert_eq!(named(&people, "王五").unit, "");

    let header_only = file(dir.path(), "header.csv", "序号,姓名,单位\r\n".as_bytes());
    let out = ok(&import(dir.path(), &header_only, &[]));
    assert_eq!(count(&out, "rows"), 0, "{out}");
    assert!(out.contains("nothing to change"), "{out}");
}

#[test]
fn duplicate_rows_count_once_and_conflicting_ones_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "姓名,单位,身份证号\n李雅婷,新开村,{ID_LI}\n张伟,梅溪社区,\n李雅婷,新开村,{ID_LI}\n李雅婷,,{ID_LI}\n"
    );
    let path = file(dir.path(), "dups.csv", text.as_bytes());
    let out = ok(&import(dir.path(), &path, &[]));
    assert_eq!(count(&out, "new people"), 2, "{out}");
    assert_eq!(count(&out, "duplicates within the file"), 2, "{out}");
    assert!(out.contains("line 4 repeats line 2"), "{out}");

    let conflict = format!("姓名,单位,身份证号\n李雅婷,新开村,{ID_LI}\n李雅婷,清水村,{ID_LI}\n");
    let path = file(dir.path(), "conflict.csv", conflict.as_bytes());
    let err = refused(&import(dir.path(), &path, &[]));
    assert!(
        err.contains("line 3: the same person as line 2, but with a different unit"),
        "{err}"
    );
}

#[test]
fn an_overlapping_file_updates_matched_people_and_keeps_check_ins() {
    let dir = with_cohort();
    let first = format!(
        "姓名,单位,电话,身份证号\n李雅婷,新开村,13812345678,{ID_LI}\n张伟,梅溪社区,13900001111,\n"
    );
    ok(&import(
        dir.path(),
        &file(dir.path(), "a.csv", first.as_bytes()),
        &["--cohort", "2015-01"],
    ));
    let li = named(&register(dir.path()), "李雅婷").clone();
    ok(&lunxun(
        dir.path(),
        &["checkin", "--cohort", "2015-01", "--person", li.id.as_str()],
    ));

    // 李雅婷 by ID number (new phone), 张伟 by phone (new unit), 王五 is new.
    let second = format!(
        "姓名,单位,电话,身份证号,职务\n李雅婷,新开村,13700000000,{ID_LI},村党组织书记\n张伟,梅溪村,13900001111,,\n王五,清水村,,,\n"
    );
    let out = ok(&import(
        dir.path(),
        &file(dir.path(), "b.csv", second.as_bytes()),
        &["--cohort", "2015-01"],
    ));
    assert_eq!(
        (
            count(&out, "new people"),
            count(&out, "updated"),
            count(&out, "unchanged")
        ),
        (1, 2, 0),
        "{out}"
    );
    assert!(
        out.contains("enrolled in 2015-01: 1 (already enrolled: 2)"),
        "{out}"
    );
    let people = register(dir.path());
    assert_eq!(people.len(), 3);
    let li_now = named(&people, "李雅婷");
    assert_eq!(
        (li_now.id.clone(), li_now.phone.as_deref()),
        (li.id.clone(), Some("13700000000"))
    );
    assert_eq!(named(&people, "张伟").unit, "梅溪村");
    let export = ok(&lunxun(
        dir.path(),
        &["export", "attendance", "--cohort", "2015-01"],
    ));
    assert!(
        export.contains("\"late\""),
        "the check-in is still there: {export}"
    );
}

#[test]
fn dry_run_writes_nothing_and_no_cohort_means_register_only() {
    let dir = with_cohort();
    let path = file(dir.path(), "r.csv", &gbk(&excel_roster_text()));
    let out = ok(&import(
        dir.path(),
        &path,
        &["--dry-run", "--cohort", "2015-01"],
    ));
    assert_eq!(count(&out, "new people"), 3, "{out}");
    assert!(out.ends_with("dry run: nothing written\n"), "{out}");
    assert!(register(dir.path()).is_empty());

    let out = ok(&import(dir.path(), &path, &[]));
    assert!(
        out.contains("no cohort to enrol in: register only"),
        "{out}"
    );
    let roster = ok(&lunxun(
        dir.path(),
        &["roster", "--cohort", "2015-01", "--json"],
    ));
    assert_eq!(roster.trim(), "[]");
    assert_eq!(register(dir.path()).len(), 3);
}

#[test]
fn a_megabyte_name_is_refused_without_echoing_it() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "姓名,单位\n{},新开村\n李雅婷,新开村\n",
        "张".repeat(350_000)
    );
    assert!(text.len() > 1_000_000);
    let path = file(dir.path(), "big.csv", text.as_bytes());
    let err = refused(&import(dir.path(), &path, &[]));
    assert!(
        err.contains("line 2: name is longer than 32 characters"),
        "{}",
        &err[..err.len().min(300)]
    );
    assert!(err.len() < 400, "the message stays short");
}

#[test]
fn the_committed_xls_fixture_imports() {
    let dir = tempfile::tempdir().unwrap();
    let xls = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/roster.xls");
    let out = ok(&import(dir.path(), &xls, &[]));
    assert!(out.contains("xls sheet '花名册'"), "{out}");
    assert_eq!(count(&out, "new people"), 3, "{out}");
    let people = register(dir.path());
    let li = named(&people, "李雅婷");
    assert_eq!(
        li.phone.as_deref(),
        Some("13812345678"),
        "a number cell read as digits"
    );
    assert_eq!(li.id_number.as_deref(), Some(ID_LI));
    assert_eq!(named(&people, "张伟").unit, "南湖街道梅溪社区");
    assert_eq!(named(&people, "欧阳娜").county, "岳阳县");

    let err = refused(&import(dir.path(), &xls, &["--sheet", "二组"]));
    assert!(
        err.contains("no sheet named '二组'; its sheets are: 花名册, 说明"),
        "{err}"
    );
}

#[test]
fn an_id_number_excel_stored_as_a_number_is_explained() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(dir.path(), "n.xlsx", &roster_xlsx(true));
    let err = refused(&import(dir.path(), &path, &[]));
    assert!(
        err.contains("line 5: ID number 440524") && err.contains("stored as a number"),
        "{err}"
    );
}

/// Progress: on a terminal a bar drawn for the check and for the write (rows, rate, time
/// left), gone before the summary; otherwise a plain line every 10,000 rows.
#[cfg(unix)]
mod progress {
    use std::io::Read;

    use portable_pty::{PtySize, native_pty_system};

    use super::{NOW, common, file, ok, with_cohort};

    fn roster(rows: usize) -> Vec<u8> {
        let mut text = String::from("姓名,单位\n");
        for i in 0..rows {
            text.push_str(&format!("学员{i},第{i}村\n"));
        }
        text.into_bytes()
    }

    #[test]
    fn a_terminal_shows_a_bar_for_each_pass_and_a_pipe_plain_lines() {
        let dir = with_cohort();
        let csv = file(dir.path(), "roster.csv", &roster(30_000));
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 50,
                cols: 160,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let args = ["import", csv.to_str().unwrap()];
        let mut cmd = common::desk::command(dir.path(), &args, "C", NOW);
        cmd.env("LUNXUN_IMPORT_CHUNK", "1000");
        let mut child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let drain = std::thread::spawn(move || {
            let mut shown = Vec::new();
            let _ = reader.read_to_end(&mut shown);
            shown
        });
        assert_eq!(child.wait().unwrap().exit_code(), 0);
        drop(pair.master);
        let shown = String::from_utf8_lossy(&drain.join().unwrap()).into_owned();
        assert!(shown.contains("checking: "), "{shown:?}");
        assert!(shown.contains("rows/s ["), "a bar: {shown:?}");
        assert!(shown.contains("/30000 records"), "{shown:?}");
        assert!(shown.contains(" left"), "time left: {shown:?}");
        assert!(shown.contains("✓ imported and saved"), "{shown:?}");

        let others = String::from_utf8(roster(25_000))
            .unwrap()
            .replace("学员", "新学员");
        let again = file(dir.path(), "again.csv", others.as_bytes());
        let piped = common::lunxun_at(dir.path(), &["import", again.to_str().unwrap()], "C", NOW);
        ok(&piped);
        let err = common::stderr_past_clock_warning(&piped);
        let lines: Vec<&str> = err.lines().collect();
        let expected = [
            "checking: 10000 rows read, ",
            "checking: 20000 rows read, ",
            "writing: 10000/25000 records, ",
            "writing: 20000/25000 records, ",
        ];
        assert_eq!(lines.len(), expected.len(), "{err}");
        for (line, start) in lines.iter().zip(expected) {
            assert!(line.starts_with(start), "{err}");
        }
    }
}
