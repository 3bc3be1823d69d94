//! Scanner and card input at the desk and on the command line: a whole ID number, full
//! phone number or person code picks that one person at once and Enter checks them in;
//! the ID number is masked in the search box and never printed back in full.

use std::path::Path;

use lunxun::domain::person_code::PersonCode;
use lunxun::domain::scan::ExactKind;
use lunxun::domain::{CheckInStatus, Person, Session, SlotKind, mask};
use lunxun::store::Store;
use lunxun::text::Lang;
use lunxun::tui::{App, SearchScope};
use ratatui::crossterm::event::KeyCode;
use serde_json::Value;

mod common;
use common::app::{ctrl, notice, press, screen, type_text};
use common::{NOW, ok};

const DEMO: &str = "2015-02";

fn am2() -> Session {
    Session::new(2, SlotKind::Am)
}

/// Two people of the demo's roster not yet checked in this morning: `scanned` has an ID
/// number; `twin`'s phone is made the first 11 digits of it, so the ID number typed key
/// by key names `twin` exactly on the way (11 digits are a whole phone number).
struct Scene {
    dir: tempfile::TempDir,
    scanned: Person,
    twin: Person,
}

fn scene() -> Scene {
    let dir = common::demo_folder();
    let store = Store::open(dir.path()).unwrap();
    let mut free: Vec<Person> = store
        .roster(DEMO)
        .unwrap()
        .into_iter()
        .filter(|p| store.status(DEMO, &p.id, am2()).unwrap().is_none())
        .collect();
    drop(store);
    free.sort_by(|a, b| a.id.cmp(&b.id));
    let at = free.iter().position(|p| p.id_number.is_some()).unwrap();
    let scanned = free.remove(at);
    let mut twin = free.remove(0);
    let phone = &scanned.id_number.as_deref().unwrap()[..11];
    let edit = ["person", "edit", twin.id.as_str(), "--phone", phone];
    ok(&common::lunxun_at(dir.path(), &edit, "C", NOW));
    twin.phone = Some(phone.to_string());
    Scene { dir, scanned, twin }
}

impl Scene {
    fn id_number(&self) -> &str {
        self.scanned.id_number.as_deref().unwrap()
    }

    fn desk(&self, lang: Lang) -> App {
        common::app::open(self.dir.path(), NOW, lang)
    }

    /// Statuses this morning, read again from the folder once the desk is closed.
    fn stored(&self, person: &Person) -> Option<CheckInStatus> {
        let store = Store::open(self.dir.path()).unwrap();
        let status = store.status(DEMO, &person.id, am2()).unwrap();
        status.map(|s| s.status)
    }
}

fn selected(app: &App) -> Option<String> {
    let desk = app.desk.as_ref()?;
    app.checkin.selected_person(desk).map(|p| p.name.clone())
}

#[test]
fn a_scanned_id_number_picks_that_one_person_and_enter_checks_them_in() {
    let scene = scene();
    let id = scene.id_number().to_string();
    {
        let mut app = scene.desk(Lang::Zh);
        type_text(&mut app, &id);
        assert_eq!(app.checkin.exact, Some(ExactKind::IdNumber));
        assert_eq!(app.checkin.hits.len(), 1, "that one person, no list");
        assert_eq!(selected(&app), Some(scene.scanned.name.clone()));
        press(&mut app, KeyCode::Enter);
        let expected = format!("✓ {} · ", scene.scanned.name);
        assert!(notice(&app).starts_with(&expected), "{}", notice(&app));
        assert!(app.checkin.input.is_empty(), "ready for the next card");
    }
    assert_eq!(scene.stored(&scene.scanned), Some(CheckInStatus::Present));
    assert_eq!(scene.stored(&scene.twin), None, "the phone twin untouched");
}

#[test]
fn on_the_way_eleven_digits_are_a_phone_and_pick_whoever_has_it() {
    let scene = scene();
    let mut app = scene.desk(Lang::En);
    type_text(&mut app, &scene.id_number()[..11]);
    assert_eq!(app.checkin.exact, Some(ExactKind::Phone));
    assert_eq!(selected(&app), Some(scene.twin.name.clone()));
    type_text(&mut app, &scene.id_number()[11..]);
    assert_eq!(selected(&app), Some(scene.scanned.name.clone()));
}

