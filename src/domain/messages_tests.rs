//! Every domain error says what it says in the language asked for: Chinese for
//! `Lang::Zh`, English for `Lang::En` (one table, one row per variant).

use chrono::DateTime;

use super::attendance::{AttendanceStatus, CheckInStatus, Refusal};
use super::base::BaseError;
use super::closing::Closed;
use super::cohort::CohortError;
use super::module::ModuleError;
use super::person::{Person, PersonError, PersonId};
use super::session::{Session, SlotKind};
use super::teaching::TeachingError;
use crate::text::Lang;

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

type Message = Box<dyn Fn(Lang) -> String>;

fn row<E: 'static>(
    name: &'static str,
    error: E,
    message: fn(&E, Lang) -> String,
) -> (&'static str, Message) {
    (name, Box::new(move |lang| message(&error, lang)))
}

/// One row per variant of every domain error.
fn every_variant() -> Vec<(&'static str, Message)> {
    let session = Session::new(2, SlotKind::Pm);
    let at = DateTime::parse_from_rfc3339("2015-03-16T08:31:00+08:00").unwrap();
    let standing = |status| AttendanceStatus {
        status,
        at,
        reason: None,
        event_id: "e1".into(),
        desk: "desk".into(),
    };
    vec![
        row(
            "PersonError::EmptyName",
            PersonError::EmptyName,
            PersonError::message,
        ),
        row(
            "PersonError::ControlCharacters",
            PersonError::ControlCharacters,
            PersonError::message,
        ),
        row(
            "PersonError::TooLong",
            PersonError::TooLong("unit", 200),
            PersonError::message,
        ),
        row(
            "PersonError::BadPhone",
            PersonError::BadPhone,
            PersonError::message,
        ),
        row(
            "PersonError::BadIdNumber",
            PersonError::BadIdNumber,
            PersonError::message,
        ),
        row(
            "CohortError::EmptyName",
            CohortError::EmptyName,
            CohortError::message,
        ),
        row(
            "CohortError::BadDays",
            CohortError::BadDays,
            CohortError::message,
        ),
        row(
            "CohortError::BadSlots",
            CohortError::BadSlots,
            CohortError::message,
        ),
        row(
            "CohortError::BadCode",
            CohortError::BadCode,
            CohortError::message,
        ),
        row(
            "BaseError::EmptyName",
            BaseError::EmptyName,
            BaseError::message,
        ),
        row(
            "BaseError::BadLevel",
            BaseError::BadLevel("province"),
            BaseError::message,
        ),
        row(
            "ModuleError::Unknown",
            ModuleError::Unknown("x".into()),
            ModuleError::message,
        ),
        row(
            "ModuleError::Retired",
            ModuleError::Retired(3),
            ModuleError::message,
        ),
        row(
            "ModuleError::NoneGiven",
            ModuleError::NoneGiven,
            ModuleError::message,
        ),
        row(
            "ModuleError::EmptyName",
            ModuleError::EmptyName,
            ModuleError::message,
        ),
        row(
            "ModuleError::NameTaken",
            ModuleError::NameTaken {
                name: "x".into(),
                number: 2,
            },
            ModuleError::message,
        ),
        row(
            "TeachingError::EmptyTitle",
            TeachingError::EmptyTitle,
            TeachingError::message,
        ),
        row(
            "TeachingError::ControlCharacters",
            TeachingError::ControlCharacters,
            TeachingError::message,
        ),
        row(
            "TeachingError::NoSuchSession",
            TeachingError::NoSuchSession(session),
            TeachingError::message,
        ),
        row(
            "TeachingError::NoModules",
            TeachingError::NoModules,
            TeachingError::message,
        ),
        row(
            "TeachingError::NotFound",
            TeachingError::NotFound(7),
            TeachingError::message,
        ),
        row(
            "TeachingError::Deleted",
            TeachingError::Deleted(7),
            TeachingError::message,
        ),
        row(
            "TeachingError::AlreadyHeld",
            TeachingError::AlreadyHeld(7),
            TeachingError::message,
        ),
        row(
            "TeachingError::NotStarted",
            TeachingError::NotStarted(session),
            TeachingError::message,
        ),
        row(
            "TeachingError::Unchanged",
            TeachingError::Unchanged,
            TeachingError::message,
        ),
        row(
            "TeachingError::CohortClosed",
            TeachingError::CohortClosed,
            TeachingError::message,
        ),
        row(
            "Refusal::AlreadyCheckedIn",
            Refusal::AlreadyCheckedIn(standing(CheckInStatus::Late)),
            Refusal::message,
        ),
        row(
            "Refusal::AlreadyOnLeave",
            Refusal::AlreadyOnLeave(standing(CheckInStatus::Leave)),
            Refusal::message,
        ),
        row(
            "Refusal::NothingToUndo",
            Refusal::NothingToUndo,
            Refusal::message,
        ),
        row(
            "Refusal::Closed",
            Refusal::Closed(Closed::Cohort),
            Refusal::message,
        ),
        row("Closed::Cohort", Closed::Cohort, Closed::message),
        row("Closed::Session", Closed::Session(session), Closed::message),
    ]
}

