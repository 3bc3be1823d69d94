//! The desk's bundle screen (数据包): exporting a bundle, merging one (a dry run, then
//! the merge once confirmed, then the desk reads everything again), naming this desk.
//! Driven by key events on real temporary stores with a fixed clock, rendered into
//! ratatui's test backend; and once end to end, in a pseudo-terminal.

use std::path::Path;

use lunxun::domain::{Session, SlotKind};
use lunxun::store::Store;
use lunxun::text::Lang;
use lunxun::tui::{App, Overlay, ScreenId};
use ratatui::crossterm::event::KeyCode;

mod common;
use common::app::{ctrl, notice, press, screen, type_text};

/// Day 2 of the demo cohort, 08:35.
const NOW: &str = "2015-03-16T08:35:00+08:00";
/// The demo cohort in progress.
const DEMO: &str = "2015-02";

fn demo_app(dir: &std::path::Path, lang: Lang) -> App {
    common::app::demo(dir, NOW, lang)
}

/// The bundle screen, from the dashboard.
fn bundles(app: &mut App) {
    press(app, KeyCode::F(6));
    press(app, KeyCode::Char('b'));
    assert_eq!(app.screen, ScreenId::Bundle);
}

/// Replaces the focused form field's text with `text`.
fn retype(app: &mut App, text: &str) {
    ctrl(app, 'u');
    type_text(app, text);
}

/// The export form filled in: scope as offered (this cohort), `file`, `passphrase`
/// typed twice (or left empty).
fn export(app: &mut App, file: &std::path::Path, passphrase: &str) {
    press(app, KeyCode::Char('e'));
    press(app, KeyCode::Tab);
    retype(app, file.to_str().unwrap());
    press(app, KeyCode::Tab);
    type_text(app, passphrase);
    press(app, KeyCode::Tab);
    type_text(app, passphrase);
    press(app, KeyCode::Enter);
}

#[test]
fn the_bundle_screen_is_reached_from_the_dashboard_and_the_sessions_and_left_with_esc() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo_app(dir.path(), Lang::En);
    bundles(&mut app);
    let shown = screen(&app, 100, 30);
    assert!(shown.contains("this desk: desk-"), "{shown}");
    assert!(shown.contains("export a bundle"), "{shown}");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen, ScreenId::Dashboard);
    press(&mut app, KeyCode::F(4));
    press(&mut app, KeyCode::Char('b'));
    assert_eq!(app.screen, ScreenId::Bundle);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen, ScreenId::Sessions);
}

#[test]
fn naming_this_desk_is_stored_and_shown() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo_app(dir.path(), Lang::Zh);
    bundles(&mut app);
    press(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "2号台");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.overlay, None);
    assert!(
        notice(&app).contains("本台已命名为 2号台"),
        "{}",
        notice(&app)
    );
    assert!(screen(&app, 100, 30).contains("本台：2号台"));
    drop(app);
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.desk_name().unwrap().as_deref(), Some("2号台"));
}

#[test]
fn an_export_writes_the_cohort_and_says_what_it_holds() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut app = demo_app(&data, Lang::Zh);
    bundles(&mut app);
    let file = dir.path().join("一号台.lxb");
    export(&mut app, &file, "");
    assert_eq!(app.overlay, None, "{}", screen(&app, 100, 30));
    assert!(file.exists());
    let said = notice(&app);
    assert!(said.contains("已导出数据包"), "{said}");
    assert!(said.contains("1 个班次"), "{said}");
    let shown = screen(&app, 100, 30);
    assert!(shown.contains("内含完整身份证号"), "{shown}");
}

