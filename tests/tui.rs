//! The desk's state and screens, driven by key events on a real temporary store with
//! a fixed clock, and rendered into ratatui's test backend for snapshots.

use lunxun::clock::Clock;
use lunxun::domain::{CheckInStatus, Session, SlotKind};
use lunxun::store::Store;
use lunxun::text::Lang;
use lunxun::tui::{App, NoticeKind, Overlay, ScreenId, SearchScope};
use ratatui::crossterm::event::KeyCode;

mod common;
use common::app::{clock, ctrl, draw, notice, press, screen, type_text};
use common::{column_starts, screen_text, visible_cells};

/// Day 2 of the demo cohort, 08:35: the morning session, within the grace period.
const NOW: &str = "2015-03-16T08:35:00+08:00";
/// The demo cohort in progress (2015-01 is the closed one held earlier in the year).
const DEMO: &str = "2015-02";

/// A store with the demo installed on NOW's date, and the app opened on it.
fn demo_app(dir: &std::path::Path, lang: Lang) -> App {
    common::app::demo(dir, NOW, lang)
}

/// The session the clock is in: day 2, morning.
fn am2() -> Session {
    Session::new(2, SlotKind::Am)
}

/// Reopens the store after the app is dropped and reads a person's status.
fn stored_status(dir: &std::path::Path, name: &str, session: Session) -> Option<CheckInStatus> {
    let store = Store::open(dir).unwrap();
    let person = store
        .roster(DEMO)
        .unwrap()
        .into_iter()
        .find(|p| p.name == name)?;
    store
        .status(DEMO, &person.id, session)
        .unwrap()
        .map(|s| s.status)
}

/// Reopens the store after the app is dropped and counts the events of a person in a
/// session (the demo has events of its own in other sessions and for other people).
fn stored_events(dir: &std::path::Path, name: &str, session: Session) -> usize {
    let store = Store::open(dir).unwrap();
    let roster = store.roster(DEMO).unwrap();
    let person = roster.iter().find(|p| p.name == name).unwrap();
    let events = store.events(DEMO).unwrap();
    events
        .iter()
        .filter(|e| e.person == person.id && e.session == session)
        .count()
}

#[test]
fn the_desk_opens_on_the_demo_cohort_and_the_session_the_clock_is_in() {
    let dir = tempfile::tempdir().unwrap();
    let app = demo_app(dir.path(), Lang::En);
    assert_eq!(app.screen, ScreenId::CheckIn);
    let desk = app.desk.as_ref().unwrap();
    assert_eq!(desk.cohort.code, DEMO);
    assert_eq!(desk.session, am2());
}

#[test]
fn initials_and_enter_check_the_person_in_durably() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut app = demo_app(dir.path(), Lang::Zh);
        type_text(&mut app, "lyt");
        press(&mut app, KeyCode::Enter);
        assert_eq!(notice(&app), "✓ 李雅婷 · 荣家湾镇新开村 · 08:35 已签到");
        assert!(
            app.checkin.input.is_empty(),
            "the box clears for the next person"
        );
    }
    assert_eq!(
        stored_status(dir.path(), "李雅婷", am2()),
        Some(CheckInStatus::Present)
    );
}

#[test]
fn a_second_enter_says_already_checked_in_and_records_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo_app(dir.path(), Lang::En);
    type_text(&mut app, "lyt");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "lyt");
    press(&mut app, KeyCode::Enter);
    assert!(
        notice(&app).contains("already checked in at 08:35"),
        "{}",
        notice(&app)
    );
    assert_eq!(app.notice.as_ref().unwrap().kind, NoticeKind::Info);
    drop(app);
    assert_eq!(stored_events(dir.path(), "李雅婷", am2()), 1);
}

#[test]
fn undo_reverts_the_last_check_in_as_an_event() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut app = demo_app(dir.path(), Lang::En);
        type_text(&mut app, "lyt");
        press(&mut app, KeyCode::Enter);
        ctrl(&mut app, 'z');
        assert!(
            notice(&app).starts_with("↶ undone: 李雅婷"),
            "{}",
            notice(&app)
        );
        // The desk shows what the store holds: no status left standing.
        let desk = app.desk.as_ref().unwrap();
        let lyt = desk.roster.people.iter().find(|p| p.name == "李雅婷");
        assert_eq!(desk.status(&lyt.unwrap().id, am2()), None);
        ctrl(&mut app, 'z');
        assert_eq!(notice(&app), "nothing to undo");
    }
    assert_eq!(stored_status(dir.path(), "李雅婷", am2()), None);
    assert_eq!(stored_events(dir.path(), "李雅婷", am2()), 2);
}

