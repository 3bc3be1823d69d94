//! `lunxun export certificates` through the built binary: the workbook's page setup read
//! from its XML, its text through calamine, and the issue records read from the store.

mod common;

use std::collections::BTreeSet;
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};
use std::process::Output;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use lunxun::domain::register::{CertificateKind, Issued};
use lunxun::store::Store;

use common::{last_line, ok};

const CODE: &str = "2015-01";
const ZH: &str = "zh_CN.UTF-8";
/// After the cohort (Monday and Tuesday) ended.
const LATER: &str = "2015-03-20T09:00:00+08:00";

fn at(dir: &Path, args: &[&str], now: &str) -> Output {
    common::lunxun_at(dir, args, ZH, now)
}

/// Each session's time: five minutes after it starts.
const SESSIONS: [(&str, &str); 4] = [
    ("1:am", "2015-03-16T08:35:00+08:00"),
    ("1:pm", "2015-03-16T14:35:00+08:00"),
    ("2:am", "2015-03-17T08:35:00+08:00"),
    ("2:pm", "2015-03-17T14:35:00+08:00"),
];

struct Cohort {
    dir: tempfile::TempDir,
    /// By name.
    ids: Vec<(String, String)>,
}

impl Cohort {
    fn id(&self, name: &str) -> String {
        self.ids.iter().find(|(n, _)| n == name).unwrap().1.clone()
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }
}

/// A 2-day am/pm cohort (4 sessions, 12 学时; completing needs all four): 李雅婷,
/// 欧阳娜 and 张伟 attend everything, 王秀英 two sessions, 刘洋 none, 赵敏 one and is
/// then replaced (调换, 工作调动) by 陈静, who attends none, 孙丽 two and then withdraws
/// (退训, 病假). Held teaching covers modules 1 and 2; a planned one (5) never held
/// and a deleted one (4) do not count. The cohort is closed.
fn cohort() -> Cohort {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let now = SESSIONS[0].1;
    let new = [
        "cohort",
        "new",
        "--name",
        "第1期村党组织书记轮训班",
        "--start",
        "2015-03-16",
        "--days",
        "2",
        "--venue",
        "岳阳县委党校",
    ];
    ok(&at(d, &new, now));
    let names = [
        "李雅婷",
        "欧阳娜",
        "张伟",
        "王秀英",
        "刘洋",
        "赵敏",
        "孙丽",
        "陈静",
    ];
    let ids: Vec<(String, String)> = names
        .iter()
        .map(|name| {
            let unit = format!("{name}所在村");
            let mut args = vec!["person", "add", "--name", name, "--unit", &unit];
            // 陈静 comes as a substitute: not on the roster before.
            if *name != "陈静" {
                args.extend(["--cohort", CODE]);
            }
            (name.to_string(), last_line(&ok(&at(d, &args, now))))
        })
        .collect();
    let sessions_of = [4, 4, 4, 2, 0, 1, 2, 0];
    for (n, (session, now)) in SESSIONS.iter().enumerate() {
        for (who, (_, id)) in ids.iter().enumerate() {
            if sessions_of[who] > n {
                let args = [
                    "checkin",
                    "--cohort",
                    CODE,
                    "--person",
                    id,
                    "--session",
                    session,
                ];
                ok(&at(d, &args, now));
            }
        }
    }
    teach(d);
    let (zhao, chen, sun) = (&ids[5].1, &ids[7].1, &ids[6].1);
    let substitute = [
        "substitute",
        "--cohort",
        CODE,
        "--out",
        zhao,
        "--in",
        chen,
        "--reason",
        "工作调动",
    ];
    ok(&at(d, &substitute, LATER));
    let unenrol = [
        "unenrol", "--cohort", CODE, "--person", sun, "--reason", "病假",
    ];
    ok(&at(d, &unenrol, LATER));
    ok(&at(d, &["cohort", "close", "--cohort", CODE], LATER));
    Cohort { dir, ids }
}

fn teach(d: &Path) {
    let add = |session: &str, modules: &str, extra: &[&str], now: &str| {
        let mut args = vec![
            "teach",
            "add",
            "--cohort",
            CODE,
            "--session",
            session,
            "--method",
            "lecture",
            "--title",
            "专题辅导",
            "--modules",
            modules,
        ];
        args.extend_from_slice(extra);
        ok(&at(d, &args, now));
    };
    add("1:am", "1", &[], SESSIONS[0].1);
    add("1:pm", "2", &[], SESSIONS[1].1);
    add("2:pm", "5", &["--planned"], SESSIONS[0].1);
    add("2:am", "4", &[], SESSIONS[2].1);
    ok(&at(
        d,
        &["teach", "delete", "--cohort", CODE, "--id", "4"],
        SESSIONS[2].1,
    ));
}

