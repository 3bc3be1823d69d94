//! The reports' JSON has the keys and types scripts rely on. A tiny schema language:
//! each key with its type; `[T]` an array of T; `T?` T or null; `{..}` an object
//! checked by its own list.

use serde_json::Value;

use super::fixture::{fixture, json};

#[derive(Clone, Copy)]
enum Kind {
    Str,
    Int,
    Num,
    Bool,
    Obj,
    Arr(&'static Kind),
    OrNull(&'static Kind),
}

fn check(value: &Value, kind: Kind, at: &str) {
    let ok = match kind {
        Kind::Str => value.is_string(),
        Kind::Int => value.is_u64(),
        Kind::Num => value.is_number(),
        Kind::Bool => value.is_boolean(),
        Kind::Obj => value.is_object(),
        Kind::Arr(item) => {
            let items = value.as_array();
            for (i, v) in items.into_iter().flatten().enumerate() {
                check(v, *item, &format!("{at}[{i}]"));
            }
            items.is_some()
        }
        Kind::OrNull(inner) => {
            if !value.is_null() {
                check(value, *inner, at);
            }
            true
        }
    };
    assert!(ok, "{at}: {value} is not the expected type");
}

/// Every key is present with its type.
fn object(value: &Value, keys: &[(&str, Kind)], at: &str) {
    let map = value
        .as_object()
        .unwrap_or_else(|| panic!("{at} is not an object"));
    for (key, kind) in keys {
        let v = map.get(*key).unwrap_or_else(|| panic!("{at} lacks {key}"));
        check(v, *kind, &format!("{at}.{key}"));
    }
}

/// Every item of the array at `key` is an object with these keys.
fn items(value: &Value, key: &str, keys: &[(&str, Kind)]) {
    let list = value[key]
        .as_array()
        .unwrap_or_else(|| panic!("{key} is not an array"));
    assert!(!list.is_empty(), "{key} is empty in the fixture");
    for (i, item) in list.iter().enumerate() {
        object(item, keys, &format!("{key}[{i}]"));
    }
}

use Kind::{Arr, Bool, Int, Num, Obj, OrNull, Str};

const STR: Kind = Str;
const INT: Kind = Int;

#[test]
fn the_cohort_report_json_has_every_key_with_its_type() {
    let dir = tempfile::tempdir().unwrap();
    fixture(dir.path());
    let r = json(dir.path(), &["report", "cohort", "--cohort", "X"]);
    object(
        &r,
        &[
            ("generated_at", Str),
            ("cohort", Obj),
            ("enrolled", Int),
            ("by_field", Arr(&Obj)),
            ("by_county", Arr(&Obj)),
            ("sessions", Arr(&Obj)),
            ("people", Arr(&Obj)),
            ("completed", Int),
            ("total_minutes", Int),
            ("total_hours", Num),
            ("credit", Obj),
            ("teaching", Obj),
        ],
        "report",
    );
    object(
        &r["credit"],
        &[
            ("legacy", Bool),
            ("completers", Arr(&Obj)),
            ("not_completed", Arr(&Obj)),
            ("in_progress", Arr(&Obj)),
            ("withdrawn", Arr(&Obj)),
            ("substitutes", Arr(&Obj)),
        ],
        "credit",
    );
    let credited = [
        ("person_id", Str),
        ("name", Str),
        ("unit", Str),
        ("county", Str),
        ("credited_minutes", Int),
        ("credited_hours", Num),
    ];
    items(&r["credit"], "completers", &credited);
    let mut not_completed = credited.to_vec();
    not_completed.extend([("rule", Str), ("actual", Int), ("required", Int)]);
    items(&r["credit"], "not_completed", &not_completed);
    let counts = [("key", Str), ("count", Int)];
    items(&r, "by_field", &counts);
    items(&r, "by_county", &counts);
    let mut session = vec![
        ("session", Str),
        ("date", Str),
        ("slot", Str),
        ("closed", Bool),
    ];
    session.extend(["present", "late", "leave", "absent", "none"].map(|k| (k, Int)));
    session.extend([("rate", Num), ("minutes", Int), ("hours", Num)]);
    items(&r, "sessions", &session);
    items(
        &r,
        "people",
        &[
            ("person_id", Str),
            ("name", Str),
            ("county", Str),
            ("field", OrNull(&STR)),
            ("phone", OrNull(&STR)),
            ("id_number", OrNull(&STR)),
            ("attended", Int),
            ("sessions", Int),
            ("marks", Arr(&STR)),
            ("completed", Bool),
            ("standing", Str),
            ("credited_minutes", Int),
            ("credited_hours", Num),
        ],
    );
    teaching(&r["teaching"]);
}

fn teaching(t: &Value) {
    object(
        t,
        &[
            ("activities", Int),
            ("planned", Int),
            ("hours", Num),
            ("methods", Arr(&Obj)),
            ("modules", Arr(&Obj)),
            ("uncovered", Arr(&Obj)),
            ("bases", Arr(&Obj)),
            ("log", Arr(&Obj)),
        ],
        "teaching",
    );
    let name = [("number", Int), ("name", Str), ("name_en", Str)];
    items(t, "uncovered", &name);
    let mut module = name.to_vec();
    module.extend([
        ("covered", Bool),
        ("sessions", Arr(&STR)),
        ("activities", Int),
        ("hours", Num),
    ]);
    items(t, "modules", &module);
    items(
        t,
        "methods",
        &[
            ("method", Str),
            ("name", Str),
            ("name_en", Str),
            ("count", Int),
            ("hours", Num),
            ("planned", Int),
        ],
    );
    items(
        t,
        "bases",
        &[
            ("name", Str),
            ("kind", OrNull(&STR)),
            ("county", Str),
            ("registered", Bool),
            ("accredited", Bool),
            ("accredited_by", OrNull(&STR)),
            ("accredited_on", OrNull(&STR)),
            ("meets_standard", Bool),
            ("missing", Arr(&STR)),
            ("visits", Int),
            ("sessions", Arr(&STR)),
        ],
    );
    items(
        t,
        "log",
        &[
            ("id", Int),
            ("session", Str),
            ("method", Str),
            ("title", Str),
            ("lecturer", Str),
            ("role", Str),
            ("modules", Arr(&INT)),
            ("hours", OrNull(&Num)),
            ("base", OrNull(&STR)),
            ("status", Str),
        ],
    );
}

#[test]
fn the_year_report_json_has_every_key_with_its_type() {
    let dir = tempfile::tempdir().unwrap();
    fixture(dir.path());
    let r = json(dir.path(), &["report", "year", "--year", "2015"]);
    object(
        &r,
        &[
            ("generated_at", Str),
            ("year", Int),
            ("as_of", Str),
            ("retired", Int),
            ("quota_percent", Num),
            ("cohorts", Arr(&Obj)),
            ("cohorts_by_level_and_field", Arr(&Obj)),
            ("trained", Int),
            ("trained_by_field", Arr(&Obj)),
            ("trained_by_county", Arr(&Obj)),
            ("hours", Num),
            ("hours_by_field", Arr(&Obj)),
            ("hours_by_county", Arr(&Obj)),
            ("coverage_matrix", Obj),
            ("quota", Arr(&Obj)),
            ("untrained", Arr(&Obj)),
        ],
        "report",
    );
    items(
        &r,
        "quota",
        &[
            ("county", Str),
            ("village_secretaries", Int),
            ("city_level_completed", Int),
            ("ratio", OrNull(&Num)),
            ("meets", Bool),
        ],
    );
    items(
        &r,
        "untrained",
        &[
            ("person_id", Str),
            ("name", Str),
            ("county", Str),
            ("field", OrNull(&STR)),
        ],
    );
    items(
        &r,
        "cohorts",
        &[
            ("code", Str),
            ("name", Str),
            ("level", Str),
            ("field", OrNull(&STR)),
            ("start", Str),
            ("days", Int),
            ("enrolled", Int),
            ("completed", Int),
            ("legacy", Bool),
            ("total_hours", Num),
            ("credited_hours", Num),
        ],
    );
    for key in ["hours_by_field", "hours_by_county"] {
        items(&r, key, &[("key", Str), ("hours", Num)]);
    }
    items(
        &r,
        "cohorts_by_level_and_field",
        &[("level", Str), ("field", OrNull(&STR)), ("cohorts", Int)],
    );
    let m = &r["coverage_matrix"];
    items(
        m,
        "modules",
        &[
            ("number", Int),
            ("name", Str),
            ("name_en", Str),
            ("retired", Bool),
        ],
    );
    items(
        m,
        "cohorts",
        &[
            ("code", Str),
            ("name", Str),
            ("cells", Arr(&OrNull(&INT))),
            ("missing", Arr(&INT)),
        ],
    );
}