#[test]
fn leave_is_recorded_with_a_reason_from_the_form() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut app = demo_app(dir.path(), Lang::Zh);
        type_text(&mut app, "lyt");
        ctrl(&mut app, 'l');
        assert!(matches!(app.overlay, Some(Overlay::Form(..))));
        type_text(&mut app, "生病");
        press(&mut app, KeyCode::Enter);
        assert_eq!(app.overlay, None);
        // This morning is worth 4 学时 (the demo's teaching log), more than 1/7 of the
        // cohort's 27: missing it is past the leave limit, and the desk says so.
        assert_eq!(
            notice(&app),
            "✓ 李雅婷 请假：生病 · 李雅婷 已不能结业：请假和缺勤共 4 学时，超过总学时 27 的 1/7（3.8 学时）"
        );
    }
    assert_eq!(
        stored_status(dir.path(), "李雅婷", am2()),
        Some(CheckInStatus::Leave)
    );
}

#[test]
fn a_walk_in_is_added_enrolled_and_checked_in_in_one_form() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut app = demo_app(dir.path(), Lang::Zh);
        let before = app.desk.as_ref().unwrap().counts(am2());
        ctrl(&mut app, 'a');
        type_text(&mut app, "王新来");
        press(&mut app, KeyCode::Enter);
        let Some(Overlay::Form(_, form)) = &app.overlay else {
            panic!("form closed without a unit")
        };
        assert_eq!(form.error.as_deref(), Some("单位不能为空"));
        press(&mut app, KeyCode::Tab);
        type_text(&mut app, "新墙镇清水村");
        press(&mut app, KeyCode::Enter);
        assert_eq!(app.overlay, None);
        assert!(
            notice(&app).starts_with("✓ 王新来 · 新墙镇清水村"),
            "{}",
            notice(&app)
        );
        assert_eq!(app.desk.as_ref().unwrap().enrolled.len(), 61);
        // The session's counts take in the new person: one more enrolled, one more in.
        let after = app.desk.as_ref().unwrap().counts(am2());
        assert_eq!(after.enrolled, before.enrolled + 1);
        assert_eq!(after.present, before.present + 1);
    }
    assert_eq!(
        stored_status(dir.path(), "王新来", am2()),
        Some(CheckInStatus::Present)
    );
}

#[test]
fn widening_to_the_register_finds_people_not_on_the_roster() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo_app(dir.path(), Lang::En);
    let roster_hits = {
        type_text(&mut app, "zhangwei");
        app.checkin.hits.len()
    };
    ctrl(&mut app, 'r');
    assert_eq!(app.checkin.scope, SearchScope::Register);
    assert!(
        app.checkin.hits.len() > roster_hits,
        "the register has more 张伟 matches"
    );
}

#[test]
fn the_afternoon_session_is_chosen_on_the_sessions_screen() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo_app(dir.path(), Lang::En);
    press(&mut app, KeyCode::F(4));
    assert_eq!(app.screen, ScreenId::Sessions);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, ScreenId::CheckIn);
    assert_eq!(
        app.desk.as_ref().unwrap().session,
        Session::new(2, SlotKind::Pm)
    );
}

/// Undo reverts check-ins of the session in hand: after choosing another session
/// there is nothing to undo, and the morning's check-in stands.
#[test]
fn choosing_another_session_leaves_nothing_to_undo() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut app = demo_app(dir.path(), Lang::En);
        type_text(&mut app, "lyt");
        press(&mut app, KeyCode::Enter);
        press(&mut app, KeyCode::F(4));
        press(&mut app, KeyCode::Down);
        press(&mut app, KeyCode::Enter);
        ctrl(&mut app, 'z');
        assert_eq!(notice(&app), "nothing to undo");
    }
    assert!(stored_status(dir.path(), "李雅婷", am2()).is_some());
}

