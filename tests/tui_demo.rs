//! The demo shows what the product does: loaded with the welcome screen's `d` on a
//! fixed clock, every screen of the desk has real data in it, and the names and dates
//! follow the clock (today is day 2 of the cohort in progress).

use lunxun::store::Store;
use lunxun::text::Lang;
use lunxun::tui::{App, ScreenId};
use ratatui::crossterm::event::KeyCode;

mod common;
use common::app::{clock, press as key};

/// Day 2 of the demo cohort, five minutes into the morning session.
const NOW: &str = "2031-05-20T08:35:00+08:00";

/// An empty store, the desk on its welcome screen, and `d` pressed.
fn demo_from_the_welcome_screen(dir: &std::path::Path, at: &str) -> App {
    let mut app = common::app::open(dir, at, Lang::Zh);
    assert!(app.welcome, "a new store opens on the welcome screen");
    key(&mut app, KeyCode::Char('d'));
    assert_eq!(app.screen, ScreenId::CheckIn);
    app
}

fn screen(app: &App) -> String {
    common::app::screen(app, 120, 40)
}

fn show(app: &mut App, f: u8) -> String {
    key(app, KeyCode::F(f));
    screen(app)
}

/// The line holding `needle`, trimmed of borders.
fn line_with<'a>(screen: &'a str, needle: &str) -> &'a str {
    screen
        .lines()
        .find(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no line with {needle:?} in\n{screen}"))
        .trim_matches(|c: char| c == '│' || c.is_whitespace())
}

/// The line holding `needle` on `screen` shows `expected`.
fn row_shows(screen: &str, needle: &str, expected: &str) {
    assert!(line_with(screen, needle).contains(expected), "{screen}");
}

/// The number written right after `label` in `line` (`到51` → 51).
fn count_after(line: &str, label: &str) -> usize {
    let rest = &line[line
        .find(label)
        .unwrap_or_else(|| panic!("{label:?} in {line:?}"))
        + label.len()..];
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits
        .parse()
        .unwrap_or_else(|_| panic!("a number after {label:?} in {line:?}"))
}

#[test]
fn every_screen_of_the_demo_has_real_data_that_follows_the_clock() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo_from_the_welcome_screen(dir.path(), NOW);
    // The title bar also names the fixed clock, which leaves room for the name's start.
    let name = "2031年第2期村（社区）党组织";

    let checkin = screen(&app);
    assert!(
        line_with(&checkin, "轮训签到台").contains(name),
        "{checkin}"
    );
    let status = line_with(&checkin, "第 2 天 / 共 4 天");
    assert!(status.contains("2031-05-20 上午 08:30"), "{status}");
    let arrived = count_after(status, "已到 ");
    assert!(
        (1..10).contains(&arrived),
        "a few early arrivals, most to come: {status}"
    );
    assert!(status.contains(&format!("已到 {arrived}/60")), "{status}");
    assert_eq!(count_after(status, "请假 "), 1, "{status}");
    "lyt".chars().for_each(|c| key(&mut app, KeyCode::Char(c)));
    let found = screen(&app);
    assert!(
        line_with(&found, "李雅婷").contains("荣家湾镇新开村"),
        "{found}"
    );
    key(&mut app, KeyCode::Esc);

    let lookup = show(&mut app, 3);
    assert!(lookup.contains("详细信息"), "{lookup}");
    "lyt".chars().for_each(|c| key(&mut app, KeyCode::Char(c)));
    let lookup = screen(&app);
    assert!(
        line_with(&lookup, "第1天上午").contains("已签到"),
        "{lookup}"
    );
    assert!(line_with(&lookup, "第2天上午").contains("未到"), "{lookup}");
    key(&mut app, KeyCode::Esc);

    let sessions = show(&mut app, 4);
    let day1 = line_with(&sessions, "第1天 05-19");
    for label in ["到", "迟"] {
        assert!(count_after(day1, label) > 0, "{label} on day 1: {day1}");
    }
    assert_eq!(count_after(day1, "假"), 1, "{day1}");
    let day2 = line_with(&sessions, "第2天 05-20");
    assert!(
        day2.contains("◀当前") && count_after(day2, "到") == arrived,
        "{day2}"
    );
    assert_eq!(count_after(line_with(&sessions, "第3天 05-21"), "到"), 0);

    let cohorts = show(&mut app, 5);
    let past = line_with(&cohorts, "2031-01");
    assert!(
        past.contains("2031年第1期") && past.contains("已结束"),
        "{past}"
    );
    assert!(
        line_with(&cohorts, "2031-02").contains("进行中"),
        "{cohorts}"
    );
    assert!(!cohorts.contains("2015"), "{cohorts}");

    let dashboard = show(&mut app, 6);
    assert!(dashboard.contains("2031 年市级培训比例"), "{dashboard}");
    let trained: usize = dashboard
        .lines()
        .filter(|l| l.contains('%') && l.contains('/'))
        .map(|l| {
            let ratio = l.split_whitespace().find(|w| w.contains('/')).unwrap();
            ratio.split('/').next().unwrap().parse::<usize>().unwrap()
        })
        .sum();
    assert!(
        trained > 0,
        "someone completed a city cohort this year:\n{dashboard}"
    );
    assert!(dashboard.contains("● 4 职责方法") && dashboard.contains("· 5 治理创新"));

    let teaching = show(&mut app, 7);
    row_shows(&teaching, "#4", "已举办");
    key(&mut app, KeyCode::Right);
    row_shows(&screen(&app), "#5", "计划");
    key(&mut app, KeyCode::Left);
    key(&mut app, KeyCode::Left);
    row_shows(&screen(&app), "#3", "新开村");
    key(&mut app, KeyCode::Left);
    row_shows(&screen(&app), "#1", "有变更");

    let coverage = show(&mut app, 8);
    assert!(
        line_with(&coverage, "4 职责方法").contains('●'),
        "{coverage}"
    );
    assert!(
        !line_with(&coverage, "5 治理创新").contains('●'),
        "{coverage}"
    );
    assert!(
        coverage.contains("模块 5（治理创新）尚未覆盖"),
        "{coverage}"
    );

    let bases = show(&mut app, 9);
    assert!(line_with(&bases, "新开村").ends_with("达标"), "{bases}");
    assert!(
        line_with(&bases, "新开村").contains("2030-12-01 市级"),
        "{bases}"
    );
    assert!(
        line_with(&bases, "鹤龙湖蟹业合作社").contains("未达标"),
        "{bases}"
    );
}