#[test]
fn the_search_box_never_shows_the_birth_date_of_an_id_number_being_typed() {
    let scene = scene();
    let id = scene.id_number().to_string();
    let birth = &id[6..14];
    let mut app = scene.desk(Lang::Zh);
    for (n, c) in id.chars().enumerate() {
        type_text(&mut app, &c.to_string());
        let shown = screen(&app, 100, 24);
        assert!(!shown.contains(birth), "after {} keys:\n{shown}", n + 1);
        if n + 1 > 11 {
            assert!(
                !shown.contains(&id[..n + 1]),
                "after {} keys:\n{shown}",
                n + 1
            );
        }
    }
    let shown = screen(&app, 100, 24);
    assert!(shown.contains(&mask::id_number(&id)), "{shown}");
    let state = format!("{:?}", app.checkin);
    assert!(!state.contains(&id), "the box's debug output masks it too");
    // The lookup's box and its detail pane show it masked as well.
    press(&mut app, KeyCode::F(3));
    type_text(&mut app, &id);
    let shown = screen(&app, 120, 30);
    assert!(!shown.contains(birth), "{shown}");
    assert!(shown.contains(&scene.scanned.name), "{shown}");
}

#[test]
fn a_full_phone_or_a_person_code_picks_the_person_too() {
    let scene = scene();
    let mut app = scene.desk(Lang::En);
    let phone = scene.twin.phone.clone().unwrap();
    type_text(&mut app, &phone);
    assert_eq!(selected(&app), Some(scene.twin.name.clone()));
    ctrl(&mut app, 'u');
    let code = PersonCode::of(&scene.scanned.id).to_string();
    type_text(&mut app, &code.to_lowercase());
    assert_eq!(app.checkin.exact, Some(ExactKind::Code));
    assert_eq!(app.checkin.hits.len(), 1);
    assert_eq!(selected(&app), Some(scene.scanned.name.clone()));
    press(&mut app, KeyCode::Enter);
    assert!(notice(&app).starts_with(&format!("✓ {}", scene.scanned.name)));
}

#[test]
fn an_id_number_nobody_has_checks_no_one_in_and_says_so() {
    let scene = scene();
    let id = scene.id_number();
    let last = if id.ends_with('0') { '1' } else { '0' };
    let unknown = format!("{}{last}", &id[..17]);
    {
        let mut app = scene.desk(Lang::Zh);
        type_text(&mut app, &unknown);
        assert!(app.checkin.hits.is_empty());
        let shown = screen(&app, 100, 24);
        assert!(shown.contains("本班名单中没有这个身份证号的人"), "{shown}");
        press(&mut app, KeyCode::Enter);
        assert_eq!(notice(&app), "先输入姓名并选中一人", "nobody to check in");
        ctrl(&mut app, 'r');
        assert_eq!(app.checkin.scope, SearchScope::Register);
        let shown = screen(&app, 100, 24);
        assert!(shown.contains("全库中没有这个身份证号的人"), "{shown}");
    }
    assert_eq!(scene.stored(&scene.scanned), None);
    assert_eq!(scene.stored(&scene.twin), None);
}

#[test]
fn the_lookup_shows_the_person_code() {
    let scene = scene();
    let mut app = scene.desk(Lang::Zh);
    press(&mut app, KeyCode::F(3));
    type_text(&mut app, scene.id_number());
    let code = PersonCode::of(&scene.scanned.id).to_string();
    let shown = screen(&app, 120, 30);
    assert!(shown.contains(&format!("人员编码：{code}")), "{shown}");
}

fn search(dir: &Path, args: &[&str]) -> Value {
    let mut all = vec!["search", "--json"];
    all.extend(args);
    serde_json::from_str(&ok(&common::lunxun_at(dir, &all, "C", NOW))).unwrap()
}

#[test]
fn lunxun_search_takes_the_same_exact_forms() {
    let scene = scene();
    let dir = scene.dir.path();
    let code = PersonCode::of(&scene.scanned.id).to_string();
    for (query, kind) in [
        (scene.id_number().to_string(), "id_number"),
        (code.clone(), "code"),
        (code.to_lowercase(), "code"),
    ] {
        for scope in [&["--cohort", DEMO][..], &[]] {
            let mut args = scope.to_vec();
            args.push(&query);
            let hits = search(dir, &args);
            assert_eq!(hits.as_array().unwrap().len(), 1, "{query}: {hits}");
            assert_eq!(hits[0]["person_id"], scene.scanned.id.as_str());
            assert_eq!(hits[0]["matched_by"], kind);
            assert_eq!(hits[0]["code"], code.as_str());
        }
    }
    let hits = search(dir, &[scene.twin.phone.as_deref().unwrap()]);
    assert_eq!(hits[0]["person_id"], scene.twin.id.as_str());
    assert_eq!(hits[0]["matched_by"], "phone");
    let hits = search(dir, &["lyt"]);
    assert!(hits[0].get("matched_by").is_none(), "a name search: {hits}");
}

