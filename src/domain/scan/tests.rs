use super::*;
use crate::domain::mask;
use crate::domain::person::{PersonId, id_number_check};

fn person(id_number: Option<&str>, phone: Option<&str>) -> Person {
    let mut p = Person::named(PersonId("01JD0000000000000000000007".into()), "李雅婷");
    p.id_number = id_number.map(str::to_string);
    p.phone = phone.map(str::to_string);
    p
}

#[test]
fn an_id_number_is_eighteen_characters_ending_in_a_digit_or_x() {
    let body = "43060219900101123";
    let check = id_number_check(body).unwrap();
    let id = format!("{body}{check}");
    assert_eq!(
        ExactKey::parse(&id).map(ExactKey::kind),
        Some(ExactKind::IdNumber)
    );
    assert_eq!(
        ExactKey::parse("11010519491231002x"),
        ExactKey::parse("11010519491231002X"),
        "x and X are one check character"
    );
    assert!(matches!(
        ExactKey::parse("11010519491231002X"),
        Some(ExactKey::IdNumber(_))
    ));
    for not in [
        "4306021990010112",
        "4306021990010112345",
        "43060219900101123Y",
    ] {
        assert!(
            !matches!(ExactKey::parse(not), Some(ExactKey::IdNumber(_))),
            "{not}"
        );
    }
}

#[test]
fn id_numbers_share_a_key_only_when_equal() {
    let a = ExactKey::parse("430602199001011234").unwrap();
    let b = ExactKey::parse("430602199001011235").unwrap();
    let c = ExactKey::parse("43060219900101123X").unwrap();
    let d = ExactKey::parse("530602199001011234").unwrap();
    assert_ne!(a, b);
    assert_ne!(a, c);
    assert_ne!(b, c);
    assert_ne!(a, d);
    assert_eq!(a, ExactKey::parse(" 430602 19900101 1234 ").unwrap());
    assert_eq!(
        a,
        ExactKey::parse("４３０６０２１９９００１０１１２３４").unwrap()
    );
}

#[test]
fn a_phone_is_eleven_digits_however_written() {
    let key = ExactKey::parse("13812341234").unwrap();
    assert_eq!(key.kind(), ExactKind::Phone);
    for same in [
        "138 1234 1234",
        "138-1234-1234",
        "+8613812341234",
        "8613812341234",
    ] {
        assert_eq!(ExactKey::parse(same), Some(key), "{same}");
    }
    for not in [
        "1381234123",
        "138123412345",
        "1381234123a",
        "+85213812341234",
    ] {
        assert!(
            !matches!(ExactKey::parse(not), Some(ExactKey::Phone(_))),
            "{not}"
        );
    }
}

#[test]
fn names_and_pinyin_are_not_exact_forms() {
    let long = "1".repeat(40);
    for query in [
        "张伟",
        "zw",
        "lyt 新开",
        "3组",
        "2015",
        "zhangwe",
        "",
        &long,
    ] {
        assert_eq!(ExactKey::parse(query), None, "{query}");
    }
    // Eight Crockford letters are a code's shape; the index decides if anyone has it.
    assert!(matches!(
        ExactKey::parse("zhangsan"),
        Some(ExactKey::Code(_))
    ));
    assert!(matches!(
        ExactKey::parse("zhangwei"),
        Some(ExactKey::Code(_))
    ));
}

#[test]
fn a_person_has_the_keys_of_their_stored_details() {
    let p = person(Some("43060219900101123x"), Some("138-1234-1234"));
    let keys = PersonKeys::of(&p);
    assert!(keys.has(ExactKey::parse("43060219900101123X").unwrap()));
    assert!(keys.has(ExactKey::parse("13812341234").unwrap()));
    let code = PersonCode::of(&p.id).to_string();
    assert!(keys.has(ExactKey::parse(&code).unwrap()));
    assert!(!keys.has(ExactKey::parse("430602199001011234").unwrap()));
    assert!(!keys.has(ExactKey::parse("13812341235").unwrap()));
    let bare = PersonKeys::of(&person(None, Some("7301234")));
    assert_eq!((bare.id_number, bare.phone), (None, None));
}

#[test]
fn a_whole_id_number_in_the_box_shows_as_mask_shows_it() {
    for id in [
        "430602199001011234",
        "43060219900101123X",
        "43060219900101123x",
    ] {
        assert_eq!(masked_query(id), mask::id_number(id));
    }
    assert_eq!(masked_query("  430602199001011234"), "  430602********1234");
}

#[test]
fn an_id_number_being_typed_never_shows_more_than_eleven_digits() {
    let id = "430602199001011234";
    for n in 0..=id.len() {
        let shown = masked_query(&id[..n]);
        assert_eq!(shown.chars().count(), n, "one character each");
        let digits = shown.chars().filter(char::is_ascii_digit).count();
        assert!(digits <= 11, "{shown}");
    }
    assert_eq!(masked_query("430602199001"), "430602******");
    assert_eq!(masked_query("430602 19900101 1234"), "430602 ******** 1234");
}

#[test]
fn everything_else_shows_as_typed() {
    for text in [
        "13812341234",
        "138 1234 1234",
        "zw",
        "李 3组",
        "K7M2Q9PA",
        "2015-03-16",
    ] {
        assert_eq!(masked_query(text), text);
    }
    assert_eq!(
        masked_query("lyt 430602199001011234"),
        "lyt 430602********1234"
    );
}