/// 补课 for `person` in both sessions of day 2 (the cohort reopened for it).
fn make_up_day_2(d: &Path, person: &str) {
    ok(&at(d, &["cohort", "reopen", "--cohort", CODE], LATER));
    for session in ["2:am", "2:pm"] {
        let args = [
            "makeup",
            "--cohort",
            CODE,
            "--person",
            person,
            "--session",
            session,
            "--reason",
            "补课",
        ];
        ok(&at(d, &args, LATER));
    }
    ok(&at(d, &["cohort", "close", "--cohort", CODE], LATER));
}

fn issued(d: &Path) -> (String, Vec<Issued>) {
    let store = Store::open(d).unwrap();
    let desk = store.desk().to_string();
    let issued = store.register_facts().unwrap().issued;
    store.close();
    (desk, issued)
}

fn export(c: &Cohort, file: &str, extra: &[&str]) -> (Output, PathBuf) {
    let path = c.path().join(file);
    let mut args = vec!["export", "certificates", "--cohort", CODE, "-o"];
    args.push(path.to_str().unwrap());
    args.extend_from_slice(extra);
    (at(c.path(), &args, LATER), path)
}

fn sheet_xml(bytes: &[u8], n: usize) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    let name = format!("xl/worksheets/sheet{n}.xml");
    zip.by_name(&name)
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

fn row_breaks(xml: &str) -> usize {
    let Some(start) = xml.find("<rowBreaks count=\"") else {
        return 0;
    };
    let rest = &xml[start + "<rowBreaks count=\"".len()..];
    rest[..rest.find('"').unwrap()].parse().unwrap()
}

fn text(bytes: &[u8], tab: &str) -> String {
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.to_vec())).unwrap();
    let range = book.worksheet_range(tab).unwrap();
    let cells: Vec<String> = range
        .rows()
        .flat_map(|r| r.iter())
        .filter_map(|c| match c {
            Data::String(s) => Some(s.clone()),
            _ => None,
        })
        .collect();
    cells.join("\n")
}

fn serials_of(issued: &[Issued], kind: CertificateKind) -> Vec<(String, String)> {
    issued
        .iter()
        .filter(|i| i.kind == kind && !i.reprint)
        .map(|i| (i.person.0.clone(), i.serial.clone()))
        .collect()
}

