//! Desk benchmark: the desk's answer to each key (the key handled, then the screen drawn
//! into ratatui's test backend) while it makes 3,000 check-ins on a 100k register, and
//! widening its search to the whole register. Run:
//! `cargo run --release --example bench_desk`.
//!
//! The cohort enrols 3,000 people of the register with names no one else on its roster
//! has; each is checked in at the desk as an organiser does it, by typing the name and
//! pressing Enter (a durable commit). Keys are timed in the first 500 check-ins and in
//! the last 500, so a cost that grows with the desk's history shows as a difference.

use std::collections::HashSet;
use std::time::{Duration, Instant};

#[path = "../tests/common/fixtures.rs"]
mod fixtures;

use lunxun::clock::Clock;
use lunxun::demo::generate_register;
use lunxun::domain::{Cohort, Person};
use lunxun::store::{Batch, Store};
use lunxun::text::Lang;
use lunxun::tui::App;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const REGISTER: usize = 100_000;
const CHECK_INS: usize = 3_000;
const NOW: &str = "2015-03-16T08:35:00+08:00";

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let roster = seed(dir.path());
    let store = Store::open(dir.path()).expect("store opens");
    let start = Instant::now();
    let mut app = App::new(store, Clock::Fixed(fixtures::at(NOW)), Lang::Zh).expect("desk");
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    draw(&app, &mut terminal);
    let first_screen = start.elapsed();

    let mut early = Samples::default();
    let mut late = Samples::default(); // the last 500
    for (i, person) in roster.iter().enumerate() {
        let samples = if i < 500 { &mut early } else { &mut late };
        let keep = !(500..CHECK_INS - 500).contains(&i);
        for c in person.name.chars() {
            let took = key(
                &mut app,
                &mut terminal,
                KeyCode::Char(c),
                KeyModifiers::NONE,
            );
            if keep {
                samples.typing.push(took);
            }
        }
        let took = key(&mut app, &mut terminal, KeyCode::Enter, KeyModifiers::NONE);
        if keep {
            samples.enter.push(took);
        }
    }
    let made = app.desk.as_ref().map_or(0, |d| d.undo_stack.len());
    assert_eq!(made, CHECK_INS, "every check-in is made");

    println!("## Desk: a key answered (handled + drawn) on a {REGISTER}-person register\n");
    println!(
        "First screen (App::new + first draw, store already open): {}\n",
        ms(first_screen)
    );
    println!("| keys | p50 | p99 | max |");
    println!("|---|---|---|---|");
    row("typing a name, check-ins 1–500", early.typing);
    row("Enter (durable check-in), check-ins 1–500", early.enter);
    row("typing a name, check-ins 2,501–3,000", late.typing);
    row(
        "Enter (durable check-in), check-ins 2,501–3,000",
        late.enter,
    );
    widen(&mut app, &mut terminal);
}

#[derive(Default)]
struct Samples {
    typing: Vec<Duration>,
    enter: Vec<Duration>,
}

/// Ctrl-R widens the search to the register (read and indexed the first time), then the
/// first letter typed shows the first results.
fn widen(app: &mut App, terminal: &mut Terminal<TestBackend>) {
    let start = Instant::now();
    key(app, terminal, KeyCode::Char('r'), KeyModifiers::CONTROL);
    key(app, terminal, KeyCode::Char('z'), KeyModifiers::NONE);
    println!(
        "\nWiden the search to the whole register (Ctrl-R, then `z`, each drawn): {}",
        ms(start.elapsed())
    );
}

fn key(
    app: &mut App,
    terminal: &mut Terminal<TestBackend>,
    code: KeyCode,
    modifiers: KeyModifiers,
) -> Duration {
    let start = Instant::now();
    app.on_key(KeyEvent::new(code, modifiers));
    draw(app, terminal);
    start.elapsed()
}

fn draw(app: &App, terminal: &mut Terminal<TestBackend>) {
    terminal
        .draw(|frame| lunxun::tui::render(app, frame))
        .expect("draws");
}

/// The register, and a cohort enrolling CHECK_INS people whose names are unique on it.
fn seed(dir: &std::path::Path) -> Vec<Person> {
    let store = Store::open(dir).expect("store opens");
    let people = generate_register(REGISTER, 11);
    let mut seen = HashSet::new();
    let roster: Vec<Person> = people
        .iter()
        .filter(|p| seen.insert(p.name.clone()))
        .take(CHECK_INS)
        .cloned()
        .collect();
    for chunk in people.chunks(10_000) {
        let mut batch = Batch::default();
        chunk
            .iter()
            .for_each(|p| Store::stage_person(&mut batch, p));
        store.commit(batch).expect("register");
    }
    let mut batch = Batch::default();
    Store::stage_cohort(&mut batch, &cohort());
    for p in &roster {
        Store::stage_enrolment(&mut batch, "2015-01", &p.id, fixtures::at(NOW), false);
    }
    store.commit(batch).expect("cohort");
    store.close();
    roster
}

fn cohort() -> Cohort {
    Cohort {
        name: "bench".into(),
        ..fixtures::cohort("2015-01")
    }
}

fn row(label: &str, mut samples: Vec<Duration>) {
    samples.sort();
    let pick = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
    let max = *samples.last().expect("samples");
    println!(
        "| {label} | {} | {} | {} |",
        ms(pick(0.5)),
        ms(pick(0.99)),
        ms(max)
    );
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}
