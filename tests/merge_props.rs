//! Merge properties on random histories in real folders: an origin folder's bundle
//! starts two desks; each then records check-ins, sign-outs, undos, walk-ins (some the
//! same person at both desks: same ID number, phone, or name and unit), register
//! changes (hours from elsewhere, enrolments and their undos), bundles exchanged
//! mid-way, new cohorts (their codes collide), cohort edits, activities (some with a
//! module of the desk's own, whose numbers collide). Then:
//! - the desks exchange bundles until quiet: both end with the same records by id, the
//!   same derived attendance per (cohort uid, person, session), the same aliases, the
//!   same cohort settings and activities (modules compared by uid); a further merge
//!   writes nothing;
//! - a city merges A then B, another B then A: the same, labels apart.
//!
//! `LUNXUN_MERGE_CASES=N` runs N cases (default 48: each case is eight merges into
//! real folders, each with a backup and a durable commit).

#[path = "merge_props/fingerprint.rs"]
mod fingerprint;

use std::collections::BTreeSet;

use chrono::{DateTime, Duration, FixedOffset};
use proptest::prelude::*;

use lunxun::domain::bundle::Scope;
use lunxun::domain::module::ModuleNames;
use lunxun::domain::register::Change;
use lunxun::domain::{ActivityDetails, CheckInStatus, Method, Person, PersonId, Session, SlotKind};
use lunxun::ops::bundle_collect::collect;
use lunxun::ops::cohort::{NewCohort, create};
use lunxun::ops::merge::{FromDesk, MergeOptions, merge_contents};
use lunxun::ops::{roster, roster_undo};
use lunxun::store::{ActivityRequest, Batch, DeskRequest, Store};

use fingerprint::{all_changes, fingerprint};

fn base() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2015-03-16T08:00:00+08:00").unwrap()
}

fn cohort_input() -> NewCohort {
    NewCohort {
        name: "第1期".into(),
        start: "2015-03-16".into(),
        days: "2".into(),
        slots: "am,pm".into(),
        level: "county".into(),
        venue: "县委党校".into(),
        grace_minutes: 10,
        ..NewCohort::default()
    }
}

/// Walk-in identities: pairs share an ID number (0, 1), a phone (2, 3), a name and
/// unit (4, 5); 6 and 7 share a name and unit but not their ID numbers (a near match).
const TEMPLATES: [(&str, &str, Option<&str>, Option<&str>); 8] = [
    ("赵一", "甲村", Some("11010519900101001X"), None),
    (
        "赵一",
        "甲村",
        Some("11010519900101001X"),
        Some("13800000000"),
    ),
    ("钱二", "乙村", None, Some("13900000001")),
    ("钱二", "乙社区", None, Some("13900000001")),
    ("孙三", "丙村", None, None),
    ("孙三", "丙村", None, None),
    ("李四", "丁村", Some("110105199001020011"), None),
    ("李四", "丁村", Some("110105199001030010"), None),
];

#[derive(Debug, Clone)]
enum Op {
    CheckIn {
        person: u8,
        session: u8,
        late: bool,
    },
    SignOut {
        person: u8,
        session: u8,
    },
    Undo {
        person: u8,
        session: u8,
    },
    WalkIn {
        template: u8,
    },
    Hours {
        person: u8,
    },
    Enrol {
        person: u8,
    },
    UndoEnrol,
    /// A bundle from the other desk merged here mid-way.
    Sync,
    NewCohort,
    EditCohort {
        venue: u8,
    },
    Activity {
        session: u8,
        own_module: bool,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (any::<u8>(), 0..4u8, any::<bool>())
            .prop_map(|(person, session, late)| Op::CheckIn { person, session, late }),
        1 => (any::<u8>(), 0..4u8).prop_map(|(person, session)| Op::SignOut { person, session }),
        1 => (any::<u8>(), 0..4u8).prop_map(|(person, session)| Op::Undo { person, session }),
        2 => (0..8u8).prop_map(|template| Op::WalkIn { template }),
        1 => any::<u8>().prop_map(|person| Op::Hours { person }),
        1 => any::<u8>().prop_map(|person| Op::Enrol { person }),
        1 => Just(Op::UndoEnrol),
        1 => Just(Op::Sync),
        1 => Just(Op::NewCohort),
        1 => (0..3u8).prop_map(|venue| Op::EditCohort { venue }),
        1 => (0..4u8, any::<bool>()).prop_map(|(session, own_module)| Op::Activity { session, own_module }),
    ]
}

struct Folder {
    _dir: tempfile::TempDir,
    store: Store,
    /// Walk-in identities used here (each once: one folder holds one record per person).
    used: BTreeSet<u8>,
}

