//! Kill test for `lunxun bundle merge`: a demo folder's bundle merged into a folder of
//! its own (another cohort, other people), the merge killed (SIGKILL) at a random moment
//! from start-up to the end; afterwards the folder opens, passes the integrity check,
//! and holds either exactly what it held before or exactly what a finished merge gives,
//! and a merge run again then finishes. The merge is cut into small chunks
//! (`LUNXUN_MERGE_CHUNK`, debug builds) so that kills land between its commits too.
//! `LUNXUN_MERGE_KILLS=N` runs N kills instead of 24.
#![cfg(unix)]

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::kills::{Lcg, soak};
use common::{cohort_new, last_line, ok, person_add};
use lunxun::store::Store;

const NOW: &str = "2015-03-16T08:20:00+08:00";

fn lunxun(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = common::lunxun_command(dir, args, "C", NOW);
    cmd.env("LUNXUN_MERGE_CHUNK", "150");
    cmd
}

/// Everything a merge adds, by id.
#[derive(Debug, PartialEq, Eq)]
struct Held {
    cohorts: BTreeSet<String>,
    people: BTreeSet<String>,
    events: BTreeSet<String>,
    activities: BTreeSet<String>,
    changes: BTreeSet<String>,
    modules: usize,
}

fn held(dir: &Path) -> Held {
    let store = Store::open(dir).expect("the folder opens after every kill");
    store
        .check_integrity()
        .expect("the folder passes the integrity check");
    let cohorts = store.cohorts().unwrap();
    let mut held = Held {
        cohorts: cohorts.iter().map(|c| c.uid.clone()).collect(),
        people: store
            .people()
            .unwrap()
            .into_iter()
            .map(|p| p.id.0)
            .collect(),
        events: BTreeSet::new(),
        activities: BTreeSet::new(),
        changes: store.changes().unwrap().into_iter().map(|c| c.id).collect(),
        modules: store.catalogue().unwrap().modules.len(),
    };
    for cohort in &cohorts {
        held.events.extend(
            store
                .events(&cohort.code)
                .unwrap()
                .into_iter()
                .map(|e| e.id),
        );
        let activities = store.activity_events(&cohort.code).unwrap();
        held.activities.extend(activities.into_iter().map(|e| e.id));
    }
    held
}

fn copy_folder(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_folder(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn a_merge_killed_at_any_moment_leaves_the_folder_as_before_or_fully_merged() {
    let kills = soak("LUNXUN_MERGE_KILLS", 24);
    let root = tempfile::tempdir().unwrap();
    let (source, base) = (root.path().join("source"), root.path().join("base"));
    ok(&lunxun(&source, &["demo"]).output().unwrap());
    let bundle = root.path().join("demo.lxb");
    let file = bundle.to_str().unwrap();
    ok(&lunxun(&source, &["bundle", "export", "-o", file])
        .output()
        .unwrap());
    let code = last_line(&ok(&lunxun(&base, &cohort_new("本台班次", "2"))
        .output()
        .unwrap()));
    for name in ["甲", "乙", "丙"] {
        let mut args = person_add(name, "本村");
        args.extend(["--cohort", &code]);
        ok(&lunxun(&base, &args).output().unwrap());
    }
    let before = held(&base);

    // One merge to the end: how long it takes, and what it leaves.
    let whole = root.path().join("whole");
    copy_folder(&base, &whole);
    let started = Instant::now();
    ok(&lunxun(&whole, &["bundle", "merge", file]).output().unwrap());
    let latest = (started.elapsed() * 11 / 10).max(Duration::from_millis(200));
    let after = held(&whole);
    assert!(
        after.events.len() > before.events.len() + 100,
        "the demo brings events"
    );

    let mut rng = Lcg(0x5eed + kills as u64);
    let (mut as_before, mut as_after) = (0, 0);
    for i in 0..kills {
        let dir = root.path().join(format!("kill-{i}"));
        copy_folder(&base, &dir);
        let mut child = lunxun(&dir, &["bundle", "merge", file])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(rng.below(latest.as_micros() as u64)));
        let _ = child.kill();
        child.wait().unwrap();
        let now = held(&dir);
        if now == before {
            as_before += 1;
        } else if now == after {
            as_after += 1;
        } else {
            panic!(
                "kill {i}: a half merge: {} of {} events, {} of {} people",
                now.events.len(),
                after.events.len(),
                now.people.len(),
                after.people.len()
            );
        }
        // And the merge, run again, finishes.
        if i % 6 == 0 {
            ok(&lunxun(&dir, &["bundle", "merge", file]).output().unwrap());
            assert_eq!(held(&dir), after, "kill {i}: the merge run again");
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
    eprintln!("kills: {kills} (0–{latest:?}): as before {as_before}, fully merged {as_after}");
    assert!(
        as_before > 0,
        "some kills must land before the merge is done"
    );
}
