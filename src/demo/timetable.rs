//! The demo's training bases and timetables: the cohorts' activities entered as a
//! planned timetable a few days before, and marked held once their session started.
//! The cohort in progress covers four of the five modules and visits an accredited
//! base; the earlier one covers all five and visits a base below the five-haves
//! standard, so both kinds of coverage warning have something to show.

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate};

use crate::domain::base::{Accreditation, FiveHaves, Have};
use crate::domain::teaching::{ActivityChange, ActivityDetails, ActivityEvent};
use crate::domain::{BaseKind, Cohort, Level, Method, Session, SlotKind, TrainingBase};

use super::cohorts::local;
use super::rng::Rng;

/// One timetable row; `base` is an index into [`bases`].
struct Row {
    day: u16,
    slot: SlotKind,
    method: Method,
    title: &'static str,
    lecturer: &'static str,
    role: &'static str,
    modules: &'static [u16],
    minutes: u32,
    base: Option<usize>,
    /// Who replaced the planned lecturer, the day before.
    replaced_by: Option<(&'static str, &'static str)>,
}

const fn row(
    (day, slot): (u16, SlotKind),
    method: Method,
    title: &'static str,
    (lecturer, role): (&'static str, &'static str),
    modules: &'static [u16],
    minutes: u32,
) -> Row {
    Row {
        day,
        slot,
        method,
        title,
        lecturer,
        role,
        modules,
        minutes,
        base: None,
        replaced_by: None,
    }
}

const AM: SlotKind = SlotKind::Am;
const PM: SlotKind = SlotKind::Pm;

/// The cohort in progress: modules 1–4; 5 (治理创新) is left out. Tomorrow's activity is
/// still planned whatever the time today.
const CURRENT: [Row; 6] = [
    Row {
        replaced_by: Some(("李明", "市委组织部副部长")),
        ..row(
            (1, AM),
            Method::Lecture,
            "学习习近平总书记系列重要讲话精神",
            ("王强", "市委常委、组织部部长"),
            &[1],
            120,
        )
    },
    row(
        (1, AM),
        Method::Lecture,
        "学习党章和党内纪律规定",
        ("陈明", "市委党校教授"),
        &[2],
        90,
    ),
    Row {
        base: Some(0),
        ..row(
            (1, PM),
            Method::Visit,
            "观摩新开村“四议两公开”工作法",
            ("张华", "新开村党总支书记"),
            &[3, 4],
            180,
        )
    },
    row(
        (2, AM),
        Method::Sharing,
        "优秀村党组织书记谈工作方法",
        ("刘建国", "优秀村党组织书记"),
        &[4],
        180,
    ),
    row(
        (2, PM),
        Method::Case,
        "基层依法治理案例分析",
        ("赵红", "市委党校副教授"),
        &[3],
        180,
    ),
    row(
        (3, AM),
        Method::Discussion,
        "交流学习体会",
        ("", ""),
        &[1, 4],
        120,
    ),
];

/// The earlier cohort: all five modules, a visit to the base below standard.
const PAST: [Row; 6] = [
    row(
        (1, AM),
        Method::Lecture,
        "学习习近平总书记系列重要讲话精神",
        ("王强", "市委常委、组织部部长"),
        &[1],
        180,
    ),
    row(
        (1, PM),
        Method::Lecture,
        "学习党章和党内纪律规定",
        ("陈明", "市委党校教授"),
        &[2],
        180,
    ),
    row(
        (2, AM),
        Method::Case,
        "“四议两公开”案例分析",
        ("赵红", "市委党校副教授"),
        &[3],
        180,
    ),
    Row {
        base: Some(1),
        ..row(
            (2, PM),
            Method::Visit,
            "观摩鹤龙湖蟹业合作社",
            ("周平", "合作社理事长"),
            &[4, 5],
            180,
        )
    },
    row(
        (3, AM),
        Method::Sharing,
        "化解矛盾纠纷的经验",
        ("刘建国", "优秀村党组织书记"),
        &[5],
        120,
    ),
    row(
        (3, PM),
        Method::Discussion,
        "交流学习体会",
        ("", ""),
        &[1, 4],
        120,
    ),
];

