//! Merge properties on random histories in real folders: an origin folder's bundle
//! starts two desks; each then records check-ins, sign-outs, undos, walk-ins (some the
//! same person at both desks: same ID number, phone, or name and unit), register
//! changes, new cohorts (their codes collide), cohort edits, activities (some with a
//! module of the desk's own, whose numbers collide). Then:
//! - the desks exchange bundles until quiet: both end with the same records by id, the
//!   same derived attendance per (cohort uid, person, session), the same aliases, the
//!   same cohort settings and activities (modules compared by uid); a further merge
//!   writes nothing;
//! - a city merges A then B, another B then A: the same, labels apart.
//!
//! `LUNXUN_MERGE_CASES=N` runs N cases (default 48: each case is eight merges into
//! real folders, each with a backup and a durable commit).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Duration, FixedOffset};
use proptest::prelude::*;

use lunxun::domain::attendance::derive_all;
use lunxun::domain::bundle::Scope;
use lunxun::domain::module::ModuleNames;
use lunxun::domain::register::{Change, RegisterFacts};
use lunxun::domain::teaching::ActivityChange;
use lunxun::domain::{ActivityDetails, CheckInStatus, Method, Person, PersonId, Session, SlotKind};
use lunxun::ops::bundle_collect::collect;
use lunxun::ops::cohort::{NewCohort, create};
use lunxun::ops::merge::{FromDesk, MergeOptions, merge_contents};
use lunxun::store::{ActivityRequest, Batch, DeskRequest, Store};

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
    CheckIn { person: u8, session: u8, late: bool },
    SignOut { person: u8, session: u8 },
    Undo { person: u8, session: u8 },
    WalkIn { template: u8 },
    Hours { person: u8 },
    NewCohort,
    EditCohort { venue: u8 },
    Activity { session: u8, own_module: bool },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (any::<u8>(), 0..4u8, any::<bool>())
            .prop_map(|(person, session, late)| Op::CheckIn { person, session, late }),
        1 => (any::<u8>(), 0..4u8).prop_map(|(person, session)| Op::SignOut { person, session }),
        1 => (any::<u8>(), 0..4u8).prop_map(|(person, session)| Op::Undo { person, session }),
        2 => (0..8u8).prop_map(|template| Op::WalkIn { template }),
        1 => any::<u8>().prop_map(|person| Op::Hours { person }),
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

/// A cohort's venue, last edit, closed sessions and roster.
type CohortPrint = (
    String,
    Option<DateTime<FixedOffset>>,
    BTreeSet<Session>,
    BTreeSet<PersonId>,
);

/// What two folders holding the same records agree on, whatever their labels.
#[derive(Debug, PartialEq, Eq)]
struct Fingerprint {
    events: BTreeSet<String>,
    activity_events: BTreeSet<String>,
    /// Every change but the aliases a merge writes (their ids are the merging folder's).
    changes: BTreeSet<String>,
    aliases: BTreeSet<(PersonId, PersonId)>,
    people: BTreeSet<PersonId>,
    /// (cohort uid, person, session) → (status, the event that gives it).
    attendance: BTreeMap<(String, PersonId, Session), (String, String)>,
    /// cohort uid → (venue, updated_at, closed sessions, enrolments).
    cohorts: BTreeMap<String, CohortPrint>,
    /// activity (creation id) → (title, module uids of its latest details).
    activities: BTreeMap<String, (String, BTreeSet<String>)>,
}

fn fingerprint(store: &Store) -> Fingerprint {
    let changes = store.changes().unwrap();
    let facts = RegisterFacts::fold(&changes);
    let mut print = Fingerprint {
        events: BTreeSet::new(),
        activity_events: BTreeSet::new(),
        changes: changes
            .iter()
            .filter(|c| !matches!(c.change, Change::PersonsJoined { .. }))
            .map(|c| c.id.clone())
            .collect(),
        aliases: facts
            .joined
            .iter()
            .map(|(joined, join)| (join.kept.clone(), joined.clone()))
            .collect(),
        people: store.people().unwrap().into_iter().map(|p| p.id).collect(),
        attendance: BTreeMap::new(),
        cohorts: BTreeMap::new(),
        activities: BTreeMap::new(),
    };
    let catalogue = store.catalogue().unwrap();
    let uid_of = |n: u16| catalogue.get(n).map(|m| m.uid.clone()).unwrap_or_default();
    for cohort in store.cohorts().unwrap() {
        let events = store.events(&cohort.code).unwrap();
        print.events.extend(events.iter().map(|e| e.id.clone()));
        for ((person, session), status) in derive_all(&events) {
            let value = (status.status.code().to_string(), status.event_id);
            print
                .attendance
                .insert((cohort.uid.clone(), person, session), value);
        }
        let enrolled = store
            .enrolments(&cohort.code)
            .unwrap()
            .into_iter()
            .map(|e| e.person);
        print.cohorts.insert(
            cohort.uid.clone(),
            (
                cohort.venue.clone(),
                cohort.updated_at,
                cohort.closed_sessions.iter().copied().collect(),
                enrolled.collect(),
            ),
        );
        let mut by_activity: BTreeMap<u32, Vec<_>> = BTreeMap::new();
        for event in store.activity_events(&cohort.code).unwrap() {
            print.activity_events.insert(event.id.clone());
            by_activity.entry(event.activity).or_default().push(event);
        }
        for (_, mut events) in by_activity {
            events.sort_by(|a, b| a.id.cmp(&b.id));
            let latest = events.iter().rev().find_map(|e| match &e.change {
                ActivityChange::Created { details, .. } | ActivityChange::Edited { details } => {
                    Some(details)
                }
                _ => None,
            });
            let latest = latest.expect("an activity has its details");
            let modules = latest.modules.iter().map(|n| uid_of(*n)).collect();
            print
                .activities
                .insert(events[0].id.clone(), (latest.title.clone(), modules));
        }
    }
    print
}

fn all_changes(store: &Store) -> BTreeSet<String> {
    store.changes().unwrap().into_iter().map(|c| c.id).collect()
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
        if let Some(op) = ops_a.get(i) {
            apply(&mut a, op, tick());
        }
        if let Some(op) = ops_b.get(i) {
            apply(&mut b, op, tick());
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
    assert!(a.store.check_integrity().is_ok() && b.store.check_integrity().is_ok());
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
