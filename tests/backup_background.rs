//! Automatic backups written in the background: the records are copied under the commit
//! lock at commit N, the file is written while commits go on, and the journal then drops
//! only the commits up to N. A check-in made while the file is written is in the journal
//! (so `lunxun restore` of that backup gives it back), a copy never holds half a commit
//! or one after its number, and a kill while the journal is rewritten leaves a folder
//! the newest backup and the journal restore whole.

mod common;

use std::path::Path;
use std::sync::{Arc, mpsc};

use chrono::{DateTime, FixedOffset};
use lunxun::domain::{AttendanceEvent, CheckInStatus, PersonId, Session, SlotKind};
use lunxun::io::backup;
use lunxun::store::{
    Batch, CheckInOutcome, DeskRequest, JOURNAL_FILE, Journaled, Store, TreeName, read_journal,
};

/// The demo's cohort in progress.
const DEMO: &str = "2015-02";

fn now() -> DateTime<FixedOffset> {
    common::fixtures::at(common::NOW)
}

fn journal(dir: &Path) -> Journaled {
    read_journal(&dir.join(JOURNAL_FILE)).unwrap().unwrap()
}

fn seqs(journaled: &Journaled) -> Vec<u64> {
    journaled.entries.iter().map(|e| e.seq).collect()
}

