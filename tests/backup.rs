//! Backups: every record kind round-trips through a backup file into a new folder;
//! automatic backups keep the last ten; restore refuses a folder that holds records.

mod common;

use std::path::Path;

use chrono::{DateTime, Duration, FixedOffset, NaiveDate};
use lunxun::domain::module::ModuleNames;
use lunxun::domain::{
    ActivityDetails, BaseKind, CheckInStatus, FiveHaves, Have, Level, Method, Person, PersonId,
    Session, SlotKind, TrainingBase,
};
use lunxun::io::backup;
use lunxun::store::{
    ActivityOutcome, ActivityRequest, Backup, Batch, CheckInOutcome, DeskRequest, PlannedOutcome,
    Store, TreeName,
};

fn now() -> DateTime<FixedOffset> {
    common::fixtures::at(common::NOW)
}

/// The demo's cohort in progress (2015-01 is the closed one earlier in the year).
const DEMO: &str = "2015-02";

/// How many attendance events the demo itself makes at `now()` (the same every time:
/// it follows the clock).
fn demo_events() -> usize {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    lunxun::demo::install(&store, now()).unwrap();
    let cohorts = store.cohorts().unwrap();
    cohorts
        .iter()
        .map(|c| store.events(&c.code).unwrap().len())
        .sum()
}

/// The demo plus every kind of attendance record: present, late, leave with reason,
/// an undo, a walk-in, a closed session (today's, where the demo leaves the showcase
/// names to check in).
fn seeded(dir: &Path) -> Store {
    let store = Store::open(dir).unwrap();
    lunxun::demo::install(&store, now()).unwrap();
    let roster = store.roster(DEMO).unwrap();
    let am = Session::new(2, SlotKind::Am);
    let req = |name: &str| DeskRequest {
        cohort: DEMO,
        person: &roster.iter().find(|x| x.name == name).unwrap().id,
        session: am,
        at: now(),
    };
    let recorded = |outcome| assert!(matches!(outcome, CheckInOutcome::Recorded(_)));
    recorded(
        store
            .check_in(&req("李雅婷"), CheckInStatus::Present, None)
            .unwrap(),
    );
    recorded(
        store
            .check_in(&req("曾强"), CheckInStatus::Late, None)
            .unwrap(),
    );
    recorded(
        store
            .check_in(&req("单丽"), CheckInStatus::Leave, Some("生病".into()))
            .unwrap(),
    );
    // A change to the register (an hour record from elsewhere).
    let person = roster.iter().find(|x| x.name == "单丽").unwrap().id.clone();
    let change = lunxun::domain::register::Change::OutsideHours {
        person,
        tenths: 80,
        source: "省委党校".into(),
        date: NaiveDate::from_ymd_opt(2015, 5, 1).unwrap(),
        level: None,
    };
    let event = store.new_change(now(), "organiser", change).unwrap();
    let mut batch = lunxun::store::Batch::default();
    Store::stage_change(&mut batch, &event);
    store.commit(batch).unwrap();
    recorded(
        store
            .check_in(&req("欧阳娜"), CheckInStatus::Present, None)
            .unwrap(),
    );
    recorded(store.undo(&req("欧阳娜")).unwrap());
    let mut walk_in = Person::named(PersonId("01WALKIN0000000000000000AA".into()), "王新来");
    walk_in.unit = "新墙镇清水村".into();
    let mut extra = Batch::default();
    Store::stage_person(&mut extra, &walk_in);
    Store::stage_enrolment(&mut extra, DEMO, &walk_in.id, now(), true);
    let request = DeskRequest {
        cohort: DEMO,
        person: &walk_in.id,
        session: am,
        at: now(),
    };
    store
        .check_in_with(&request, CheckInStatus::Present, None, extra)
        .unwrap();
    let mut cohort = store.cohort(DEMO).unwrap().unwrap();
    cohort.closed_sessions.push(am);
    let mut batch = Batch::default();
    Store::stage_cohort(&mut batch, &cohort);
    store.commit(batch).unwrap();
    seed_teaching(&store);
    store
}