/// Two bases: an accredited village meeting the five haves, and a cooperative
/// without a feature film, not accredited.
pub fn bases(now: DateTime<FixedOffset>, rng: &mut Rng) -> [TrainingBase; 2] {
    let last_year = now.year() - 1;
    let accredited = NaiveDate::from_ymd_opt(last_year, 12, 1).unwrap_or(now.date_naive());
    let created = local(now, accredited.and_hms_opt(9, 0, 0).unwrap_or_default());
    let base = |name: &str, kind, county: &str, haves: &[Have], rng: &mut Rng| TrainingBase {
        id: rng.ulid_at(created),
        name: name.to_string(),
        kind,
        county: county.to_string(),
        haves: FiveHaves::from_list(haves),
        accreditation: None,
        notes: String::new(),
        created_at: created,
        updated_at: None,
    };
    let mut village = base("新开村", BaseKind::Village, "岳阳县", &Have::ALL, rng);
    village.accreditation = Some(Accreditation {
        date: accredited,
        level: Level::City,
    });
    let lacking_film = [Have::Venue, Have::Guide, Have::Material, Have::Site];
    let mut cooperative = base(
        "鹤龙湖蟹业合作社",
        BaseKind::Cooperative,
        "湘阴县",
        &lacking_film,
        rng,
    );
    // Added a fortnight later, so it is listed second.
    cooperative.created_at = created + Duration::weeks(2);
    cooperative.id = rng.ulid_at(cooperative.created_at);
    [village, cooperative]
}

/// The current cohort's timetable events up to `now`.
pub fn current(
    cohort: &Cohort,
    bases: &[String],
    now: DateTime<FixedOffset>,
    desk: &str,
    rng: &mut Rng,
) -> Vec<ActivityEvent> {
    events(cohort, &CURRENT, bases, now, desk, rng)
}

/// The earlier cohort's timetable events.
pub fn past(
    cohort: &Cohort,
    bases: &[String],
    now: DateTime<FixedOffset>,
    desk: &str,
    rng: &mut Rng,
) -> Vec<ActivityEvent> {
    events(cohort, &PAST, bases, now, desk, rng)
}

/// Who writes the log, and when it is.
struct Writer<'a> {
    cohort: &'a Cohort,
    now: DateTime<FixedOffset>,
    desk: &'a str,
}

fn events(
    cohort: &Cohort,
    rows: &[Row],
    bases: &[String],
    now: DateTime<FixedOffset>,
    desk: &str,
    rng: &mut Rng,
) -> Vec<ActivityEvent> {
    let writer = Writer { cohort, now, desk };
    let rows = rows
        .iter()
        .filter(|r| cohort.has_session(Session::new(r.day, r.slot)));
    let mut events = Vec::new();
    for (number, row) in (1..).zip(rows) {
        events.extend(row_events(&writer, number, row, bases, rng));
    }
    events
}

