//! The desk, walked as a user walks it: every screen reached by Tab and by F2–F10 (so
//! each loads its own data), the register widened with Ctrl-R, each person's detail in
//! the lookup, the dashboard's county lists, and every overlay (help, forms and their
//! pickers, confirmations, the import preview). No frame may show a number in full, and
//! the screens that show phones and ID numbers must show them masked: a screen that drew
//! nothing would fail too.

use std::path::Path;

use lunxun::text::Lang;
use lunxun::tui::{App, ScreenId};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::common::{self, keys::Keys};
use super::{NOW, Secret, assert_masked};

/// The desk and every frame drawn of it on the way.
struct Walk {
    app: App,
    frames: Vec<(String, String)>,
}

impl Keys for Walk {
    fn key(&mut self, key: KeyEvent) {
        self.app.on_key(key);
    }
}

impl Walk {
    /// Draws the desk, checks the frame and keeps it; returns its text.
    fn shot(&mut self, what: &str) -> String {
        let text = self.draw();
        assert_masked(what, &text);
        self.frames.push((what.to_string(), text.clone()));
        text
    }

    fn draw(&self) -> String {
        common::app::screen(&self.app, 140, 45)
    }

    /// Opens an overlay with `open`, draws it, and closes it with `close`.
    fn overlay(&mut self, what: &str, open: impl FnOnce(&mut Walk), close: KeyCode) -> String {
        open(self);
        assert!(
            self.app.overlay.is_some(),
            "{what}: no overlay opened:\n{}",
            self.draw()
        );
        let text = self.shot(what);
        self.press(close);
        assert!(self.app.overlay.is_none(), "{what}: still open");
        text
    }

    /// Help over the current screen.
    fn help(&mut self) {
        let what = format!("help on {:?}", self.app.screen);
        let text = self.overlay(&what, |w| w.press(KeyCode::F(1)), KeyCode::Esc);
        assert!(text.contains("F1"), "{what}:\n{text}");
    }

    /// Tab to the next screen, which must be `screen`.
    fn tab_to(&mut self, screen: ScreenId) {
        self.press(KeyCode::Tab);
        assert_eq!(self.app.screen, screen, "Tab");
    }

    /// Frames drawn of `what` (by prefix).
    fn all_of(&self, what: &str) -> String {
        self.frames
            .iter()
            .filter(|(w, _)| w.starts_with(what))
            .map(|(_, t)| t.as_str())
            .collect()
    }
}

/// Walks the desk over the data folder `dir` where `people` are in the register, the
/// first two also enrolled in 2015-02 and checked in. `roster` is a file to import,
/// `bad_roster` one whose row has the wrong ID number `bad_numbers[0]`.
pub fn walk_every_screen(
    dir: &Path,
    people: &[Secret],
    roster: &Path,
    bad_roster: &Path,
    bad_numbers: &[String],
) -> usize {
    let app = common::app::open(dir, NOW, Lang::Zh);
    assert_eq!(app.screen, ScreenId::CheckIn);
    let mut w = Walk {
        app,
        frames: Vec::new(),
    };
    check_in_screen(&mut w, people);
    w.tab_to(ScreenId::Lookup);
    lookup_screen(&mut w, people);
    w.tab_to(ScreenId::Sessions);
    sessions_and_cohorts(&mut w);
    w.tab_to(ScreenId::Dashboard);
    dashboard(&mut w);
    w.tab_to(ScreenId::Teaching);
    teaching(&mut w);
    w.tab_to(ScreenId::Coverage);
    let coverage = w.shot("coverage");
    assert!(
        coverage.contains("1 讲话精神"),
        "coverage loaded:\n{coverage}"
    );
    w.help();
    w.tab_to(ScreenId::Bases);
    bases(&mut w);
    w.tab_to(ScreenId::Import);
    import(&mut w, roster, bad_roster, bad_numbers);
    w.tab_to(ScreenId::CheckIn);
    // Again by F2–F10, now with a base to pick in the activity forms.
    for (n, screen) in ScreenId::ALL.into_iter().enumerate() {
        w.press(KeyCode::F(n as u8 + 2));
        assert_eq!(w.app.screen, screen, "F{}", n + 2);
        w.shot(&format!("F{} {screen:?}", n + 2));
        if screen == ScreenId::Teaching {
            activity_overlays(&mut w);
        }
    }
    w.frames.len()
}

fn check_in_screen(w: &mut Walk, people: &[Secret]) {
    w.type_text("秘");
    assert_eq!(w.app.checkin.hits.len(), 2, "the roster holds two of them");
    let roster = w.shot("check-in, roster");
    w.ctrl('r');
    assert_eq!(w.app.checkin.hits.len(), 3, "the register holds all three");
    let register = w.shot("check-in, register");
    for (i, p) in people.iter().enumerate() {
        let tail = &p.phone[p.phone.len() - 4..];
        let row = row_of(&register, p.name);
        assert!(
            row.contains(tail),
            "check-in shows {tail} for {}: {row}",
            p.name
        );
        if i < 2 {
            assert!(row_of(&roster, p.name).contains(tail), "{roster}");
        }
    }
    w.help();
    w.overlay("leave form", |w| w.ctrl('l'), KeyCode::Esc);
    w.overlay("walk-in form", |w| w.ctrl('a'), KeyCode::Esc);
}

