use super::*;

fn person(id: &str, name: &str, unit: &str) -> Person {
    let mut p = Person::named(PersonId(id.into()), name);
    p.unit = unit.into();
    p
}

fn with_number(mut p: Person, number: &str) -> Person {
    p.id_number = Some(number.into());
    p
}

fn with_phone(mut p: Person, phone: &str) -> Person {
    p.phone = Some(phone.into());
    p
}

fn pid(id: &str) -> PersonId {
    PersonId(id.into())
}

fn join(kept: &str, joined: &str, rule: MatchRule) -> Joining {
    Joining {
        kept: pid(kept),
        joined: pid(joined),
        rule,
    }
}

const NUMBER: &str = "43062119800101123x";

#[test]
fn equal_id_numbers_join_whatever_else_differs() {
    let known = [with_number(person("B", "张伟", "新开村"), NUMBER)];
    let incoming = [with_number(
        person("A", "张 伟", "荣家湾镇"),
        &NUMBER.to_uppercase(),
    )];
    let found = match_people(&known, &incoming);
    assert_eq!(found.joinings, [join("A", "B", MatchRule::IdNumber)]);
    assert!(found.near.is_empty());
}

#[test]
fn different_id_numbers_never_join_and_are_a_near_match() {
    let known = [with_phone(
        with_number(person("A", "张伟", "新开村"), NUMBER),
        "13800000000",
    )];
    let incoming = [with_phone(
        with_number(person("B", "张伟", "新开村"), "430621198001011234"),
        "13800000000",
    )];
    let found = match_people(&known, &incoming);
    assert!(found.joinings.is_empty());
    assert_eq!(found.near[0].reason, NearReason::DifferentIdNumbers);
}

#[test]
fn phone_joins_only_when_neither_has_an_id_number() {
    let known = [with_phone(person("A", "张伟", "甲村"), "138-0000-0000")];
    let incoming = [with_phone(person("B", "张卫", "乙村"), "+86 13800000000")];
    let found = match_people(&known, &incoming);
    assert_eq!(found.joinings, [join("A", "B", MatchRule::Phone)]);
    let one_number = [with_number(
        with_phone(person("C", "张伟", "丙村"), "13800000000"),
        NUMBER,
    )];
    assert!(match_people(&known, &one_number).joinings.is_empty());
}

#[test]
fn name_and_unit_join_unless_phones_differ() {
    let known = [person("A", "张伟", "新开村")];
    let incoming = [with_phone(person("B", "张伟", " 新开村 "), "13800000000")];
    let found = match_people(&known, &incoming);
    assert_eq!(found.joinings, [join("A", "B", MatchRule::NameUnit)]);
    let known = [with_phone(person("A", "张伟", "新开村"), "13900000000")];
    let found = match_people(&known, &incoming);
    assert!(found.joinings.is_empty());
    assert_eq!(found.near[0].reason, NearReason::DifferentPhones);
}

#[test]
fn an_empty_unit_never_matches_nor_nears() {
    let known = [person("A", "张伟", "")];
    let incoming = [person("B", "张伟", "  ")];
    let found = match_people(&known, &incoming);
    assert_eq!(found, Matches::default());
    let known = [person("A", "", "新开村")];
    let incoming = [person("B", "", "新开村")];
    assert_eq!(match_people(&known, &incoming), Matches::default());
}

#[test]
fn the_same_id_is_never_matched() {
    let known = [with_number(person("A", "张伟", "新开村"), NUMBER)];
    let found = match_people(&known, &known);
    assert_eq!(found, Matches::default());
}

/// Two incoming records of one person, neither known here: joined to each other.
#[test]
fn several_incoming_records_of_one_person_join() {
    let incoming = [
        with_number(person("C", "张伟", "新开村"), NUMBER),
        with_number(person("B", "张伟", "新开村"), NUMBER),
        person("D", "李强", "新开村"),
    ];
    let found = match_people(&[], &incoming);
    assert_eq!(found.joinings, [join("B", "C", MatchRule::IdNumber)]);
}

/// A known record and two incoming ones of the same person: all joined to the
/// smallest id, even when that is an incoming one and the known one was matched first.
#[test]
fn a_chain_of_joins_resolves_to_the_smallest_id() {
    let known = [person("M", "张伟", "新开村")];
    let incoming = [
        with_phone(person("K", "张伟", "新开村"), "13800000000"),
        with_phone(person("A", "张卫", "别村"), "13800000000"),
    ];
    let found = match_people(&known, &incoming);
    assert_eq!(
        found.joinings,
        [
            join("A", "K", MatchRule::NameUnit),
            join("A", "M", MatchRule::NameUnit),
        ]
    );
}

#[test]
fn an_incoming_record_held_twice_is_matched_once() {
    let incoming = [
        with_number(person("B", "张伟", "新开村"), NUMBER),
        with_number(person("B", "张伟", "新开村"), NUMBER),
    ];
    assert_eq!(match_people(&[], &incoming), Matches::default());
}