/// Whether `person` is present for `day`'s morning in the data folder `dir`'s export.
fn present_in_export(dir: &Path, person: &PersonId, day: u16) -> bool {
    let out = common::lunxun_at(
        dir,
        &["export", "attendance", "--cohort", DEMO],
        "C",
        common::NOW,
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let attendee = json["attendees"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["person_id"] == person.as_str())
        .unwrap_or_else(|| panic!("{person} on the roster: {json}"));
    let marks = attendee["attendance"].as_array().unwrap();
    let today = marks.iter().find(|m| m["day"] == day && m["slot"] == "am");
    today.is_some_and(|m| m["status"] == "present")
}

/// The promise: a check-in committed after the copy, while the file is being written,
/// is not in that backup but stays in the journal, which afterwards holds exactly the
/// commits after the backup's; restoring the backup into a new folder replays it.
#[test]
fn a_check_in_made_while_a_backup_is_written_is_kept_in_the_journal_and_restored() {
    let dir = common::demo_folder();
    let store = Arc::new(Store::open(dir.path()).unwrap());
    let person = store.roster(DEMO).unwrap()[0].id.clone();
    let (release, hold) = mpsc::channel();
    let mut writing = backup::start_held(&store, now(), Some(hold)).unwrap();
    // The copy is taken (and the writer held) before the check-in below.
    let n = writing.seq().expect("copied");
    assert_eq!(n, store.commit_seq());
    let request = DeskRequest {
        cohort: DEMO,
        person: &person,
        session: Session::new(2, SlotKind::Am),
        at: now(),
    };
    let outcome = store
        .check_in(&request, CheckInStatus::Present, None)
        .unwrap();
    assert!(matches!(outcome, CheckInOutcome::Recorded(_)));
    assert_eq!(store.commit_seq(), n + 1);
    assert!(
        !writing.path().exists() && !writing.is_finished(),
        "the check-in was committed while the backup was not yet written"
    );
    release.send(()).unwrap();
    let path = writing.finish().unwrap();

    let saved = backup::read(&path).unwrap();
    assert_eq!(saved.commit_seq(), n, "the backup holds commits up to N");
    let in_backup = saved.trees["events"].iter().any(|r| {
        let event: AttendanceEvent = serde_json::from_value(r.value.clone()).unwrap();
        event.person == person && event.session == request.session
    });
    assert!(!in_backup, "copied before the check-in");
    let after = journal(dir.path());
    assert_eq!(
        after.base, n,
        "the journal starts after the backup's commit"
    );
    assert_eq!(seqs(&after), [n + 1], "exactly the commits after N stay");
    assert!(
        after.entries[0]
            .puts
            .iter()
            .any(|(tree, ..)| *tree == TreeName::Events),
        "the check-in's event"
    );
    Arc::try_unwrap(store)
        .ok()
        .expect("the backup let go")
        .close();

    let restored = tempfile::tempdir().unwrap();
    let args = ["restore", path.to_str().unwrap()];
    let out = common::lunxun_at(restored.path(), &args, "C", common::NOW);
    let said = common::ok(&out);
    assert!(said.contains("replayed 1 commits"), "{said}");
    assert!(
        present_in_export(restored.path(), &person, 2),
        "the check-in made during the backup is restored"
    );
}

/// The desk: the backup begun at start is written in the background; a check-in by
/// keys goes through while it is held unwritten, the status line says a backup is
/// being written and then that it was, and the check-in stays in the journal.
#[test]
fn the_desk_checks_in_while_its_backup_at_start_is_written() {
    use common::app::{press, screen, type_text};
    use ratatui::crossterm::event::KeyCode;
    let dir = common::demo_folder();
    let store = Store::open(dir.path()).unwrap();
    let mut app = lunxun::tui::App::new(
        store,
        common::app::clock(common::NOW),
        lunxun::text::Lang::En,
    )
    .unwrap();
    let (release, hold) = mpsc::channel();
    app.begin_backup_held(Some(hold)).unwrap();
    let n = app.backup_copied().expect("copied");
    assert!(screen(&app, 100, 30).contains("backing up…"));
    type_text(&mut app, "lyt");
    press(&mut app, KeyCode::Enter);
    let notice = common::app::notice(&app);
    assert!(notice.starts_with("✓ 李雅婷"), "{notice}");
    assert!(
        app.finish_backup(false).is_none() && app.backup_running(),
        "still held"
    );
    release.send(()).unwrap();
    let path = app.finish_backup(true).expect("written");
    assert!(screen(&app, 100, 30).contains("backed up 08:35"));
    assert_eq!(
        common::app::notice(&app),
        notice,
        "the check-in's line stays"
    );
    assert_eq!(backup::read(&path).unwrap().commit_seq(), n);
    let after = journal(dir.path());
    assert_eq!((after.base, seqs(&after)), (n, vec![n + 1]));
}

/// A copy holds exactly the commits up to its number, never part of one or one after:
/// a thread commits one event at a time while copies are taken, and each copy's event
/// count and stored commit number must agree with its number. Many records sit between
/// the commit number (the first tree) and the events, so a copy taken without the
/// commit lock would see commits land mid-copy.
#[test]
fn a_snapshot_holds_exactly_the_commits_up_to_its_number() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let mut filler = Batch::default();
    for i in 0..30_000u32 {
        filler.put(TreeName::Enrolments, i.to_be_bytes(), b"{}".to_vec());
    }
    store.commit(filler).unwrap();
    let start = store.commit_seq();
    let done = std::sync::atomic::AtomicBool::new(false);
    // Copies taken so far: the committing thread goes on until a few were taken while
    // it committed (on a loaded machine 150 commits can finish before the first copy).
    let copies = std::sync::atomic::AtomicUsize::new(0);
    let mut checked = 0;
    std::thread::scope(|scope| {
        scope.spawn(|| {
            let mut i = 0u32;
            while i < 150 || (copies.load(std::sync::atomic::Ordering::SeqCst) < 4 && i < 20_000) {
                let mut batch = Batch::default();
                batch.put(TreeName::Events, i.to_be_bytes(), b"{}".to_vec());
                store.commit(batch).unwrap();
                i += 1;
            }
            done.store(true, std::sync::atomic::Ordering::SeqCst);
        });
        while !done.load(std::sync::atomic::Ordering::SeqCst) {
            let snapshot = store.snapshot().unwrap();
            let copy = snapshot.to_backup("").unwrap();
            let n = snapshot.seq();
            assert_eq!(copy.commit_seq(), n, "the copy's own commit number");
            let events = copy.trees["events"].len() as u64;
            assert_eq!(events, n - start, "events in a copy at commit {n}");
            checked += 1;
            copies.store(checked, std::sync::atomic::Ordering::SeqCst);
        }
    });
    assert!(checked > 3, "copies taken while commits went on: {checked}");
    eprintln!("copies checked while committing: {checked}");
}