#[test]
fn lunxun_search_never_prints_an_id_number_back_in_full() {
    let scene = scene();
    let id = scene.id_number();
    let last = if id.ends_with('0') { '1' } else { '0' };
    let unknown = format!("{}{last}", &id[..17]);
    for query in [id, unknown.as_str()] {
        for lang in ["C", "zh_CN.UTF-8"] {
            let out = common::lunxun_at(scene.dir.path(), &["search", query], lang, NOW);
            let text = common::text_of(&out);
            assert!(!text.contains(&id[6..14]), "{text}");
        }
    }
    let out = common::lunxun_at(scene.dir.path(), &["search", &unknown], "C", NOW);
    let expected = format!("no one matches '{}'\n", mask::id_number(&unknown));
    assert_eq!(String::from_utf8_lossy(&out.stdout), expected);
}

/// A keyboard-emulation reader types the whole number and Enter within a few
/// milliseconds: here two cards, an ID number then a person code, in one write to the
/// real desk's terminal. Each Enter checks in the person its number names; the ID
/// number's first 11 digits (the twin's phone) never do.
#[cfg(unix)]
#[test]
fn two_scans_in_one_write_to_the_terminal_check_in_exactly_those_two() {
    let scene = scene();
    let id = scene.id_number().to_string();
    let code = PersonCode::of(&scene.twin.id).to_string();
    {
        let mut desk = common::desk::Desk::open(scene.dir.path(), "zh_CN.UTF-8");
        desk.wait_for("已到 8/60");
        desk.send(&format!("{id}\r{code}\r"));
        desk.wait_for("已到 10/60");
        desk.wait_for(&format!("✓ {} · ", scene.twin.name));
        let shown = desk.contents();
        assert!(!shown.contains(&id[6..14]), "{shown}");
        common::keys::ctrl(&mut desk, 'q');
        assert_eq!(desk.exit_code(), 0);
    }
    assert_eq!(scene.stored(&scene.scanned), Some(CheckInStatus::Present));
    assert_eq!(scene.stored(&scene.twin), Some(CheckInStatus::Present));
    let store = Store::open(scene.dir.path()).unwrap();
    let events = store.events(DEMO).unwrap();
    let mine: Vec<_> = events.iter().filter(|e| e.session == am2()).collect();
    let by = |p: &Person| mine.iter().filter(|e| e.person == p.id).count();
    assert_eq!(
        (by(&scene.scanned), by(&scene.twin)),
        (1, 1),
        "one check-in each"
    );
}

/// The printed sheet carries each person's code in its last column, so the card a
/// secretary lacks can be replaced by the sheet: the code typed at the desk picks them.
#[test]
fn the_sign_in_sheet_ends_with_each_persons_code() {
    let scene = scene();
    let dir = scene.dir.path();
    let args = [
        "export",
        "signin-sheet",
        "--cohort",
        DEMO,
        "--session",
        "2:am",
        "--format",
        "json",
    ];
    for (lang, header) in [("zh_CN.UTF-8", "人员编码"), ("C", "Person code")] {
        let sheet: Value =
            serde_json::from_str(&ok(&common::lunxun_at(dir, &args, lang, NOW))).unwrap();
        let columns = sheet["columns"].as_array().unwrap();
        assert_eq!(columns.last().unwrap(), header);
        assert_eq!(columns.len(), 8, "the code comes after the sign-out column");
    }
    let sheet: Value = serde_json::from_str(&ok(&common::lunxun_at(dir, &args, "C", NOW))).unwrap();
    let store = Store::open(dir).unwrap();
    let roster = store.roster(DEMO).unwrap();
    let rows = sheet["rows"].as_array().unwrap();
    assert_eq!(rows.len(), roster.len());
    for row in rows {
        let code = row[7].as_str().unwrap();
        let person = roster
            .iter()
            .find(|p| PersonCode::of(&p.id).to_string() == code)
            .unwrap_or_else(|| panic!("{code} is nobody's"));
        assert_eq!(row[1], person.name.as_str());
    }
}

#[test]
fn person_show_finds_by_id_number_or_code_and_shows_the_code() {
    let scene = scene();
    let dir = scene.dir.path();
    let id = scene.id_number();
    let code = PersonCode::of(&scene.scanned.id).to_string();
    for query in [id, code.as_str(), scene.scanned.id.as_str()] {
        let out = ok(&common::lunxun_at(
            dir,
            &["person", "show", query],
            "zh_CN.UTF-8",
            NOW,
        ));
        assert!(out.contains(&scene.scanned.name), "{out}");
        assert!(out.contains(&format!("人员编码：{code}")), "{out}");
        assert!(!out.contains(&id[6..14]), "{out}");
        let args = ["person", "show", query, "--json"];
        let json: Value =
            serde_json::from_str(&ok(&common::lunxun_at(dir, &args, "C", NOW))).unwrap();
        assert_eq!(json["person"]["code"], code.as_str());
        assert_eq!(json["person"]["person_id"], scene.scanned.id.as_str());
    }
    let last = if id.ends_with('0') { '1' } else { '0' };
    let unknown = format!("{}{last}", &id[..17]);
    let out = common::lunxun_at(dir, &["person", "show", &unknown], "C", NOW);
    assert_eq!(out.status.code(), Some(2));
    let err = common::stderr_past_clock_warning(&out);
    assert!(err.contains(&mask::id_number(&unknown)), "{err}");
    assert!(!err.contains(&unknown[6..14]), "{err}");
}