/// The demo follows the clock and nothing else: two folders loaded at the same moment
/// hold the same records (apart from each folder's own desk id), and loading it again
/// changes nothing.
#[test]
fn the_same_clock_gives_the_same_demo_and_a_second_run_changes_nothing() {
    use lunxun::demo::{DemoOutcome, install};
    let now = clock(NOW).now();
    let load = |dir: &std::path::Path| {
        let store = Store::open(dir).unwrap();
        assert!(matches!(
            install(&store, now).unwrap(),
            DemoOutcome::Installed { .. }
        ));
        store
    };
    let records = |store: &Store| {
        let mut all = Vec::new();
        for cohort in store.cohorts().unwrap() {
            let mut events = store.events(&cohort.code).unwrap();
            events.iter_mut().for_each(|e| e.desk.clear());
            let mut log = store.activity_events(&cohort.code).unwrap();
            log.iter_mut().for_each(|e| e.desk.clear());
            let enrolled = store.enrolments(&cohort.code).unwrap();
            all.push(format!("{cohort:?}{enrolled:?}{events:?}{log:?}"));
        }
        all.push(format!(
            "{:?}{:?}",
            store.bases().unwrap(),
            store.people().unwrap()
        ));
        all
    };
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (first, second) = (load(a.path()), load(b.path()));
    assert_ne!(first.desk(), second.desk());
    assert_eq!(records(&first), records(&second));
    let before = first.backup(NOW).unwrap();
    let again = install(&first, now).unwrap();
    assert_eq!(
        again,
        DemoOutcome::AlreadyThere {
            cohort: "2031-02".into()
        }
    );
    assert_eq!(
        serde_json::to_value(&first.backup(NOW).unwrap().trees).unwrap(),
        serde_json::to_value(&before.trees).unwrap()
    );
}

/// The demo's check-ins are records like the desk's own: someone the demo checked in
/// today is refused a second check-in, and someone it left is not.
#[test]
fn the_demos_check_ins_count_at_the_desk() {
    use lunxun::domain::{CheckInStatus, EventKind, Session, SlotKind};
    use lunxun::store::{CheckInOutcome, DeskRequest};
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    lunxun::demo::install(&store, clock(NOW).now()).unwrap();
    let today = Session::new(2, SlotKind::Am);
    let events = store.events("2031-02").unwrap();
    let arrived = events
        .iter()
        .find(|e| {
            e.session == today
                && matches!(
                    e.kind,
                    EventKind::CheckIn {
                        status: CheckInStatus::Present,
                        ..
                    }
                )
        })
        .expect("an early arrival today");
    let request = |person| DeskRequest {
        cohort: "2031-02",
        person,
        session: today,
        at: clock(NOW).now(),
    };
    let again = store.check_in(&request(&arrived.person), CheckInStatus::Present, None);
    assert!(matches!(again.unwrap(), CheckInOutcome::Refused(_)));
    let roster = store.roster("2031-02").unwrap();
    let li = roster.iter().find(|p| p.name == "李雅婷").unwrap();
    let first = store.check_in(&request(&li.id), CheckInStatus::Present, None);
    assert!(matches!(first.unwrap(), CheckInOutcome::Recorded(_)));
}