#[test]
fn a_passphrase_is_never_drawn_and_must_be_typed_the_same_twice() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo_app(&dir.path().join("data"), Lang::En);
    bundles(&mut app);
    let file = dir.path().join("b.lxb");
    press(&mut app, KeyCode::Char('e'));
    let offered = screen(&app, 100, 30);
    assert!(
        offered.contains(&format!("this cohort {DEMO}")),
        "{offered}"
    );
    press(&mut app, KeyCode::Tab);
    retype(&mut app, file.to_str().unwrap());
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "plum-blossom");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "plum-blosom");
    let shown = screen(&app, 100, 30);
    assert!(!shown.contains("plum"), "{shown}");
    assert!(shown.contains("************"), "{shown}");
    press(&mut app, KeyCode::Enter);
    let Some(Overlay::Form(_, form)) = &app.overlay else {
        panic!("the form stays open: {}", screen(&app, 100, 30));
    };
    assert_eq!(form.error.as_deref(), Some("the two passphrases differ"));
    assert!(!file.exists());
}

/// The screen with every desk id (`desk-` and six random characters) written
/// `desk-XXXXXX`, so a snapshot holds still.
fn steady(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("desk-") {
        out.push_str(&rest[..at + 5]);
        let id: String = rest[at + 5..].chars().take(6).collect();
        out.push_str(&"X".repeat(id.chars().count()));
        rest = &rest[at + 5 + id.len()..];
    }
    out + rest
}

#[test]
fn snapshots_of_the_bundle_screen_and_its_export_form() {
    for lang in [Lang::Zh, Lang::En] {
        let dir = tempfile::tempdir().unwrap();
        let mut app = demo_app(dir.path(), lang);
        bundles(&mut app);
        let suffix = if lang == Lang::Zh { "zh" } else { "en" };
        insta::assert_snapshot!(
            format!("bundle_unnamed_80_{suffix}"),
            steady(&screen(&app, 80, 24))
        );
        press(&mut app, KeyCode::Char('n'));
        type_text(&mut app, "1号台");
        press(&mut app, KeyCode::Enter);
        press(&mut app, KeyCode::Char('e'));
        press(&mut app, KeyCode::Tab);
        retype(&mut app, "/media/u盘/1号台.lxb");
        press(&mut app, KeyCode::Tab);
        type_text(&mut app, "secret");
        insta::assert_snapshot!(
            format!("bundle_export_form_80_{suffix}"),
            steady(&screen(&app, 80, 24))
        );
    }
}

/// Day 2, morning: the session the clock is in.
fn am2() -> Session {
    Session::new(2, SlotKind::Am)
}

/// Checks in the first `n` people of the roster not yet marked in the session in hand,
/// by typing their names: who they were.
fn check_in_some(app: &mut App, n: usize) -> Vec<String> {
    press(app, KeyCode::F(2));
    let desk = app.desk.as_ref().unwrap();
    let names: Vec<String> = desk
        .roster
        .people
        .iter()
        .filter(|p| desk.status(&p.id, am2()).is_none())
        .filter(|p| {
            desk.roster
                .people
                .iter()
                .filter(|q| q.name == p.name)
                .count()
                == 1
        })
        .take(n)
        .map(|p| p.name.clone())
        .collect();
    for name in &names {
        type_text(app, name);
        press(app, KeyCode::Enter);
        assert!(notice(app).contains(name.as_str()), "{}", notice(app));
    }
    names
}

/// The merge form filled in with `file` and `passphrase`, and Enter: the dry run.
fn merge(app: &mut App, file: &Path, passphrase: &str) {
    press(app, KeyCode::Char('m'));
    retype(app, file.to_str().unwrap());
    press(app, KeyCode::Tab);
    type_text(app, passphrase);
    press(app, KeyCode::Enter);
}

/// The question drawn over the screen, if one is.
fn question(app: &App) -> Option<String> {
    match &app.overlay {
        Some(Overlay::Confirm(_, question)) => Some(question.clone()),
        _ => None,
    }
}