impl Folder {
    fn new() -> Folder {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        Folder {
            _dir: dir,
            store,
            used: BTreeSet::new(),
        }
    }
}

fn session(n: u8) -> Session {
    let slot = if n.is_multiple_of(2) {
        SlotKind::Am
    } else {
        SlotKind::Pm
    };
    Session::new(u16::from(n / 2) + 1, slot)
}

/// The first cohort (the origin's), by its code here.
const FIRST: &str = "2015-01";

fn roster_person(store: &Store, n: u8) -> PersonId {
    let roster = store.enrolments(FIRST).unwrap();
    roster[usize::from(n) % roster.len()].person.clone()
}

fn apply(folder: &mut Folder, op: &Op, at: DateTime<FixedOffset>) {
    let store = &folder.store;
    match op {
        Op::CheckIn {
            person,
            session: s,
            late,
        } => {
            let status = if *late {
                CheckInStatus::Late
            } else {
                CheckInStatus::Present
            };
            let p = roster_person(store, *person);
            let r = DeskRequest {
                cohort: FIRST,
                person: &p,
                session: session(*s),
                at,
            };
            store.check_in(&r, status, None).unwrap();
        }
        Op::SignOut { person, session: s } => {
            let p = roster_person(store, *person);
            let r = DeskRequest {
                cohort: FIRST,
                person: &p,
                session: session(*s),
                at,
            };
            store.sign_out(&r, None, None).unwrap();
        }
        Op::Undo { person, session: s } => {
            let p = roster_person(store, *person);
            let r = DeskRequest {
                cohort: FIRST,
                person: &p,
                session: session(*s),
                at,
            };
            store.undo(&r).unwrap();
        }
        Op::WalkIn { template } => {
            // One record per person in a folder: a pair sharing an identity counts once.
            let identity = if *template < 6 {
                *template / 2
            } else {
                *template
            };
            if !folder.used.insert(identity) {
                return;
            }
            let (name, unit, number, phone) = TEMPLATES[usize::from(*template)];
            let mut p = Person::named(PersonId(ulid::Ulid::generate().to_string()), name);
            p.unit = unit.into();
            p.id_number = number.map(str::to_string);
            p.phone = phone.map(str::to_string);
            let mut batch = Batch::default();
            Store::stage_person(&mut batch, &p);
            Store::stage_enrolment(&mut batch, FIRST, &p.id, at, true);
            folder.store.commit(batch).unwrap();
        }
        Op::Hours { person } => {
            let p = roster_person(store, *person);
            let change = Change::OutsideHours {
                person: p,
                tenths: 20,
                source: "省委党校".into(),
                date: at.date_naive(),
                level: None,
            };
            let event = store.new_change(at, "tester", change).unwrap();
            let mut batch = Batch::default();
            Store::stage_change(&mut batch, &event);
            store.commit(batch).unwrap();
        }
        Op::Enrol { person } => {
            let off: Vec<Person> = store
                .people()
                .unwrap()
                .into_iter()
                .filter(|p| !store.is_enrolled(FIRST, &p.id).unwrap())
                .collect();
            if !off.is_empty() {
                let p = &off[usize::from(*person) % off.len()];
                let cohort = store.cohort(FIRST).unwrap().unwrap();
                let _ = roster::enrol(store, at, &cohort, p);
            }
        }
        Op::UndoEnrol => {
            let last =
                store.changes().unwrap().into_iter().rev().find(|c| {
                    c.desk == store.desk() && matches!(c.change, Change::Enrolled { .. })
                });
            if let Some(change) = last {
                // Refused when they attended meanwhile, or undone already.
                let _ = roster_undo::undo(store, at, &change.id);
            }
        }
        Op::Sync => unreachable!("run() merges"),
        Op::NewCohort => {
            create(store, at, &cohort_input()).unwrap();
        }
        Op::EditCohort { venue } => {
            let mut cohort = store.cohort(FIRST).unwrap().unwrap();
            cohort.venue = format!("会场{venue}");
            cohort.updated_at = Some(at);
            let mut batch = Batch::default();
            Store::stage_cohort(&mut batch, &cohort);
            store.commit(batch).unwrap();
        }
        Op::Activity {
            session: s,
            own_module,
        } => {
            let modules = if *own_module {
                let names = ModuleNames {
                    name_zh: Some(format!("自设模块{}", ulid::Ulid::generate())),
                    ..ModuleNames::default()
                };
                let uid = ulid::Ulid::generate().to_string();
                let number = store
                    .change_catalogue(|c| c.add(names, uid))
                    .unwrap()
                    .unwrap();
                number.to_string()
            } else {
                "1".to_string()
            };
            let (numbers, catalogue) = store.resolve_modules(FIRST, &modules).unwrap().unwrap();
            let cohort = store.cohort(FIRST).unwrap().unwrap();
            let request = ActivityRequest {
                cohort: &cohort,
                at,
                by: None,
                catalogue,
            };
            let details = ActivityDetails {
                session: session(*s),
                method: Method::Lecture,
                title: format!("专题 {}", at.format("%H:%M")),
                lecturer: String::new(),
                role: String::new(),
                modules: numbers,
                minutes: Some(90),
                class_hours: None,
                base: None,
                notes: String::new(),
            };
            store.add_activity(&request, details, false).unwrap();
        }
    }
}