/// A module added to the catalogue, a training base, a held site visit there (which
/// gives the cohort its copy of the catalogue) and a planned lecture from a timetable.
fn seed_teaching(store: &Store) {
    let added = store
        .change_catalogue(|c| {
            c.add(
                ModuleNames {
                    name_zh: Some("乡村振兴".into()),
                    ..ModuleNames::default()
                },
                "01MODULE00000000000000000A".into(),
            )
        })
        .unwrap();
    let added = added.unwrap();
    let base = TrainingBase {
        id: "01BASE0000000000000000000A".into(),
        name: "新开村".into(),
        kind: BaseKind::Village,
        county: "岳阳县".into(),
        haves: FiveHaves::from_list(&[Have::Venue, Have::Guide, Have::Site]),
        accreditation: Some(lunxun::domain::base::Accreditation {
            date: NaiveDate::from_ymd_opt(2015, 1, 10).unwrap(),
            level: Level::City,
        }),
        notes: String::new(),
        created_at: now(),
        updated_at: None,
    };
    let mut batch = Batch::default();
    Store::stage_base(&mut batch, &base);
    store.commit(batch).unwrap();
    let cohort = store.cohort(DEMO).unwrap().unwrap();
    let request = ActivityRequest {
        cohort: &cohort,
        at: now(),
        by: Some("张干事".into()),
        catalogue: None,
    };
    let visit = ActivityDetails {
        session: Session::new(1, SlotKind::Am),
        method: Method::Visit,
        title: "观摩新开村".into(),
        lecturer: "李书记".into(),
        role: "优秀村党组织书记".into(),
        modules: vec![3, added],
        minutes: Some(90),
        class_hours: None,
        base: Some(base.id.clone()),
        notes: String::new(),
    };
    let held = store.add_activity(&request, visit, false).unwrap();
    assert!(matches!(held, ActivityOutcome::Recorded(_)), "{held:?}");
    let lecture = ActivityDetails {
        session: Session::new(2, SlotKind::Pm),
        method: Method::Lecture,
        title: "学习党章".into(),
        modules: vec![2],
        base: None,
        ..store.activities(DEMO).unwrap()[0].details.clone()
    };
    let planned = store
        .add_planned_activities(&request, vec![lecture])
        .unwrap();
    assert!(
        matches!(planned, PlannedOutcome::Recorded(_)),
        "{planned:?}"
    );
}

/// Records per tree without the folder's own settings (its desk id and commit count),
/// which a restored folder keeps for itself.
fn shared_records(backup: &Backup, tree: TreeName) -> serde_json::Value {
    let own = |r: &&lunxun::store::Record| {
        tree == TreeName::Meta && (r.key == "desk" || r.key == "commit_seq")
    };
    let records = backup.trees.get(tree.name()).map(Vec::as_slice);
    let kept: Vec<_> = records
        .unwrap_or_default()
        .iter()
        .filter(|r| !own(r))
        .collect();
    serde_json::to_value(kept).unwrap()
}

#[test]
fn every_record_kind_round_trips_through_a_backup() {
    let from = tempfile::tempdir().unwrap();
    let to = tempfile::tempdir().unwrap();
    let file = from.path().join("b.json");
    let original = seeded(from.path());
    let saved = backup::write(&original, &file, now()).unwrap();
    for tree in TreeName::ALL {
        let held = shared_records(&saved, tree).as_array().map_or(0, Vec::len);
        assert!(
            held > 0,
            "the seed holds no '{}' record: seed one",
            tree.name()
        );
    }
    let read_back = backup::read(&file).unwrap();
    let restored = Store::open(to.path()).unwrap();
    restored.restore(&read_back, &[]).unwrap();
    assert_eq!(restored.restore_differences(&read_back, &[]).unwrap(), []);
    assert_eq!(restored.people().unwrap(), original.people().unwrap());
    assert_eq!(restored.cohorts().unwrap(), original.cohorts().unwrap());
    for code in ["2015-01", DEMO] {
        assert_eq!(
            restored.enrolments(code).unwrap(),
            original.enrolments(code).unwrap()
        );
        assert_eq!(
            restored.events(code).unwrap(),
            original.events(code).unwrap()
        );
        assert_eq!(
            restored.activity_events(code).unwrap(),
            original.activity_events(code).unwrap()
        );
    }
    assert_eq!(restored.catalogue().unwrap(), original.catalogue().unwrap());
    let own_catalogue = original.cohort_catalogue(DEMO).unwrap();
    assert!(own_catalogue.is_some());
    assert_eq!(restored.cohort_catalogue(DEMO).unwrap(), own_catalogue);
    assert_eq!(restored.bases().unwrap(), original.bases().unwrap());
    assert_ne!(
        restored.desk(),
        original.desk(),
        "the new folder keeps its own desk id"
    );
    assert_eq!(
        restored.check_integrity().unwrap(),
        original.check_integrity().unwrap()
    );
    let again = restored.backup(&now().to_rfc3339()).unwrap();
    for tree in TreeName::ALL {
        assert_eq!(
            shared_records(&again, tree),
            shared_records(&saved, tree),
            "the '{}' records came back changed",
            tree.name()
        );
    }
    assert_eq!(
        saved.counts()["events"],
        demo_events() + 6,
        "the demo's, and 4 check-ins, 1 undo, 1 walk-in"
    );
}

