//! `lunxun bundle export|show` and `lunxun desk name|show` through the built binary:
//! what they print in both languages and as JSON, their exit codes, the passphrase from
//! the environment or standard input (never echoed into any output), and nothing
//! written on a refusal.

mod common;

use std::io::Write;
use std::path::Path;
use std::process::{Output, Stdio};

use common::{NOW, lunxun_at, lunxun_command, ok};

const ZH: &str = "zh_CN.UTF-8";

/// `lunxun` on `dir` with `passphrase` in LUNXUN_BUNDLE_PASSPHRASE (if given) and
/// `stdin` as its standard input.
fn run(dir: &Path, args: &[&str], lang: &str, env: Option<&str>, stdin: &str) -> Output {
    let mut cmd = lunxun_command(dir, args, lang, NOW);
    cmd.env_remove("LUNXUN_BUNDLE_PASSPHRASE");
    if let Some(passphrase) = env {
        cmd.env("LUNXUN_BUNDLE_PASSPHRASE", passphrase);
    }
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn refused(out: &Output) -> String {
    assert_eq!(out.status.code(), Some(2), "{}", common::text_of(out));
    assert!(out.stdout.is_empty());
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap()
}

#[test]
fn a_named_desk_exports_and_shows_its_bundle_in_both_languages() {
    let data = common::demo_folder();
    let files = tempfile::tempdir().unwrap();
    let file = files.path().join("1号台.lxb");
    let file_arg = file.to_str().unwrap();
    let named = ok(&lunxun_at(data.path(), &["desk", "name", "1号台"], ZH, NOW));
    assert!(named.starts_with("本台已命名为 1号台（desk-"), "{named}");
    let args = ["bundle", "export", "-o", file_arg];
    let exported = ok(&lunxun_at(data.path(), &args, ZH, NOW));
    assert!(exported.starts_with("已导出数据包 "), "{exported}");
    assert!(exported.contains("2 个班次、2000 人、"), "{exported}");
    assert!(exported.contains("--encrypt"), "{exported}");
    let en = ok(&lunxun_at(
        data.path(),
        &["bundle", "show", file_arg],
        "C",
        NOW,
    ));
    for line in [
        "from: 1号台 (desk-",
        "exported at: 2015-03-16 08:35:00 +08:00",
        "scope: everything",
        "contents: 2 cohorts, 2000 people, ",
        "format: version 1 (lunxun ",
        "encrypted: no",
        "(verified)",
    ] {
        assert!(en.contains(line), "{line:?} in {en}");
    }
    let zh = ok(&lunxun_at(
        data.path(),
        &["bundle", "show", file_arg],
        ZH,
        NOW,
    ));
    assert!(
        zh.contains("来自：1号台（desk-") && zh.contains("加密：否"),
        "{zh}"
    );
    let shown = json(&ok(&lunxun_at(
        data.path(),
        &["bundle", "show", file_arg, "--json"],
        "C",
        NOW,
    )));
    assert_eq!(shown["encrypted"], false);
    assert_eq!(shown["header"]["desk_name"], "1号台");
    assert_eq!(shown["header"]["counts"]["people"], 2000);
    assert_eq!(shown["header"]["scope"]["kind"], "all");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
}

#[test]
fn a_cohort_or_a_year_is_exported_alone_and_an_unknown_cohort_writes_nothing() {
    let data = common::demo_folder();
    let files = tempfile::tempdir().unwrap();
    let one = files.path().join("one.lxb");
    let args = ["bundle", "export", "--cohort", "2015-02", "--json", "-o"];
    let out = json(&ok(&lunxun_at(
        data.path(),
        &[&args[..], &[one.to_str().unwrap()]].concat(),
        "C",
        NOW,
    )));
    assert_eq!(out["header"]["scope"]["code"], "2015-02");
    assert_eq!(out["header"]["counts"]["cohorts"], 1);
    assert_eq!(out["encrypted"], false);
    assert!(out["bytes"].as_u64().unwrap() > 1000);
    let people = out["header"]["counts"]["people"].as_u64().unwrap();
    assert!(
        people > 0 && people < 2000,
        "only the cohort's people: {people}"
    );
    let year = files.path().join("year.lxb");
    let args = ["bundle", "export", "--year", "2015", "--json", "-o"];
    let out = json(&ok(&lunxun_at(
        data.path(),
        &[&args[..], &[year.to_str().unwrap()]].concat(),
        "C",
        NOW,
    )));
    assert_eq!(out["header"]["scope"]["year"], 2015);
    assert_eq!(
        out["header"]["counts"]["people"], 2000,
        "the whole register"
    );
    let none = files.path().join("none.lxb");
    let args = ["bundle", "export", "--cohort", "2099-09", "-o"];
    let out = lunxun_at(
        data.path(),
        &[&args[..], &[none.to_str().unwrap()]].concat(),
        "C",
        NOW,
    );
    refused(&out);
    let missing = files.path().join("no such folder").join("x.lxb");
    let out = lunxun_at(
        data.path(),
        &["bundle", "export", "-o", missing.to_str().unwrap()],
        ZH,
        NOW,
    );
    assert_eq!(out.status.code(), Some(1), "{}", common::text_of(&out));
    assert!(String::from_utf8_lossy(&out.stderr).contains("无法读写数据包"));
    let mut left: Vec<_> = std::fs::read_dir(files.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    left.sort();
    assert_eq!(left, vec!["one.lxb", "year.lxb"]);
}

#[test]
fn a_passphrase_from_the_environment_or_standard_input_seals_and_opens() {
    let data = common::demo_folder();
    let files = tempfile::tempdir().unwrap();
    let file = files.path().join("sealed.lxb");
    let file_arg = file.to_str().unwrap();
    let secret = "县委组织部-口令-7";
    let export = [
        "bundle",
        "export",
        "--cohort",
        "2015-02",
        "--encrypt",
        "-o",
        file_arg,
    ];
    let out = run(data.path(), &export, ZH, Some(secret), "");
    let said = ok(&out);
    assert!(said.contains("（已用口令加密）"), "{said}");
    let show = ["bundle", "show", file_arg];
    // No passphrase at all: refused, saying how to give one.
    let needs = refused(&run(data.path(), &show, "C", None, ""));
    assert!(needs.contains("LUNXUN_BUNDLE_PASSPHRASE"), "{needs}");
    // A line of standard input.
    let line = format!("{secret}\n");
    let shown = ok(&run(data.path(), &show, "C", None, &line));
    assert!(shown.contains("encrypted: yes (passphrase)"), "{shown}");
    let shown = ok(&run(data.path(), &show, ZH, Some(secret), ""));
    assert!(shown.contains("加密：是（口令）"), "{shown}");
    let wrong = run(data.path(), &show, ZH, Some("县委组织部-口令-8"), "");
    let said = refused(&wrong);
    assert!(said.contains("口令不对"), "{said}");
    assert!(
        !common::text_of(&wrong).contains("口令-8"),
        "the passphrase echoed"
    );
    // --encrypt with no passphrase given: nothing written.
    let empty = files.path().join("empty.lxb");
    let export = [
        "bundle",
        "export",
        "--encrypt",
        "-o",
        empty.to_str().unwrap(),
    ];
    let said = refused(&run(data.path(), &export, "C", None, ""));
    assert!(said.contains("passphrase is empty"), "{said}");
    assert!(!empty.exists());
}

#[test]
fn a_damaged_or_foreign_file_is_refused_with_exit_code_2_in_both_languages() {
    let data = common::demo_folder();
    let files = tempfile::tempdir().unwrap();
    let file = files.path().join("b.lxb");
    let file_arg = file.to_str().unwrap();
    ok(&lunxun_at(
        data.path(),
        &["bundle", "export", "-o", file_arg],
        "C",
        NOW,
    ));
    let mut bytes = std::fs::read(&file).unwrap();
    let last = bytes.len() - 2;
    bytes[last] = b'!';
    std::fs::write(&file, &bytes).unwrap();
    let show = ["bundle", "show", file_arg];
    let zh = refused(&lunxun_at(data.path(), &show, ZH, NOW));
    assert!(zh.contains("已损坏") && zh.contains("重新导出"), "{zh}");
    let en = refused(&lunxun_at(data.path(), &show, "C", NOW));
    assert!(en.contains("is damaged or incomplete"), "{en}");
    std::fs::write(&file, "姓名,单位\n").unwrap();
    let zh = refused(&lunxun_at(data.path(), &show, ZH, NOW));
    assert!(zh.contains("不是 lunxun 数据包"), "{zh}");
}

#[test]
fn desk_show_lists_this_desk_and_refuses_an_empty_name() {
    let data = tempfile::tempdir().unwrap();
    let shown = ok(&lunxun_at(data.path(), &["desk", "show"], "C", NOW));
    assert!(
        shown.contains("unnamed, name it with lunxun desk name NAME"),
        "{shown}"
    );
    refused(&lunxun_at(data.path(), &["desk", "name", "  "], ZH, NOW));
    ok(&lunxun_at(
        data.path(),
        &["desk", "name", "2号台"],
        "C",
        NOW,
    ));
    let shown = json(&ok(&lunxun_at(
        data.path(),
        &["desk", "show", "--json"],
        "C",
        NOW,
    )));
    assert_eq!(shown["this"]["name"], "2号台");
    assert!(shown["this"]["id"].as_str().unwrap().starts_with("desk-"));
    assert_eq!(shown["others"], serde_json::json!([]));
    let zh = ok(&lunxun_at(data.path(), &["desk", "show"], ZH, NOW));
    assert!(zh.starts_with("本台：2号台（desk-"), "{zh}");
}

/// Typed on a terminal, the passphrase is asked twice to seal and once to open, and
/// never shown; two that differ seal nothing.
#[cfg(unix)]
#[test]
fn a_passphrase_typed_on_a_terminal_is_not_echoed() {
    use common::desk::{Desk, command};
    let data = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let file = files.path().join("typed.lxb");
    let file_arg = file.to_str().unwrap();
    let secret = "typed-secret-42";
    let typed = |args: &[&str], answers: &[&str]| {
        let mut cmd = command(data.path(), args, "C", NOW);
        cmd.env_remove("LUNXUN_BUNDLE_PASSPHRASE");
        let mut desk = Desk::spawn(cmd);
        desk.wait_for("bundle passphrase: ");
        for (i, answer) in answers.iter().enumerate() {
            if i == 1 {
                desk.wait_for("passphrase again: ");
            }
            desk.send(&format!("{answer}\r"));
        }
        let code = desk.exit_code();
        std::thread::sleep(std::time::Duration::from_millis(200));
        let screen = desk.contents();
        assert!(
            !screen.contains("typed-secret"),
            "the passphrase shown:\n{screen}"
        );
        (code, screen)
    };
    let export = ["bundle", "export", "--encrypt", "-o", file_arg];
    let (code, screen) = typed(&export, &[secret, "typed-secret-43"]);
    assert_eq!(code, 2, "{screen}");
    assert!(screen.contains("the two passphrases differ"), "{screen}");
    assert!(!file.exists());
    let (code, screen) = typed(&export, &[secret, secret]);
    assert_eq!(code, 0, "{screen}");
    assert!(screen.contains("(encrypted with a passphrase)"), "{screen}");
    let (code, screen) = typed(&["bundle", "show", file_arg], &[secret]);
    assert_eq!(code, 0, "{screen}");
    assert!(screen.contains("encrypted: yes (passphrase)"), "{screen}");
    assert!(
        !screen.contains("typed-secret"),
        "the passphrase shown:\n{screen}"
    );
}

#[test]
fn without_a_file_name_the_bundle_is_named_after_the_desk_and_the_time() {
    let data = tempfile::tempdir().unwrap();
    let here = tempfile::tempdir().unwrap();
    ok(&lunxun_at(
        data.path(),
        &["desk", "name", "2号台/东门"],
        "C",
        NOW,
    ));
    let mut cmd = lunxun_command(data.path(), &["bundle", "export"], "C", NOW);
    let said = ok(&cmd.current_dir(here.path()).output().unwrap());
    let name = "lunxun-2号台_东门-20150316-0835.lxb";
    assert!(said.contains(name), "{said}");
    let files: Vec<_> = std::fs::read_dir(here.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(files, vec![name.to_string()]);
}