#[test]
fn closing_a_session_marks_it_closed_without_writing_check_ins() {
    let dir = tempfile::tempdir().unwrap();
    let before = {
        let store = Store::open(dir.path()).unwrap();
        lunxun::demo::install(&store, clock(NOW).now()).unwrap();
        store.events(DEMO).unwrap()
    };
    {
        let mut app = demo_app(dir.path(), Lang::En);
        press(&mut app, KeyCode::F(4));
        press(&mut app, KeyCode::Char('x'));
        assert!(matches!(app.overlay, Some(Overlay::Confirm(..))));
        press(&mut app, KeyCode::Char('y'));
        assert!(app.desk.as_ref().unwrap().cohort.is_closed(am2()));
    }
    let store = Store::open(dir.path()).unwrap();
    assert!(store.cohort(DEMO).unwrap().unwrap().is_closed(am2()));
    assert_eq!(store.events(DEMO).unwrap(), before);
}

#[test]
fn tab_cycles_screens_and_ctrl_q_quits_from_a_form() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo_app(dir.path(), Lang::En);
    let order = ScreenId::ALL
        .iter()
        .cycle()
        .skip(1)
        .take(ScreenId::ALL.len());
    for &expected in order {
        press(&mut app, KeyCode::Tab);
        assert_eq!(app.screen, expected);
    }
    ctrl(&mut app, 'a');
    press(&mut app, KeyCode::Tab);
    assert_eq!(
        app.screen,
        ScreenId::CheckIn,
        "Tab moves between form fields, not screens"
    );
    ctrl(&mut app, 'q');
    assert!(app.quit);
}

#[test]
fn question_mark_opens_help_only_when_the_box_is_empty() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo_app(dir.path(), Lang::En);
    type_text(&mut app, "z?");
    assert_eq!(app.checkin.input.value(), "z?");
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('?'));
    assert_eq!(app.overlay, Some(Overlay::Help));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.overlay, None);
}

#[test]
fn a_new_store_opens_on_the_welcome_screen_and_d_loads_the_demo() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let mut app = App::new(store, clock(NOW), Lang::En).unwrap();
    assert!(app.welcome);
    press(&mut app, KeyCode::Char('d'));
    assert!(!app.welcome);
    assert_eq!(app.desk.as_ref().unwrap().roster.people.len(), 60);
    assert!(notice(&app).starts_with("demo loaded: 2000 people"));
}

/// With every cohort closed the desk opens on the cohorts list with no cohort open;
/// the screens that show the open cohort say there is none instead.
#[test]
fn with_no_cohort_open_the_cohort_screens_say_so() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let mut batch = lunxun::store::Batch::default();
    let mut cohort = common::fixtures::cohort("2015-01");
    cohort.open = false;
    Store::stage_cohort(&mut batch, &cohort);
    store.commit(batch).unwrap();
    let mut app = App::new(store, clock(NOW), Lang::Zh).unwrap();
    assert!(!app.welcome);
    assert!(app.desk.is_none());
    assert_eq!(app.screen, ScreenId::Cohorts);
    for shown in [
        ScreenId::CheckIn,
        ScreenId::Lookup,
        ScreenId::Sessions,
        ScreenId::Teaching,
        ScreenId::Coverage,
    ] {
        app.screen = shown;
        assert!(
            screen(&app, 80, 24).contains("还没有班次"),
            "{shown:?} without an open cohort"
        );
    }
}

#[test]
fn the_cohort_form_refuses_a_bad_date_and_creates_a_good_cohort() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo_app(dir.path(), Lang::En);
    press(&mut app, KeyCode::F(5));
    press(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "第2期");
    press(&mut app, KeyCode::Tab);
    ctrl(&mut app, 'u');
    type_text(&mut app, "2015-02-30");
    press(&mut app, KeyCode::Enter);
    let Some(Overlay::Form(_, form)) = &app.overlay else {
        panic!("form closed on a bad date")
    };
    assert!(form.error.as_deref().unwrap().contains("YYYY-MM-DD"));
    ctrl(&mut app, 'u');
    type_text(&mut app, "2015-03-23");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.overlay, None);
    assert_eq!(app.desk.as_ref().unwrap().cohort.code, "2015-03");
    assert_eq!(app.cohorts.list.len(), 3);
}

