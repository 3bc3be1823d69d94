//! Fault injection: the Nth commit fails at the write or the flush, once or for good.
//! A failure is reported, nothing unwritten is acknowledged, a retry works, and the
//! store stays consistent.

mod common;

use std::path::Path;
use std::process::Command;

use chrono::{DateTime, FixedOffset};
use lunxun::clock::Clock;
use lunxun::domain::{CheckInStatus, PersonId, Session, SlotKind};
use lunxun::i18n::Lang;
use lunxun::store::{CheckInOutcome, DeskRequest, FaultPlan, Store};
use lunxun::tui::{App, NoticeKind};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2015-03-16T08:35:00+08:00").unwrap()
}

/// The demo's cohort in progress; the clock is in its day 2, morning.
const DEMO: &str = "2015-02";

fn today() -> Session {
    Session::new(2, SlotKind::Am)
}

/// The demo's roster, less those the demo already checked in today.
fn demo(dir: &Path) -> Vec<PersonId> {
    let store = Store::open(dir).unwrap();
    lunxun::demo::install(&store, now()).unwrap();
    let roster = store.roster(DEMO).unwrap().into_iter().map(|p| p.id);
    roster
        .filter(|id| store.status(DEMO, id, today()).unwrap().is_none())
        .collect()
}

fn check_in(store: &Store, person: &PersonId) -> Result<CheckInOutcome, lunxun::store::StoreError> {
    let req = DeskRequest {
        cohort: DEMO,
        person,
        session: today(),
        at: now(),
    };
    store.check_in(&req, CheckInStatus::Present, None)
}

/// Every plan for N = 1..=6, at the write, the flush and the journal, once and for good.
#[test]
fn failed_commits_are_reported_never_acknowledged_and_can_be_retried() {
    let mut injected = 0;
    for spec in ["write", "flush", "journal"] {
        for n in 1..=6u64 {
            for permanent in [false, true] {
                let text = format!("{spec}:{n}{}", if permanent { ":always" } else { "" });
                run_plan(FaultPlan::parse(&text).unwrap(), &text);
                injected += 1;
            }
        }
    }
    eprintln!("fault plans run: {injected}");
}

fn run_plan(plan: FaultPlan, label: &str) {
    let dir = tempfile::tempdir().unwrap();
    let people = demo(dir.path());
    let mut acknowledged = Vec::new();
    let mut failed = Vec::new();
    {
        let mut store = Store::open(dir.path()).unwrap();
        store.inject_faults(plan);
        for person in people.iter().take(6) {
            match check_in(&store, person) {
                Ok(CheckInOutcome::Recorded(_)) => acknowledged.push(person.clone()),
                Ok(CheckInOutcome::Refused(r)) => panic!("{label}: unexpected refusal {r:?}"),
                Err(_) => failed.push(person.clone()),
            }
        }
        assert!(!failed.is_empty(), "{label}: the plan fired");
        if !plan.permanent {
            for person in &failed {
                let retry = check_in(&store, person).unwrap();
                assert!(
                    matches!(
                        retry,
                        CheckInOutcome::Recorded(_) | CheckInOutcome::Refused(_)
                    ),
                    "{label}"
                );
            }
        }
    }
    let store = Store::open(dir.path()).unwrap();
    if store.journal_is_behind() {
        // As the program does at every start (see main.rs).
        lunxun::io::backup::automatic(&store, now()).unwrap();
    }
    store
        .check_integrity()
        .unwrap_or_else(|e| panic!("{label}: {e}"));
    let am = today();
    for person in &acknowledged {
        assert!(
            store.status(DEMO, person, am).unwrap().is_some(),
            "{label}: acknowledged check-in lost"
        );
    }
    for person in &failed {
        if plan.permanent {
            let retry = check_in(&store, person).unwrap();
            assert!(
                matches!(
                    retry,
                    CheckInOutcome::Recorded(_) | CheckInOutcome::Refused(_)
                ),
                "{label}"
            );
        }
        assert!(
            store.status(DEMO, person, am).unwrap().is_some(),
            "{label}: the retry recorded it"
        );
    }
    // Every check-in that stands is also in the newest backup or the journal: what a
    // restore gives back if sled's files are damaged.
    let kept = kept_for_a_restore(dir.path());
    for person in acknowledged.iter().chain(&failed) {
        assert!(
            kept.contains(person),
            "{label}: {person} not in backup or journal"
        );
    }
}

/// People with a check-in today that a restore would give back (the demo's own
/// events of other sessions do not count).
fn kept_for_a_restore(dir: &Path) -> Vec<PersonId> {
    common::kept_for_a_restore(dir)
        .into_iter()
        .filter(|e| e.cohort == DEMO && e.session == today())
        .map(|e| e.person)
        .collect()
}

#[test]
fn the_command_line_reports_a_failed_write_and_a_retry_works() {
    let dir = tempfile::tempdir().unwrap();
    let people = demo(dir.path());
    let run = |fault: Option<&str>, person: &PersonId| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_lunxun"));
        cmd.args([
            "checkin",
            "--cohort",
            DEMO,
            "--person",
            person.as_str(),
            "--session",
            "2:am",
        ])
        .arg("--db")
        .arg(dir.path())
        .env("LANG", "C")
        .env("LUNXUN_NOW", "2015-03-16T08:35:00+08:00");
        if let Some(f) = fault {
            cmd.env("LUNXUN_FAULT", f);
        }
        cmd.output().unwrap()
    };
    let faults = [
        ("write:1", "It may not have been saved; try again"),
        ("flush:1", "It may not have been saved; try again"),
        ("journal:1", "so it is not confirmed. Try again"),
    ];
    for ((fault, says), person) in faults.iter().zip(&people) {
        let out = run(Some(fault), person);
        assert_eq!(out.status.code(), Some(1), "{fault}");
        assert!(out.stdout.is_empty(), "{fault}: nothing acknowledged");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(says), "{fault}: {err}");
        let retry = run(None, person);
        let text = String::from_utf8_lossy(&retry.stdout);
        assert!(
            text.starts_with('✓') || text.contains("already checked in"),
            "{fault}: {text}"
        );
    }
    let kept = kept_for_a_restore(dir.path());
    for person in &people[..faults.len()] {
        assert!(kept.contains(person), "{person} not in backup or journal");
    }
}

#[test]
fn the_desk_shows_a_failed_write_keeps_the_search_and_enter_retries() {
    let dir = tempfile::tempdir().unwrap();
    demo(dir.path());
    let mut store = Store::open(dir.path()).unwrap();
    store.inject_faults(FaultPlan::parse("write:1").unwrap());
    let mut app = App::new(store, Clock::Fixed(now()), Lang::En).unwrap();
    for c in "lyt".chars() {
        app.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
    app.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    let notice = app.notice.clone().unwrap();
    assert_eq!(notice.kind, NoticeKind::Error);
    assert!(notice.text.starts_with("not saved"), "{}", notice.text);
    assert_eq!(
        app.checkin.input.value(),
        "lyt",
        "the search stays for a retry"
    );
    app.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    assert!(app.notice.clone().unwrap().text.starts_with("✓ 李雅婷"));
}