/// Each person's detail, from the register: the lookup shows phone and ID masked.
fn lookup_screen(w: &mut Walk, people: &[Secret]) {
    w.shot("lookup, empty");
    w.type_text("秘");
    w.ctrl('r');
    assert_eq!(w.app.lookup.hits.len(), 3);
    for _ in people {
        w.shot("lookup detail");
        w.press(KeyCode::Down);
    }
    w.help();
    let shown = w.all_of("lookup detail");
    for p in people {
        for masked in [p.masked_phone(), p.masked_id()] {
            assert!(
                shown.contains(&masked),
                "the lookup shows {masked} for {}:\n{shown}",
                p.name
            );
        }
    }
}

fn sessions_and_cohorts(w: &mut Walk) {
    let sessions = w.shot("sessions");
    assert!(
        sessions.contains("到10"),
        "the sessions count the two beside the demo's eight:\n{sessions}"
    );
    w.help();
    w.overlay(
        "close session?",
        |w| w.press(KeyCode::Char('x')),
        KeyCode::Char('n'),
    );
    w.tab_to(ScreenId::Cohorts);
    let cohorts = w.shot("cohorts");
    assert!(cohorts.contains("2015-01"), "{cohorts}");
    w.help();
    w.overlay("new cohort form", |w| fill(w, 'n', &[]), KeyCode::Esc);
    w.overlay(
        "close cohort?",
        |w| w.press(KeyCode::Char('x')),
        KeyCode::Esc,
    );
}

/// Every county's list of people not yet trained.
fn dashboard(w: &mut Walk) {
    let quota = w.shot("dashboard");
    assert!(
        quota.contains("岳阳县"),
        "the quota lists the counties:\n{quota}"
    );
    w.help();
    let counties = w.app.dashboard.quota.len();
    for _ in 0..counties {
        w.press(KeyCode::Enter);
        w.shot("dashboard, untrained list");
        w.press(KeyCode::Esc);
        w.press(KeyCode::Down);
    }
    let lists = w.all_of("dashboard, untrained list");
    assert!(lists.contains("岳阳县 未参加轮训"), "{lists}");
}

/// Logs an activity through the form (with every picker moved), then its overlays.
fn teaching(w: &mut Walk) {
    w.shot("teaching, empty");
    w.help();
    let fields = ["廉洁自律专题", "秘老师", "纪委书记", "1", "2", "", ""];
    w.overlay("activity form", |w| fill(w, 'n', &fields), KeyCode::Enter);
    let listed = w.shot("teaching");
    assert!(
        listed.contains("廉洁自律专题"),
        "the activity is saved:\n{listed}"
    );
    activity_overlays(w);
}

fn activity_overlays(w: &mut Walk) {
    w.overlay("edit activity form", |w| fill(w, 'e', &[]), KeyCode::Esc);
    w.overlay(
        "delete activity?",
        |w| w.press(KeyCode::Char('x')),
        KeyCode::Char('n'),
    );
    assert!(!w.app.teaching.activities.is_empty(), "not deleted");
}

fn bases(w: &mut Walk) {
    w.shot("bases, empty");
    w.help();
    let fields = ["", "岳阳县", "1", "", "", ""];
    w.overlay(
        "base form",
        |w| {
            fill(w, 'n', &[]);
            w.type_text("新开村基地");
            fill_rest(w, &fields);
        },
        KeyCode::Enter,
    );
    let listed = w.shot("bases");
    assert!(
        listed.contains("新开村基地"),
        "the base is saved:\n{listed}"
    );
}

/// Opens a form with `key`, types `values` into the fields after the first, moving each
/// picker one to the right on the way.
fn fill(w: &mut Walk, key: char, values: &[&str]) {
    w.press(KeyCode::Char(key));
    fill_rest(w, values);
}

fn fill_rest(w: &mut Walk, values: &[&str]) {
    w.press(KeyCode::Right);
    for value in values {
        w.press(KeyCode::Tab);
        w.press(KeyCode::Right);
        w.type_text(value);
    }
}

fn import(w: &mut Walk, roster: &Path, bad_roster: &Path, bad_numbers: &[String]) {
    w.shot("import");
    w.help();
    w.type_text(bad_roster.to_str().unwrap());
    w.press(KeyCode::Enter);
    let preview = w.shot("import preview, bad rows");
    for bad in bad_numbers {
        assert!(
            !preview.contains(bad.as_str()),
            "the preview echoes {bad}:\n{preview}"
        );
    }
    let masked = format!("{}********{}", &bad_numbers[0][..6], &bad_numbers[0][14..]);
    assert!(
        preview.contains(&masked),
        "the preview names the row's ID masked:\n{preview}"
    );
    w.press(KeyCode::Esc);
    w.type_text(roster.to_str().unwrap());
    w.press(KeyCode::Enter);
    w.shot("import preview");
    w.overlay("import?", |w| w.press(KeyCode::Enter), KeyCode::Char('n'));
    w.press(KeyCode::Esc);
}

/// The line of `screen` that shows `name`.
fn row_of<'a>(screen: &'a str, name: &str) -> &'a str {
    screen
        .lines()
        .find(|l| l.contains(name))
        .unwrap_or_else(|| panic!("no row for {name}:\n{screen}"))
}