#[test]
fn every_screen_renders_at_tiny_sizes_without_panicking() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo_app(dir.path(), Lang::Zh);
    type_text(&mut app, "张");
    for screen in ScreenId::ALL {
        app.screen = screen;
        for (w, h) in [(0, 0), (1, 1), (10, 3), (59, 14), (60, 15), (61, 16)] {
            draw(&app, w, h);
        }
    }
    assert!(screen(&app, 40, 10).contains("终端窗口太小"));
}

/// The screens at 80×24 and 120×40 in both languages.
#[test]
fn screen_snapshots() {
    let dir = tempfile::tempdir().unwrap();
    for lang in [Lang::Zh, Lang::En] {
        let mut app = demo_app(dir.path(), lang);
        type_text(&mut app, "lyt");
        press(&mut app, KeyCode::Enter);
        type_text(&mut app, "zw");
        let name = |screen: &str, w: u16| {
            format!(
                "{screen}_{w}_{}",
                if lang == Lang::Zh { "zh" } else { "en" }
            )
        };
        for (w, h) in [(80, 24), (120, 40)] {
            app.screen = ScreenId::CheckIn;
            insta::assert_snapshot!(name("checkin", w), screen(&app, w, h));
            app.screen = ScreenId::Sessions;
            insta::assert_snapshot!(name("sessions", w), screen(&app, w, h));
            app.screen = ScreenId::Cohorts;
            insta::assert_snapshot!(name("cohorts", w), screen(&app, w, h));
            app.screen = ScreenId::CheckIn;
            app.overlay = Some(Overlay::Help);
            insta::assert_snapshot!(name("help", w), screen(&app, w, h));
            app.overlay = None;
        }
        press(&mut app, KeyCode::F(6));
        for (w, h) in [(80, 24), (120, 40)] {
            insta::assert_snapshot!(name("dashboard", w), screen(&app, w, h));
        }
        press(&mut app, KeyCode::Enter);
        insta::assert_snapshot!(name("dashboard_untrained", 80), screen(&app, 80, 24));
        press(&mut app, KeyCode::Esc);
        app.screen = ScreenId::Lookup;
        type_text(&mut app, "lyt");
        for (w, h) in [(80, 24), (120, 40)] {
            insta::assert_snapshot!(name("lookup", w), screen(&app, w, h));
        }
        drop(app);
        std::fs::remove_dir_all(dir.path()).unwrap();
    }
}

#[test]
fn welcome_snapshots() {
    for lang in [Lang::Zh, Lang::En] {
        let dir = tempfile::tempdir().unwrap();
        let app = common::app::open(dir.path(), NOW, lang);
        let suffix = if lang == Lang::Zh { "zh" } else { "en" };
        insta::assert_snapshot!(format!("welcome_80_{suffix}"), screen(&app, 80, 24));
    }
}

/// The desk's promise: for people whose initials are unique in the roster, typing the
/// initials (often fewer letters suffice) and Enter checks them in — a median of at
/// most 4 keystrokes. Counts the keys the desk actually needs, person by person.
#[test]
fn unique_initials_need_a_median_of_at_most_four_keystrokes() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo_app(dir.path(), Lang::En);
    let roster = app.desk.as_ref().unwrap().roster.people.clone();
    let initials: Vec<String> = roster
        .iter()
        .map(|p| lunxun::search::initials(&p.name))
        .collect();
    let mut keystrokes = Vec::new();
    for (person, mine) in roster.iter().zip(&initials) {
        let arrived = app
            .desk
            .as_ref()
            .unwrap()
            .status(&person.id, am2())
            .is_some();
        if arrived || initials.iter().filter(|i| *i == mine).count() > 1 {
            continue;
        }
        press(&mut app, KeyCode::Esc);
        let mut typed = 0;
        for c in mine.chars() {
            press(&mut app, KeyCode::Char(c));
            typed += 1;
            let desk = app.desk.as_ref().unwrap();
            if app.checkin.selected_person(desk).map(|p| &p.id) == Some(&person.id) {
                break;
            }
        }
        let desk = app.desk.as_ref().unwrap();
        let selected = app.checkin.selected_person(desk).map(|p| p.name.clone());
        assert_eq!(
            selected.as_deref(),
            Some(person.name.as_str()),
            "typed {mine}"
        );
        press(&mut app, KeyCode::Enter);
        assert!(
            notice(&app).starts_with(&format!("✓ {}", person.name)),
            "{}",
            notice(&app)
        );
        keystrokes.push(typed + 1);
    }
    assert!(
        keystrokes.len() >= 40,
        "most of the roster has unique initials: {}",
        keystrokes.len()
    );
    keystrokes.sort();
    let median = keystrokes[keystrokes.len() / 2];
    eprintln!(
        "unique initials: {} people, keystrokes {keystrokes:?}",
        keystrokes.len()
    );
    assert!(median <= 4, "median {median} keystrokes: {keystrokes:?}");
}