/// Restore's own check looks at every tree: one record more in any tree is found, and
/// named, whichever tree it is in.
#[test]
fn the_check_after_a_restore_finds_a_stray_record_in_every_tree() {
    let from = tempfile::tempdir().unwrap();
    let to = tempfile::tempdir().unwrap();
    let saved = seeded(from.path()).backup(&now().to_rfc3339()).unwrap();
    let restored = Store::open(to.path()).unwrap();
    restored.restore(&saved, &[]).unwrap();
    assert_eq!(restored.restore_differences(&saved, &[]).unwrap(), []);
    let mut strayed = Vec::new();
    for tree in TreeName::ALL {
        let mut batch = Batch::default();
        batch.put(tree, "zz-stray", b"{}".to_vec());
        restored.commit(batch).unwrap();
        strayed.push(tree);
        assert_eq!(restored.restore_differences(&saved, &[]).unwrap(), strayed);
    }
}

/// Module numbers are two raw bytes in the key; from 128 on those bytes are not text.
/// A catalogue of 300 modules is backed up (as at every desk start) and restored.
#[test]
fn three_hundred_modules_back_up_and_restore() {
    let from = tempfile::tempdir().unwrap();
    let store = Store::open(from.path()).unwrap();
    let added = store
        .change_catalogue(|c| {
            for n in 6..=300 {
                c.add(
                    ModuleNames {
                        name_zh: Some(format!("专题{n}")),
                        name_en: Some(format!("Topic {n}")),
                        ..ModuleNames::default()
                    },
                    format!("module-{n}"),
                )?;
            }
            Ok(())
        })
        .unwrap();
    assert_eq!(added, Ok(()));
    let catalogue = store.catalogue().unwrap();
    assert_eq!(catalogue.modules.len(), 300);
    let path = backup::automatic(&store, now()).unwrap();
    drop(store);
    let to = tempfile::tempdir().unwrap();
    let target = to.path().join("new");
    let out = lunxun(&target, &["restore", path.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    let restored = Store::open(&target).unwrap();
    assert_eq!(restored.catalogue().unwrap(), catalogue);
    assert_eq!(
        restored.catalogue().unwrap().get(300).unwrap().name_en,
        "Topic 300"
    );
}

#[test]
fn automatic_backups_keep_the_last_ten() {
    let dir = tempfile::tempdir().unwrap();
    let store = seeded(dir.path());
    // Left by a process killed while writing a backup: removed with the old ones.
    let half_written = backup::folder(dir.path()).join(".lunxun-20150316-083000.000.json.tmp-99");
    std::fs::create_dir_all(backup::folder(dir.path())).unwrap();
    std::fs::write(&half_written, b"{\"format\":").unwrap();
    for minute in 0..12 {
        backup::automatic(&store, now() + Duration::minutes(minute)).unwrap();
    }
    let mut names: Vec<String> = std::fs::read_dir(backup::folder(dir.path()))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 10, "{names:?}");
    assert!(!half_written.exists());
    assert_eq!(
        names[0], "lunxun-20150316-083700.000.json",
        "the two oldest were removed"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let path = backup::folder(dir.path()).join(&names[0]);
        assert_eq!(
            std::fs::metadata(path).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
}

/// A fixed clock puts a start and an exit backup in one millisecond: both are kept, in
/// order, the second named `…_01.json`.
#[test]
fn two_backups_in_one_millisecond_are_both_kept_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let store = seeded(dir.path());
    let first = backup::automatic(&store, now()).unwrap();
    let second = backup::automatic(&store, now()).unwrap();
    assert_ne!(first, second);
    assert!(second.to_string_lossy().ends_with("083500.000_01.json"));
    assert!(first < second, "names sort by the order they were made");
    assert!(first.exists() && second.exists());
}

fn lunxun(dir: &Path, args: &[&str]) -> std::process::Output {
    common::lunxun_at(dir, args, "C", common::NOW)
}

#[test]
fn backup_and_restore_from_the_command_line() {
    let from = tempfile::tempdir().unwrap();
    drop(seeded(from.path()));
    let file = from.path().join("b.json");
    let out = lunxun(from.path(), &["backup", "-o", file.to_str().unwrap()]);
    assert!(out.status.success());
    let counts = format!(
        "2001 people, 2 cohorts, 109 enrolments, {} attendance events",
        demo_events() + 6
    );
    assert!(
        String::from_utf8_lossy(&out.stdout).contains(&counts),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let to = tempfile::tempdir().unwrap();
    let target = to.path().join("new");
    let out = lunxun(&target, &["restore", file.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("restored and verified"));
    let again = lunxun(&target, &["restore", file.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already holds records"));
    let garbage = to.path().join("garbage.json");
    std::fs::write(&garbage, b"{not json").unwrap();
    let bad = lunxun(
        &to.path().join("other"),
        &["restore", garbage.to_str().unwrap()],
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("is not a lunxun backup"));
}

/// A file that is not a backup is refused in the user's language, and the refusal never
/// quotes the file: a broken backup holds phone and ID numbers.
#[test]
fn a_file_that_is_not_a_backup_is_refused_in_chinese_without_quoting_it() {
    let to = tempfile::tempdir().unwrap();
    let broken = to.path().join("broken.json");
    std::fs::write(&broken, br#"{"trees": {"people": "13812345678"}}"#).unwrap();
    let args = ["--lang", "zh", "restore", broken.to_str().unwrap()];
    let out = lunxun(&to.path().join("new"), &args);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("不是 lunxun 备份文件"), "{err}");
    assert!(!err.contains("13812345678"), "{err}");
}

/// The desk's clock, moved on by hand.
fn desk_clock(app: &mut lunxun::tui::App, minutes: i64, seconds: i64) {
    let at = now() + Duration::minutes(minutes) + Duration::seconds(seconds);
    app.clock = lunxun::clock::Clock::Fixed(at);
}

fn backup_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(backup::folder(dir))
        .into_iter()
        .flatten()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A running desk backs up every 30 minutes by its own clock (the backup at start,
/// made before the desk opens, starts the count), and not before.
#[test]
fn the_desk_backs_up_every_thirty_minutes_by_its_clock() {
    use common::app::{press, type_text};
    use ratatui::crossterm::event::KeyCode;
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    lunxun::demo::install(&store, now()).unwrap();
    let clock = lunxun::clock::Clock::Fixed(now());
    let before = store.backup("").unwrap().counts()["events"];
    let mut app = lunxun::tui::App::new(store, clock, lunxun::text::Lang::En).unwrap();
    assert!(!app.backup_if_due());
    desk_clock(&mut app, 10, 0);
    type_text(&mut app, "lyt");
    press(&mut app, KeyCode::Enter);
    desk_clock(&mut app, 29, 59);
    assert!(!app.backup_if_due(), "not before 30 minutes");
    assert_eq!(backup_names(dir.path()), Vec::<String>::new());
    desk_clock(&mut app, 30, 0);
    assert!(app.backup_if_due(), "a backup after 30 minutes");
    let made = app.finish_backup(true).expect("written in the background");
    assert_eq!(
        backup_names(dir.path()),
        ["lunxun-20150316-090500.000.json"]
    );
    let saved = backup::read(&made).unwrap();
    let events = saved.counts()["events"];
    assert_eq!(events, before + 1, "it holds the check-in made since");
    desk_clock(&mut app, 59, 59);
    assert!(!app.backup_if_due(), "the next 30 minutes count from it");
    desk_clock(&mut app, 60, 0);
    assert!(app.backup_if_due());
    assert!(app.finish_backup(true).is_some());
    assert_eq!(backup_names(dir.path()).len(), 2);
    // A clock set back two hours: the 30 minutes count again from there.
    desk_clock(&mut app, -60, 0);
    assert!(!app.backup_if_due());
    desk_clock(&mut app, -30, 0);
    assert!(app.backup_if_due(), "not stopped by a clock set back");
    assert!(app.finish_backup(true).is_some());
    assert_eq!(backup_names(dir.path()).len(), 3);
}