/// `--person` takes a scanned card as well: the one person with that ID number, phone
/// or code; a number several people share, or nobody has, is refused (echoed masked).
#[test]
fn checkin_person_takes_an_id_number_or_a_code() {
    let scene = scene();
    let dir = scene.dir.path();
    let code = PersonCode::of(&scene.twin.id).to_string();
    for person in [scene.id_number(), code.as_str()] {
        let args = ["checkin", "--cohort", DEMO, "--person", person];
        ok(&common::lunxun_at(dir, &args, "C", NOW));
    }
    assert_eq!(scene.stored(&scene.scanned), Some(CheckInStatus::Present));
    assert_eq!(scene.stored(&scene.twin), Some(CheckInStatus::Present));
    // Two people sharing one phone: neither is picked.
    let phone = scene.twin.phone.as_deref().unwrap();
    let edit = [
        "person",
        "edit",
        scene.scanned.id.as_str(),
        "--phone",
        phone,
    ];
    ok(&common::lunxun_at(dir, &edit, "C", NOW));
    let args = ["signout", "--cohort", DEMO, "--person", phone];
    let out = common::lunxun_at(dir, &args, "C", NOW);
    assert_eq!(out.status.code(), Some(2));
    let err = common::stderr_past_clock_warning(&out);
    assert!(
        err.starts_with(&format!("lunxun: 2 people have '{phone}'")),
        "{err}"
    );
    let id = scene.id_number();
    let unknown = format!("{}{}", &id[..17], if id.ends_with('0') { '1' } else { '0' });
    let args = ["checkin", "--cohort", DEMO, "--person", &unknown];
    let err = common::stderr_past_clock_warning(&common::lunxun_at(dir, &args, "C", NOW));
    assert!(
        err.contains(&mask::id_number(&unknown)) && !err.contains(&id[6..14]),
        "{err}"
    );
}

/// A walk-in whose phone number was typed into the box first finds it in the form;
/// an ID number typed first is copied nowhere.
#[test]
fn the_walk_in_form_takes_a_typed_phone_and_never_an_id_number() {
    let scene = scene();
    let mut app = scene.desk(Lang::En);
    type_text(&mut app, "139 0000 1111");
    assert!(app.checkin.hits.is_empty());
    ctrl(&mut app, 'a');
    let Some(lunxun::tui::Overlay::Form(_, form)) = &app.overlay else {
        panic!("the walk-in form opens")
    };
    assert_eq!(form.text(lunxun::tui::T::FieldPhone), "139 0000 1111");
    assert_eq!(form.text(lunxun::tui::T::FieldName), "");
    press(&mut app, KeyCode::Esc);
    ctrl(&mut app, 'u');
    let id = scene.id_number();
    let unknown = format!("{}{}", &id[..17], if id.ends_with('0') { '1' } else { '0' });
    type_text(&mut app, &unknown);
    ctrl(&mut app, 'a');
    let shown = screen(&app, 100, 24);
    assert!(!shown.contains(&unknown[6..14]), "{shown}");
}

/// Two people sharing one phone number: the scan lists both and Enter picks neither
/// until the clerk moves to one of them.
#[test]
fn a_number_two_people_share_waits_for_the_clerk_to_choose() {
    let scene = scene();
    let phone = scene.twin.phone.clone().unwrap();
    let edit = [
        "person",
        "edit",
        scene.scanned.id.as_str(),
        "--phone",
        &phone,
    ];
    ok(&common::lunxun_at(scene.dir.path(), &edit, "C", NOW));
    let chosen = {
        let mut app = scene.desk(Lang::En);
        type_text(&mut app, &phone);
        press(&mut app, KeyCode::Enter);
        assert_eq!(app.checkin.hits.len(), 2);
        assert_eq!(
            notice(&app),
            "2 people have this number or code: pick one with ↑↓, then Enter"
        );
        press(&mut app, KeyCode::Down);
        let chosen = selected(&app).unwrap();
        press(&mut app, KeyCode::Enter);
        assert!(
            notice(&app).starts_with(&format!("✓ {chosen} · ")),
            "{}",
            notice(&app)
        );
        chosen
    };
    let (picked, other) = match chosen == scene.scanned.name {
        true => (&scene.scanned, &scene.twin),
        false => (&scene.twin, &scene.scanned),
    };
    assert_eq!(scene.stored(picked), Some(CheckInStatus::Present));
    assert_eq!(scene.stored(other), None);
}