/// A name carrying an escape sequence or a right-to-left override (which validation
/// refuses on input, but an old database or a bad import might hold) is drawn harmlessly.
#[test]
fn control_characters_in_names_are_drawn_harmlessly() {
    use lunxun::domain::{Person, PersonId};
    use lunxun::store::Batch;
    let dir = tempfile::tempdir().unwrap();
    {
        let store = Store::open(dir.path()).unwrap();
        lunxun::demo::install(&store, clock(NOW).now()).unwrap();
        let mut batch = Batch::default();
        let mut odd = Person::named(
            PersonId("01ZZZZZZZZZZZZZZZZZZZZZZZZ".into()),
            "张\u{1b}[31m伟\u{202e}",
        );
        odd.unit = "新墙镇\u{7}清水村".into();
        Store::stage_person(&mut batch, &odd);
        Store::stage_enrolment(&mut batch, DEMO, &odd.id, clock(NOW).now(), false);
        store.commit(batch).unwrap();
    }
    let mut app = common::app::open(dir.path(), NOW, Lang::En);
    type_text(&mut app, "张");
    let text = screen(&app, 80, 24);
    assert!(text.contains("张�[31m伟�"), "{text}");
    assert!(text.contains("新墙镇�清水村"), "{text}");
    assert!(!text.contains('\u{1b}') && !text.contains('\u{202e}') && !text.contains('\u{7}'));
}

/// The help is a table of keys and what they do: on every screen, in both languages,
/// every description starts at the same screen cell, whether its key is ASCII or holds
/// Hanzi (two cells each, as in `a-z 汉字`).
#[test]
fn help_descriptions_start_in_one_column_on_every_screen() {
    let dir = tempfile::tempdir().unwrap();
    for lang in [Lang::Zh, Lang::En] {
        let mut app = demo_app(dir.path(), lang);
        app.overlay = Some(Overlay::Help);
        for (i, id) in ScreenId::ALL.into_iter().enumerate() {
            app.screen = id;
            app.welcome = i == 0 && lang == Lang::En;
            let terminal = draw(&app, 120, 40);
            let columns = description_columns(terminal.backend().buffer());
            let shown = screen_text(terminal.backend().buffer());
            assert!(columns.len() >= 3, "{lang:?} {id:?}: no help rows\n{shown}");
            assert!(
                columns.iter().all(|c| *c == columns[0]),
                "{lang:?} {id:?}: descriptions start at cells {columns:?}\n{shown}"
            );
        }
    }
}