fn merge(into: &Folder, from: &Folder, at: DateTime<FixedOffset>) -> u64 {
    let contents = collect(&from.store, &Scope::All).unwrap();
    let desk = FromDesk {
        desk: from.store.desk().to_string(),
        name: None,
    };
    let options = MergeOptions {
        dry_run: false,
        now: at,
    };
    merge_contents(&into.store, &desk, &contents, &options).unwrap();
    into.store.commit_seq()
}

fn cases() -> u32 {
    std::env::var("LUNXUN_MERGE_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(48)
}

/// The origin: the first cohort with four people on its roster.
fn origin() -> Folder {
    let folder = Folder::new();
    let cohort = create(&folder.store, base(), &cohort_input()).unwrap();
    assert_eq!(cohort.code, FIRST);
    let mut batch = Batch::default();
    for (i, name) in ["周五", "吴六", "郑七", "王八"].iter().enumerate() {
        let mut p = Person::named(PersonId(ulid::Ulid::generate().to_string()), *name);
        p.unit = format!("戊{i}村");
        Store::stage_person(&mut batch, &p);
        Store::stage_enrolment(&mut batch, FIRST, &p.id, base(), false);
    }
    for name in ["冯九", "陈十"] {
        let p = Person::named(PersonId(ulid::Ulid::generate().to_string()), name);
        Store::stage_person(&mut batch, &p);
    }
    folder.store.commit(batch).unwrap();
    folder
}

fn run(ops_a: &[Op], ops_b: &[Op]) {
    let mut clock = base() + Duration::minutes(10);
    let mut tick = || {
        clock += Duration::minutes(1);
        clock
    };
    let o = origin();
    let (mut a, mut b) = (Folder::new(), Folder::new());
    merge(&a, &o, tick());
    merge(&b, &o, tick());
    // Interleaved, so the two desks' times alternate.
    for i in 0..ops_a.len().max(ops_b.len()) {
        match ops_a.get(i) {
            Some(Op::Sync) => {
                merge(&a, &b, tick());
                a.used.extend(b.used.clone());
            }
            Some(op) => apply(&mut a, op, tick()),
            None => {}
        }
        match ops_b.get(i) {
            Some(Op::Sync) => {
                merge(&b, &a, tick());
                b.used.extend(a.used.clone());
            }
            Some(op) => apply(&mut b, op, tick()),
            None => {}
        }
    }
    // The city, both orders, before the desks exchange anything.
    let (c, d) = (Folder::new(), Folder::new());
    merge(&c, &a, tick());
    merge(&c, &b, tick());
    merge(&d, &b, tick());
    merge(&d, &a, tick());
    assert_eq!(
        fingerprint(&c.store),
        fingerprint(&d.store),
        "A then B differs from B then A"
    );

    // The desks exchange bundles until quiet.
    merge(&a, &b, tick());
    merge(&b, &a, tick());
    merge(&a, &b, tick());
    let print_a = fingerprint(&a.store);
    assert_eq!(
        print_a,
        fingerprint(&b.store),
        "the desks differ after exchanging"
    );
    assert_eq!(all_changes(&a.store), all_changes(&b.store));
    assert_eq!(print_a.events, fingerprint(&c.store).events);
    // Once more changes nothing.
    let (seq_a, seq_b) = (a.store.commit_seq(), b.store.commit_seq());
    assert_eq!(merge(&b, &a, tick()), seq_b, "a second merge wrote");
    assert_eq!(merge(&a, &b, tick()), seq_a, "a second merge wrote");
    for folder in [&a, &b] {
        if let Err(e) = folder.store.check_integrity() {
            panic!("the integrity check fails: {e:?}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn merging_is_idempotent_and_order_independent(
        ops_a in proptest::collection::vec(op(), 0..14),
        ops_b in proptest::collection::vec(op(), 0..14),
    ) {
        run(&ops_a, &ops_b);
    }
}