/// The venue: desk 2 starts from desk 1's bundle (merged into an empty folder, from its
/// welcome screen), checks two people in, and its bundle merged back at desk 1 says what
/// came in, and desk 1 shows them checked in at once.
#[test]
fn a_second_desk_starts_from_the_first_and_its_check_ins_merge_back() {
    let dir = tempfile::tempdir().unwrap();
    let (one, two) = (dir.path().join("one"), dir.path().join("two"));
    let mut desk1 = demo_app(&one, Lang::Zh);
    let first = check_in_some(&mut desk1, 3);
    bundles(&mut desk1);
    let file1 = dir.path().join("1.lxb");
    export(&mut desk1, &file1, "");
    assert!(
        notice(&desk1).contains("已导出数据包"),
        "{}",
        notice(&desk1)
    );

    let mut desk2 = common::app::open(&two, NOW, Lang::Zh);
    assert!(desk2.welcome);
    merge(&mut desk2, &file1, "");
    let asked = question(&desk2).expect("the dry run is asked about");
    assert!(asked.contains("（未写入）"), "{asked}");
    press(&mut desk2, KeyCode::Char('y'));
    assert!(notice(&desk2).starts_with("已合并 "), "{}", notice(&desk2));
    assert!(!desk2.welcome, "the merged cohort opens");
    assert_eq!(desk2.screen, ScreenId::CheckIn);
    let arrived = |app: &App| app.desk.as_ref().unwrap().counts(am2()).arrived();
    assert_eq!(arrived(&desk2), arrived(&desk1));
    bundles(&mut desk2);
    press(&mut desk2, KeyCode::Char('n'));
    type_text(&mut desk2, "2号台");
    press(&mut desk2, KeyCode::Enter);
    let second = check_in_some(&mut desk2, 2);
    assert!(second.iter().all(|n| !first.contains(n)));
    bundles(&mut desk2);
    let file2 = dir.path().join("2.lxb");
    export(&mut desk2, &file2, "");

    let before = arrived(&desk1);
    press(&mut desk1, KeyCode::Esc);
    bundles(&mut desk1);
    merge(&mut desk1, &file2, "");
    let asked = question(&desk1).expect("the dry run is asked about");
    assert!(
        asked.contains("试合并 2号台 的数据（未写入）：签到 2 条"),
        "{asked}"
    );
    insta::assert_snapshot!("bundle_dry_run_100_zh", steady(&screen(&desk1, 100, 30)));
    assert_eq!(arrived(&desk1), before, "a dry run writes nothing");
    press(&mut desk1, KeyCode::Enter);
    assert_eq!(notice(&desk1), "已合并 2号台 的数据：签到 2 条");
    assert_eq!(
        arrived(&desk1),
        before + 2,
        "the desk reads the merge at once"
    );
    let shown = screen(&desk1, 100, 30);
    assert!(shown.contains("已知的其他台：2号台"), "{shown}");
    press(&mut desk1, KeyCode::F(2));
    type_text(&mut desk1, &second[0]);
    press(&mut desk1, KeyCode::Enter);
    let said = notice(&desk1);
    assert!(!said.starts_with('✓'), "checked in twice: {said}");

    // The same bundle again: nothing new, nothing asked.
    bundles(&mut desk1);
    merge(&mut desk1, &file2, "");
    assert_eq!(question(&desk1), None);
    assert!(
        notice(&desk1).contains("未写入任何内容"),
        "{}",
        notice(&desk1)
    );
}

#[test]
fn a_dry_run_declined_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (one, two) = (dir.path().join("one"), dir.path().join("two"));
    let mut desk1 = demo_app(&one, Lang::En);
    check_in_some(&mut desk1, 2);
    bundles(&mut desk1);
    let file = dir.path().join("1.lxb");
    export(&mut desk1, &file, "");
    drop(desk1);
    let mut desk2 = common::app::open(&two, NOW, Lang::En);
    merge(&mut desk2, &file, "");
    assert!(question(&desk2).is_some(), "{}", screen(&desk2, 100, 30));
    press(&mut desk2, KeyCode::Char('n'));
    assert_eq!(notice(&desk2), "not merged: nothing written");
    assert!(desk2.welcome);
    drop(desk2);
    let store = Store::open(&two).unwrap();
    assert!(store.cohorts().unwrap().is_empty());
    assert!(store.people().unwrap().is_empty());
}

