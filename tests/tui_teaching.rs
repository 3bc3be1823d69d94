//! The teaching, coverage, bases and import screens, driven by keys on a temp store.

use lunxun::store::Store;
use lunxun::text::Lang;
use lunxun::tui::{App, NoticeKind, Overlay, ScreenId};
use ratatui::crossterm::event::KeyCode;

mod common;
use common::app::{ctrl, notice, press as key, screen, type_text as text};

/// Day 2 of the demo cohort in progress (2015-02), half an hour into the morning.
const NOW: &str = "2015-03-16T09:00:00+08:00";
const DEMO: &str = "2015-02";

fn app(dir: &std::path::Path, lang: Lang) -> App {
    common::app::demo(dir, NOW, lang)
}

/// Adds an accredited base with all five haves through the bases screen.
fn add_base(app: &mut App) {
    key(app, KeyCode::F(9));
    key(app, KeyCode::Char('n'));
    text(app, "张谷英村");
    key(app, KeyCode::Tab);
    key(app, KeyCode::Tab);
    text(app, "岳阳县");
    key(app, KeyCode::Tab);
    text(app, "12345");
    key(app, KeyCode::Tab);
    text(app, "2015-01-10");
    key(app, KeyCode::Enter);
    assert_eq!(app.overlay, None, "{:?}", app.overlay);
}

/// Logs a site visit on module 5 (the one the demo leaves uncovered) at the base added
/// last (after the demo's two), through the teaching screen's form.
fn log_visit(app: &mut App) {
    key(app, KeyCode::F(7));
    key(app, KeyCode::Char('n'));
    for _ in 0..3 {
        key(app, KeyCode::Right);
    }
    key(app, KeyCode::Tab);
    text(app, "参观张谷英村");
    for _ in 0..3 {
        key(app, KeyCode::Tab);
    }
    text(app, "5");
    key(app, KeyCode::Tab);
    text(app, "2");
    key(app, KeyCode::Tab);
    for _ in 0..3 {
        key(app, KeyCode::Right);
    }
    key(app, KeyCode::Enter);
}

#[test]
fn a_site_visit_is_logged_from_the_form_and_covers_its_module() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path(), Lang::Zh);
    add_base(&mut app);
    assert_eq!(notice(&app), "✓ 已新增基地 张谷英村");
    key(&mut app, KeyCode::F(8));
    let before = app.coverage.coverage.clone().unwrap();
    assert!(
        !before
            .modules
            .iter()
            .find(|m| m.module.number == 5)
            .unwrap()
            .covered
    );
    log_visit(&mut app);
    assert_eq!(notice(&app), "✓ 已记录 #7 参观张谷英村");
    let logged = app.teaching.activities.iter().find(|a| a.id == 7).unwrap();
    assert_eq!(logged.details.modules, [5]);
    assert_eq!(logged.details.minutes, Some(120));
    let base = app
        .teaching
        .bases
        .iter()
        .find(|b| b.name == "张谷英村")
        .unwrap();
    assert_eq!(logged.details.base.as_ref(), Some(&base.id));
    key(&mut app, KeyCode::F(8));
    let coverage = app.coverage.coverage.clone().unwrap();
    let m5 = coverage
        .modules
        .iter()
        .find(|m| m.module.number == 5)
        .unwrap();
    assert!(m5.covered, "the visit covers the module the demo left out");
    assert!(coverage.modules.iter().all(|m| m.covered));
    assert!(
        app.coverage.warnings.is_empty(),
        "{:?}",
        app.coverage.warnings
    );
}

#[test]
fn a_form_without_modules_stays_open_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path(), Lang::En);
    key(&mut app, KeyCode::F(7));
    key(&mut app, KeyCode::Char('n'));
    key(&mut app, KeyCode::Tab);
    text(&mut app, "Party constitution");
    key(&mut app, KeyCode::Enter);
    let Some(Overlay::Form(_, form)) = &app.overlay else {
        panic!("the form closed")
    };
    assert!(
        form.error.as_deref().unwrap().contains("module"),
        "{:?}",
        form.error
    );
    drop(app);
    let logged = Store::open(dir.path()).unwrap().activities(DEMO).unwrap();
    assert_eq!(logged.len(), 6, "the demo's timetable only");
    assert!(
        logged
            .iter()
            .all(|a| a.details.title != "Party constitution")
    );
}

#[test]
fn a_planned_activity_is_marked_held_in_one_key_and_deleted_after_confirming() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path(), Lang::En);
    key(&mut app, KeyCode::F(7));
    for _ in 0..3 {
        key(&mut app, KeyCode::Right);
    }
    key(&mut app, KeyCode::Char('n'));
    key(&mut app, KeyCode::Tab);
    text(&mut app, "Case study");
    for _ in 0..3 {
        key(&mut app, KeyCode::Tab);
    }
    text(&mut app, "3");
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        app.teaching.activities[0].status.code(),
        "planned",
        "day 4 has not started"
    );
    key(&mut app, KeyCode::Char('h'));
    assert_eq!(
        app.notice.as_ref().unwrap().kind,
        NoticeKind::Info,
        "held is refused before the session: {}",
        notice(&app)
    );
    key(&mut app, KeyCode::Left);
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Char('x'));
    key(&mut app, KeyCode::Char('y'));
    assert!(notice(&app).contains("deleted"), "{}", notice(&app));
    assert!(app.teaching.activities.is_empty());
    drop(app);
    let history = Store::open(dir.path())
        .unwrap()
        .activity_events(DEMO)
        .unwrap();
    let history: Vec<_> = history.iter().filter(|e| e.activity == 7).collect();
    assert_eq!(history.len(), 2, "created and deleted, both kept");
}