/// One row's events up to `now`: planned the day after the cohort was created, edited
/// the day before if its lecturer was replaced, held once its session started.
fn row_events(
    writer: &Writer<'_>,
    number: u32,
    row: &Row,
    bases: &[String],
    rng: &mut Rng,
) -> Vec<ActivityEvent> {
    let details = details(row, bases);
    let Some(start) = writer.cohort.starts_at(details.session) else {
        return Vec::new();
    };
    let start = local(writer.now, start);
    let mut changes = Vec::new();
    if let Some((lecturer, role)) = row.replaced_by {
        let (lecturer, role) = (lecturer.to_string(), role.to_string());
        let edited = ActivityDetails {
            lecturer,
            role,
            ..details.clone()
        };
        changes.push((
            start - Duration::days(1),
            ActivityChange::Edited { details: edited },
        ));
    }
    let planned_at = writer.cohort.created_at + Duration::days(1);
    changes.insert(
        0,
        (
            planned_at,
            ActivityChange::Created {
                details,
                planned: true,
            },
        ),
    );
    let held = (start + Duration::minutes(i64::from(row.minutes))).min(writer.now);
    if start <= writer.now {
        changes.push((held, ActivityChange::Held));
    }
    changes
        .into_iter()
        .filter(|(at, _)| *at <= writer.now)
        .map(|(at, change)| ActivityEvent {
            id: rng.ulid_at(at),
            cohort: writer.cohort.code.clone(),
            activity: number,
            change,
            at,
            desk: writer.desk.to_string(),
            by: None,
        })
        .collect()
}

fn details(row: &Row, bases: &[String]) -> ActivityDetails {
    ActivityDetails {
        session: Session::new(row.day, row.slot),
        method: row.method,
        title: row.title.to_string(),
        lecturer: row.lecturer.to_string(),
        role: row.role.to_string(),
        modules: row.modules.to_vec(),
        minutes: Some(row.minutes),
        class_hours: None,
        base: row.base.and_then(|i| bases.get(i).cloned()),
        notes: String::new(),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::demo::cohorts;
    use crate::domain::ActivityStatus;
    use crate::domain::teaching::derive_all;

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-30T08:35:00+08:00").unwrap()
    }

    fn covered(activities: &[crate::domain::TeachingActivity]) -> BTreeSet<u16> {
        let held = activities.iter().filter(|a| a.status.took_place());
        held.flat_map(|a| a.details.modules.clone()).collect()
    }

    #[test]
    fn one_base_meets_the_five_haves_and_is_accredited_the_other_does_not() {
        let [village, cooperative] = bases(now(), &mut Rng::new(1));
        assert!(village.meets_standard() && village.accredited_on(now().date_naive()));
        assert!(!cooperative.meets_standard() && cooperative.accreditation.is_none());
        assert!(village.validate().is_ok() && cooperative.validate().is_ok());
    }

    #[test]
    fn the_cohort_in_progress_covers_four_modules_and_plans_the_rest() {
        let cohort = cohorts::current("2026-02".into(), now());
        let ids = ["base-a".to_string(), "base-b".to_string()];
        let events = current(&cohort, &ids, now(), "d", &mut Rng::new(1));
        let activities = derive_all(&events);
        assert_eq!(activities.len(), CURRENT.len());
        assert!(
            activities
                .iter()
                .all(|a| a.details.validate(&cohort).is_ok())
        );
        let status: Vec<_> = activities.iter().map(|a| a.status).collect();
        use ActivityStatus::*;
        assert_eq!(status, [Changed, Held, Held, Held, Planned, Planned]);
        assert_eq!(covered(&activities), BTreeSet::from([1, 2, 3, 4]));
        let visit = activities
            .iter()
            .find(|a| a.details.method == Method::Visit);
        assert_eq!(visit.unwrap().details.base.as_deref(), Some("base-a"));
    }

    #[test]
    fn the_earlier_cohort_covered_all_five_modules_and_visited_the_base_below_standard() {
        let cohort = cohorts::past("2026-01".into(), now()).unwrap();
        let ids = ["base-a".to_string(), "base-b".to_string()];
        let activities = derive_all(&past(&cohort, &ids, now(), "d", &mut Rng::new(1)));
        assert!(activities.iter().all(|a| a.status == ActivityStatus::Held));
        assert_eq!(covered(&activities), BTreeSet::from([1, 2, 3, 4, 5]));
        let visit = activities
            .iter()
            .find(|a| a.details.method == Method::Visit);
        assert_eq!(visit.unwrap().details.base.as_deref(), Some("base-b"));
    }
}