/// An encrypted bundle: merged without the passphrase, the form asks for it; a wrong
/// one is refused in the form; the right one opens it.
#[test]
fn an_encrypted_bundle_asks_for_its_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let (one, two) = (dir.path().join("one"), dir.path().join("two"));
    let mut desk1 = demo_app(&one, Lang::En);
    bundles(&mut desk1);
    let file = dir.path().join("sealed.lxb");
    export(&mut desk1, &file, "plum blossom");
    assert!(screen(&desk1, 100, 30).contains("encrypted: merging it asks for the passphrase"));
    drop(desk1);
    let mut desk2 = common::app::open(&two, NOW, Lang::En);
    merge(&mut desk2, &file, "");
    let Some(Overlay::Form(_, form)) = &desk2.overlay else {
        panic!("{}", screen(&desk2, 100, 30));
    };
    assert_eq!(
        form.error.as_deref(),
        Some("this bundle is encrypted: type its passphrase")
    );
    assert_eq!(form.focus, 1, "on the passphrase");
    type_text(&mut desk2, "plum");
    press(&mut desk2, KeyCode::Enter);
    let Some(Overlay::Form(_, form)) = &desk2.overlay else {
        panic!("{}", screen(&desk2, 100, 30));
    };
    let refused = form.error.clone().unwrap();
    assert!(refused.contains("passphrase"), "{refused}");
    assert!(!screen(&desk2, 100, 30).contains("plum"));
    ctrl(&mut desk2, 'u');
    type_text(&mut desk2, "plum blossom");
    press(&mut desk2, KeyCode::Enter);
    assert!(question(&desk2).is_some(), "{}", screen(&desk2, 100, 30));
    press(&mut desk2, KeyCode::Enter);
    assert!(
        notice(&desk2).starts_with("merged from "),
        "{}",
        notice(&desk2)
    );
}

/// A file that is not a bundle is refused in the merge form, and nothing is written.
#[test]
fn a_foreign_file_is_refused_in_the_form() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo_app(&dir.path().join("data"), Lang::Zh);
    bundles(&mut app);
    let file = dir.path().join("名单.csv");
    std::fs::write(&file, "姓名,单位\n张三,某村\n").unwrap();
    merge(&mut app, &file, "");
    let Some(Overlay::Form(_, form)) = &app.overlay else {
        panic!("{}", screen(&app, 100, 30));
    };
    assert!(form.error.is_some(), "{}", screen(&app, 100, 30));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.overlay, None);
}

/// The export offers `lunxun-<desk>-<date-time>.lxb` in the home folder; once a bundle
/// is written, in that bundle's folder.
#[test]
fn the_export_offers_a_file_named_for_the_desk_in_the_last_bundles_folder() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo_app(&dir.path().join("data"), Lang::Zh);
    let (home, usb) = (dir.path().join("home"), dir.path().join("usb"));
    std::fs::create_dir_all(&home).unwrap();
    std::fs::create_dir_all(&usb).unwrap();
    app.bundle.home = Some(home.clone());
    bundles(&mut app);
    press(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "1号台");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('e'));
    press(&mut app, KeyCode::Enter);
    assert!(home.join("lunxun-1号台-20150316-0835.lxb").exists());
    export(&mut app, &usb.join("a.lxb"), "");
    press(&mut app, KeyCode::Char('e'));
    let Some(Overlay::Form(_, form)) = &app.overlay else {
        panic!("{}", screen(&app, 100, 30));
    };
    let offered = form.fields[1].get();
    let expected = usb.join("lunxun-1号台-20150316-0835.lxb");
    assert_eq!(offered, expected.to_str().unwrap());
}