#[test]
fn a_roster_is_imported_from_the_import_screen_after_a_preview() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("roster.csv");
    let csv = "岳阳县花名册\n姓名,单位,县市区,职务\n王大明,新墙镇清水村,岳阳县,村党组织书记\n李小红,筻口镇和平村,岳阳县,村党组织书记\n";
    let (gbk, _, _) = encoding_rs::GBK.encode(csv);
    std::fs::write(&file, gbk).unwrap();
    let mut app = app(dir.path().join("db").as_path(), Lang::Zh);
    key(&mut app, KeyCode::F(10));
    text(&mut app, file.to_str().unwrap());
    ctrl(&mut app, 'e');
    key(&mut app, KeyCode::Enter);
    let preview = app.import.preview.clone().unwrap();
    assert!(
        preview.lines.iter().any(|l| l.contains('2')),
        "{:?}",
        preview.lines
    );
    key(&mut app, KeyCode::Enter);
    assert!(matches!(app.overlay, Some(Overlay::Confirm(..))));
    key(&mut app, KeyCode::Char('y'));
    assert_eq!(notice(&app), "✓ 已导入并保存：新增 2 人，更新 0 人");
    assert_eq!(
        app.desk.as_ref().unwrap().roster.people.len(),
        62,
        "enrolled in the demo cohort"
    );
    key(&mut app, KeyCode::F(2));
    text(&mut app, "wdm");
    assert_eq!(app.checkin.hits.len(), 1);
}

#[test]
fn a_bad_import_path_says_so_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path(), Lang::En);
    key(&mut app, KeyCode::F(10));
    text(&mut app, "/no/such/file.csv");
    key(&mut app, KeyCode::Enter);
    let preview = app.import.preview.clone().unwrap();
    assert!(
        preview.lines[0].contains("cannot read"),
        "{:?}",
        preview.lines
    );
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.overlay, None, "nothing to confirm");
}

#[test]
fn teaching_screens_render_in_both_languages() {
    for lang in [Lang::Zh, Lang::En] {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app(dir.path(), lang);
        add_base(&mut app);
        log_visit(&mut app);
        let suffix = if lang == Lang::Zh { "zh" } else { "en" };
        for (id, name) in [
            (ScreenId::Teaching, "teaching"),
            (ScreenId::Bases, "bases"),
            (ScreenId::Import, "import"),
        ] {
            app.screen = id;
            insta::assert_snapshot!(format!("{name}_80_{suffix}"), screen(&app, 80, 24));
        }
        key(&mut app, KeyCode::F(8));
        insta::assert_snapshot!(format!("coverage_80_{suffix}"), screen(&app, 80, 24));
        insta::assert_snapshot!(format!("coverage_120_{suffix}"), screen(&app, 120, 40));
        key(&mut app, KeyCode::F(7));
        key(&mut app, KeyCode::Char('n'));
        insta::assert_snapshot!(format!("activity_form_80_{suffix}"), screen(&app, 80, 24));
    }
}

#[test]
fn editing_a_planned_activity_in_the_desk_marks_it_changed_and_keeps_the_plan() {
    use lunxun::domain::teaching::{ActivityDetails, Method};
    use lunxun::domain::{Session, SlotKind};
    use lunxun::store::ActivityRequest;
    let dir = tempfile::tempdir().unwrap();
    let clock = common::app::clock(NOW);
    {
        let store = Store::open(dir.path()).unwrap();
        lunxun::demo::install(&store, clock.now()).unwrap();
        let cohort = store.cohort(DEMO).unwrap().unwrap();
        let request = ActivityRequest {
            cohort: &cohort,
            at: clock.now(),
            by: None,
            catalogue: None,
        };
        let details = ActivityDetails {
            session: Session::new(2, SlotKind::Am),
            method: Method::Lecture,
            title: "学习党章".into(),
            lecturer: "王强".into(),
            role: "县委书记".into(),
            modules: vec![2],
            minutes: Some(180),
            class_hours: None,
            base: None,
            notes: String::new(),
        };
        store.add_activity(&request, details, true).unwrap();
    }
    let mut app = common::app::open(dir.path(), NOW, Lang::Zh);
    key(&mut app, KeyCode::F(7));
    key(&mut app, KeyCode::Down);
    assert_eq!(app.teaching.activities[1].status.code(), "planned");
    key(&mut app, KeyCode::Char('e'));
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    ctrl(&mut app, 'u');
    text(&mut app, "李明");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.overlay, None, "{:?}", app.overlay);
    assert_eq!(notice(&app), "✓ #7 已修改（原记录保留在历史中）");
    let a = &app.teaching.activities[1];
    assert_eq!(a.status.code(), "changed");
    assert_eq!(a.details.lecturer, "李明");
    assert_eq!(
        (a.details.modules.clone(), a.details.minutes),
        (vec![2], Some(180)),
        "the rest kept"
    );
}