#[test]
fn one_a4_page_per_completer_a_register_and_statements_with_recorded_serials() {
    let c = cohort();
    let (out, path) = export(&c, "结业证书.xlsx", &[]);
    let said = ok(&out);
    assert!(
        said.contains("结业证书 3 份（新发 3，补印 0），学时证明 3 份"),
        "{said}"
    );
    let bytes = std::fs::read(&path).unwrap();
    let xml = sheet_xml(&bytes, 1);
    assert_eq!(row_breaks(&xml), 2, "completers − 1 breaks");
    assert!(xml.contains("<pageSetUpPr fitToPage=\"1\"/>"), "{xml}");
    assert!(xml.contains("paperSize=\"9\""), "{xml}");
    assert!(xml.contains("orientation=\"portrait\""), "{xml}");
    assert_eq!(row_breaks(&sheet_xml(&bytes, 3)), 2, "three statements");

    let (desk, issued) = issued(c.path());
    let certificates = serials_of(&issued, CertificateKind::Completion);
    let expected: Vec<(String, String)> = ["李雅婷", "欧阳娜", "张伟"]
        .iter()
        .enumerate()
        .map(|(n, name)| (c.id(name), format!("{desk}-{CODE}-{:03}", n + 1)))
        .collect();
    let mut got = certificates.clone();
    got.sort_by(|a, b| a.1.cmp(&b.1));
    assert_eq!(got, expected);
    let pages = text(&bytes, "结业证书");
    for (name, serial) in ["李雅婷", "欧阳娜", "张伟"].iter().zip(&expected) {
        assert!(
            pages.contains(&format!("{name}同志（{name}所在村）")),
            "{pages}"
        );
        assert!(
            pages.contains(&format!("证书编号：{}", serial.1)),
            "{pages}"
        );
    }
    assert!(
        pages.contains("参加第1期村党组织书记轮训班，完成12学时学习"),
        "{pages}"
    );
    assert!(
        pages.contains("学习内容包括讲话精神、党章党纪，经考核准予结业"),
        "{pages}"
    );
    assert!(pages.contains("岳阳县委党校") && pages.contains("2015年3月17日"));
    assert!(!pages.contains("王秀英") && !pages.contains("刘洋"));

    let register = text(&bytes, "结业证书发放登记表");
    assert!(register.contains("领取人签名") && register.contains("领取日期"));
    for (_, serial) in &expected {
        assert!(register.contains(serial.as_str()), "{register}");
    }
    let statements = text(&bytes, "学时证明");
    assert!(statements.contains("王秀英同志"), "{statements}");
    assert!(
        statements.contains("（共12学时），获得6学时。未结业："),
        "{statements}"
    );
    assert!(statements.contains("赵敏同志") && statements.contains("因工作调动调换，由他人替补。"));
    assert!(statements.contains("孙丽同志") && statements.contains("因病假退训。"));
    assert!(!statements.contains("刘洋"), "never attended: no statement");
    assert!(
        !statements.contains("陈静") && !pages.contains("陈静"),
        "a substitute who never came"
    );
    let statement_serials = serials_of(&issued, CertificateKind::HoursStatement);
    let mut serials: Vec<&str> = statement_serials.iter().map(|s| s.1.as_str()).collect();
    serials.sort_unstable();
    assert_eq!(serials, [1, 2, 3].map(|n| format!("{desk}-{CODE}-H00{n}")));
    assert_eq!(issued.len(), 6, "one record per paper");
    assert!(issued.iter().all(|i| !i.reprint && i.cohort == CODE));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "private to the user, as every export");
    }
    assert!(!c.path().read_dir().unwrap().any(|e| {
        e.unwrap()
            .file_name()
            .to_string_lossy()
            .contains(".staged-")
    }));
}

#[test]
fn a_reprint_keeps_the_serials_and_is_recorded_as_one() {
    let c = cohort();
    ok(&export(&c, "first.xlsx", &[]).0);
    let (_, first) = issued(c.path());

    let (again, path) = export(&c, "again.xlsx", &[]);
    assert_eq!(
        again.status.code(),
        Some(2),
        "nothing new without --reprint"
    );
    let said = String::from_utf8_lossy(&again.stderr);
    assert!(
        said.contains("都已发放过（6 份）") && said.contains("--reprint"),
        "{said}"
    );
    assert!(!path.exists());
    assert_eq!(issued(c.path()).1.len(), 6, "a refusal records nothing");

    let (out, path) = export(&c, "reprint.xlsx", &["--reprint"]);
    assert!(
        ok(&out).contains("结业证书 3 份（新发 0，补印 3），学时证明 3 份（新出具 0，补印 3）")
    );
    let (_, all) = issued(c.path());
    assert_eq!(all.len(), 12);
    let reprints: BTreeSet<(String, String)> = all
        .iter()
        .filter(|i| i.reprint)
        .map(|i| (i.person.0.clone(), i.serial.clone()))
        .collect();
    let originals: BTreeSet<(String, String)> = first
        .iter()
        .map(|i| (i.person.0.clone(), i.serial.clone()))
        .collect();
    assert_eq!(reprints, originals, "the same serial for the same person");
    let pages = text(&std::fs::read(&path).unwrap(), "结业证书");
    for i in first
        .iter()
        .filter(|i| i.kind == CertificateKind::Completion)
    {
        assert!(pages.contains(&i.serial), "{pages}");
    }
}

#[test]
fn someone_completing_later_gets_the_next_number_and_only_their_page_is_new() {
    let c = cohort();
    ok(&export(&c, "first.xlsx", &[]).0);
    let wang = c.id("王秀英");
    make_up_day_2(c.path(), &wang);
    let (out, path) = export(&c, "later.xlsx", &[]);
    let said = ok(&out);
    assert!(
        said.contains("结业证书 1 份（新发 1，补印 0），学时证明 0 份"),
        "{said}"
    );
    assert!(said.contains("另有 5 份此前已发放"), "{said}");
    let (desk, issued) = issued(c.path());
    let hers: Vec<&Issued> = issued
        .iter()
        .filter(|i| i.person.0 == wang && i.kind == CertificateKind::Completion)
        .collect();
    assert_eq!(hers.len(), 1);
    assert_eq!(hers[0].serial, format!("{desk}-{CODE}-004"));
    let bytes = std::fs::read(&path).unwrap();
    assert_eq!(row_breaks(&sheet_xml(&bytes, 1)), 0, "one page");
    let pages = text(&bytes, "结业证书");
    assert!(
        pages.contains("王秀英同志") && !pages.contains("李雅婷"),
        "{pages}"
    );
}