/// A kill while the journal is rewritten after a backup (`lunxun backup`, killed from
/// the moment its new journal appears beside the old one to about 30 ms later, so kills
/// land in its write, its sync, the rename and after) leaves the old journal or the new
/// one, whole: the folder opens, and the newest backup and the journal hold every
/// check-in. (A command makes no commit during its backup, so the entries kept after N
/// are shown by the tests above and the journal's own tests.)
#[cfg(unix)]
#[test]
fn a_kill_while_the_journal_is_rewritten_leaves_a_restorable_folder() {
    use common::kills::{Lcg, assert_kept_for_a_restore};
    use std::process::Stdio;
    use std::time::Duration;
    let dir = common::demo_folder();
    let roster = {
        let store = Store::open(dir.path()).unwrap();
        let roster = store.roster(DEMO).unwrap();
        store.close();
        roster
    };
    let fresh = dir.path().join("lunxun.journal.new");
    let mut rng = Lcg(7);
    let mut acknowledged = Vec::new();
    let (mut kept_old, mut got_new, mut seen) = (0, 0, 0);
    // Day 3: the demo checked people in on days 1 and 2 itself (one already there makes
    // no commit).
    let session = Session::new(3, SlotKind::Am);
    for (trial, person) in roster.iter().take(16).enumerate() {
        let id = person.id.as_str();
        let args = [
            "checkin",
            "--cohort",
            DEMO,
            "--person",
            id,
            "--session",
            "3:am",
        ];
        common::ok(&common::lunxun_at(dir.path(), &args, "C", common::NOW));
        acknowledged.push((person.id.clone(), session));
        let before = journal(dir.path()).base;
        let mut child = common::lunxun_command(dir.path(), &["backup"], "C", common::NOW)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        while !fresh.exists() && child.try_wait().unwrap().is_none() {
            std::thread::sleep(Duration::from_micros(20));
        }
        seen += usize::from(fresh.exists());
        let scale = 10u64.pow(rng.below(5) as u32);
        std::thread::sleep(Duration::from_micros(rng.below(3 * scale)));
        let _ = child.kill();
        child.wait().unwrap();
        let context = format!("trial {trial}");
        let found = journal(dir.path());
        assert_eq!(found.damaged_bytes, 0, "{context}");
        if found.base == before {
            kept_old += 1;
            assert!(
                !found.entries.is_empty(),
                "{context}: the old journal, whole"
            );
        } else {
            got_new += 1;
            assert!(
                found.entries.is_empty(),
                "{context}: the new journal, whole"
            );
        }
        assert_kept_for_a_restore(dir.path(), &acknowledged, &context);
        // The next start removes a rewrite cut short and goes on with the journal.
        let store = Store::open(dir.path()).expect("the folder opens after the kill");
        store.close();
        assert!(!fresh.exists(), "{context}");
    }
    eprintln!(
        "backups killed: 16, the new journal seen beside the old: {seen}, the old journal kept: {kept_old}, the new one in place: {got_new}"
    );
    assert!(seen > 0, "some kills must land during the rewrite");
    let newest = backup::backups_in(&backup::folder(dir.path()))
        .unwrap()
        .pop()
        .unwrap();
    let restored = tempfile::tempdir().unwrap();
    let args = ["restore", newest.to_str().unwrap()];
    common::ok(&common::lunxun_at(restored.path(), &args, "C", common::NOW));
    for (person, _) in &acknowledged {
        assert!(present_in_export(restored.path(), person, 3), "{person}");
    }
}

/// Leaving the desk waits for a backup still being written, whether the user quit or a
/// signal ended it; on a quit the exit backup is made only when that one lacks commits.
#[test]
fn leaving_the_desk_waits_for_the_backup_being_written() {
    use common::app::{press, type_text};
    use ratatui::crossterm::event::KeyCode;
    let dir = common::demo_folder();
    let open = || {
        let store = Store::open(dir.path()).unwrap();
        lunxun::tui::App::new(
            store,
            common::app::clock(common::NOW),
            lunxun::text::Lang::En,
        )
        .unwrap()
    };
    let leave = |mut app: lunxun::tui::App, quit: bool, check_in: bool| {
        let (release, hold) = mpsc::channel();
        app.begin_backup_held(Some(hold)).unwrap();
        app.backup_copied().expect("copied");
        if check_in {
            type_text(&mut app, "lyt");
            press(&mut app, KeyCode::Enter);
        }
        let before = backup::backups_in(&backup::folder(dir.path()))
            .unwrap()
            .len();
        let releaser = std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(300));
            release.send(()).unwrap();
        });
        assert!(app.backups_on_exit(quit).is_empty());
        releaser.join().unwrap();
        backup::backups_in(&backup::folder(dir.path()))
            .unwrap()
            .len()
            - before
    };
    assert_eq!(
        leave(open(), false, false),
        1,
        "a signal: the backup is waited for"
    );
    assert_eq!(
        leave(open(), true, false),
        1,
        "a quit: that backup holds everything"
    );
    assert_eq!(
        leave(open(), true, true),
        2,
        "a quit after a check-in: one more"
    );
}