#[test]
fn every_domain_error_is_chinese_in_chinese_and_english_in_english() {
    for (name, message) in every_variant() {
        let (zh, en) = (message(Lang::Zh), message(Lang::En));
        assert!(
            has_cjk(&zh),
            "{name}: the Chinese message is not Chinese: {zh}"
        );
        assert!(
            !has_cjk(&en),
            "{name}: the English message holds Chinese: {en}"
        );
        assert!(
            !en.is_empty() && !en.contains('{'),
            "{name}: unfilled: {en}"
        );
        assert!(!zh.contains('{'), "{name}: unfilled: {zh}");
    }
}

#[test]
fn arguments_reach_the_message() {
    let session = Session::new(2, SlotKind::Pm);
    let closed = Closed::Session(session).message(Lang::En);
    assert!(closed.contains(&session.to_string()), "{closed}");
    let taken = ModuleError::NameTaken {
        name: "党史".into(),
        number: 4,
    }
    .message(Lang::Zh);
    assert_eq!(taken, "名称“党史”已被模块 4 使用");
    let long = PersonError::TooLong("township", 200);
    assert_eq!(long.message(Lang::Zh), "乡镇超过 200 个字符");
    assert_eq!(
        long.message(Lang::En),
        "township is longer than 200 characters"
    );
    assert_eq!(long.to_string(), long.message(Lang::En));
}

#[test]
fn a_bad_phone_or_id_number_is_never_in_the_message() {
    let mut person = Person::named(PersonId("p1".into()), "李雅婷");
    person.phone = Some("1381234567899999".into());
    let phone = person.validate().unwrap_err();
    person.phone = None;
    person.id_number = Some("440524199001010016".into());
    let id = person.validate().unwrap_err();
    for lang in [Lang::Zh, Lang::En] {
        for error in [&phone, &id] {
            let text = error.message(lang);
            assert!(
                !text.contains("12345678") && !text.contains("19900101"),
                "{text}"
            );
        }
    }
}

#[test]
fn every_value_is_named_in_chinese_in_chinese_and_in_english_in_english() {
    use super::{ActivityStatus, BaseKind, CheckInStatus, Field, Gender, Have, Level, Method};
    let add = |name: String, label: Box<dyn Fn(Lang) -> &'static str>| {
        let (zh, en) = (label(Lang::Zh), label(Lang::En));
        assert!(has_cjk(zh), "{name}: the Chinese name is not Chinese: {zh}");
        assert!(!has_cjk(en), "{name}: the English name holds Chinese: {en}");
    };
    for v in Field::ALL {
        add(format!("{v:?}"), Box::new(move |l| v.label(l)));
    }
    for v in SlotKind::ALL {
        add(format!("{v:?}"), Box::new(move |l| v.label(l)));
    }
    for v in Method::ALL {
        add(format!("{v:?}"), Box::new(move |l| v.label(l)));
    }
    for v in BaseKind::ALL {
        add(format!("{v:?}"), Box::new(move |l| v.label(l)));
    }
    for v in Have::ALL {
        add(format!("{v:?}"), Box::new(move |l| v.label(l)));
    }
    for v in [
        CheckInStatus::Present,
        CheckInStatus::Late,
        CheckInStatus::Leave,
    ] {
        add(format!("{v:?}"), Box::new(move |l| v.label(l)));
    }
    for v in [Level::Province, Level::City, Level::County] {
        add(format!("{v:?}"), Box::new(move |l| v.label(l)));
    }
    for v in [Gender::Male, Gender::Female] {
        add(format!("{v:?}"), Box::new(move |l| v.label(l)));
    }
    for v in [
        ActivityStatus::Planned,
        ActivityStatus::Held,
        ActivityStatus::Changed,
    ] {
        add(format!("{v:?}"), Box::new(move |l| v.label(l)));
    }
}