#[test]
fn a_holder_who_no_longer_completes_is_named_and_their_number_is_not_reused() {
    let c = cohort();
    ok(&export(&c, "first.xlsx", &[]).0);
    let zhang = c.id("张伟");
    let d = c.path();
    ok(&at(d, &["cohort", "reopen", "--cohort", CODE], LATER));
    ok(&at(
        d,
        &[
            "undo",
            "--cohort",
            CODE,
            "--person",
            &zhang,
            "--session",
            "2:pm",
        ],
        LATER,
    ));
    ok(&at(d, &["cohort", "close", "--cohort", CODE], LATER));
    let wang = c.id("王秀英");
    make_up_day_2(d, &wang);
    let said = ok(&export(&c, "after.xlsx", &[]).0);
    assert!(
        said.contains("注意：张伟 此前已发结业证书，但按现在的记录不再结业"),
        "{said}"
    );
    let (desk, issued) = issued(d);
    let serial = |person: &str, kind| {
        let found = issued
            .iter()
            .filter(|i| i.person.0 == person && i.kind == kind);
        found.map(|i| i.serial.clone()).collect::<Vec<_>>()
    };
    assert_eq!(
        serial(&wang, CertificateKind::Completion),
        [format!("{desk}-{CODE}-004")]
    );
    assert_eq!(
        serial(&zhang, CertificateKind::Completion),
        [format!("{desk}-{CODE}-003")]
    );
    assert_eq!(
        serial(&zhang, CertificateKind::HoursStatement),
        [format!("{desk}-{CODE}-H004")]
    );
}

#[test]
fn a_failed_commit_leaves_no_file_and_a_failed_write_records_nothing() {
    let c = cohort();
    let path = c.path().join("结业证书.xlsx");
    let args = [
        "export",
        "certificates",
        "--cohort",
        CODE,
        "-o",
        path.to_str().unwrap(),
    ];
    let failed = common::lunxun_env(
        c.path(),
        &args,
        ZH,
        LATER,
        &[("LUNXUN_FAULT", "write:1:always")],
    );
    assert_eq!(
        failed.status.code(),
        Some(1),
        "{}",
        common::text_of(&failed)
    );
    assert!(!path.exists(), "nothing written when the record failed");
    let names: Vec<String> = c
        .path()
        .read_dir()
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.iter().any(|n| n.contains("结业证书")), "{names:?}");
    assert!(issued(c.path()).1.is_empty());

    let nowhere = c.path().join("no-such-folder").join("c.xlsx");
    let args = [
        "export",
        "certificates",
        "--cohort",
        CODE,
        "-o",
        nowhere.to_str().unwrap(),
    ];
    let out = at(c.path(), &args, LATER);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("没有记为已发放"));
    assert!(
        issued(c.path()).1.is_empty(),
        "nothing recorded for an unwritten file"
    );
}

#[test]
fn an_open_cohort_prints_nothing_for_people_still_in_progress() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let now = SESSIONS[0].1;
    ok(&at(d, &common::cohort_new("第2期", "2"), now));
    let id = last_line(&ok(&at(
        d,
        &[
            "person",
            "add",
            "--name",
            "李雅婷",
            "--unit",
            "新开村",
            "--cohort",
            CODE,
        ],
        now,
    )));
    ok(&at(
        d,
        &[
            "checkin",
            "--cohort",
            CODE,
            "--person",
            &id,
            "--session",
            "1:am",
        ],
        now,
    ));
    let path = d.join("c.xlsx");
    let out = at(
        d,
        &[
            "export",
            "certificates",
            "--cohort",
            CODE,
            "-o",
            path.to_str().unwrap(),
        ],
        now,
    );
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("尚无结论 1 人"), "{said}");
    assert!(!path.exists());
    let en = common::lunxun_at(
        d,
        &[
            "export",
            "certificates",
            "--cohort",
            CODE,
            "-o",
            path.to_str().unwrap(),
        ],
        "C",
        now,
    );
    assert!(String::from_utf8_lossy(&en.stderr).contains("1 still in progress"));
}