/// The screen cell where each help row's description starts: the first cell after the
/// key and the run of (two or more) spaces after it, inside the overlay's border.
fn description_columns(buffer: &ratatui::buffer::Buffer) -> Vec<u16> {
    let area = buffer.area;
    let visible = |y: u16| visible_cells(buffer, y);
    let title = ["┌", " ", "K"];
    let title_zh = ["┌", " ", "按"];
    let (top, left) = (area.top()..area.bottom())
        .find_map(|y| {
            let cells = visible(y);
            cells.windows(3).find_map(|w| {
                let symbols = [w[0].1.as_str(), w[1].1.as_str(), w[2].1.as_str()];
                (symbols == title || symbols == title_zh).then_some((y, w[0].0))
            })
        })
        .expect("the help overlay is drawn");
    let mut columns = Vec::new();
    for y in top + 1..area.bottom() {
        if buffer[(left, y)].symbol() != "│" {
            break;
        }
        let inner: Vec<(u16, String)> = visible(y)
            .into_iter()
            .filter(|(x, _)| *x > left)
            .take_while(|(_, s)| s != "│")
            .collect();
        let is_key_row =
            inner.len() > 3 && inner[0].1 == " " && inner[1].1 == " " && inner[2].1 != " ";
        if !is_key_row {
            continue;
        }
        let gap = (2..inner.len() - 1).find(|&i| inner[i].1 == " " && inner[i + 1].1 == " ");
        let start = gap.and_then(|g| (g..inner.len()).find(|&i| inner[i].1 != " "));
        columns.push(start.map_or(0, |i| inner[i].0));
    }
    columns
}

/// A fixed clock stamps every check-in with one time: the title bar says so on every
/// screen, and says nothing with the real clock.
#[test]
fn a_fixed_clock_is_named_in_the_title_bar_and_a_real_one_is_not() {
    let dir = tempfile::tempdir().unwrap();
    for (lang, marker) in [
        (Lang::Zh, "【时钟固定 03-16 08:35】"),
        (Lang::En, "[clock fixed 03-16 08:35]"),
    ] {
        let mut app = demo_app(dir.path(), lang);
        for id in ScreenId::ALL {
            app.screen = id;
            let text = screen(&app, 120, 40);
            let title = text.lines().next().unwrap();
            assert!(title.contains(marker), "{lang:?} {id:?}: {title}");
        }
        drop(app);
        let real = App::new(Store::open(dir.path()).unwrap(), Clock::System, lang).unwrap();
        let title = screen(&real, 120, 40).lines().next().unwrap().to_string();
        assert!(
            !title.contains("时钟") && !title.contains("clock"),
            "{title}"
        );
    }
}

/// Asserts that the rows' columns start at the same cells, and that there are some.
fn assert_columns_line_up(rows: &[Vec<u16>], what: &str, shown: &str) {
    let full: Vec<&Vec<u16>> = rows.iter().filter(|r| r.len() >= 2).collect();
    assert!(
        full.len() >= 3,
        "{what}: too few rows with columns\n{shown}"
    );
    assert!(
        full.iter().all(|r| *r == full[0]),
        "{what}: columns start at {full:?}\n{shown}"
    );
}

/// Lists shown as columns (the lookup's names and units, a county's untrained people
/// with their unit and field) line up by screen cells, whatever the names' lengths.
#[test]
fn list_columns_line_up_whatever_the_names_widths() {
    let dir = tempfile::tempdir().unwrap();
    for lang in [Lang::Zh, Lang::En] {
        let mut app = demo_app(dir.path(), lang);
        press(&mut app, KeyCode::F(3));
        type_text(&mut app, "wang");
        let terminal = draw(&app, 120, 40);
        let buffer = terminal.backend().buffer();
        let shown = screen_text(buffer);
        // The hit list: left of the detail box (45% of the width), below the search box
        // and above the training record's box.
        let rows: Vec<Vec<u16>> = (4..38)
            .take_while(|&y| buffer[(0, y)].symbol() != "┌")
            .map(|y| column_starts(buffer, y, 0, 54))
            .collect();
        assert_columns_line_up(&rows, &format!("{lang:?} lookup"), &shown);

        press(&mut app, KeyCode::F(6));
        press(&mut app, KeyCode::Enter);
        let terminal = draw(&app, 80, 24);
        let buffer = terminal.backend().buffer();
        let shown = screen_text(buffer);
        let title = ["未参加轮训", "not yet trained"];
        let top = (0..24)
            .find(|&y| {
                let row: String = visible_cells(buffer, y)
                    .into_iter()
                    .map(|(_, s)| s)
                    .collect();
                title.iter().any(|t| row.contains(t))
            })
            .expect("the untrained list is shown");
        let rows: Vec<Vec<u16>> = (top + 1..22)
            .map(|y| column_starts(buffer, y, 1, 79))
            .collect();
        assert_columns_line_up(&rows, &format!("{lang:?} untrained"), &shown);
    }
}
